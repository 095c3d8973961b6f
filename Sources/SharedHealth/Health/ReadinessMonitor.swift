import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The state of one dependency as `/ready` and `/health` show it.
public struct DependencyStatus: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case unknown, up, down
    }

    public var name: String
    public var required: Bool
    public var status: Status
    public var latency_ms: Double?
    public var circuit: CircuitState?
    public var checked_at: String?
    public var error: String?
}

public struct ReadinessReport: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        case ready, degraded
        case notReady = "not_ready"
    }

    public var status: Status
    public var dependencies: [DependencyStatus]
    /// Required dependencies that are not up.
    public var missing: [String]

    public var isReady: Bool { status != .notReady }
}

/// Polls each dependency for as long as the service runs: with exponential backoff and jitter
/// while it is down (so start-up finds it quickly without hammering it), every `pollInterval`
/// while it is up (so `/ready` follows its loss and recovery). Logs each change once and keeps
/// `dependency_up{dependency}` current.
public final class ReadinessMonitor: Service, Sendable {
    public struct Settings: Sendable {
        public var pollInterval: Duration = .seconds(1)
        public var initialBackoff: Duration = .milliseconds(100)
        public var maxBackoff: Duration = .seconds(2)
        public var checkTimeout: Duration = .seconds(1)
        /// After this long without every required dependency, an error is logged (once).
        public var startupTimeout: Duration = .seconds(60)

        public init(
            pollInterval: Duration = .seconds(1),
            initialBackoff: Duration = .milliseconds(100),
            maxBackoff: Duration = .seconds(2),
            checkTimeout: Duration = .seconds(1),
            startupTimeout: Duration = .seconds(60)
        ) {
            self.pollInterval = pollInterval
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.checkTimeout = checkTimeout
            self.startupTimeout = startupTimeout
        }
    }

    private struct Entry: Sendable {
        var status: DependencyStatus.Status = .unknown
        var latencyMilliseconds: Double?
        var checkedAt: Date?
        var error: String?
    }

    public let dependencies: [Dependency]
    public let settings: Settings
    private let logger: Logger
    private let metrics: ServiceMetrics
    private let entries: Mutex<[Entry]>
    private let wasReady = Mutex<Bool?>(nil)

    public init(dependencies: [Dependency], settings: Settings = Settings(), metrics: ServiceMetrics, logger: Logger) {
        self.dependencies = dependencies
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        self.entries = Mutex(Array(repeating: Entry(), count: dependencies.count))
        for dependency in dependencies {
            metrics.gauge(.dependencyUp, [("dependency", dependency.name)]).set(0.0)
        }
    }

    /// The cached view: what the last check of each dependency found.
    public func report() -> ReadinessReport {
        let entries = self.entries.withLock { $0 }
        var statuses: [DependencyStatus] = []
        for (dependency, entry) in zip(dependencies, entries) {
            statuses.append(
                DependencyStatus(
                    name: dependency.name,
                    required: dependency.required,
                    status: entry.status,
                    latency_ms: entry.latencyMilliseconds,
                    circuit: dependency.breaker?.state,
                    checked_at: entry.checkedAt.map { $0.formatted(.iso8601) },
                    error: entry.error
                )
            )
        }
        let missing = statuses.filter { $0.required && $0.status != .up }.map(\.name)
        let optionalDown = statuses.contains { !$0.required && $0.status != .up }
        let status: ReadinessReport.Status = !missing.isEmpty ? .notReady : (optionalDown ? .degraded : .ready)
        return ReadinessReport(status: status, dependencies: statuses, missing: missing)
    }

    /// Checks every dependency now, concurrently, and returns the fresh view (for `/health`).
    public func checkAll() async -> ReadinessReport {
        await withTaskGroup(of: Void.self) { group in
            for index in dependencies.indices {
                group.addTask { _ = await self.probe(index) }
            }
        }
        return report()
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for index in dependencies.indices {
                group.addTask { await self.poll(index) }
            }
            if !dependencies.isEmpty {
                group.addTask { await self.warnIfStartupTimesOut() }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    private func poll(_ index: Int) async {
        var failures = 0
        while !Task.isCancelled {
            if await probe(index) {
                failures = 0
                try? await Task.sleep(for: settings.pollInterval)
            } else {
                failures += 1
                try? await Task.sleep(for: backoff(afterFailures: failures))
            }
        }
    }

    /// Exponential backoff with "equal jitter": half the ceiling plus a random part of the
    /// other half, so retries never bunch at zero.
    func backoff(afterFailures failures: Int) -> Duration {
        let ceiling = min(settings.initialBackoff * (1 << min(failures - 1, 20)), settings.maxBackoff)
        let half = ceiling / 2
        return half + half * Double.random(in: 0...1)
    }

    /// Runs one check with the timeout and records its outcome; true when the dependency is up.
    @discardableResult
    func probe(_ index: Int) async -> Bool {
        let dependency = dependencies[index]
        let started = ContinuousClock.now
        let outcome: String?
        do {
            try await withTimeout(settings.checkTimeout) { try await dependency.check() }
            outcome = nil
        } catch is CancellationError where Task.isCancelled {
            return false
        } catch {
            outcome = String(describing: error)
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = ((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) * 10).rounded() / 10
        let up = outcome == nil
        let previous = entries.withLock { entries -> DependencyStatus.Status in
            let previous = entries[index].status
            entries[index] = Entry(status: up ? .up : .down, latencyMilliseconds: milliseconds, checkedAt: Date(), error: outcome)
            return previous
        }
        metrics.gauge(.dependencyUp, [("dependency", dependency.name)]).set(up ? 1.0 : 0.0)
        if previous != (up ? .up : .down) {
            if up {
                logger.notice("dependency up", metadata: ["dependency": .string(dependency.name), "latency_ms": .stringConvertible(milliseconds)])
            } else {
                logger.warning("dependency down", metadata: ["dependency": .string(dependency.name), "error": .string(outcome ?? "")])
            }
            logReadinessChange()
        }
        return up
    }

    private func logReadinessChange() {
        let report = report()
        let ready = report.isReady
        let changed = wasReady.withLock { wasReady -> Bool in
            defer { wasReady = ready }
            return wasReady != ready
        }
        guard changed else { return }
        if ready {
            logger.notice("service ready", metadata: ["status": .string(report.status.rawValue)])
        } else {
            logger.warning("service not ready", metadata: ["missing": .array(report.missing.map { .string($0) })])
        }
    }

    private func warnIfStartupTimesOut() async {
        try? await Task.sleep(for: settings.startupTimeout)
        guard !Task.isCancelled else { return }
        let report = report()
        if !report.missing.isEmpty {
            logger.error(
                "required dependencies still not ready after start-up timeout",
                metadata: [
                    "missing": .array(report.missing.map { .string($0) }),
                    "timeout_seconds": .stringConvertible(Int(settings.startupTimeout.components.seconds)),
                ]
            )
        }
    }
}

public struct TimeoutError: Error, CustomStringConvertible {
    public let duration: Duration
    public var description: String { "timed out after \(duration)" }
}

/// Runs `operation`, cancelling it and throwing `TimeoutError` if it takes longer than `duration`.
public func withTimeout<T: Sendable>(_ duration: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw TimeoutError(duration: duration)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
