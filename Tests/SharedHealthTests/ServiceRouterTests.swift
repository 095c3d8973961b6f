import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TestSupport
import Testing

@testable import SharedHealth

/// The common router of every service, exercised in process.
@Suite("Service router")
struct ServiceRouterTests {
    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let request_id: String }
        let error: Detail
    }

    func runtime(_ values: [String: String] = [:]) throws -> ServiceRuntime {
        let configuration = try ServiceConfiguration(service: "test", defaultPort: 0, environment: EnvironmentReader(values))
        return ServiceRuntime(configuration: configuration, logger: Logger(label: "test"))
    }

    func application(
        _ runtime: ServiceRuntime,
        dependencies: [Dependency] = [],
        routes: (Router<ServiceRequestContext>) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let readiness = runtime.readinessMonitor(dependencies: dependencies)
        let router = runtime.makeRouter(readiness: readiness)
        routes(router)
        return Application(router: router, services: [readiness], logger: runtime.logger)
    }

    @Test func generatedRequestIDsAreDistinctVersion4UUIDs() throws {
        let generator = RequestIDGenerator()
        var seen = Set<String>()
        for _ in 0..<100_000 {
            let id = generator.next()
            let uuid = try #require(UUID(uuidString: id), "not a UUID: \(id)")
            #expect(id == uuid.uuidString.lowercased())
            #expect(Array(id.utf8)[14] == UInt8(ascii: "4"))
            #expect([UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(Array(id.utf8)[19]))
            seen.insert(id)
        }
        #expect(seen.count == 100_000)
        // Another process (another generator) starts from other keys.
        let other = RequestIDGenerator()
        #expect(!seen.contains(other.next()))
        #expect(RequestID.accept(generator.next()) != nil)
    }

    @Test func liveAnswersAndARequestIDIsGeneratedOrKept() async throws {
        try await application(runtime()).test(.router) { client in
            try await client.execute(uri: "/live", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.requestID]?.count == 36)
            }
            try await client.execute(uri: "/live", method: .get, headers: [.requestID: "trace-1:a.b_c"]) { response in
                #expect(response.headers[.requestID] == "trace-1:a.b_c")
            }
            // A forged id with a line break or spaces is replaced, not echoed.
            try await client.execute(uri: "/live", method: .get, headers: [.requestID: "bad id\" injected"]) { response in
                #expect(response.headers[.requestID] != "bad id\" injected")
            }
        }
    }

    @Test func unknownRoutesGetTheJSONErrorFormat() async throws {
        try await application(runtime()).test(.router) { client in
            try await client.execute(uri: "/v1/nothing", method: .get, headers: [.requestID: "r-404"]) { response in
                #expect(response.status == .notFound)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.code == "not_found")
                #expect(body.error.request_id == "r-404")
            }
        }
    }

    @Test func bodiesOverTheLimitGet413AndBadJSONGets400() async throws {
        struct Input: Decodable { let text: String }
        let app = application(try runtime(["MAX_BODY_BYTES": "2048"])) { router in
            router.post("/v1/echo") { request, context -> String in
                try await request.decode(as: Input.self, context: context).text
            }
        }
        try await app.test(.router) { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 4096)
            try await client.execute(uri: "/v1/echo", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.code == "payload_too_large")
            }
            try await client.execute(uri: "/v1/echo", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(!body.error.message.isEmpty)
            }
            try await client.execute(uri: "/v1/echo", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"text":"hi"}"#)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "hi")
            }
        }
    }

    @Test func unexpectedErrorsBecome500WithoutDetail() async throws {
        struct Secret: Error, CustomStringConvertible { var description: String { "password=hunter2" } }
        let app = application(try runtime()) { router in
            router.get("/v1/crash") { _, _ -> String in throw Secret() }
            router.get("/v1/limited") { _, _ -> String in throw APIError.rateLimited(retryAfterSeconds: 7) }
            router.get("/v1/database-down") { _, _ -> String in throw PostgresError(kind: .connection, sqlState: nil, message: "server closed the connection") }
            router.get("/v1/bad-query") { _, _ -> String in throw PostgresError(kind: .query, sqlState: "42601", message: "syntax error") }
        }
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/crash", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(!String(buffer: response.body).contains("hunter2"))
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.code == "internal_error")
            }
            try await client.execute(uri: "/v1/limited", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "7")
            }
            // A lost database connection is a dependency outage (retryable), a bad query a bug.
            try await client.execute(uri: "/v1/database-down", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.code == "dependency_unavailable")
                #expect(!body.error.message.contains("server closed"))
            }
            try await client.execute(uri: "/v1/bad-query", method: .get) { response in
                #expect(response.status == .internalServerError)
            }
        }
    }

    @Test func readyIs503NamingMissingDependenciesThen200() async throws {
        let up = Mutex(false)
        let dependency = Dependency(name: "rag", required: true) {
            guard up.withLock({ $0 }) else { throw Boom() }
        }
        let runtime = try runtime(["READINESS_POLL_INTERVAL_MS": "50", "READINESS_MAX_BACKOFF_MS": "50"])
        try await application(runtime, dependencies: [dependency]).test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let text = String(buffer: response.body)
                #expect(text.contains(#""missing":["rag"]"#))
                #expect(text.contains(#""circuit""#) == false)  // no breaker on this dependency
            }
            up.withLock { $0 = true }
            // Polled rather than a fixed sleep: the parallel suite can delay the monitor.
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                let status = try await client.execute(uri: "/ready", method: .get) { $0.status }
                if status == .ok { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""status":"ready""#))
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#""service":"test""#))
                #expect(text.contains(#""uptime_seconds""#))
                #expect(text.contains(#""version":"0.1.0""#))
            }
        }
    }

    @Test func metricsAreValidPrometheusTextWithRouteTemplates() async throws {
        let app = application(try runtime()) { router in
            router.get("/v1/items/{id}") { _, context -> String in context.parameters.get("id") ?? "" }
        }
        try await app.test(.router) { client in
            for id in ["1", "2", "3"] {
                try await client.execute(uri: "/v1/items/\(id)", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let samples = try PrometheusText.parse(String(buffer: response.body))
                let requests = samples.first {
                    $0.name == "http_requests_total" && $0.labels["route"] == "/v1/items/{id}" && $0.labels["status"] == "200"
                }
                #expect(requests?.value == 3)
                #expect(samples.contains { $0.name == "http_request_duration_seconds_bucket" && $0.labels["le"] == "+Inf" })
                #expect(samples.contains { $0.name == "http_requests_in_flight" })
                for name in ["process_resident_memory_bytes", "process_cpu_seconds_total", "process_open_fds", "process_threads", "process_start_time_seconds"] {
                    let sample = samples.first { $0.name == name }
                    #expect(sample != nil, "\(name) missing")
                    #expect((sample?.value ?? 0) > 0, "\(name) is zero")
                }
            }
        }
    }

    @Test func internalAPIKeyGuardsTheRoutesItWraps() async throws {
        let key = "0123456789abcdef0123"
        let app = application(try runtime(["INTERNAL_API_KEY": key])) { router in
            router.group("/v1").add(middleware: InternalAPIKeyMiddleware(key: key)).get("/secret") { _, _ in "ok" }
        }
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/secret", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/secret", method: .get, headers: [.internalAPIKey: "wrong"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/secret", method: .get, headers: [.internalAPIKey: key]) { #expect($0.status == .ok) }
            // Probes stay open so orchestrators need no key.
            try await client.execute(uri: "/live", method: .get) { #expect($0.status == .ok) }
        }
    }
}

@Suite("JSON logs")
struct JSONLogTests {
    @Test func linesAreJSONWithEscapedValuesAndTypedNumbers() throws {
        let line = JSONLogHandler.render(
            timestamp: "2026-01-01T00:00:00.000Z", level: .info, service: "svc", logger: "l",
            message: "say \"hi\"\nnow", metadata: ["status": .stringConvertible(200), "route": .string("/v1/x"), "ok": .stringConvertible(true)]
        )
        let object = try JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any]
        #expect(object?["msg"] as? String == "say \"hi\"\nnow")
        #expect(object?["status"] as? Int == 200)
        #expect(object?["route"] as? String == "/v1/x")
        #expect(object?["ok"] as? Bool == true)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")))
    }

    @Test func timestampIsRFC3339WithMilliseconds() {
        let stamp = JSONLogHandler.timestamp()
        #expect(stamp.count == 24)
        #expect(stamp.hasSuffix("Z"))
    }
}

@Suite("Process metrics")
struct ProcessMetricsTests {
    @Test func readsThisProcessFromProc() {
        let snapshot = ProcessSnapshot.capture()
        #expect((snapshot.residentMemoryBytes ?? 0) > 1_000_000)
        #expect((snapshot.threads ?? 0) >= 1)
        #expect((snapshot.openFDs ?? 0) >= 3)
        let now = Date().timeIntervalSince1970
        #expect(abs((snapshot.startTimeSeconds ?? 0) - now) < 24 * 3600)
    }
}
