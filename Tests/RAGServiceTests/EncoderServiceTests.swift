import Foundation
import Hummingbird
import HummingbirdTesting
import RAGCore
import SharedHealth
import TestSupport
import Testing

@testable import RAGService

/// RAG with the sentence encoder, the default once its model is installed: `/health` names it,
/// documents are embedded with it and vector search finds a paraphrase that shares no word with
/// the text. Without the model it skips locally and fails in CI (`CI` set), like the encoder's
/// reference test; asking for it explicitly without the model stops start-up with one line.
@Suite("RAG with the sentence encoder")
struct EncoderServiceTests {
    static let installed = (try? EncoderEmbedder.installed()) != nil
    static let mustRun = installed || ProcessInfo.processInfo.environment["CI"] != nil

    func post(_ client: some TestClientProtocol, _ path: String, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    @Test(.enabled(if: mustRun, "model not installed: run scripts/fetch-model.sh (with CI set this fails instead of skipping)"))
    func theEncoderIsTheDefaultAndFindsParaphrases() async throws {
        #expect(Self.installed, "the encoder's model is not installed (scripts/fetch-model.sh)")
        let app = try await makeServiceApp(service: "rag", ["RAG_SEED_BUNDLED": "false"], build: buildApplication)
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            let components = health.jsonObject["components"] as? [String: String]
            #expect(components?["embedder"] == "encoder:all-MiniLM-L6-v2")
            for body in [
                ###"{"id":"lost-card","title":"Lost card","category":"cards","text":"## Report it\nIf your card is lost or stolen, block it in the app at once."}"###,
                ###"{"id":"wires","title":"Wire transfers","category":"transfers","text":"## Cost\nDomestic wires cost 25 dollars and arrive the same business day."}"###,
            ] {
                #expect(try await post(client, "/v1/documents", body).status == .created)
            }
            let found = try await post(client, "/v1/search", #"{"query":"somebody pickpocketed my wallet","top_k":1,"mode":"vector"}"#)
            let hit = (found.jsonObject["results"] as? [[String: Any]])?.first
            #expect(hit?["document_id"] as? String == "lost-card")
            // No letter or digit, nothing to search for: no results, in any mode.
            for mode in ["vector", "hybrid"] {
                let nothing = try await post(client, "/v1/search", #"{"query":"!!! «»","mode":"\#(mode)"}"#)
                #expect((nothing.jsonObject["results"] as? [[String: Any]])?.isEmpty == true, "\(mode)")
            }
        }
    }

    @Test func askingForTheEncoderWithoutItsModelStopsStartUp() async throws {
        await #expect(throws: ConfigurationError.self) {
            _ = try await makeServiceApp(service: "rag", ["EMBEDDING_PROVIDER": "encoder", "MODEL_DIR": "/nonexistent", "RAG_SEED_BUNDLED": "false"], build: buildApplication)
        }
    }

    @Test func withoutTheModelTheHashedEmbedderServes() async throws {
        let app = try await makeServiceApp(service: "rag", ["MODEL_DIR": "/nonexistent", "RAG_SEED_BUNDLED": "false"], build: buildApplication)
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect((health.jsonObject["components"] as? [String: String])?["embedder"] == "local-hashed-ngrams-v1")
        }
    }
}
