import Logging
import Synchronization
import Testing

@testable import SharedHealth

/// A dependency whose health the test switches.
final class Switch: Sendable {
    private let up = Mutex(false)
    private let calls = Mutex(0)
    func set(_ value: Bool) { up.withLock { $0 = value } }
    var callCount: Int { calls.withLock { $0 } }
    func check() throws {
        calls.withLock { $0 += 1 }
        guard up.withLock({ $0 }) else { throw Boom() }
    }
}

func eventually(timeout: Duration = .seconds(5), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}

@Suite("ReadinessMonitor")
struct ReadinessTests {
    let settings = ReadinessMonitor.Settings(
        pollInterval: .milliseconds(50), initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(80),
        checkTimeout: .milliseconds(200), startupTimeout: .seconds(60)
    )

    func withMonitor(_ dependencies: [Dependency], metrics: ServiceMetrics = ServiceMetrics(), _ body: (ReadinessMonitor) async throws -> Void) async throws {
        let monitor = ReadinessMonitor(dependencies: dependencies, settings: settings, metrics: metrics, logger: Logger(label: "test"))
        let task = Task { try await monitor.run() }
        defer { task.cancel() }
        try await body(monitor)
    }

    @Test func notReadyUntilEveryRequiredDependencyIsUpThenFollowsLossAndRecovery() async throws {
        let database = Switch()
        let search = Switch()
        let metrics = ServiceMetrics()
        try await withMonitor([
            Dependency(name: "database", required: true) { try database.check() },
            Dependency(name: "search", required: true) { try search.check() },
        ], metrics: metrics) { monitor in
            #expect(monitor.report().status == .notReady)
            #expect(Set(monitor.report().missing) == ["database", "search"])

            database.set(true)
            #expect(await eventually { monitor.report().missing == ["search"] })
            #expect(!monitor.report().isReady)

            search.set(true)
            #expect(await eventually { monitor.report().status == .ready })
            let text = String(decoding: metrics.exposition(), as: UTF8.self)
            #expect(text.contains(#"dependency_up{dependency="search"} 1"#))

            search.set(false)
            #expect(await eventually { monitor.report().missing == ["search"] })
            #expect(String(decoding: metrics.exposition(), as: UTF8.self).contains(#"dependency_up{dependency="search"} 0"#))

            search.set(true)
            #expect(await eventually { monitor.report().isReady })
        }
    }

    @Test func optionalDependencyDownMeansDegradedNotUnready() async throws {
        let required = Switch()
        required.set(true)
        let optional = Switch()
        try await withMonitor([
            Dependency(name: "guardrails", required: true) { try required.check() },
            Dependency(name: "llm", required: false) { try optional.check() },
        ]) { monitor in
            #expect(await eventually { monitor.report().status == .degraded })
            #expect(monitor.report().isReady)
            optional.set(true)
            #expect(await eventually { monitor.report().status == .ready })
        }
    }

    @Test func aHangingCheckTimesOutAsDown() async throws {
        try await withMonitor([
            Dependency(name: "slow", required: true) { try await Task.sleep(for: .seconds(30)) },
        ]) { monitor in
            #expect(await eventually {
                monitor.report().dependencies.first?.status == .down
            })
            #expect(monitor.report().dependencies.first?.error?.contains("timed out") == true)
        }
    }

    @Test func backoffGrowsAndIsCapped() {
        let monitor = ReadinessMonitor(dependencies: [], settings: settings, metrics: ServiceMetrics(), logger: Logger(label: "test"))
        for _ in 0..<200 {
            let first = monitor.backoff(afterFailures: 1)
            #expect(first >= .milliseconds(5) && first <= .milliseconds(10))
            let third = monitor.backoff(afterFailures: 3)
            #expect(third >= .milliseconds(20) && third <= .milliseconds(40))
            let late = monitor.backoff(afterFailures: 50)
            #expect(late >= .milliseconds(40) && late <= .milliseconds(80))
        }
    }

    @Test func downDependencyIsRetriedWithBackoffNotHammered() async throws {
        let dependency = Switch()
        // Judged on elapsed time rather than a fixed sleep, so a busy machine (the whole suite
        // runs in parallel on two cores) cannot starve the monitor into a false failure.
        let started = ContinuousClock.now
        var elapsed = Duration.zero
        try await withMonitor([Dependency(name: "db", required: true) { try dependency.check() }]) { _ in
            while dependency.callCount < 6, ContinuousClock.now - started < .seconds(10) {
                try await Task.sleep(for: .milliseconds(10))
            }
            elapsed = ContinuousClock.now - started
        }
        #expect(dependency.callCount >= 6)
        // Backoffs after 1…5 failures are at least 5, 10, 20, 40, 40 ms: six calls take at least
        // 115 ms; a 1 ms retry loop would make them in 6 ms.
        #expect(elapsed >= .milliseconds(100))
    }

    @Test func checkAllProbesNow() async throws {
        let dependency = Switch()
        dependency.set(true)
        let monitor = ReadinessMonitor(
            dependencies: [Dependency(name: "db", required: true) { try dependency.check() }],
            settings: settings, metrics: ServiceMetrics(), logger: Logger(label: "test")
        )
        #expect(monitor.report().status == .notReady)
        let report = await monitor.checkAll()
        #expect(report.status == .ready)
        #expect(report.dependencies.first?.latency_ms != nil)
    }
}
