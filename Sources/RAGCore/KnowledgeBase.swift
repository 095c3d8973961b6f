import Foundation
import Synchronization

public enum SearchMode: String, Sendable, CaseIterable {
    case hybrid, vector, keyword
}

/// Search and ingestion over a store and an embedder: chunk, embed, store; embed the query,
/// take the vector and keyword candidates from one store view, fuse them by reciprocal rank.
public struct KnowledgeBase: Sendable {
    public let store: any KnowledgeStore
    public let embedder: any Embedder
    public let chunker: Chunker
    /// Reciprocal rank fusion constant (Cormack et al. use 60): damps the head of each list so
    /// a passage ranked well by both beats one ranked first by only one.
    public static let rrfK = 60.0

    /// Recent queries' vectors (an encoder pass is milliseconds of CPU; questions repeat).
    let queryCache = QueryVectorCache(capacity: 4_096)

    public init(store: any KnowledgeStore, embedder: any Embedder, chunker: Chunker = Chunker()) {
        self.store = store
        self.embedder = embedder
        self.chunker = chunker
    }

    public func prepare() async throws {
        try await store.prepare(model: embedder.model, dimension: embedder.dimension)
    }

    public struct IngestResult: Sendable, Equatable {
        public let documentID: String
        public let chunks: Int
        public let replaced: Bool
    }

    /// Creates or replaces the document: all embedding happens before the store's transaction,
    /// so a failing embedder leaves the old version untouched.
    @discardableResult
    public func ingest(_ document: KnowledgeDocument) async throws -> IngestResult {
        let chunks = chunker.chunks(of: document)
        let texts = chunks.map { $0.indexedText(title: document.title) }
        let vectors = try await embedder.embed(chunks.map { $0.embeddedText(title: document.title) })
        guard vectors.count == chunks.count else {
            throw EmbedderError.badResponse("\(vectors.count) vectors for \(chunks.count) texts")
        }
        let embedded = zip(chunks, zip(vectors, texts)).map { EmbeddedChunk(chunk: $0, vector: $1.0, indexedText: $1.1) }
        let replaced = try await store.replace(document, chunks: embedded)
        return IngestResult(documentID: document.id, chunks: chunks.count, replaced: replaced)
    }

    /// Ingests `documents` when the store holds no chunks (first start). Returns how many.
    public func seedIfEmpty(with documents: [KnowledgeDocument]) async throws -> Int {
        guard try await store.chunkCount() == 0 else { return 0 }
        // A few documents at a time: an encoder embeds one document's chunks as one job, so
        // one at a time would leave all but one core idle while the service starts.
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = documents.makeIterator()
            for _ in 0..<width { if let document = next.next() { group.addTask { try await self.ingest(document) } } }
            while try await group.next() != nil {
                if let document = next.next() { group.addTask { try await self.ingest(document) } }
            }
        }
        return documents.count
    }

    public func search(_ query: String, topK: Int, mode: SearchMode, filters: SearchFilters = SearchFilters()) async throws -> [ChunkHit] {
        // A query with no letter or digit (only emoji or punctuation) has nothing to search
        // for: the hashed embedder gives it zeros (cosine undefined, NaN in pgvector) and the
        // encoder a vector of "[CLS] ! ! ! [SEP]" that is near nothing in particular, so it
        // matches nothing rather than everything.
        let hasContent = query.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        var vector = mode == .keyword || !hasContent ? nil : try await queryVector(query)
        if !hasContent, mode == .vector { return [] }
        if let embedded = vector, !embedded.contains(where: { $0 != 0 && $0.isFinite }) {
            vector = nil
            if mode == .vector { return [] }
        }
        // Fusion looks deeper than top_k: a passage at rank 15 in one list and 2 in the other
        // should still surface.
        let depth = mode == .hybrid ? max(topK * 3, 30) : topK
        let lists = try await store.candidates(StoreQuery(vector: vector, keywords: mode == .vector ? nil : query, limit: depth, filters: filters))
        switch mode {
        case .vector: return Array(lists.vector.prefix(topK))
        case .keyword: return Array(lists.keyword.prefix(topK))
        case .hybrid: return Array(Self.fuse([lists.vector, lists.keyword]).prefix(topK))
        }
    }

    /// The query's vector, from the cache when the same query was embedded recently.
    func queryVector(_ query: String) async throws -> [Float]? {
        if let cached = queryCache.vector(for: query) { return cached }
        guard let vector = try await embedder.embed([query]).first else { return nil }
        queryCache.store(vector, for: query)
        return vector
    }

    /// Reciprocal rank fusion: score = Σ 1 / (k + rank). Ties keep the first list's order.
    static func fuse(_ lists: [[ChunkHit]]) -> [ChunkHit] {
        var scores: [String: Double] = [:]
        var hits: [String: ChunkHit] = [:]
        var firstSeen: [String: Int] = [:]
        var order = 0
        for list in lists {
            for (rank, hit) in list.enumerated() {
                scores[hit.chunkID, default: 0] += 1 / (rrfK + Double(rank + 1))
                if hits[hit.chunkID] == nil {
                    hits[hit.chunkID] = hit
                    firstSeen[hit.chunkID] = order
                    order += 1
                }
            }
        }
        return hits.values.sorted { a, b in
            let sa = scores[a.chunkID]!, sb = scores[b.chunkID]!
            return sa != sb ? sa > sb : firstSeen[a.chunkID]! < firstSeen[b.chunkID]!
        }.map { hit in
            var fused = hit
            fused.score = scores[hit.chunkID]!
            return fused
        }
    }
}

/// The help-center articles shipped with the service (package resources).
public enum BundledKnowledgeBase {
    /// Parsed once per process: the files never change while it runs.
    public static func documents() throws -> [KnowledgeDocument] {
        try cachedDocuments.get()
    }

    private static let cachedDocuments = Result { try loadDocuments() }
    private static let embedders = Mutex<[Int: LocalEmbedder]>([:])

    static func loadDocuments() throws -> [KnowledgeDocument] {
        guard let directory = Bundle.module.url(forResource: "KnowledgeBase", withExtension: nil) else {
            throw MarkdownArticle.ParseError(reason: "bundled KnowledgeBase resources are missing")
        }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { url in
            do {
                return try MarkdownArticle.parse(String(contentsOf: url, encoding: .utf8))
            } catch let error as MarkdownArticle.ParseError {
                throw MarkdownArticle.ParseError(reason: "\(url.lastPathComponent): \(error.reason)")
            }
        }
    }

    /// The local embedder with IDF learned from the bundled articles' chunks: the same in every
    /// process, so stored vectors stay comparable.
    /// Built once per process and dimension (learning the IDF takes a moment of CPU).
    public static func localEmbedder(dimension: Int = 512) throws -> LocalEmbedder {
        if let cached = embedders.withLock({ $0[dimension] }) { return cached }
        let chunker = Chunker()
        let corpus = try documents().flatMap { document in
            chunker.chunks(of: document).map { $0.embeddedText(title: document.title) }
        }
        let embedder = LocalEmbedder(dimension: dimension, referenceCorpus: corpus)
        embedders.withLock { $0[dimension] = embedder }
        return embedder
    }
}
