import Foundation
import GuardrailsCore
import SharedHealth

/// A guardrails verdict and whether it came from the in-process fallback.
public struct GuardVerdict: Sendable {
    public let result: CheckResult
    public let degraded: Bool

    public init(result: CheckResult, degraded: Bool) {
        self.result = result
        self.degraded = degraded
    }
}

/// Checks every message in and every reply out.
public protocol GuardrailsGateway: Sendable {
    func check(_ text: String, direction: Direction) async -> GuardVerdict
}

/// GuardrailsService over HTTP; when it cannot answer (breaker open, timeout, 5xx, garbage) the
/// same engine runs in process and the verdict is marked degraded. There is always a verdict,
/// so nothing proceeds unchecked.
public struct HTTPGuardrailsGateway: GuardrailsGateway {
    let client: ServiceClient
    let fallback: GuardrailsEngine
    let timeout: Duration

    public init(client: ServiceClient, fallback: GuardrailsEngine, timeout: Duration = .milliseconds(500)) {
        self.client = client
        self.fallback = fallback
        self.timeout = timeout
    }

    struct Request: Encodable { let text: String; let direction: String }

    public func check(_ text: String, direction: Direction) async -> GuardVerdict {
        do {
            let result = try await client.postJSON("/v1/check", Request(text: text, direction: direction.rawValue), as: CheckResult.self, timeout: timeout, idempotent: true)
            return GuardVerdict(result: result, degraded: false)
        } catch {
            return GuardVerdict(result: fallback.check(text, direction: direction), degraded: true)
        }
    }
}

/// A help-center passage to cite.
public struct KnowledgePassage: Sendable, Codable, Equatable {
    public let documentID: String
    public let title: String
    public let text: String
    public let score: Double

    public init(documentID: String, title: String, text: String, score: Double) {
        self.documentID = documentID
        self.title = title
        self.text = text
        self.score = score
    }
}

public struct KnowledgeUnavailable: Error {
    public init() {}
}

public protocol KnowledgeGateway: Sendable {
    /// The best passages for `query`, only from `documents` when given. Throws
    /// `KnowledgeUnavailable` when search cannot answer.
    func search(_ query: String, topK: Int, documents: [String]?) async throws -> [KnowledgePassage]
}

extension KnowledgeGateway {
    public func search(_ query: String, topK: Int) async throws -> [KnowledgePassage] {
        try await search(query, topK: topK, documents: nil)
    }
}

/// RAGService over HTTP.
public struct HTTPKnowledgeGateway: KnowledgeGateway {
    let client: ServiceClient
    let timeout: Duration

    public init(client: ServiceClient, timeout: Duration = .seconds(1)) {
        self.client = client
        self.timeout = timeout
    }

    struct Request: Encodable {
        let query: String
        let topK: Int
        let mode: String
        let filters: [String: [String]]?
        enum CodingKeys: String, CodingKey { case query, topK = "top_k", mode, filters }
    }
    struct Response: Decodable {
        struct Result: Decodable { let document_id: String; let title: String; let text: String; let score: Double }
        let results: [Result]
    }

    public func search(_ query: String, topK: Int, documents: [String]?) async throws -> [KnowledgePassage] {
        let request = Request(query: query, topK: topK, mode: "hybrid", filters: documents.map { ["document_id": $0] })
        do {
            let response = try await client.postJSON("/v1/search", request, as: Response.self, timeout: timeout, idempotent: true)
            return response.results.map { KnowledgePassage(documentID: $0.document_id, title: $0.title, text: $0.text, score: $0.score) }
        } catch {
            throw KnowledgeUnavailable()
        }
    }
}
