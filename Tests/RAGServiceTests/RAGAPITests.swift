import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RAGCore
import SharedHealth
import TestSupport
import Testing

@testable import RAGService

@Suite("RAG API")
struct RAGAPITests {
    /// Validation tests need no articles; skipping the seed keeps the parallel suite light.
    static let empty = ["RAG_SEED_BUNDLED": "false"]

    /// The hashed embedder unless a test asks for another: the encoder embedding the whole
    /// knowledge base in every test would load the CPU under the parallel suite
    /// (`EncoderServiceTests` covers it).
    func app(_ values: [String: String] = [:]) async throws -> some ApplicationProtocol {
        try await makeServiceApp(service: "rag", ["EMBEDDING_PROVIDER": "local"].merging(values) { _, new in new }, build: buildApplication)
    }

    func json(_ response: TestResponse) throws -> [String: Any] {
        response.jsonObject
    }

    func post(_ client: some TestClientProtocol, _ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.postJSON(uri, body, headers: headers)
    }

    /// docs/api/rag.yaml documents exactly the routes the service registers.
    @Test func theOpenAPISpecDocumentsEveryRegisteredRoute() async throws {
        let registered = try await registeredRoutes(service: "rag", ["EMBEDDING_PROVIDER": "local", "RAG_SEED_BUNDLED": "false"], build: buildApplication)
        let documented = try OpenAPISpec.operations(in: "rag.yaml")
        #expect(registered.contains("GET /health"))
        #expect(registered == documented)
    }

