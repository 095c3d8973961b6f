import Foundation
import Hummingbird
import NIOCore

/// `/health`, `/live`, `/ready` and `/metrics`, the same on every service.
///
/// - `/live`: 200 whenever the process can serve; no dependency is consulted.
/// - `/ready`: the readiness monitor's cached view; 200 when every required dependency is up,
///   else 503 naming what is missing. Cheap enough for load balancers to poll.
/// - `/health`: service, version, uptime and a fresh check of every dependency (forwarding the
///   caller's request id); 503 when a required dependency is down.
/// - `/metrics`: Prometheus text format.
public struct HealthController: Sendable {
    public let service: String
    public let version: String
    public let readiness: ReadinessMonitor
    public let metrics: ServiceMetrics
    /// What the service runs with, where it has a choice (RAG: its embedder), shown by `/health`.
    public let components: [String: String]
    private let started = ContinuousClock.now
    private let startedAt = Date()

    public init(service: String, version: String, readiness: ReadinessMonitor, metrics: ServiceMetrics, components: [String: String] = [:]) {
        self.service = service
        self.version = version
        self.readiness = readiness
        self.metrics = metrics
        self.components = components
    }

    struct Live: ResponseEncodable {
        let status: String
        let service: String
    }

    struct Ready: ResponseEncodable {
        let status: ReadinessReport.Status
        let service: String
        let missing: [String]
        let dependencies: [DependencyStatus]
    }

    struct Health: ResponseEncodable {
        let status: ReadinessReport.Status
        let service: String
        let version: String
        let uptime_seconds: Double
        let started_at: String
        let dependencies: [DependencyStatus]
        let components: [String: String]?
    }

    public func addRoutes(to router: Router<ServiceRequestContext>) {
        router.get("/live") { _, _ in
            Live(status: "alive", service: service)
        }
        router.get("/ready") { _, _ in
            let report = readiness.report()
            return EditedResponse(
                status: report.isReady ? .ok : .serviceUnavailable,
                response: Ready(status: report.status, service: service, missing: report.missing, dependencies: report.dependencies)
            )
        }
        router.get("/health") { _, _ in
            let report = await readiness.checkAll()
            let uptime = ContinuousClock.now - started
            return EditedResponse(
                status: report.isReady ? .ok : .serviceUnavailable,
                response: Health(
                    status: report.status,
                    service: service,
                    version: version,
                    uptime_seconds: (Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18),
                    started_at: startedAt.formatted(.iso8601),
                    dependencies: report.dependencies,
                    components: components.isEmpty ? nil : components
                )
            )
        }
        router.get("/metrics") { _, _ in
            let bytes = metrics.exposition()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
    }
}
