import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

@testable import SharedHealth

/// A small real server on port 0 that the client tests talk to over loopback.
func makeStubApplication() -> some ApplicationProtocol {
    let router = Router()
    router.get("/hello") { _, _ in "hello" }
    router.post("/echo") { request, context -> Response in
        let body = try await request.body.collect(upTo: 1 << 20)
        var headers = HTTPFields()
        headers[.contentType] = request.headers[.contentType] ?? "application/octet-stream"
        headers[HTTPField.Name("X-Seen-Request-ID")!] = request.headers[HTTPField.Name("X-Request-ID")!] ?? "-"
        headers[HTTPField.Name("X-Seen-Key")!] = request.headers[HTTPField.Name("X-Internal-API-Key")!] ?? "-"
        headers[HTTPField.Name("X-Seen-Method")!] = request.method.rawValue
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
    router.put("/echo") { request, _ -> Response in
        Response(status: .ok, headers: [HTTPField.Name("X-Seen-Method")!: request.method.rawValue])
    }
    router.get("/json") { _, _ -> Response in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"name":"rag","count":3}"#)))
    }
    router.get("/slow") { _, _ -> String in
        try await Task.sleep(for: .seconds(3))
        return "late"
    }
    router.get("/fail") { _, _ -> Response in Response(status: .serviceUnavailable) }
    router.post("/fail") { _, _ -> Response in Response(status: .serviceUnavailable) }
    router.get("/big") { _, _ -> Response in
        Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 200_000)))
    }
    return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "stub"))
}

@Suite("CurlHTTPClient")
struct HTTPClientTests {
    @Test func getReusesOneConnectionForSequentialRequests() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let url = "http://127.0.0.1:\(client.port!)/hello"
            for _ in 0..<20 {
                let response = try await http.execute(HTTPClientRequest(url: url))
                #expect(response.status == 200)
                #expect(response.bodyText == "hello")
            }
            #expect(http.connectionsOpened == 1)
        }
    }

    @Test func concurrentRequestsAreBoundedByMaxConnections() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient(configuration: .init(maxConnections: 4))
            defer { http.shutdown() }
            let url = "http://127.0.0.1:\(client.port!)/hello"
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<200 {
                    group.addTask { try await http.execute(HTTPClientRequest(url: url)).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            #expect(http.connectionsOpened <= 4)
            #expect(http.connectionsOpened >= 1)
        }
    }

    @Test func postsBodiesAndHeadersAndReadsResponseHeaders() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let payload = Array(#"{"text":"héllo"}"#.utf8) + Array(repeating: UInt8(ascii: " "), count: 5000)
            let response = try await http.execute(HTTPClientRequest(
                method: "POST", url: "http://127.0.0.1:\(client.port!)/echo",
                headers: [("Content-Type", "application/json")], body: payload
            ))
            #expect(response.status == 200)
            #expect(response.body == payload)
            #expect(response.header("content-type") == "application/json")
            let put = try await http.execute(HTTPClientRequest(method: "PUT", url: "http://127.0.0.1:\(client.port!)/echo", body: []))
            #expect(put.header("X-Seen-Method") == "PUT")
        }
    }

    @Test func decodesJSON() async throws {
        struct Answer: Decodable { let name: String; let count: Int }
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let answer = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(client.port!)/json")).decode(Answer.self)
            #expect(answer.name == "rag")
            #expect(answer.count == 3)
        }
    }

    @Test func totalTimeoutIsEnforced() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let started = ContinuousClock.now
            await #expect(throws: HTTPClientError.timedOut) {
                try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(client.port!)/slow", timeout: .milliseconds(200)))
            }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test func connectionRefusedIsAConnectFailure() async throws {
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        do {
            _ = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(freePort())/"))
            Issue.record("expected a connect failure")
        } catch let error as HTTPClientError {
            guard case .connectFailed = error else {
                Issue.record("expected connectFailed, got \(error)")
                return
            }
        }
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let url = "http://127.0.0.1:\(client.port!)/slow"
            let started = ContinuousClock.now
            let task = Task { try await http.execute(HTTPClientRequest(url: url)) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test func responsesOverTheLimitAreRejected() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient(configuration: .init(maxResponseBytes: 100_000))
            defer { http.shutdown() }
            await #expect(throws: HTTPClientError.responseTooLarge(limit: 100_000)) {
                try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(client.port!)/big"))
            }
        }
    }

    @Test func headerValuesWithLineBreaksAreRefused() async throws {
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        await #expect(throws: HTTPClientError.self) {
            try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:1/", headers: [("X-A", "1\r\nX-Injected: yes")]))
        }
    }

    @Test func afterShutdownRequestsFail() async throws {
        let http = CurlHTTPClient()
        http.shutdown()
        await #expect(throws: HTTPClientError.shutDown) {
            try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:1/"))
        }
    }
}

