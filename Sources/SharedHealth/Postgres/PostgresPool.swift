import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// The PostgreSQL connection pool every service shares: up to `maxConnections` libpq
/// connections, each owned by a worker thread (libpq blocks; Swift's cooperative pool must not).
/// Connections open on first use and reopen after a loss. Exports
/// `db_pool_connections{state="in_use"|"idle"|"max"}`. As a `Service` it closes its
/// connections when the service group stops.
public final class PostgresPool: Service, Sendable {
    public struct Configuration: Sendable {
        /// A libpq connection string or `postgresql://` URL.
        public var url: String
        public var maxConnections: Int
        public var connectTimeoutSeconds: Int
        public var applicationName: String
        /// The server cancels a statement running longer than this (`statement_timeout`), and
        /// ends a session idle inside a transaction for three times as long: a query blocked on
        /// a lock or a runaway plan cannot hold a worker for ever (`DATABASE_STATEMENT_TIMEOUT_MS`).
        public var statementTimeoutMilliseconds: Int
        /// A request waits at most this long for a free connection, then gets 503 + Retry-After
        /// (`DATABASE_POOL_WAIT_MS`).
        public var poolWait: Duration

        public init(
            url: String, maxConnections: Int = 10, connectTimeoutSeconds: Int = 5, applicationName: String = "fintech-concierge",
            statementTimeoutMilliseconds: Int = 10_000, poolWait: Duration = .seconds(5)
        ) {
            self.url = url
            self.maxConnections = max(1, maxConnections)
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.applicationName = applicationName
            self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
            self.poolWait = poolWait
        }

        /// `DATABASE_URL` (nil when unset: the embedded default) and `DATABASE_POOL_SIZE`.
        public static func fromEnvironment(_ env: EnvironmentReader, applicationName: String) throws -> Configuration? {
            guard let url = env.string("DATABASE_URL") else { return nil }
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigurationError(variable: "DATABASE_URL", expected: "a postgresql:// URL", got: nil)
            }
            // The password is the part of the user info after ':' (never echoed).
            if url.contains("@"), let userInfo = url.split(separator: "@", maxSplits: 1).first.map({ $0.drop { $0 != "/" }.dropFirst(2) }),
               let colon = userInfo.firstIndex(of: ":"), EnvironmentReader.isPlaceholder(String(userInfo[userInfo.index(after: colon)...])) {
                throw ConfigurationError(variable: "DATABASE_URL", expected: "a real database password, not a placeholder like change-me", got: nil)
            }
            return Configuration(
                url: url,
                maxConnections: try env.int("DATABASE_POOL_SIZE", default: 10, range: 1...500),
                applicationName: applicationName,
                statementTimeoutMilliseconds: try env.int("DATABASE_STATEMENT_TIMEOUT_MS", default: 10_000, range: 100...3_600_000),
                poolWait: .milliseconds(try env.int("DATABASE_POOL_WAIT_MS", default: 5_000, range: 10...600_000))
            )
        }

        /// The URL (or key=value string) with what bounds every call added unless it sets its
        /// own: connect timeout, application name, statement and idle-in-transaction timeouts,
        /// TCP keepalives and a TCP user timeout (a peer gone silent ends the connection in 30 s).
        var conninfo: String {
            let statement = statementTimeoutMilliseconds
            let options = "-c statement_timeout=\(statement) -c idle_in_transaction_session_timeout=\(3 * statement)"
            var parameters: [(String, String)] = []
            for (key, value) in [
                ("connect_timeout", "\(connectTimeoutSeconds)"), ("application_name", applicationName), ("keepalives", "1"),
                ("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3"), ("tcp_user_timeout", "30000"),
                ("options", options),
            ] where !url.contains(key + "=") {
                parameters.append((key, value))
            }
            guard !parameters.isEmpty else { return url }
            if url.contains("://") {
                let encoded = parameters.map { key, value in
                    key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? value)
                }
                return url + (url.contains("?") ? "&" : "?") + encoded.joined(separator: "&")
            }
            return url + " " + parameters.map { key, value in "\(key)='\(value)'" }.joined(separator: " ")
        }
    }

    public let configuration: Configuration
    private let workers: BlockingWorkerPool<PostgresConnection>
    private let inUse: Gauge
    private let idle: Gauge

    public init(configuration: Configuration, metrics: ServiceMetrics) {
        self.configuration = configuration
        let conninfo = configuration.conninfo
        self.workers = BlockingWorkerPool(name: "postgres-worker", maxWorkers: configuration.maxConnections, maxWait: configuration.poolWait) {
            PostgresConnection(conninfo: conninfo)
        }
        self.inUse = metrics.gauge(.dbPoolConnections, [("state", "in_use")])
        self.idle = metrics.gauge(.dbPoolConnections, [("state", "idle")])
        metrics.gauge(.dbPoolConnections, [("state", "max")]).set(Double(configuration.maxConnections))
    }

    /// Runs `body` with a pooled connection on its worker thread. `body` is synchronous: it is
    /// where blocking libpq calls belong.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        defer { publishUsage() }
        let result: T = try await workers.run { connection in
            self.publishUsage()
            return Result { try body(connection) }
        }
        return result
    }

    /// Runs `body` in one transaction: BEGIN, body, COMMIT; ROLLBACK on any error.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withConnection { connection in try connection.transaction(body) }
    }

    /// One parameterized statement.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) async throws -> PostgresResult {
        try await withConnection { connection in try connection.query(sql, parameters) }
    }

    private func publishUsage() {
        let busy = workers.busy
        inUse.set(Double(busy))
        idle.set(Double(max(0, workers.workers - busy)))
    }

    public func run() async throws {
        try? await gracefulShutdown()
        workers.shutdown()
    }

    public func shutdown() {
        workers.shutdown()
    }
}

extension Dependency {
    /// The database, ready when `SELECT 1` answers.
    public static func database(_ pool: PostgresPool, name: String = "postgres", required: Bool = true) -> Dependency {
        Dependency(name: name, required: required) {
            try await pool.query("SELECT 1")
        }
    }
}
