import Foundation
import HTTPTypes
import Hummingbird
import NIOHTTP1

/// A client-facing error, rendered as DESIGN's
/// `{"error": {"code": "...", "message": "...", "request_id": "..."}}`.
/// Messages are written for the caller and never contain secrets or internal detail.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public static func badRequest(_ message: String, code: String = "bad_request") -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    public static func unauthorized(_ message: String = "Authentication is required.") -> APIError {
        APIError(.unauthorized, code: "unauthorized", message: message, headers: [.wwwAuthenticate: "Bearer"])
    }

    public static func forbidden(_ message: String) -> APIError {
        APIError(.forbidden, code: "forbidden", message: message)
    }

    public static func notFound(_ message: String = "The resource does not exist.") -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }

    public static func conflict(_ message: String) -> APIError {
        APIError(.conflict, code: "conflict", message: message)
    }

    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "payload_too_large", message: "The request body is larger than \(limit) bytes.")
    }

    public static func unprocessable(_ message: String) -> APIError {
        APIError(.unprocessableContent, code: "unprocessable_entity", message: message)
    }

    public static func rateLimited(retryAfterSeconds: Int) -> APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(max(1, retryAfterSeconds))
        return APIError(.tooManyRequests, code: "rate_limited", message: "Too many requests; retry later.", headers: headers)
    }

    public static func dependencyUnavailable(_ dependency: String, retryAfterSeconds: Int? = nil) -> APIError {
        var headers = HTTPFields()
        if let retryAfterSeconds { headers[.retryAfter] = String(max(1, retryAfterSeconds)) }
        return APIError(.serviceUnavailable, code: "dependency_unavailable", message: "\(dependency) is unavailable; retry later.", headers: headers)
    }

    /// Maps any error a handler may throw to the error the caller sees.
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            return APIError(
                error.status,
                code: defaultCode(for: error.status),
                message: error.body ?? defaultMessage(for: error.status),
                headers: error.headers
            )
        case let error as any HTTPResponseError:
            return APIError(error.status, code: defaultCode(for: error.status), message: defaultMessage(for: error.status))
        case let error as DecodingError:
            return APIError(.badRequest, code: "invalid_request", message: describe(error))
        case is HTTPParserError:
            // Broken framing (a bad chunk size, an unknown transfer coding, junk in a chunk
            // extension): the client's fault, not a server failure.
            return APIError(.badRequest, code: "malformed_request", message: "The request's HTTP framing is malformed.")
        case let error as PostgresError where error.kind == .invalidText || error.sqlState == "22P05":
            // NUL characters (raw, or as \u0000 in JSON) cannot be stored as PostgreSQL text.
            return .badRequest("Text must not contain NUL (U+0000) characters.")
        case let error as PostgresError where error.sqlState == "57014":
            // statement_timeout (or a cancel): the database is too slow or blocked right now.
            return .dependencyUnavailable("The database", retryAfterSeconds: 1)
        case is WorkerPoolWaitTimeout:
            return .dependencyUnavailable("The database", retryAfterSeconds: 1)
        case let error as PostgresError where error.kind == .connection:
            // The database is unreachable (restart, failover): the request may be retried.
            return .dependencyUnavailable("The database", retryAfterSeconds: 1)
        case let error as CircuitOpenError:
            let seconds = Int((Double(error.retryAfter.components.seconds) + 0.999).rounded(.down))
            return .dependencyUnavailable(error.target, retryAfterSeconds: max(1, seconds))
        default:
            return APIError(.internalServerError, code: "internal_error", message: "The server failed to handle the request.")
        }
    }

    static func defaultCode(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 422: "unprocessable_entity"
        case 429: "rate_limited"
        case 503: "service_unavailable"
        case 500..<600: "internal_error"
        default: "error"
        }
    }

    static func defaultMessage(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "No route matches this method and path."
        case 413: "The request body is too large."
        case 500..<600: "The server failed to handle the request."
        default: status.reasonPhrase
        }
    }

    /// Names the field at fault without echoing the request's content.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let joined = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "the body" : "'\(joined)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
            return "Missing field '\(key.stringValue)'\(parent)."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "Field \(path(context.codingPath)) has the wrong type."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "The body is not valid JSON." : "Field \(path(context.codingPath)) is invalid."
        @unknown default:
            return "The body is not valid."
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let request_id: String
        }
        let error: Detail
    }

    /// The JSON response for this error.
    public func response(requestID: String) -> Response {
        let body = Body(error: .init(code: code, message: message, request_id: requestID))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(body)) ?? Data(#"{"error":{"code":"internal_error","message":"","request_id":""}}"#.utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
