import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Prometheus

extension HTTPField.Name {
    public static let requestID = Self("X-Request-ID")!
    public static let internalAPIKey = Self(ServiceClient.internalAPIKeyHeader)!
}

/// Accepts the caller's `X-Request-ID` (if it is a sane token) or makes one; puts it on the
/// context, the logger and the response, and in `RequestIDContext` so outbound calls forward it.
public struct RequestIDMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let requestID = request.headers[.requestID].flatMap(Self.accept) ?? Self.generate()
        context.requestID = requestID
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = .string(requestID)
        var response = try await RequestIDContext.$current.withValue(requestID) {
            try await next(request, context)
        }
        response.headers[.requestID] = requestID
        return response
    }

    /// Up to 128 characters of letters, digits and `-_.:`; anything else is replaced, so a
    /// caller cannot inject text into logs or headers.
    static func accept(_ value: String) -> String? {
        guard !value.isEmpty, value.utf8.count <= 128 else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }
        return allowed ? value : nil
    }

    static func generate() -> String {
        RequestIDGenerator.shared.next()
    }
}

/// One JSON access-log line and the HTTP metrics per request. Logs the route template, never
/// the raw path, query, body or Authorization. Probe routes (`/live`, `/ready`, `/metrics`)
/// are logged at debug unless the caller sent its own request id, to keep polling out of the logs.
public struct AccessLogMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    let metrics: ServiceMetrics
    let inFlight: Gauge
    static let probeRoutes: Set<String> = ["/live", "/ready", "/metrics"]

    public init(metrics: ServiceMetrics) {
        self.metrics = metrics
        self.inFlight = metrics.gauge(.httpRequestsInFlight)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        inFlight.increment()
        defer { inFlight.decrement() }
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // The error middleware sits inside this one; anything reaching here is unexpected.
            response = APIError.from(error).response(requestID: context.requestID)
        }
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        let status = String(response.status.code)
        metrics.counter(.httpRequestsTotal, [("method", method), ("route", route), ("status", status)]).increment()
        metrics.durationHistogram(.httpRequestDuration, [("method", method), ("route", route)]).record(elapsed)

        let quiet = Self.probeRoutes.contains(route) && request.headers[.requestID] == nil && response.status.code < 500
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        context.logger.log(
            level: quiet ? .debug : .info,
            "request",
            metadata: [
                "method": .string(method),
                "route": .string(route),
                "status": .stringConvertible(Int(response.status.code)),
                "duration_ms": .stringConvertible((seconds * 1e6).rounded() / 1e3),
            ]
        )
        return response
    }
}

/// Turns every error thrown below it into DESIGN's JSON error response. Unexpected errors
/// become a 500 whose log line names only the error's type (its text might hold user data).
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: ["error_type": .string(String(reflecting: type(of: error))), "status": .stringConvertible(Int(apiError.status.code))]
                )
            }
            return apiError.response(requestID: context.requestID)
        }
    }
}

/// Rejects bodies over the limit with 413 before they are read (by Content-Length) and caps
/// what `request.decode` collects for chunked bodies.
public struct BodyLimitMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.payloadTooLarge(limit: limit)
        }
        var context = context
        context.maxUploadSize = limit
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: limit)
        }
    }
}

/// When `INTERNAL_API_KEY` is set, service-to-service routes require it in `X-Internal-API-Key`.
/// Compared in constant time.
public struct InternalAPIKeyMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    let key: [UInt8]?

    public init(key: String?) {
        self.key = key.map { Array($0.utf8) }
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let key {
            let presented = Array((request.headers[.internalAPIKey] ?? "").utf8)
            guard constantTimeEqual(presented, key) else {
                throw APIError(.unauthorized, code: "unauthorized", message: "A valid internal API key is required.")
            }
        }
        return try await next(request, context)
    }
}

/// Equality whose time does not depend on where the inputs first differ.
public func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
    for index in 0..<max(a.count, b.count) {
        let x = index < a.count ? a[index] : 0
        let y = index < b.count ? b[index] : 0
        difference |= x ^ y
    }
    return difference == 0 && a.count == b.count
}
