import Foundation
import Logging
import Prometheus

/// Names the request being served, so that outbound calls made while serving it carry the same
/// `X-Request-ID` without threading it through every signature.
public enum RequestIDContext {
    @TaskLocal public static var current: String?
}

/// A client for one downstream target (another service, an LLM or embeddings endpoint):
/// base URL, circuit breaker, retry policy for idempotent calls, request-id and internal API key
/// forwarding to the project's own services only, and the
/// `http_client_request_duration_seconds{target}` histogram.
public struct ServiceClient: Sendable {
    public static let internalAPIKeyHeader = "X-Internal-API-Key"
    public static let requestIDHeader = "X-Request-ID"

    /// Who is at the other end. Internal headers (the request id, the internal API key) go to
    /// the project's own services and never to a third party (DESIGN.md).
    public enum Audience: Sendable {
        case internalService
        case thirdParty
    }

    /// Header names that only the project's own services may receive, lower case.
    static let internalHeaders: Set<String> = [internalAPIKeyHeader.lowercased(), requestIDHeader.lowercased()]

    public let target: String
    public let baseURL: String
    public let breaker: CircuitBreaker
    public let retry: RetryPolicy
    public let audience: Audience
    private let http: CurlHTTPClient
    private let internalAPIKey: String?
    private let extraHeaders: [(String, String)]
    private let duration: DurationHistogram

    public init(
        target: String,
        baseURL: String,
        http: CurlHTTPClient,
        breaker: CircuitBreaker,
        metrics: ServiceMetrics,
        retry: RetryPolicy = RetryPolicy(),
        internalAPIKey: String? = nil,
        headers: [(String, String)] = [],
        audience: Audience = .internalService
    ) {
        self.target = target
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.http = http
        self.breaker = breaker
        self.retry = retry
        self.audience = audience
        self.internalAPIKey = audience == .internalService ? internalAPIKey : nil
        self.extraHeaders = audience == .internalService ? headers : headers.filter { !Self.internalHeaders.contains($0.0.lowercased()) }
        self.duration = metrics.durationHistogram(.httpClientRequestDuration, [("target", target)])
    }

    /// Sends one request through the breaker. A 5xx answer counts as a failure for the breaker
    /// and is thrown as `HTTPClientError.badStatus`; other statuses are returned.
    /// Retries happen only when `idempotent` (by default: GET, HEAD, PUT, DELETE, OPTIONS).
    public func send(
        _ method: String,
        _ path: String,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil,
        timeout: Duration? = nil,
        idempotent: Bool? = nil
    ) async throws -> HTTPClientResponse {
        var allHeaders = extraHeaders + headers
        if audience == .internalService {
            if let requestID = RequestIDContext.current {
                allHeaders.append((Self.requestIDHeader, requestID))
            }
            if let internalAPIKey {
                allHeaders.append((Self.internalAPIKeyHeader, internalAPIKey))
            }
        } else {
            allHeaders.removeAll { Self.internalHeaders.contains($0.0.lowercased()) }
        }
        if body != nil, !allHeaders.contains(where: { $0.0.lowercased() == "content-type" }) {
            allHeaders.append(("Content-Type", "application/json"))
        }
        let request = HTTPClientRequest(method: method, url: baseURL + path, headers: allHeaders, body: body, timeout: timeout)
        let canRetry = idempotent ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
        let policy = canRetry ? retry : .none
        return try await policy.run(shouldRetry: { ($0 as? HTTPClientError)?.isTransient ?? false }) { _ in
            try await attempt(request)
        }
    }

    private func attempt(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let response = try await breaker.execute(isFailure: { $0.status >= 500 }) {
            // Timed inside the breaker: a rejected call made no request and has no duration.
            let started = ContinuousClock.now
            defer { duration.record(ContinuousClock.now - started) }
            return try await http.execute(request)
        }
        if response.status >= 500 {
            throw HTTPClientError.badStatus(response.status)
        }
        return response
    }

    public func get(_ path: String, timeout: Duration? = nil) async throws -> HTTPClientResponse {
        try await send("GET", path, timeout: timeout)
    }

    /// POSTs `body` as JSON and decodes a 2xx JSON answer; other statuses throw `ServiceClientError`.
    public func postJSON<Body: Encodable, Answer: Decodable>(
        _ path: String,
        _ body: Body,
        as: Answer.Type = Answer.self,
        timeout: Duration? = nil,
        idempotent: Bool = false
    ) async throws -> Answer {
        let encoded = try JSONEncoder().encode(body)
        let response = try await send("POST", path, body: Array(encoded), timeout: timeout, idempotent: idempotent)
        guard (200..<300).contains(response.status) else {
            throw ServiceClientError(target: target, status: response.status, body: response.bodyText)
        }
        return try response.decode(Answer.self)
    }
}

/// A non-2xx, non-5xx answer from a target, for callers that expected success.
public struct ServiceClientError: Error, CustomStringConvertible, Sendable {
    public let target: String
    public let status: Int
    public let body: String

    public var description: String { "\(target) answered \(status)" }
}
