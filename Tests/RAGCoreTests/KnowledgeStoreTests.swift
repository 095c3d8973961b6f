import Foundation
import SharedHealth
import TestSupport
import Testing

@testable import RAGCore

/// The same behaviour from both stores: memory always, PostgreSQL + pgvector when
/// TEST_DATABASE_URL is set (always in CI, where a missing database fails the suite).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, postgres
    var testDescription: String { rawValue }

    static var available: [StoreKind] { TestDatabase.mustRun ? allCases : [.memory] }

    func withKnowledgeBase<T>(embedder: any Embedder = TestEmbedder.shared, _ body: (KnowledgeBase) async throws -> T) async throws -> T {
        switch self {
        case .memory:
            let knowledgeBase = KnowledgeBase(store: MemoryKnowledgeStore(), embedder: embedder)
            try await knowledgeBase.prepare()
            return try await body(knowledgeBase)
        case .postgres:
            return try await TestDatabase.withFreshDatabase { url in
                let pool = PostgresPool(configuration: .init(url: url, maxConnections: 4, applicationName: "rag-tests"), metrics: ServiceMetrics())
                defer { pool.shutdown() }
                let knowledgeBase = KnowledgeBase(store: PostgresKnowledgeStore(pool: pool), embedder: embedder)
                try await knowledgeBase.prepare()
                return try await body(knowledgeBase)
            }
        }
    }
}

enum TestEmbedder {
    static let shared: LocalEmbedder = try! BundledKnowledgeBase.localEmbedder()
}

@Suite("Knowledge stores")
struct KnowledgeStoreTests {
    static func document(_ id: String, category: String = "cards", sections: [String]) -> KnowledgeDocument {
        KnowledgeDocument(
            id: id, title: "Title of \(id)", category: category, updated: "2026-01-01",
            body: sections.enumerated().map { "## Part \($0.offset)\n\($0.element)" }.joined(separator: "\n\n"),
            metadata: ["source": "test"]
        )
    }

    @Test(arguments: StoreKind.available)
    func searchFindsTheAnswerInEveryMode(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            try await kb.ingest(Self.document("stolen", sections: ["Report a stolen card in the app; it is blocked at once.", "A replacement arrives in five days."]))
            try await kb.ingest(Self.document("interest", category: "interest", sections: ["Savings interest is calculated daily and paid monthly."]))
            try await kb.ingest(Self.document("wires", category: "transfers", sections: ["Domestic wires cost 25 dollars and arrive the same day."]))
            for mode in SearchMode.allCases {
                let hits = try await kb.search("someone stole my card", topK: 2, mode: mode)
                #expect(hits.first?.documentID == "stolen", "mode \(mode)")
                #expect(hits.count <= 2)
            }
            let hit = try #require(try await kb.search("how is interest on savings paid", topK: 1, mode: .hybrid).first)
            #expect(hit.chunkID == "interest#0")
            #expect(hit.title == "Title of interest")
            #expect(hit.metadata["category"] == "interest")
            #expect(hit.metadata["source"] == "test")
            #expect(hit.metadata["heading"] == "Part 0")
            #expect(try await kb.store.chunkCount() == 4)
            // What RAG_MAX_TOTAL_CHARACTERS caps: the bodies' characters, a replaced one counted once.
            func bodyCharacters() async throws -> Int {
                var total = 0
                for id in ["stolen", "interest", "wires"] { total += try #require(try await kb.store.document(id: id)).document.body.unicodeScalars.count }
                return total
            }
            #expect(try await kb.store.totalCharacters() == (try await bodyCharacters()))
            try await kb.ingest(Self.document("wires", category: "transfers", sections: ["Wires: 25 dollars. Über-fast."]))
            #expect(try await kb.store.totalCharacters() == (try await bodyCharacters()))
        }
    }

