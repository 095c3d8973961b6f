import Logging

/// The settings every service reads: DESIGN's common variables.
public struct ServiceConfiguration: Sendable {
    public var service: String
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    public var version: String
    public var startupTimeout: Duration
    public var internalAPIKey: String?
    public var maxBodyBytes: Int
    public var circuitBreaker: CircuitBreakerSettings
    public var httpClient: CurlHTTPClient.Configuration
    public var readiness: ReadinessMonitor.Settings
    /// Run Swift concurrency's jobs on NIO's event loop threads instead of a second thread pool
    /// (`CONCURRENCY_ON_EVENT_LOOPS`, default true): no hop between the two per request.
    public var concurrencyOnEventLoops: Bool
    /// Event-loop threads (`EVENT_LOOP_THREADS`, default: one per core).
    public var eventLoopThreads: Int?
    /// A connection with no request in progress — idle between keep-alive requests, or still
    /// sending a request head — is closed after this (`HTTP_IDLE_TIMEOUT_SECONDS`, default 30):
    /// slow or silent clients cannot hold sockets for ever.
    public var idleTimeout: Duration
    /// Open connections at most (`HTTP_MAX_CONNECTIONS`, default 4,096); past it new ones wait
    /// in the listen backlog until one closes, so the process never runs out of descriptors.
    public var maxConnections: Int

    public init(service: String, defaultPort: Int, environment env: EnvironmentReader) throws {
        self.service = service
        // Loopback unless told otherwise: a service is exposed only on purpose (the images set
        // HOST=0.0.0.0).
        self.host = env.string("HOST", default: "127.0.0.1")
        self.port = try env.int("PORT", default: defaultPort, range: 0...65535)
        let level = env.string("LOG_LEVEL", default: "info").lowercased()
        guard let logLevel = Logger.Level(rawValue: level == "warn" ? "warning" : level) else {
            throw ConfigurationError(
                variable: "LOG_LEVEL",
                expected: "one of trace|debug|info|notice|warning|error|critical",
                got: level
            )
        }
        self.logLevel = logLevel
        self.version = env.string("SERVICE_VERSION", default: "0.1.0")
        self.startupTimeout = .seconds(try env.int("STARTUP_TIMEOUT_SECONDS", default: 60, range: 1...86_400))
        self.internalAPIKey = try env.secret("INTERNAL_API_KEY", minimumLength: 16)
        self.maxBodyBytes = try env.int("MAX_BODY_BYTES", default: 1_048_576, range: 1024...64 * 1_048_576)
        self.circuitBreaker = try CircuitBreakerSettings(environment: env)
        self.httpClient = try CurlHTTPClient.Configuration(environment: env)
        self.concurrencyOnEventLoops = try env.bool("CONCURRENCY_ON_EVENT_LOOPS", default: true)
        let threads = try env.int("EVENT_LOOP_THREADS", default: 0, range: 0...1024)
        self.eventLoopThreads = threads == 0 ? nil : threads
        self.idleTimeout = .seconds(try env.int("HTTP_IDLE_TIMEOUT_SECONDS", default: 30, range: 1...3_600))
        self.maxConnections = try env.int("HTTP_MAX_CONNECTIONS", default: 4_096, range: 16...1_000_000)
        self.readiness = ReadinessMonitor.Settings(
            pollInterval: .milliseconds(try env.int("READINESS_POLL_INTERVAL_MS", default: 1000, range: 50...60_000)),
            maxBackoff: .milliseconds(try env.int("READINESS_MAX_BACKOFF_MS", default: 2000, range: 50...60_000)),
            checkTimeout: .milliseconds(try env.int("DEPENDENCY_CHECK_TIMEOUT_MS", default: 1000, range: 10...60_000)),
            startupTimeout: startupTimeout
        )
    }
}
