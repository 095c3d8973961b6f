import Foundation

public struct HTTPClientRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// Overrides the client's total timeout for this request.
    public var timeout: Duration?

    public init(method: String = "GET", url: String, headers: [(String, String)] = [], body: [UInt8]? = nil, timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

public struct HTTPClientResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// New connections this transfer opened (0 when a kept-alive connection was reused).
    public var connectionsOpened: Int

    public init(status: Int, headers: [(String, String)], body: [UInt8], connectionsOpened: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.connectionsOpened = connectionsOpened
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body))
    }
}

public enum HTTPClientError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidRequest(String)
    case connectFailed(String)
    case timedOut
    case responseTooLarge(limit: Int)
    case transport(code: Int, message: String)
    case shutDown
    /// A response whose status says the target failed (5xx), raised by the service client.
    case badStatus(Int)

    public var description: String {
        switch self {
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .connectFailed(let reason): "connect failed: \(reason)"
        case .timedOut: "timed out"
        case .responseTooLarge(let limit): "response larger than \(limit) bytes"
        case .transport(let code, let message): "transport error \(code): \(message)"
        case .shutDown: "client is shut down"
        case .badStatus(let status): "status \(status)"
        }
    }

    /// Whether a retry of an idempotent request may succeed.
    public var isTransient: Bool {
        switch self {
        case .connectFailed, .timedOut, .transport: true
        case .badStatus(let status): status == 502 || status == 503 || status == 504
        case .invalidRequest, .responseTooLarge, .shutDown: false
        }
    }
}