    @Test(arguments: StoreKind.available)
    func keywordsAreSearchedByKeywordButNotEmbeddedOrShown(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            var replacement = Self.document("replacement", sections: ["Order a new card from the card screen; it arrives in five days."])
            let plain = replacement
            replacement.metadata["keywords"] = "chip not working, card cracked, card snapped"
            try await kb.ingest(replacement)
            try await kb.ingest(Self.document("wires", category: "transfers", sections: ["Domestic wires cost 25 dollars and arrive the same day."]))

            let keyword = try await kb.search("the chip is cracked", topK: 1, mode: .keyword)
            #expect(keyword.first?.documentID == "replacement")
            #expect(keyword.first?.text.contains("chip") == false)
            #expect(keyword.first?.metadata["keywords"] == "chip not working, card cracked, card snapped")
            // The vector is the one of the same document without keywords.
            let chunk = try #require(Chunker().chunks(of: replacement).first)
            let plainChunk = try #require(Chunker().chunks(of: plain).first)
            #expect(chunk.indexedText(title: replacement.title).contains("card snapped"))
            #expect(chunk.embeddedText(title: replacement.title) == plainChunk.indexedText(title: plain.title))
        }
    }

    @Test func bundledArticlesAllCarryKeywords() throws {
        let documents = try BundledKnowledgeBase.documents()
        #expect(documents.count >= 40)
        for document in documents {
            let keywords = document.metadata["keywords"]?.split(separator: ",") ?? []
            #expect(keywords.count >= 5, "\(document.id) has \(keywords.count) keywords")
        }
    }

    @Test(arguments: StoreKind.available)
    func filtersStillReturnTopK(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            // 30 documents about cards and 3 about fees: a filter on fees must still fill top_k
            // even though the nearest neighbours of the query are all cards.
            for i in 0..<30 {
                try await kb.ingest(Self.document("card-\(i)", sections: ["Card number \(i): freeze, unfreeze and replace your debit card."]))
            }
            for i in 0..<3 {
                try await kb.ingest(Self.document("fee-\(i)", category: "fees", sections: ["Fee table \(i) for wires and ATMs."]))
            }
            for mode in SearchMode.allCases where mode != .keyword {
                let hits = try await kb.search("freeze my debit card", topK: 3, mode: mode, filters: SearchFilters(["category": ["fees"]]))
                #expect(hits.count == 3, "mode \(mode)")
                #expect(hits.allSatisfy { $0.metadata["category"] == "fees" })
            }
            let two = try await kb.search("card", topK: 10, mode: .vector, filters: SearchFilters(["document_id": ["card-1", "card-2"]]))
            #expect(Set(two.map(\.documentID)) == ["card-1", "card-2"])
            let none = try await kb.search("card", topK: 5, mode: .hybrid, filters: SearchFilters(["category": ["nothing"]]))
            #expect(none.isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func replaceSwapsChunksAndDeleteRemovesFromAllModes(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            let first = try await kb.ingest(Self.document("doc", sections: ["Zebra crossings are painted white.", "Second part about zebras."]))
            #expect(first == .init(documentID: "doc", chunks: 2, replaced: false))
            let second = try await kb.ingest(Self.document("doc", sections: ["Giraffes eat acacia leaves."]))
            #expect(second == .init(documentID: "doc", chunks: 1, replaced: true))
            #expect(try await kb.store.chunkCount() == 1)
            for mode in SearchMode.allCases {
                let zebra = try await kb.search("zebra crossings painted", topK: 5, mode: mode)
                #expect(!zebra.contains { $0.text.contains("Zebra") }, "old chunk still found by \(mode)")
            }
            let stored = try #require(try await kb.store.document(id: "doc"))
            #expect(stored.chunkCount == 1)
            #expect(stored.document.body.contains("Giraffes"))
            #expect(stored.document.metadata == ["source": "test"])

            #expect(try await kb.store.delete(documentID: "doc"))
            #expect(try await kb.store.delete(documentID: "doc") == false)
            #expect(try await kb.store.document(id: "doc") == nil)
            for mode in SearchMode.allCases {
                #expect(try await kb.search("giraffes acacia leaves", topK: 5, mode: mode).isEmpty, "deleted chunk found by \(mode)")
            }
            #expect(try await kb.store.chunkCount() == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func concurrentSearchesSeeAWholeVersion(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            let versionA = Self.document("swap", sections: ["alpha marker text one", "alpha marker text two"])
            let versionB = Self.document("swap", sections: ["bravo marker text one", "bravo marker text two", "bravo marker text three"])
            try await kb.ingest(versionA)
            let torn = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    for i in 0..<30 { try await kb.ingest(i % 2 == 0 ? versionB : versionA) }
                    return 0
                }
                for _ in 0..<2 {
                    group.addTask {
                        var torn = 0
                        for _ in 0..<60 {
                            let hits = try await kb.search("marker text", topK: 10, mode: .hybrid, filters: SearchFilters(["document_id": ["swap"]]))
                            let alpha = hits.filter { $0.text.hasPrefix("alpha") }.count
                            let bravo = hits.filter { $0.text.hasPrefix("bravo") }.count
                            if !((alpha == 2 && bravo == 0) || (alpha == 0 && bravo == 3)) { torn += 1 }
                        }
                        return torn
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(torn == 0, "\(torn) searches saw a half-replaced document")
        }
    }

    @Test(arguments: StoreKind.available)
    func listingPagesInIDOrder(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            for id in ["c", "a", "e", "b", "d"] { try await kb.ingest(Self.document(id, sections: ["Text \(id)."])) }
            let first = try await kb.store.list(after: nil, limit: 2)
            #expect(first.documents.map(\.id) == ["a", "b"])
            #expect(first.total == 5)
            #expect(first.nextCursor == "b")
            let second = try await kb.store.list(after: first.nextCursor, limit: 2)
            #expect(second.documents.map(\.id) == ["c", "d"])
            let last = try await kb.store.list(after: second.nextCursor, limit: 2)
            #expect(last.documents.map(\.id) == ["e"])
            #expect(last.nextCursor == nil)
            #expect(last.documents.first?.chunkCount == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func anotherEmbedderIsRefused(_ kind: StoreKind) async throws {
        try await kind.withKnowledgeBase { kb in
            try await kb.ingest(Self.document("x", sections: ["Some text."]))
            await #expect(throws: KnowledgeStoreError.self) {
                try await kb.store.prepare(model: "other-model", dimension: 768)
            }
            // The same embedder again is fine (a restart).
            try await kb.prepare()
        }
    }

    @Test func postgresKeywordRankingMatchesMemory() async throws {
        guard TestDatabase.mustRun else { return }
        let documents = try BundledKnowledgeBase.documents()
        try await StoreKind.memory.withKnowledgeBase { memory in
            try await StoreKind.postgres.withKnowledgeBase { postgres in
                for document in documents {
                    try await memory.ingest(document)
                    try await postgres.ingest(document)
                }
                // Delete and re-add one, so maintained statistics are exercised.
                _ = try await postgres.store.delete(documentID: documents[0].id)
                try await postgres.ingest(documents[0])
                for query in ["my card was stolen", "how long does a wire take", "dispute a charge at a restaurant"] {
                    let a = try await memory.search(query, topK: 5, mode: .keyword)
                    let b = try await postgres.search(query, topK: 5, mode: .keyword)
                    #expect(a.map(\.chunkID) == b.map(\.chunkID), "\(query)")
                    for (x, y) in zip(a, b) { #expect(abs(x.score - y.score) < 1e-6) }
                }
            }
        }
    }
}
