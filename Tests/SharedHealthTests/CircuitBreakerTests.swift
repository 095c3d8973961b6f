import Synchronization
import Testing

@testable import SharedHealth

/// A clock the test moves by hand.
final class ManualClock: BreakerClock {
    private let current = Mutex<Duration>(.zero)
    func now() -> Duration { current.withLock { $0 } }
    func advance(_ duration: Duration) { current.withLock { $0 += duration } }
}

final class TransitionLog: Sendable {
    private let entries = Mutex<[String]>([])
    func append(_ from: CircuitState, _ to: CircuitState) { entries.withLock { $0.append("\(from.rawValue)->\(to.rawValue)") } }
    var all: [String] { entries.withLock { $0 } }
}

struct Boom: Error {}

@Suite("CircuitBreaker")
struct CircuitBreakerTests {
    let clock = ManualClock()
    let log = TransitionLog()

    func makeBreaker(_ settings: CircuitBreakerSettings = CircuitBreakerSettings(
        slidingWindowSize: 10, minimumNumberOfCalls: 5, failureRateThreshold: 50,
        slowCallRateThreshold: 100, slowCallDuration: .seconds(1), waitDurationInOpenState: .seconds(5),
        permittedCallsInHalfOpenState: 2
    )) -> CircuitBreaker {
        CircuitBreaker(name: "dep", settings: settings, clock: clock) { [log] in log.append($0, $1) }
    }

    func fail(_ breaker: CircuitBreaker, times: Int) throws {
        for _ in 0..<times { breaker.record(try breaker.acquirePermission(), failed: true) }
    }

    func succeed(_ breaker: CircuitBreaker, times: Int) throws {
        for _ in 0..<times { breaker.record(try breaker.acquirePermission(), failed: false) }
    }

    @Test func staysClosedBelowMinimumNumberOfCalls() throws {
        let breaker = makeBreaker()
        try fail(breaker, times: 4)
        #expect(breaker.state == .closed)
        try fail(breaker, times: 1)
        #expect(breaker.state == .open)
        #expect(log.all == ["closed->open"])
    }

    /// A hung model timed out on every call while the breaker waited for its tenth: failures
    /// in a row open it before the window's minimum.
    @Test func consecutiveFailuresOpenBeforeTheMinimumNumberOfCalls() throws {
        let breaker = makeBreaker(CircuitBreakerSettings(slidingWindowSize: 20, minimumNumberOfCalls: 10, consecutiveFailureThreshold: 3))
        try fail(breaker, times: 2)
        try succeed(breaker, times: 1)
        try fail(breaker, times: 2)
        #expect(breaker.state == .closed)  // a success in between starts the count again
        try fail(breaker, times: 1)
        #expect(breaker.state == .open)
        #expect(log.all == ["closed->open"])
        // CIRCUIT_BREAKER_CONSECUTIVE_FAILURES, default 5; 0 turns it off.
        #expect(try CircuitBreakerSettings(environment: EnvironmentReader([:])).consecutiveFailureThreshold == 5)
        let off = makeBreaker(CircuitBreakerSettings(slidingWindowSize: 20, minimumNumberOfCalls: 10, consecutiveFailureThreshold: 0))
        try fail(off, times: 9)
        #expect(off.state == .closed)
    }

    @Test func opensAtTheFailureRateThresholdNotBelow() throws {
        let breaker = makeBreaker()
        // 2 failures of 5 = 40 % < 50 %.
        try succeed(breaker, times: 3)
        try fail(breaker, times: 2)
        #expect(breaker.state == .closed)
        // 3 of 6 = 50 %: at the threshold opens, as in resilience4j.
        try fail(breaker, times: 1)
        #expect(breaker.state == .open)
    }

    @Test func slidingWindowForgetsOldCalls() throws {
        let breaker = makeBreaker()
        try succeed(breaker, times: 6)
        try fail(breaker, times: 4)  // 4 of 10 = 40 %
        #expect(breaker.state == .closed)
        try succeed(breaker, times: 10)  // the 4 failures slid out
        try fail(breaker, times: 4)  // 4 of 10 again, not 8
        #expect(breaker.state == .closed)
        try fail(breaker, times: 1)  // 5 of 10 = 50 %
        #expect(breaker.state == .open)
    }

