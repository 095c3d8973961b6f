import Prometheus
import Synchronization

/// One metric family: its Prometheus name and help text. Every family the project exports is
/// declared once here, so names and help texts cannot drift apart (the registry traps on a
/// help-text mismatch) and dashboards and alerts have a single list to check against.
public struct MetricFamily: Sendable, Hashable {
    public let name: String
    public let help: String

    public init(_ name: String, help: String) {
        self.name = name
        self.help = help
    }

    var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}

extension MetricFamily {
    public static let httpRequestsTotal = MetricFamily("http_requests_total", help: "HTTP requests served, by method, route template and status.")
    public static let httpRequestDuration = MetricFamily("http_request_duration_seconds", help: "HTTP request duration in seconds, by method and route template.")
    public static let httpRequestsInFlight = MetricFamily("http_requests_in_flight", help: "HTTP requests being served now.")
    public static let dependencyUp = MetricFamily("dependency_up", help: "1 when the dependency answered its readiness check, else 0.")
    public static let circuitBreakerState = MetricFamily("circuit_breaker_state", help: "Circuit breaker state: 0 closed, 1 half-open, 2 open.")
    public static let circuitBreakerTransitions = MetricFamily("circuit_breaker_transitions_total", help: "Circuit breaker state transitions, by target and new state.")
    public static let httpClientRequestDuration = MetricFamily("http_client_request_duration_seconds", help: "Outbound HTTP request duration in seconds, by target.")
    public static let dbPoolConnections = MetricFamily("db_pool_connections", help: "Database pool connections by state: in_use, idle, max.")
    public static let guardrailsChecks = MetricFamily("guardrails_checks_total", help: "Guardrails checks, by direction and resulting action.")
    public static let guardrailsBudgetRefusals = MetricFamily("guardrails_budget_refusals_total", help: "Batch checks refused before any work because their texts together exceed the per-request budget.")
    public static let guardrailsFindings = MetricFamily("guardrails_findings_total", help: "Guardrails findings, by type.")
    public static let ragSearchDuration = MetricFamily("rag_search_duration_seconds", help: "Knowledge-base search duration in seconds, by mode.")
    public static let ragChunks = MetricFamily("rag_chunks", help: "Chunks in the knowledge-base store.")
    public static let conciergeChatRequests = MetricFamily("concierge_chat_requests_total", help: "Chat messages answered, by intent and outcome.")
    public static let conciergeTransfers = MetricFamily("concierge_transfers_total", help: "Confirmed transfers and bill payments, by outcome.")
    public static let llmRequestDuration = MetricFamily("llm_request_duration_seconds", help: "LLM request duration in seconds, by provider.")
    public static let llmRequests = MetricFamily("llm_requests_total", help: "LLM requests, by provider and outcome.")
    public static let rateLimitRejections = MetricFamily("rate_limit_rejections_total", help: "Requests rejected by the rate limiter.")

    public static let processResidentMemory = MetricFamily("process_resident_memory_bytes", help: "Resident memory size in bytes.")
    public static let processVirtualMemory = MetricFamily("process_virtual_memory_bytes", help: "Virtual memory size in bytes.")
    public static let processCPUSeconds = MetricFamily("process_cpu_seconds_total", help: "Total user and system CPU time spent in seconds.")
    public static let processOpenFDs = MetricFamily("process_open_fds", help: "Number of open file descriptors.")
    public static let processMaxFDs = MetricFamily("process_max_fds", help: "Maximum number of open file descriptors.")
    public static let processThreads = MetricFamily("process_threads", help: "Number of OS threads in the process.")
    public static let processStartTime = MetricFamily("process_start_time_seconds", help: "Start time of the process since unix epoch in seconds.")
}

/// Buckets for request and call durations: fine-grained below 10 ms, where these services live,
/// and wide enough to see LLM calls of several seconds.
public let durationBuckets: [Duration] = [
    .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10),
    .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
    .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
]

/// The Prometheus registry of one service, with typed accessors for the metric families.
/// Passed to every component that records metrics, so tests can use a registry of their own.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let process: ProcessMetricsCollector

    /// A family and one set of label values. Looking a metric up in the registry validates
    /// names and help text on every call; hot paths (every request) hit this cache instead.
    /// The caller's label array is kept as it is: no array is built per lookup.
    private struct Key: Hashable {
        let family: String
        let labels: [(String, String)]

        init(_ family: MetricFamily, _ labels: [(String, String)]) {
            self.family = family.name
            self.labels = labels
        }

        static func == (a: Key, b: Key) -> Bool {
            a.family == b.family && a.labels.count == b.labels.count
                && zip(a.labels, b.labels).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(family)
            for (name, value) in labels {
                hasher.combine(name)
                hasher.combine(value)
            }
        }
    }

    private let counters = Mutex<[Key: Counter]>([:])
    private let gauges = Mutex<[Key: Gauge]>([:])
    private let histograms = Mutex<[Key: DurationHistogram]>([:])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.process = ProcessMetricsCollector()
    }

    private static func cached<M: Sendable>(_ cache: borrowing Mutex<[Key: M]>, _ key: Key, make: () -> M) -> M {
        if let metric = cache.withLock({ $0[key] }) { return metric }
        let metric = make()
        cache.withLock { $0[key] = metric }
        return metric
    }

    public func counter(_ family: MetricFamily, _ labels: [(String, String)] = []) -> Counter {
        Self.cached(counters, Key(family, labels)) { registry.makeCounter(descriptor: family.descriptor, labels: labels) }
    }

    public func gauge(_ family: MetricFamily, _ labels: [(String, String)] = []) -> Gauge {
        Self.cached(gauges, Key(family, labels)) { registry.makeGauge(descriptor: family.descriptor, labels: labels) }
    }

    public func durationHistogram(
        _ family: MetricFamily,
        _ labels: [(String, String)] = [],
        buckets: [Duration] = durationBuckets
    ) -> DurationHistogram {
        Self.cached(histograms, Key(family, labels)) {
            registry.makeDurationHistogram(descriptor: family.descriptor, labels: labels, buckets: buckets)
        }
    }

    public func valueHistogram(_ family: MetricFamily, _ labels: [(String, String)] = [], buckets: [Double]) -> ValueHistogram {
        registry.makeValueHistogram(descriptor: family.descriptor, labels: labels, buckets: buckets)
    }

    /// The Prometheus text exposition, with process metrics read fresh from /proc.
    public func exposition() -> [UInt8] {
        process.update(self)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }
}