    @Test func bundledArticlesAreSearchableWithCitationsFields() async throws {
        try await app().test(.router) { client in
            let response = try await post(client, "/v1/search", #"{"query":"my debit card was stolen, what should I do","top_k":3}"#)
            #expect(response.status == .ok)
            let body = try json(response)
            let results = try #require(body["results"] as? [[String: Any]])
            #expect(results.count == 3)
            #expect(results.first?["document_id"] as? String == "card-lost-stolen")
            for key in ["chunk_id", "document_id", "title", "text", "score", "metadata"] {
                #expect(results.first?[key] != nil, "missing \(key)")
            }
            #expect(body["took_ms"] as? Double != nil)
            #expect(body["mode"] as? String == "hybrid")
        }
    }

    @Test(arguments: [
        (#"{"query":""}"#, "query"),
        (#"{"query":"   "}"#, "query"),
        (#"{"top_k":3}"#, "query"),
        (#"{"query":"fees","top_k":0}"#, "top_k"),
        (#"{"query":"fees","top_k":10000}"#, "top_k"),
        (#"{"query":"fees","mode":"semantic"}"#, "mode"),
        (#"{"query":"fees","filters":{"category":7}}"#, "filter"),
        (#"{"query":"fees","filters":{"category":[]}}"#, "category"),
        (#"{"query": "#, "JSON"),
    ])
    func badSearchesAreClear400s(_ body: String, _ mentions: String) async throws {
        try await app(Self.empty).test(.router) { client in
            let response = try await post(client, "/v1/search", body)
            #expect(response.status == .badRequest)
            let error = try #require(try json(response)["error"] as? [String: Any])
            #expect(error["code"] as? String == "bad_request")
            #expect((error["message"] as? String)?.localizedCaseInsensitiveContains(mentions) == true, "\(error)")
            #expect(error["request_id"] as? String != nil)
        }
    }

    @Test func filtersNarrowResults() async throws {
        try await app().test(.router) { client in
            let response = try await post(client, "/v1/search", #"{"query":"how much does it cost","top_k":5,"mode":"vector","filters":{"category":["fees"]}}"#)
            let results = try #require(try json(response)["results"] as? [[String: Any]])
            #expect(results.count == 5)
            #expect(results.allSatisfy { ($0["metadata"] as? [String: String])?["category"] == "fees" })
        }
    }

    @Test func documentLifecycle() async throws {
        try await app().test(.router) { client in
            let create = try await post(client, "/v1/documents", ###"{"id":"promo-2026","title":"Holiday promotion","category":"rewards","text":"## Offer\nEarn quintuple points on marmalade purchases in December.","metadata":{"campaign":"holiday"}}"###)
            #expect(create.status == .created)
            #expect(try json(create)["status"] as? String == "created")
            #expect(try json(create)["chunks"] as? Int == 1)

            let found = try await post(client, "/v1/search", #"{"query":"marmalade points","top_k":1,"mode":"keyword"}"#)
            let hit = try #require((try json(found)["results"] as? [[String: Any]])?.first)
            #expect(hit["chunk_id"] as? String == "promo-2026#0")
            #expect((hit["metadata"] as? [String: String])?["campaign"] == "holiday")

            let replace = try await post(client, "/v1/documents", #"{"id":"promo-2026","title":"Holiday promotion","category":"rewards","text":"Earn double points on pineapple purchases."}"#)
            #expect(replace.status == .ok)
            #expect(try json(replace)["status"] as? String == "replaced")

            let get = try await client.execute(uri: "/v1/documents/promo-2026", method: .get)
            #expect(get.status == .ok)
            #expect(try json(get)["text"] as? String == "Earn double points on pineapple purchases.")

            let list = try await client.execute(uri: "/v1/documents?limit=100", method: .get)
            let listed = try json(list)
            #expect((listed["total"] as? Int ?? 0) >= 41)
            #expect((listed["documents"] as? [[String: Any]])?.contains { $0["id"] as? String == "promo-2026" } == true)

            let delete = try await client.execute(uri: "/v1/documents/promo-2026", method: .delete)
            #expect(delete.status == .noContent)
            let value1 = try await client.execute(uri: "/v1/documents/promo-2026", method: .get)
            #expect(value1.status == .notFound)
            let value2 = try await client.execute(uri: "/v1/documents/promo-2026", method: .delete)
            #expect(value2.status == .notFound)
            for mode in ["hybrid", "vector", "keyword"] {
                let gone = try await post(client, "/v1/search", #"{"query":"pineapple purchases double points","top_k":5,"mode":"\#(mode)"}"#)
                let ids = (try json(gone)["results"] as? [[String: Any]])?.compactMap { $0["document_id"] as? String } ?? []
                #expect(!ids.contains("promo-2026"), "deleted document found by \(mode)")
            }
        }
    }

    @Test func paginationWalksEveryDocumentOnce() async throws {
        try await app().test(.router) { client in
            var seen: [String] = []
            var cursor: String?
            repeat {
                let uri = "/v1/documents?limit=7" + (cursor.map { "&after=\($0)" } ?? "")
                let page = try json(try await client.execute(uri: uri, method: .get))
                seen += (page["documents"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.count == Set(seen).count)
            #expect(seen == seen.sorted())
            #expect(seen.count == (try BundledKnowledgeBase.documents()).count)
        }
    }

    @Test(arguments: [
        (#"{"title":"t","category":"c","text":"x"}"#, HTTPResponse.Status.badRequest),
        (#"{"id":"has space","title":"t","category":"c","text":"x"}"#, .badRequest),
        (#"{"id":"ok","category":"c","text":"x"}"#, .badRequest),
        (#"{"id":"ok","title":"t","text":"x"}"#, .badRequest),
        (#"{"id":"ok","title":"t","category":"c","text":"   "}"#, .badRequest),
        (#"{"id":"ok","title":"t","category":"c","text":"x","metadata":{"category":"other"}}"#, .badRequest),
        (#"{"id":"ok","title":"t","category":"c","text":"x","metadata":{"n":1}}"#, .badRequest),
    ])
    func badDocumentsAreRejectedAndNothingIsWritten(_ body: String, _ status: HTTPResponse.Status) async throws {
        try await app(Self.empty).test(.router) { client in
            let before = try json(try await client.execute(uri: "/v1/documents?limit=1", method: .get))["total"] as? Int
            let response = try await post(client, "/v1/documents", body)
            #expect(response.status == status)
            #expect(try json(response)["error"] != nil)
            let after = try json(try await client.execute(uri: "/v1/documents?limit=1", method: .get))["total"] as? Int
            #expect(before == after)
        }
    }

    @Test func twoMegabyteDocumentIs413() async throws {
        try await app(Self.empty).test(.router) { client in
            let text = String(repeating: "a", count: 2 * 1024 * 1024)
            let response = try await post(client, "/v1/documents", #"{"id":"big","title":"Big","category":"x","text":"\#(text)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect((try json(response)["error"] as? [String: Any])?["code"] as? String == "payload_too_large")
        }
    }

    @Test func badPathAndQueryParametersAre400() async throws {
        try await app(Self.empty).test(.router) { client in
            let value3 = try await client.execute(uri: "/v1/documents?limit=0", method: .get)
            #expect(value3.status == .badRequest)
            let value4 = try await client.execute(uri: "/v1/documents?limit=abc", method: .get)
            #expect(value4.status == .badRequest)
            let value5 = try await client.execute(uri: "/v1/documents/bad%20id", method: .get)
            #expect(value5.status == .badRequest)
        }
    }

    @Test func metricsExposeSearchDurationAndChunks() async throws {
        try await app().test(.router) { client in
            _ = try await post(client, "/v1/search", #"{"query":"fees","mode":"keyword"}"#)
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            let samples = try PrometheusText.parse(text)
            #expect(samples.contains { $0.name == "rag_search_duration_seconds_count" && $0.labels["mode"] == "keyword" && $0.value == 1 })
            let chunks = try #require(samples.first { $0.name == "rag_chunks" })
            #expect(chunks.value > 100)
        }
    }

    @Test func internalKeyIsRequiredWhenSet() async throws {
        try await app(Self.empty.merging(["INTERNAL_API_KEY": "0123456789abcdef0123"]) { $1 }).test(.router) { client in
            let value6 = try await post(client, "/v1/search", #"{"query":"fees"}"#)
            #expect(value6.status == .unauthorized)
            let ok = try await client.execute(
                uri: "/v1/search", method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("X-Internal-API-Key")!: "0123456789abcdef0123"],
                body: ByteBuffer(string: #"{"query":"fees"}"#)
            )
            #expect(ok.status == .ok)
        }
    }

    @Test(arguments: [
        ["EMBEDDING_PROVIDER": "magic"],
        ["EMBEDDING_PROVIDER": "openai"],  // Together.AI without a key
        ["EMBEDDING_DIMENSION": "3"],
        ["DATABASE_URL": "mysql://x"],
    ])
    func badConfigurationIsAConfigurationError(_ values: [String: String]) async throws {
        await #expect(throws: ConfigurationError.self) { _ = try await app(values) }
    }
}
