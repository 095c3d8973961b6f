import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RAGCore
import SharedHealth
import Synchronization
import Testing

/// The OpenAI-compatible embedder against a fake `/embeddings` server on port 0 (never the internet).
@Suite("OpenAI-compatible embedder")
struct OpenAIEmbedderTests {
    final class FakeEndpoint: Sendable {
        let batchSizes = Mutex<[Int]>([])
        let failuresLeft = Mutex(0)
        let dimension: Int
        let authorization = Mutex<String?>(nil)
        let failureStatus: HTTPResponse.Status

        init(dimension: Int, failures: Int = 0, failureStatus: HTTPResponse.Status = .serviceUnavailable) {
            self.dimension = dimension
            self.failureStatus = failureStatus
            failuresLeft.withLock { $0 = failures }
        }

        struct Request: Decodable { let model: String; let input: [String] }

        func router() -> Router<BasicRequestContext> {
            let router = Router()
            router.post("/v1/embeddings") { request, context -> Response in
                self.authorization.withLock { $0 = request.headers[.authorization] }
                if self.failuresLeft.withLock({ value in defer { value -= 1 }; return value > 0 }) {
                    return Response(status: self.failureStatus)
                }
                let body = try await request.decode(as: Request.self, context: context)
                self.batchSizes.withLock { $0.append(body.input.count) }
                // Out of order on purpose: the client must sort by index.
                let items = body.input.enumerated().reversed().map { index, text in
                    var vector = [Double](repeating: 0, count: self.dimension)
                    vector[text.count % self.dimension] = 2
                    return ["index": index, "embedding": vector] as [String: Any]
                }
                let data = try JSONSerialization.data(withJSONObject: ["object": "list", "data": items])
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            return router
        }
    }

    func withEndpoint(_ endpoint: FakeEndpoint, _ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let app = Application(router: endpoint.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "fake"))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/v1")
        }
    }

    func embedder(_ baseURL: String, dimension: Int, batchSize: Int = 3) -> (OpenAIEmbedder, CurlHTTPClient) {
        let http = CurlHTTPClient(configuration: .init(maxConnections: 2))
        var settings = CircuitBreakerSettings()
        settings.minimumNumberOfCalls = 100
        let client = ServiceClient(
            target: "embeddings", baseURL: baseURL, http: http,
            breaker: CircuitBreaker(name: "embeddings", settings: settings), metrics: ServiceMetrics(),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20))
        )
        return (OpenAIEmbedder(client: client, model: "test-model", dimension: dimension, apiKey: "sk-test", batchSize: batchSize), http)
    }

    @Test func batchesOrdersAndNormalizes() async throws {
        let endpoint = FakeEndpoint(dimension: 8)
        try await withEndpoint(endpoint) { url in
            let (embedder, http) = embedder(url, dimension: 8)
            defer { http.shutdown() }
            let texts = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g"]
            let vectors = try await embedder.embed(texts)
            #expect(vectors.count == 7)
            for (text, vector) in zip(texts, vectors) {
                #expect(vector[text.count % 8] == 1)  // normalized, in input order
            }
            #expect(endpoint.batchSizes.withLock { $0 } == [3, 3, 1])
            #expect(endpoint.authorization.withLock { $0 } == "Bearer sk-test")
        }
    }

    @Test func serverErrorsAreRetried() async throws {
        let endpoint = FakeEndpoint(dimension: 4, failures: 2)
        try await withEndpoint(endpoint) { url in
            let (embedder, http) = embedder(url, dimension: 4)
            defer { http.shutdown() }
            let vectors = try await embedder.embed(["x"])
            #expect(vectors.count == 1)
        }
    }

    @Test func permanentServerErrorsAreNotRetried() async throws {
        let endpoint = FakeEndpoint(dimension: 4, failures: 1, failureStatus: .internalServerError)
        try await withEndpoint(endpoint) { url in
            let (embedder, http) = embedder(url, dimension: 4)
            defer { http.shutdown() }
            await #expect(throws: HTTPClientError.badStatus(500)) { _ = try await embedder.embed(["x"]) }
            #expect(endpoint.failuresLeft.withLock { $0 } == 0)
        }
    }

    @Test func wrongDimensionIsAnError() async throws {
        let endpoint = FakeEndpoint(dimension: 4)
        try await withEndpoint(endpoint) { url in
            let (embedder, http) = embedder(url, dimension: 768)
            defer { http.shutdown() }
            await #expect(throws: EmbedderError.self) { _ = try await embedder.embed(["x"]) }
        }
    }
}
