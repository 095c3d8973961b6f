import Foundation
import SharedHealth
import TestSupport
import Testing

@testable import RAGCore

/// Changing the embedder of a PostgreSQL store: refused at start with one clear reason, then
/// `reindex` re-embeds every chunk (and chunks written meanwhile) and swaps the vectors in one
/// transaction, after which the new embedder starts and searches.
@Suite("Re-embedding a PostgreSQL store", .enabled(if: TestDatabase.mustRun))
struct ReindexTests {
    /// Another model of another width: a deterministic embedder over the same features.
    struct NarrowEmbedder: Embedder {
        let base = TestEmbedder.shared
        var model: String { "narrow-test-embedder" }
        var dimension: Int { 64 }
        func embed(_ texts: [String]) async throws -> [[Float]] {
            texts.map { text in
                let wide = base.vector(text)
                var narrow = [Float](repeating: 0, count: dimension)
                for (index, value) in wide.enumerated() { narrow[index % dimension] += value }
                return VectorMath.normalized(narrow)
            }
        }
    }

    @Test func aNewEmbedderTakesOverAfterReindex() async throws {
        try await TestDatabase.withFreshDatabase { url in
            let pool = PostgresPool(configuration: .init(url: url, maxConnections: 4, applicationName: "rag-tests"), metrics: ServiceMetrics())
            defer { pool.shutdown() }
            let store = PostgresKnowledgeStore(pool: pool)
            let old = KnowledgeBase(store: store, embedder: TestEmbedder.shared)
            try await old.prepare()
            try await old.ingest(KnowledgeStoreTests.document("stolen", sections: ["Report a stolen card in the app; it is blocked at once.", "A replacement arrives in five days."]))
            try await old.ingest(KnowledgeStoreTests.document("wires", category: "transfers", sections: ["Domestic wires cost 25 dollars and arrive the same day."]))

            // Another embedder on the same store is refused, naming both.
            let refused = KnowledgeBase(store: store, embedder: NarrowEmbedder())
            await #expect(throws: KnowledgeStoreError.self) { try await refused.prepare() }

            // Search keeps working on the old vectors until the swap.
            let count = try await store.reindex(with: NarrowEmbedder(), batchSize: 2)
            #expect(count == 3)
            let renewed = KnowledgeBase(store: store, embedder: NarrowEmbedder())
            try await renewed.prepare()
            let hit = try await renewed.search("someone stole my card", topK: 1, mode: .vector).first
            #expect(hit?.documentID == "stolen")
            // The old embedder is the one refused now.
            await #expect(throws: KnowledgeStoreError.self) { try await old.prepare() }
            // Writing works with the new width.
            try await renewed.ingest(KnowledgeStoreTests.document("pins", sections: ["Change your PIN in the app under Cards."]))
            #expect(try await store.chunkCount() == 4)
        }
    }
}

@Suite("Query vector cache")
struct QueryVectorCacheTests {
    @Test func keepsTheNewestEntriesUpToItsCapacity() {
        let cache = QueryVectorCache(capacity: 2)
        cache.store([1], for: "a")
        cache.store([2], for: "b")
        #expect(cache.vector(for: "a") == [1])
        cache.store([3], for: "c")  // "a", the oldest, goes
        #expect(cache.vector(for: "a") == nil)
        #expect(cache.vector(for: "b") == [2])
        #expect(cache.vector(for: "c") == [3])
        cache.store([9], for: "c")  // already there: unchanged
        #expect(cache.vector(for: "c") == [3])
    }
}