    @Test func openRejectsWithoutCallingUntilTheWaitHasPassed() async throws {
        let breaker = makeBreaker()
        try fail(breaker, times: 5)
        let calls = Mutex(0)
        for _ in 0..<3 {
            await #expect(throws: CircuitOpenError.self) {
                try await breaker.execute { calls.withLock { $0 += 1 } }
            }
        }
        #expect(calls.withLock { $0 } == 0)
        clock.advance(.seconds(4))
        do {
            _ = try breaker.acquirePermission()
            Issue.record("permitted before the wait duration")
        } catch {
            #expect(error.retryAfter == .seconds(1))
        }
        clock.advance(.seconds(1))
        _ = try breaker.acquirePermission()
        #expect(breaker.state == .halfOpen)
        #expect(log.all == ["closed->open", "open->half_open"])
    }

    @Test func halfOpenPermitsOnlyTheTrialCallsAndClosesWhenTheySucceed() throws {
        let breaker = makeBreaker()
        try fail(breaker, times: 5)
        clock.advance(.seconds(5))
        let first = try breaker.acquirePermission()
        let second = try breaker.acquirePermission()
        #expect(throws: CircuitOpenError.self) { try breaker.acquirePermission() }
        breaker.record(first, failed: false)
        #expect(breaker.state == .halfOpen)
        breaker.record(second, failed: false)
        #expect(breaker.state == .closed)
        // Closed again with an empty window: four failures do not reopen it.
        try fail(breaker, times: 4)
        #expect(breaker.state == .closed)
        #expect(log.all == ["closed->open", "open->half_open", "half_open->closed"])
    }

    @Test func halfOpenReopensWhenTrialsFail() throws {
        let breaker = makeBreaker()
        try fail(breaker, times: 5)
        clock.advance(.seconds(5))
        try succeed(breaker, times: 1)
        try fail(breaker, times: 1)  // 1 of 2 = 50 %
        #expect(breaker.state == .open)
        #expect(throws: CircuitOpenError.self) { try breaker.acquirePermission() }
        #expect(log.all == ["closed->open", "open->half_open", "half_open->open"])
    }

    @Test func releasedTrialPermitCanBeTakenAgain() throws {
        let breaker = makeBreaker()
        try fail(breaker, times: 5)
        clock.advance(.seconds(5))
        let first = try breaker.acquirePermission()
        _ = try breaker.acquirePermission()
        breaker.release(first)
        _ = try breaker.acquirePermission()
        #expect(breaker.state == .halfOpen)
    }

    @Test func slowCallsOpenTheBreaker() throws {
        let breaker = makeBreaker(CircuitBreakerSettings(
            slidingWindowSize: 4, minimumNumberOfCalls: 4, failureRateThreshold: 50,
            slowCallRateThreshold: 75, slowCallDuration: .milliseconds(500), waitDurationInOpenState: .seconds(5),
            permittedCallsInHalfOpenState: 1
        ))
        for index in 0..<4 {
            let permit = try breaker.acquirePermission()
            clock.advance(index == 0 ? .milliseconds(10) : .milliseconds(600))
            breaker.record(permit, failed: false)
        }
        #expect(breaker.state == .open)
    }

    @Test func callsStartedBeforeATransitionDoNotCountAfterIt() throws {
        let breaker = makeBreaker()
        let stale = try breaker.acquirePermission()
        try fail(breaker, times: 5)
        clock.advance(.seconds(5))
        let trial = try breaker.acquirePermission()
        breaker.record(stale, failed: true)  // ignored: issued while closed
        #expect(breaker.state == .halfOpen)
        breaker.record(trial, failed: false)
        try succeed(breaker, times: 1)
        #expect(breaker.state == .closed)
    }

    @Test func cancellationIsNeitherSuccessNorFailure() async throws {
        let breaker = makeBreaker()
        try fail(breaker, times: 4)
        for _ in 0..<3 {
            await #expect(throws: CancellationError.self) {
                try await breaker.execute { () async throws -> Int in throw CancellationError() }
            }
        }
        #expect(breaker.state == .closed)
    }

    @Test func executeClassifiesReturnedValues() async throws {
        let breaker = makeBreaker()
        for _ in 0..<5 {
            let status = try await breaker.execute(isFailure: { $0 >= 500 }) { 503 }
            #expect(status == 503)
        }
        #expect(breaker.state == .open)
    }

    @Test func isThreadSafeUnderConcurrentCalls() async throws {
        let breaker = CircuitBreaker(name: "dep", settings: CircuitBreakerSettings(
            slidingWindowSize: 100, minimumNumberOfCalls: 100, failureRateThreshold: 100
        ))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<2000 {
                group.addTask {
                    _ = try? await breaker.execute { () async throws -> Int in
                        if index % 2 == 0 { throw Boom() }
                        return index
                    }
                }
            }
        }
        // 50 % failures never reach a 100 % threshold.
        #expect(breaker.state == .closed)
    }

    @Test func instrumentedBreakerExportsStateAndTransitions() throws {
        let metrics = ServiceMetrics()
        let breaker = CircuitBreaker.instrumented(
            target: "rag",
            settings: CircuitBreakerSettings(slidingWindowSize: 2, minimumNumberOfCalls: 2, waitDurationInOpenState: .seconds(5)),
            metrics: metrics,
            logger: .init(label: "test"),
            clock: clock
        )
        var text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"circuit_breaker_state{target="rag"} 0"#))
        try fail(breaker, times: 2)
        text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"circuit_breaker_state{target="rag"} 2"#))
        #expect(text.contains(#"circuit_breaker_transitions_total{target="rag",to="open"} 1"#))
        clock.advance(.seconds(5))
        _ = try breaker.acquirePermission()
        text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"circuit_breaker_state{target="rag"} 1"#))
        #expect(text.contains(#"circuit_breaker_transitions_total{target="rag",to="half_open"} 1"#))
    }
}
