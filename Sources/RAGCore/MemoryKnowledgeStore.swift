#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The embedded store: exact cosine over a contiguous vector matrix and Okapi BM25 over an
/// inverted index. Searches share a read lock and run in parallel; a replace or delete takes
/// the write lock for the whole document, so no search sees half of it.
public final class MemoryKnowledgeStore: KnowledgeStore, @unchecked Sendable {
    private let lock = ReadWriteLock()
    private var state = State()

    /// BM25 parameters (the usual defaults).
    static let k1 = 1.2
    static let b = 0.75

    struct Slot {
        let chunk: Chunk
        let title: String
        let termCounts: [String: Int]
        let length: Int
    }

    struct State {
        var model: String?
        var dimension = 0
        var slots: [Slot?] = []
        var vectors: [Float] = []
        var freeSlots: [Int] = []
        /// term → (slot, term frequency), unordered.
        var postings: [String: [(slot: Int32, tf: Int32)]] = [:]
        /// Filter index: metadata key (and "document_id") → value → slots.
        var metadataIndex: [String: [String: Set<Int>]] = [:]
        var totalLength = 0
        var liveChunks = 0
        var documents: [String: (document: KnowledgeDocument, slots: [Int])] = [:]
    }

    public init() {}

    public func prepare(model: String, dimension: Int) async throws {
        try lock.write {
            if let stored = state.model, stored != model || state.dimension != dimension {
                throw KnowledgeStoreError.embeddingMismatch(storedModel: stored, storedDimension: state.dimension, model: model, dimension: dimension)
            }
            state.model = model
            state.dimension = dimension
        }
    }

    @discardableResult
    public func replace(_ document: KnowledgeDocument, chunks: [EmbeddedChunk]) async throws -> Bool {
        let prepared = chunks.map { chunk -> (EmbeddedChunk, [String: Int], Int) in
            let terms = TextAnalyzer.terms(chunk.indexedText)
            var counts: [String: Int] = [:]
            for term in terms { counts[term, default: 0] += 1 }
            return (chunk, counts, terms.count)
        }
        return try lock.write {
            guard state.model != nil else { throw KnowledgeStoreError.notPrepared }
            for chunk in chunks where chunk.vector.count != state.dimension {
                throw KnowledgeStoreError.wrongDimension(expected: state.dimension, got: chunk.vector.count)
            }
            let existed = removeDocument(document.id)
            var slots: [Int] = []
            for (embedded, counts, length) in prepared {
                let slot: Int
                if let free = state.freeSlots.popLast() {
                    slot = free
                    state.vectors.replaceSubrange((slot * state.dimension)..<((slot + 1) * state.dimension), with: embedded.vector)
                } else {
                    slot = state.slots.count
                    state.slots.append(nil)
                    state.vectors.append(contentsOf: embedded.vector)
                }
                state.slots[slot] = Slot(chunk: embedded.chunk, title: document.title, termCounts: counts, length: length)
                for (term, count) in counts { state.postings[term, default: []].append((Int32(slot), Int32(count))) }
                state.metadataIndex["document_id", default: [:]][embedded.chunk.documentID, default: []].insert(slot)
                for (key, value) in embedded.chunk.metadata { state.metadataIndex[key, default: [:]][value, default: []].insert(slot) }
                state.totalLength += length
                state.liveChunks += 1
                slots.append(slot)
            }
            state.documents[document.id] = (document, slots)
            return existed
        }
    }

    public func delete(documentID: String) async throws -> Bool {
        lock.write { removeDocument(documentID) }
    }

    /// Call with the write lock held.
    private func removeDocument(_ id: String) -> Bool {
        guard let entry = state.documents.removeValue(forKey: id) else { return false }
        for slot in entry.slots {
            guard let old = state.slots[slot] else { continue }
            for term in old.termCounts.keys {
                state.postings[term]?.removeAll { $0.slot == Int32(slot) }
                if state.postings[term]?.isEmpty == true { state.postings[term] = nil }
            }
            var metadata = old.chunk.metadata
            metadata["document_id"] = old.chunk.documentID
            for (key, value) in metadata {
                state.metadataIndex[key]?[value]?.remove(slot)
                if state.metadataIndex[key]?[value]?.isEmpty == true { state.metadataIndex[key]?[value] = nil }
            }
            state.totalLength -= old.length
            state.liveChunks -= 1
            state.slots[slot] = nil
            state.freeSlots.append(slot)
        }
        return true
    }

    public func document(id: String) async throws -> (document: KnowledgeDocument, chunkCount: Int)? {
        lock.read { state.documents[id].map { ($0.document, $0.slots.count) } }
    }

    public func list(after cursor: String?, limit: Int) async throws -> DocumentPage {
        lock.read {
            let ids = state.documents.keys.sorted()
            let start = cursor.map { c in ids.firstIndex(where: { $0 > c }) ?? ids.count } ?? 0
            let page = ids[start...].prefix(limit)
            let summaries = page.map { id -> DocumentSummary in
                let entry = state.documents[id]!
                let d = entry.document
                return DocumentSummary(id: d.id, title: d.title, category: d.category, updated: d.updated, metadata: d.metadata, chunkCount: entry.slots.count)
            }
            let more = start + page.count < ids.count
            return DocumentPage(documents: summaries, nextCursor: more ? page.last : nil, total: ids.count)
        }
    }

