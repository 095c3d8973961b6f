import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOHTTP1
import Prometheus

extension HTTPField.Name {
    public static let requestID = Self("X-Request-ID")!
    public static let internalAPIKey = Self(ServiceClient.internalAPIKeyHeader)!
}

/// The common request pipeline of every service, in one middleware: each async middleware
/// layer is more async frames per request (and, under NIO's executor take-over, cost several
/// executor hops), so the four steps below run as plain code in one `handle`, outermost first.
/// The response then waits for the rest of the loop pass (`EventLoopGlobalExecutor.yieldToLoop`).
///
/// 1. Request id: the caller's `X-Request-ID` if it is a sane token, else a new one; on the
///    context, the logger, the response, and in `RequestIDContext` so outbound calls forward it.
/// 2. Access log and HTTP metrics: one JSON line per request with the route template (never the
///    raw path, query, body or Authorization). Probe routes (`/live`, `/ready`, `/metrics`) log
///    at debug unless the caller sent its own request id, to keep polling out of the logs.
/// 3. Errors: everything thrown below becomes DESIGN's JSON error response. Unexpected errors
///    become a 500 whose log line names only the error's type (its text might hold user data).
/// 4. Body limit: 413 by Content-Length before the body is read, and a cap on what
///    `request.decode` collects for chunked bodies.
public struct ServiceMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    let metrics: ServiceMetrics
    let inFlight: Gauge
    let bodyLimit: Int
    static let probeRoutes: Set<String> = ["/live", "/ready", "/metrics"]

    public init(metrics: ServiceMetrics, bodyLimit: Int) {
        self.metrics = metrics
        self.inFlight = metrics.gauge(.httpRequestsInFlight)
        self.bodyLimit = bodyLimit
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // 1. Request id.
        var context = context
        let requestID = request.headers[.requestID].flatMap(RequestID.accept) ?? RequestID.generate()
        context.requestID = requestID
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = .string(requestID)
        context.maxUploadSize = bodyLimit

        // 2. Timed from here, errors included.
        let started = ContinuousClock.now
        inFlight.increment()
        defer { inFlight.decrement() }
        var response: Response
        do {
            response = try await RequestIDContext.$current.withValue(requestID) { [context] in
                try await limitBody(request, context: context, next: next)
            }
        } catch {
            // 3. Errors.
            let apiError = APIError.from(error)
            if error is HTTPParserError {
                context.logger.notice("malformed request framing", metadata: ["status": "400"])
            } else if apiError.status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: ["error_type": .string(String(reflecting: type(of: error))), "status": .stringConvertible(Int(apiError.status.code))]
                )
            }
            response = apiError.response(requestID: requestID)
        }
        // Answer with the rest of this loop pass (see `EventLoopGlobalExecutor.yieldToLoop`).
        await EventLoopGlobalExecutor.yieldToLoop()
        log(request, response, context: context, elapsed: ContinuousClock.now - started)
        response.headers[.requestID] = requestID
        return response
    }

    /// 4. The body limit.
    private func limitBody(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > bodyLimit {
            throw APIError.payloadTooLarge(limit: bodyLimit)
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: bodyLimit)
        }
    }

    /// 2. The access-log line and the HTTP metrics.
    private func log(_ request: Request, _ response: Response, context: Context, elapsed: Duration) {
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
    }
}

/// Request ids: what a caller may send, and new ones.
public enum RequestID {
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
