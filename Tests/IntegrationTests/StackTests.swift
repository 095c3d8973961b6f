import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SharedHealth
import TestSupport
import Testing

/// The real executables on loopback: readiness in dependency order, loss and recovery,
/// metrics, request-id propagation, graceful shutdown and configuration errors.
@Suite("Stack of real executables", .serialized)
struct StackTests {
    let http = CurlHTTPClient(configuration: .init(maxConnections: 8, requestTimeout: .seconds(10)))

    func get(_ url: String, headers: [(String, String)] = []) async -> HTTPClientResponse? {
        try? await http.execute(HTTPClientRequest(url: url, headers: headers))
    }

    /// Polls until `condition` holds or `timeout` passes; returns the time it took, or nil.
    func waitUntil(timeout: Duration, _ condition: () async -> Bool) async -> Duration? {
        let started = ContinuousClock.now
        while ContinuousClock.now - started < timeout {
            if await condition() { return ContinuousClock.now - started }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func readyStatus(_ base: String) async -> Int? {
        await get(base + "/ready")?.status
    }

    struct ReadyBody: Decodable {
        struct Dependency: Decodable { let name: String; let status: String; let circuit: String?; let latency_ms: Double? }
        let status: String
        let missing: [String]
        let dependencies: [Dependency]
    }

    func readyBody(_ base: String) async -> ReadyBody? {
        try? await get(base + "/ready")?.decode(ReadyBody.self)
    }

    @Test func conciergeReadinessFollowsItsDependencies() async throws {
        defer { http.shutdown() }
        let guardrailsPort = freePort()
        let ragPort = freePort()
        let conciergePort = freePort()
        let concierge = try ServiceProcess("ConciergeService", port: conciergePort, environment: [
            "GUARDRAILS_URL": "http://127.0.0.1:\(guardrailsPort)",
            "RAG_URL": "http://127.0.0.1:\(ragPort)",
            // The whole suite shares two cores with these processes; a 1 s check can time out.
            "DEPENDENCY_CHECK_TIMEOUT_MS": "3000",
        ])
        var guardrails: ServiceProcess?
        var rag: ServiceProcess?
        defer {
            for process in [concierge, guardrails, rag].compactMap({ $0 }) where process.process.isRunning {
                kill(process.process.processIdentifier, SIGKILL)
            }
        }

        // Live at once, not ready, naming both missing dependencies.
        #expect(await waitUntil(timeout: .seconds(20)) { await get(concierge.baseURL + "/live")?.status == 200 } != nil)
        let initial = await readyBody(concierge.baseURL)
        #expect(await readyStatus(concierge.baseURL) == 503)
        #expect(Set(initial?.missing ?? []) == ["guardrails", "rag"])

        // Guardrails up: still not ready, RAG missing.
        guardrails = try ServiceProcess("GuardrailsService", port: guardrailsPort, environment: [:])
        #expect(await waitUntil(timeout: .seconds(15)) { await readyBody(concierge.baseURL)?.missing == ["rag"] } != nil)
        #expect(await readyStatus(concierge.baseURL) == 503)

        // RAG up: ready without restarting the concierge, and the breakers closed. A breaker
        // the outage opened (the probes failed while the services were down; on a loaded
        // machine they start late) first waits its 5 s and takes its half-open trials.
        // The hashed embedder: readiness, not embedding, is under test here (the encoder's
        // start-up embeds the whole knowledge base on both cores under the parallel suite).
        rag = try ServiceProcess("RAGService", port: ragPort, environment: ["EMBEDDING_PROVIDER": "local"])
        #expect(await waitUntil(timeout: .seconds(30)) { await readyStatus(concierge.baseURL) == 200 } != nil)
        // The body that showed them closed is the one checked: a second read could race a
        // probe on a loaded machine.
        var ready: ReadyBody?
        let closed = await waitUntil(timeout: .seconds(20)) {
            guard let body = await readyBody(concierge.baseURL), body.dependencies.allSatisfy({ $0.circuit == "closed" }) else { return false }
            ready = body
            return true
        }
        #expect(closed != nil, "a breaker still not closed 20 s after both services were up")
        #expect(ready?.status == "ready")
        for dependency in ready?.dependencies ?? [] {
            #expect(dependency.status == "up")
            #expect(dependency.circuit == "closed")
            #expect(dependency.latency_ms != nil)
        }

        // RAG stops: not ready within 5 s.
        #expect(await rag?.stop() == 0)
        let lost = await waitUntil(timeout: .seconds(5)) { await readyStatus(concierge.baseURL) == 503 }
        #expect(lost != nil, "concierge still ready 5 s after RAG stopped")
        #expect(await readyBody(concierge.baseURL)?.missing == ["rag"])

        // RAG back: ready again, no restart.
        rag = try ServiceProcess("RAGService", port: ragPort, environment: ["EMBEDDING_PROVIDER": "local"])
        #expect(await waitUntil(timeout: .seconds(20)) { await readyStatus(concierge.baseURL) == 200 } != nil)

        // Metrics of all three parse as Prometheus text and carry the common families.
        for service in [concierge, guardrails!, rag!] {
            let response = await get(service.baseURL + "/metrics")
            #expect(response?.status == 200)
            let samples = try PrometheusText.parse(response?.bodyText ?? "")
            let names = Set(samples.map(\.name))
            #expect(names.contains("http_requests_total"), "\(service.executable)")
            #expect(names.contains("process_resident_memory_bytes"), "\(service.executable)")
            #expect(names.contains("http_request_duration_seconds_bucket"), "\(service.executable)")
        }
        let conciergeSamples = try PrometheusText.parse(await get(concierge.baseURL + "/metrics")?.bodyText ?? "")
        #expect(conciergeSamples.contains { $0.name == "dependency_up" && $0.labels["dependency"] == "rag" && $0.value == 1 })
        #expect(conciergeSamples.contains { $0.name == "circuit_breaker_state" && $0.labels["target"] == "guardrails" })
        #expect(conciergeSamples.contains { $0.name == "http_client_request_duration_seconds_count" && $0.labels["target"] == "rag" })

        // A request id sent to the concierge reaches a dependency's access log.
        // RAG's restart may have left the concierge's breaker for it open (probes count as calls);
        // /health reports that honestly as down until a trial call closes it, so wait for it.
        let requestID = "it-\(UUID().uuidString.lowercased())"
        var health = await get(concierge.baseURL + "/health", headers: [("X-Request-ID", requestID)])
        _ = await waitUntil(timeout: .seconds(15)) {
            health = await get(concierge.baseURL + "/health", headers: [("X-Request-ID", requestID)])
            return health?.status == 200
        }
        #expect(health?.status == 200, "\(health?.bodyText ?? "no answer")")
        #expect(health?.header("X-Request-ID") == requestID)
        let logged = await waitUntil(timeout: .seconds(3)) {
            guardrails!.stdout.split(separator: "\n").contains { $0.contains(requestID) && $0.contains(#""route":"/ready""#) }
        }
        #expect(logged != nil, "request id not in guardrails' access log")
        #expect(concierge.stdout.contains(requestID))

        // Everything shuts down cleanly on SIGTERM.
        #expect(await concierge.stop() == 0)
        #expect(await guardrails?.stop() == 0)
        #expect(await rag?.stop() == 0)
    }

    @Test func sigtermLetsAnInFlightRequestFinish() async throws {
        // A dependency whose /ready takes 1.5 s keeps the concierge's /health in flight.
        let router = Router()
        router.get("/ready") { _, _ -> String in
            try await Task.sleep(for: .milliseconds(1500))
            return #"{"status":"ready"}"#
        }
        let stub = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "stub"))
        try await stub.test(.live) { client in
            defer { http.shutdown() }
            let dependencyURL = "http://127.0.0.1:\(client.port!)"
            let concierge = try ServiceProcess("ConciergeService", port: freePort(), environment: [
                "GUARDRAILS_URL": dependencyURL,
                "RAG_URL": dependencyURL,
                "DEPENDENCY_CHECK_TIMEOUT_MS": "5000",
            ])
            defer { if concierge.process.isRunning { kill(concierge.process.processIdentifier, SIGKILL) } }
            #expect(await waitUntil(timeout: .seconds(20)) { await get(concierge.baseURL + "/live")?.status == 200 } != nil)

            let started = ContinuousClock.now
            let inFlight = Task { try await http.execute(HTTPClientRequest(url: concierge.baseURL + "/health")) }
            try await Task.sleep(for: .milliseconds(400))
            concierge.terminate()
            let response = try await inFlight.value
            #expect(response.status == 200)
            #expect(response.bodyText.contains(#""status":"ready""#))
            #expect(ContinuousClock.now - started >= .milliseconds(1400))
            #expect(await concierge.waitForExit(timeout: .seconds(10)) == 0)
            #expect(concierge.stdout.contains("stopped"))
        }
    }

    @Test func sigtermServesARequestAlreadyOnItsWayOverAnIdleConnection() async throws {
        defer { http.shutdown() }
        let guardrails = try ServiceProcess("GuardrailsService", port: freePort(), environment: [:])
        defer { if guardrails.process.isRunning { kill(guardrails.process.processIdentifier, SIGKILL) } }
        #expect(await waitUntil(timeout: .seconds(20)) { await get(guardrails.baseURL + "/live")?.status == 200 } != nil)

        // A gateway's fresh connection (nginx opens one per request) and a keep-alive one
        // that has served a request: both idle when SIGTERM arrives, both then get a request.
        let fresh = try #require(RawConnection(port: guardrails.port))
        let kept = try #require(RawConnection(port: guardrails.port))
        let request = "GET /live HTTP/1.1\r\nHost: guardrails\r\n\r\n"
        #expect(kept.transmit(request))
        #expect(kept.readResponse()?.hasPrefix("HTTP/1.1 200") == true)
        try await Task.sleep(for: .milliseconds(200))  // both accepted and idle

        guardrails.terminate()
        try await Task.sleep(for: .milliseconds(150))
        #expect(fresh.transmit(request))
        #expect(kept.transmit(request))
        #expect(fresh.readResponse()?.hasPrefix("HTTP/1.1 200") == true, "the request on the fresh connection was dropped")
        #expect(kept.readResponse()?.hasPrefix("HTTP/1.1 200") == true, "the request on the kept-alive connection was dropped")
        // New connections are refused at once (a gateway retries those elsewhere).
        #expect(RawConnection(port: guardrails.port) == nil)
        #expect(await guardrails.waitForExit(timeout: .seconds(5)) == 0)
    }

    @Test(arguments: [
        (["PORT": "eighty"], "PORT"),
        (["RAG_URL": "ftp://rag"], "RAG_URL"),
        (["CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD": "500"], "CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD"),
        (["LOG_LEVEL": "chatty"], "LOG_LEVEL"),
        // .env.template's public placeholders (a token forged with one read another customer's balances).
        (["JWT_SECRET": "change-me-jwt-secret-00000000"], "JWT_SECRET"),
        (["INTERNAL_API_KEY": "change-me-internal-key-0000"], "INTERNAL_API_KEY"),
        (["DATABASE_URL": "postgresql://concierge:change-me@127.0.0.1:1/concierge"], "DATABASE_URL"),
    ])
    func badConfigurationStopsWithOneLineNamingTheVariable(environment: [String: String], variable: String) async throws {
        defer { http.shutdown() }
        // ServiceProcess sets PORT first, so a PORT in `environment` replaces it.
        let process = try ServiceProcess("ConciergeService", port: freePort(), environment: environment)
        let status = await process.waitForExit(timeout: .seconds(20))
        #expect(status == 2)
        let lines = process.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(variable) == true)
        #expect(lines.first?.contains("must be") == true)
    }
}