    public func chunkCount() async throws -> Int {
        lock.read { state.liveChunks }
    }

    public func totalCharacters() async throws -> Int {
        lock.read { state.documents.values.reduce(0) { $0 + $1.document.body.unicodeScalars.count } }
    }

    public func candidates(_ query: StoreQuery) async throws -> (vector: [ChunkHit], keyword: [ChunkHit]) {
        let queryTerms = query.keywords.map { Array(Set(TextAnalyzer.terms($0))) } ?? []
        return try lock.read {
            var vectorHits: [ChunkHit] = []
            if let vector = query.vector {
                guard vector.count == state.dimension else { throw KnowledgeStoreError.wrongDimension(expected: state.dimension, got: vector.count) }
                vectorHits = vectorSearch(vector, limit: query.limit, filters: query.filters)
            }
            let keywordHits = query.keywords == nil ? [] : keywordSearch(queryTerms, limit: query.limit, filters: query.filters)
            return (vectorHits, keywordHits)
        }
    }

    /// Call with a lock held.
    private func vectorSearch(_ vector: [Float], limit: Int, filters: SearchFilters) -> [ChunkHit] {
        var top = TopK(limit: limit)
        let d = state.dimension
        let allowed = filteredSlots(filters)
        vector.withUnsafeBufferPointer { q in
            state.vectors.withUnsafeBufferPointer { matrix in
                func score(_ index: Int) {
                    let row = UnsafeBufferPointer(rebasing: matrix[(index * d)..<((index + 1) * d)])
                    top.insert(Double(VectorMath.dot(q, row)), index)
                }
                if let allowed {
                    for index in allowed { score(index) }
                } else {
                    for index in state.slots.indices where state.slots[index] != nil { score(index) }
                }
            }
        }
        return top.sorted().map { hit(slot: $0.index, score: $0.score) }
    }

    /// The slots that pass the filters (nil: no filters, every slot), from the metadata index:
    /// a union over each key's values, intersected across keys.
    private func filteredSlots(_ filters: SearchFilters) -> Set<Int>? {
        guard !filters.isEmpty else { return nil }
        var result: Set<Int>?
        for (key, values) in filters.conditions {
            var union = Set<Int>()
            for value in values { union.formUnion(state.metadataIndex[key]?[value] ?? []) }
            result = result.map { $0.intersection(union) } ?? union
            if result?.isEmpty == true { break }
        }
        return result ?? []
    }

    /// Call with a lock held.
    private func keywordSearch(_ terms: [String], limit: Int, filters: SearchFilters) -> [ChunkHit] {
        let n = Double(state.liveChunks)
        guard n > 0 else { return [] }
        let averageLength = Double(state.totalLength) / n
        // Scores accumulate in a flat array indexed by slot; `touched` lists the slots to read back.
        var scores = [Double](repeating: 0, count: state.slots.count)
        var touched: [Int] = []
        for term in terms {
            guard let postings = state.postings[term] else { continue }
            let df = Double(postings.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            for posting in postings {
                let slot = Int(posting.slot)
                let length = Double(state.slots[slot]!.length)
                let f = Double(posting.tf)
                if scores[slot] == 0 { touched.append(slot) }
                scores[slot] += idf * f * (Self.k1 + 1) / (f + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
            }
        }
        let allowed = filteredSlots(filters)
        var top = TopK(limit: limit)
        for slot in touched where allowed?.contains(slot) ?? true {
            top.insert(scores[slot], slot)
        }
        return top.sorted().map { hit(slot: $0.index, score: $0.score) }
    }

    private func hit(slot index: Int, score: Double) -> ChunkHit {
        let slot = state.slots[index]!
        return ChunkHit(chunkID: slot.chunk.id, documentID: slot.chunk.documentID, title: slot.title, text: slot.chunk.text, metadata: slot.chunk.metadata, score: score)
    }
}

/// The best `limit` (score, index) pairs seen, kept sorted; ties broken by lower index so
/// results are deterministic.
struct TopK {
    let limit: Int
    private(set) var items: [(score: Double, index: Int)] = []

    init(limit: Int) {
        self.limit = limit
        items.reserveCapacity(limit + 1)
    }

    private static func better(_ a: (score: Double, index: Int), _ b: (score: Double, index: Int)) -> Bool {
        a.score != b.score ? a.score > b.score : a.index < b.index
    }

    mutating func insert(_ score: Double, _ index: Int) {
        guard limit > 0 else { return }
        let item = (score: score, index: index)
        if items.count == limit, let last = items.last, !Self.better(item, last) { return }
        var position = items.count
        while position > 0, Self.better(item, items[position - 1]) { position -= 1 }
        items.insert(item, at: position)
        if items.count > limit { items.removeLast() }
    }

    func sorted() -> [(score: Double, index: Int)] { items }
}

/// pthread read-write lock: many concurrent readers, one writer.
final class ReadWriteLock: @unchecked Sendable {
    private let rwlock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        rwlock = .allocate(capacity: 1)
        rwlock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(rwlock, nil)
    }

    deinit {
        pthread_rwlock_destroy(rwlock)
        rwlock.deallocate()
    }

    func read<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        return try body()
    }

    func write<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(rwlock)
        defer { pthread_rwlock_unlock(rwlock) }
        return try body()
    }
}