@Suite("ServiceClient")
struct ServiceClientTests {
    func makeClient(port: Int, http: CurlHTTPClient, metrics: ServiceMetrics = ServiceMetrics(), key: String? = nil, settings: CircuitBreakerSettings = CircuitBreakerSettings()) -> ServiceClient {
        ServiceClient(
            target: "stub",
            baseURL: "http://127.0.0.1:\(port)/",
            http: http,
            breaker: .instrumented(target: "stub", settings: settings, metrics: metrics, logger: Logger(label: "test")),
            metrics: metrics,
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
            internalAPIKey: key
        )
    }

    @Test func forwardsTheRequestIDAndInternalKey() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let service = makeClient(port: client.port!, http: http, key: "0123456789abcdef")
            let response = try await RequestIDContext.$current.withValue("req-42") {
                try await service.send("POST", "/echo", body: Array("{}".utf8))
            }
            #expect(response.header("X-Seen-Request-ID") == "req-42")
            #expect(response.header("X-Seen-Key") == "0123456789abcdef")
            #expect(response.header("Content-Type") == "application/json")
        }
    }

    @Test func thirdPartyClientsSendNoInternalHeaders() async throws {
        try await makeStubApplication().test(.live) { client in
            let configuration = try ServiceConfiguration(
                service: "test", defaultPort: 0, environment: EnvironmentReader(["INTERNAL_API_KEY": "0123456789abcdef0123456789abcdef"])
            )
            let runtime = ServiceRuntime(configuration: configuration, logger: Logger(label: "test"))
            defer { runtime.httpClient.shutdown() }
            let llm = runtime.thirdPartyClient(target: "llm", baseURL: "http://127.0.0.1:\(client.port!)")
            let response = try await RequestIDContext.$current.withValue("req-42") {
                try await llm.send("POST", "/echo", headers: [("Authorization", "Bearer sk-test"), ("X-Internal-API-Key", "smuggled")], body: Array("{}".utf8))
            }
            #expect(response.header("X-Seen-Request-ID") == "-")
            #expect(response.header("X-Seen-Key") == "-")
            // The same runtime's own-service client still forwards both.
            let own = runtime.serviceClient(target: "rag", baseURL: "http://127.0.0.1:\(client.port!)")
            let forwarded = try await RequestIDContext.$current.withValue("req-43") {
                try await own.send("POST", "/echo", body: Array("{}".utf8))
            }
            #expect(forwarded.header("X-Seen-Request-ID") == "req-43")
            #expect(forwarded.header("X-Seen-Key") == "0123456789abcdef0123456789abcdef")
        }
    }

    @Test func serverErrorsCountAgainstTheBreakerWhichThenFailsFast() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let metrics = ServiceMetrics()
            let service = makeClient(
                port: client.port!, http: http, metrics: metrics,
                settings: CircuitBreakerSettings(slidingWindowSize: 4, minimumNumberOfCalls: 4, waitDurationInOpenState: .seconds(30))
            )
            for _ in 0..<4 {
                await #expect(throws: HTTPClientError.badStatus(503)) {
                    try await service.send("POST", "/fail", idempotent: false)
                }
            }
            #expect(service.breaker.state == .open)
            let before = http.connectionsOpened
            await #expect(throws: CircuitOpenError.self) { try await service.get("/hello") }
            #expect(http.connectionsOpened == before)
            let text = String(decoding: metrics.exposition(), as: UTF8.self)
            // Four calls made; the rejected one made no request and is not timed.
            #expect(text.contains(#"http_client_request_duration_seconds_count{target="stub"} 4"#))
        }
    }

    @Test func idempotentRequestsAreRetriedOthersAreNot() async throws {
        try await makeStubApplication().test(.live) { client in
            let http = CurlHTTPClient()
            defer { http.shutdown() }
            let metrics = ServiceMetrics()
            let service = makeClient(port: client.port!, http: http, metrics: metrics)
            await #expect(throws: HTTPClientError.badStatus(503)) { try await service.get("/fail") }
            var text = String(decoding: metrics.exposition(), as: UTF8.self)
            #expect(text.contains(#"http_client_request_duration_seconds_count{target="stub"} 3"#))
            await #expect(throws: HTTPClientError.badStatus(503)) { try await service.send("POST", "/fail") }
            text = String(decoding: metrics.exposition(), as: UTF8.self)
            #expect(text.contains(#"http_client_request_duration_seconds_count{target="stub"} 4"#))
        }
    }
}

