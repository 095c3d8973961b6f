import Foundation
import RAGCore
import SharedHealth

/// Search latency and ingestion rate of the knowledge-base stores on synthetic chunks.
///
///     RAGBenchmark --store memory --chunks 10000
///     RAGBenchmark --store postgres --chunks 100000 --database-url postgresql://…
///
/// Synthetic, seeded text with the shape of a help center: each document has a topic (40 words
/// of the bundled articles' vocabulary); its chunks are 60 words, 60 % from the topic and 40 %
/// drawn Zipf-like from the whole vocabulary. A query is 8 words: 6 from one chunk, 2 from the
/// background. For PostgreSQL it also reports HNSW recall@10 against an exact scan.
@main
struct RAGBenchmark {
    struct Options {
        var store = "memory"
        var chunks = 10_000
        var queries = 1_000
        var databaseURL: String?
        var topK = 10
        var recallQueries = 200
        var reuse = false
        var efSearch = PostgresKnowledgeStore.defaultEFSearch
        var modes = SearchMode.allCases
    }

    static func main() async throws {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--store": options.store = arguments.next() ?? options.store
            case "--chunks": options.chunks = Int(arguments.next() ?? "") ?? options.chunks
            case "--queries": options.queries = Int(arguments.next() ?? "") ?? options.queries
            case "--database-url": options.databaseURL = arguments.next()
            case "--top-k": options.topK = Int(arguments.next() ?? "") ?? options.topK
            case "--recall-queries": options.recallQueries = Int(arguments.next() ?? "") ?? options.recallQueries
            case "--reuse": options.reuse = true
            case "--ef-search": options.efSearch = Int(arguments.next() ?? "") ?? options.efSearch
            case "--modes": options.modes = (arguments.next() ?? "").split(separator: ",").compactMap { SearchMode(rawValue: String($0)) }
            default:
                print("usage: RAGBenchmark [--store memory|postgres] [--chunks N] [--queries N] [--database-url URL] [--top-k K] [--recall-queries N] [--reuse] [--ef-search N] [--modes vector,keyword,hybrid]")
                exit(2)
            }
        }

        let embedder = try BundledKnowledgeBase.localEmbedder()
        let vocabulary = try Self.vocabulary()
        var random = SeededRandom(seed: 42)
        let categories = ["accounts", "cards", "transfers", "bill-pay", "fees", "disputes", "security", "app"]

        let store: any KnowledgeStore
        var postgres: PostgresKnowledgeStore?
        var pool: PostgresPool?
        if options.store == "postgres" {
            guard let url = options.databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"] else {
                print("--database-url or DATABASE_URL is required for --store postgres")
                exit(2)
            }
            let p = PostgresPool(configuration: .init(url: url, maxConnections: 4, applicationName: "rag-benchmark"), metrics: ServiceMetrics())
            pool = p
            let pg = PostgresKnowledgeStore(pool: p, efSearch: options.efSearch)
            if !options.reuse { try await pg.dropSchema() }
            postgres = pg
            store = pg
        } else {
            store = MemoryKnowledgeStore()
        }
        try await store.prepare(model: embedder.model, dimension: embedder.dimension)
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; store \(options.store); \(options.chunks) chunks of 60 words; local embedder, \(embedder.dimension) dimensions")

        // Ingestion: documents of 50 chunks, each document one transaction.
        let existing = try await store.chunkCount()
        if existing >= options.chunks {
            print("reusing \(existing) chunks already in the store")
        } else {
            let perDocument = 50
            var embedSeconds = 0.0, storeSeconds = 0.0
            for documentIndex in 0..<((options.chunks + perDocument - 1) / perDocument) {
                let topic = Self.topic(documentIndex, vocabulary)
                let id = String(format: "bench-%06d", documentIndex)
                let category = categories[documentIndex % categories.count]
                let document = KnowledgeDocument(id: id, title: "Synthetic \(documentIndex)", category: category, body: "synthetic")
                let count = min(perDocument, options.chunks - documentIndex * perDocument)
                var texts: [String] = []
                for _ in 0..<count { texts.append(Self.chunkText(topic: topic, vocabulary, &random)) }
                let t0 = ContinuousClock.now
                let vectors = texts.map(embedder.vector)
                let t1 = ContinuousClock.now
                let chunks = texts.enumerated().map { i, text in
                    EmbeddedChunk(
                        chunk: Chunk(id: "\(id)#\(i)", documentID: id, ordinal: i, heading: "", text: text, metadata: document.chunkMetadata),
                        vector: vectors[i], indexedText: text
                    )
                }
                try await store.replace(document, chunks: chunks)
                let t2 = ContinuousClock.now
                embedSeconds += (t1 - t0).seconds
                storeSeconds += (t2 - t1).seconds
            }
            let n = Double(options.chunks)
            print(String(format: "ingestion: %.0f chunks/s embedding, %.0f chunks/s storing, %.0f chunks/s end to end (%.1f s)",
                         n / embedSeconds, n / storeSeconds, n / (embedSeconds + storeSeconds), embedSeconds + storeSeconds))
        }

        let knowledgeBase = KnowledgeBase(store: store, embedder: embedder)
        var queries: [String] = []
        for _ in 0..<options.queries {
            // Regenerate a random chunk's topic and take words from a fresh text on it.
            let documentIndex = Int(random.next() % UInt64(max(1, options.chunks / 50)))
            let source = Self.chunkText(topic: Self.topic(documentIndex, vocabulary), vocabulary, &random).split(separator: " ")
            var words = (0..<6).map { _ in String(source[Int(random.next() % UInt64(source.count))]) }
            words += Self.sentence(2, vocabulary, &random).split(separator: " ").map(String.init)
            queries.append(words.joined(separator: " "))
        }
        for mode in options.modes {
            for query in queries.prefix(20) { _ = try await knowledgeBase.search(query, topK: options.topK, mode: mode) }  // warm-up
            var latencies: [Double] = []
            let started = ContinuousClock.now
            for query in queries {
                let t0 = ContinuousClock.now
                _ = try await knowledgeBase.search(query, topK: options.topK, mode: mode)
                latencies.append((ContinuousClock.now - t0).seconds * 1000)
            }
            let total = (ContinuousClock.now - started).seconds
            latencies.sort()
            print(String(format: "search %@ top_k=%d: %.0f queries/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d queries, one client)",
                         mode.rawValue, options.topK, Double(queries.count) / total,
                         percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99), queries.count))
        }
        // Filtered vector search: one category of eight.
        do {
            var latencies: [Double] = []
            var short = 0
            for query in queries {
                let t0 = ContinuousClock.now
                let hits = try await knowledgeBase.search(query, topK: options.topK, mode: .vector, filters: SearchFilters(["category": ["fees"]]))
                latencies.append((ContinuousClock.now - t0).seconds * 1000)
                if hits.count < options.topK { short += 1 }
            }
            latencies.sort()
            print(String(format: "search vector with a category filter: p50 %.2f ms, p99 %.2f ms; %d of %d queries returned fewer than top_k",
                         percentile(latencies, 0.50), percentile(latencies, 0.99), short, queries.count))
        }

        if let postgres {
            var overlap = 0
            for query in queries.prefix(options.recallQueries) {
                let vector = embedder.vector(query)
                let approximate = Set(try await postgres.nearest(vector, limit: options.topK, exact: false).map(\.chunkID))
                let exact = try await postgres.nearest(vector, limit: options.topK, exact: true).map(\.chunkID)
                overlap += exact.filter(approximate.contains).count
            }
            let recall = Double(overlap) / Double(min(options.recallQueries, queries.count) * options.topK)
            print(String(format: "HNSW recall@%d against exact search: %.4f (%d queries, ef_search %d)", options.topK, recall, min(options.recallQueries, queries.count), max(postgres.efSearch, options.topK * 2)))
        }
        pool?.shutdown()
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func vocabulary() throws -> [String] {
        var counts: [String: Int] = [:]
        for document in try BundledKnowledgeBase.documents() {
            for word in TextAnalyzer.words(document.title + " " + document.body) where word.count > 2 {
                counts[word, default: 0] += 1
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// A document's topic: 40 vocabulary words picked by a generator seeded with its index, so
    /// queries can be generated for the same topics later.
    static func topic(_ documentIndex: Int, _ vocabulary: [String]) -> [String] {
        var random = SeededRandom(seed: 0x7091C ^ UInt64(documentIndex))
        return (0..<40).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
    }

    static func chunkText(topic: [String], _ vocabulary: [String], _ random: inout SeededRandom) -> String {
        var words: [String] = []
        for _ in 0..<60 {
            if random.next() % 10 < 6 {
                words.append(topic[Int(random.next() % UInt64(topic.count))])
            } else {
                words.append(sentence(1, vocabulary, &random))
            }
        }
        return words.joined(separator: " ")
    }

    /// Words drawn with probability ∝ 1 / rank (Zipf).
    static func sentence(_ length: Int, _ vocabulary: [String], _ random: inout SeededRandom) -> String {
        let n = vocabulary.count
        let harmonic = log(Double(n)) + 0.5772
        var words: [String] = []
        for _ in 0..<length {
            let u = Double(random.next() >> 11) / Double(1 << 53)
            let rank = min(n - 1, Int(exp(u * harmonic)) - 1)
            words.append(vocabulary[max(0, rank)])
        }
        return words.joined(separator: " ")
    }
}
