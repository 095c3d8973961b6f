import Foundation
import SharedHealth

/// Any OpenAI-compatible `/embeddings` endpoint (Together.AI by default) over the shared libcurl
/// client: batched inputs, the client's breaker, retries (embedding is idempotent), and a
/// check that every vector has the configured dimension.
public struct OpenAIEmbedder: Embedder {
    public static let defaultBaseURL = "https://api.together.xyz/v1"
    public static let defaultModel = "BAAI/bge-base-en-v1.5"
    public static let defaultDimension = 768

    public let model: String
    public let dimension: Int
    let client: ServiceClient
    let apiKey: String?
    let batchSize: Int
    let timeout: Duration

    public init(client: ServiceClient, model: String, dimension: Int, apiKey: String?, batchSize: Int = 64, timeout: Duration = .seconds(20)) {
        self.client = client
        self.model = model
        self.dimension = dimension
        self.apiKey = apiKey
        self.batchSize = max(1, batchSize)
        self.timeout = timeout
    }

    struct Request: Encodable {
        let model: String
        let input: [String]
    }

    struct Response: Decodable {
        struct Item: Decodable {
            let index: Int
            let embedding: [Float]
        }
        let data: [Item]
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            let batch = Array(texts[start..<min(start + batchSize, texts.count)])
            vectors += try await embedBatch(batch)
        }
        return vectors
    }

    func embedBatch(_ batch: [String]) async throws -> [[Float]] {
        var headers = [("Content-Type", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let body = try JSONEncoder().encode(Request(model: model, input: batch))
        let response = try await client.send("POST", "/embeddings", headers: headers, body: Array(body), timeout: timeout, idempotent: true)
        guard response.status == 200 else {
            throw EmbedderError.badResponse("status \(response.status)")
        }
        let decoded: Response
        do {
            decoded = try JSONDecoder().decode(Response.self, from: Data(response.body))
        } catch {
            throw EmbedderError.badResponse("body is not an embeddings response")
        }
        guard decoded.data.count == batch.count else {
            throw EmbedderError.badResponse("\(decoded.data.count) embeddings for \(batch.count) inputs")
        }
        var ordered = [[Float]?](repeating: nil, count: batch.count)
        for item in decoded.data {
            guard item.index >= 0, item.index < batch.count, ordered[item.index] == nil else {
                throw EmbedderError.badResponse("embedding index \(item.index) out of range or repeated")
            }
            guard item.embedding.count == dimension else {
                throw EmbedderError.dimensionMismatch(expected: dimension, got: item.embedding.count)
            }
            ordered[item.index] = VectorMath.normalized(item.embedding)
        }
        return ordered.map { $0! }
    }
}
