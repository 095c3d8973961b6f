import Logging
import Synchronization

public enum CircuitState: String, Sendable, Codable {
    case closed
    case halfOpen = "half_open"
    case open

    /// The value of the `circuit_breaker_state` gauge.
    public var metricValue: Double {
        switch self {
        case .closed: 0
        case .halfOpen: 1
        case .open: 2
        }
    }
}

/// Settings with resilience4j's meaning. Defaults suit a chat service calling fast internal
/// dependencies: judge on the last 20 calls once 10 were made, open at 50 % failures or when
/// every call is slower than 2 s, stay open 5 s, then let 3 trial calls decide. Beyond
/// resilience4j, `consecutiveFailureThreshold` (5) failures in a row open it before the window
/// has its minimum (0 turns that off): a dependency that times out on every call should not
/// get ten calls' worth of customers' time first.
public struct CircuitBreakerSettings: Sendable, Equatable {
    public var slidingWindowSize: Int = 20
    public var minimumNumberOfCalls: Int = 10
    public var failureRateThreshold: Double = 50
    public var slowCallRateThreshold: Double = 100
    public var slowCallDuration: Duration = .seconds(2)
    public var waitDurationInOpenState: Duration = .seconds(5)
    public var permittedCallsInHalfOpenState: Int = 3
    public var consecutiveFailureThreshold: Int = 5

    public init() {}

    public init(
        slidingWindowSize: Int = 20,
        minimumNumberOfCalls: Int = 10,
        failureRateThreshold: Double = 50,
        slowCallRateThreshold: Double = 100,
        slowCallDuration: Duration = .seconds(2),
        waitDurationInOpenState: Duration = .seconds(5),
        permittedCallsInHalfOpenState: Int = 3,
        consecutiveFailureThreshold: Int = 5
    ) {
        self.slidingWindowSize = max(1, slidingWindowSize)
        self.minimumNumberOfCalls = max(1, minimumNumberOfCalls)
        self.failureRateThreshold = failureRateThreshold
        self.slowCallRateThreshold = slowCallRateThreshold
        self.slowCallDuration = slowCallDuration
        self.waitDurationInOpenState = waitDurationInOpenState
        self.permittedCallsInHalfOpenState = max(1, permittedCallsInHalfOpenState)
        self.consecutiveFailureThreshold = max(0, consecutiveFailureThreshold)
    }

    /// `CIRCUIT_BREAKER_*` variables.
    public init(environment env: EnvironmentReader) throws {
        self.init(
            slidingWindowSize: try env.int("CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE", default: 20, range: 1...10_000),
            minimumNumberOfCalls: try env.int("CIRCUIT_BREAKER_MINIMUM_CALLS", default: 10, range: 1...10_000),
            failureRateThreshold: try env.double("CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD", default: 50, range: 1...100),
            slowCallRateThreshold: try env.double("CIRCUIT_BREAKER_SLOW_CALL_RATE_THRESHOLD", default: 100, range: 1...100),
            slowCallDuration: .milliseconds(try env.int("CIRCUIT_BREAKER_SLOW_CALL_DURATION_MS", default: 2000, range: 1...600_000)),
            waitDurationInOpenState: .milliseconds(try env.int("CIRCUIT_BREAKER_WAIT_DURATION_MS", default: 5000, range: 1...3_600_000)),
            permittedCallsInHalfOpenState: try env.int("CIRCUIT_BREAKER_HALF_OPEN_CALLS", default: 3, range: 1...1000),
            consecutiveFailureThreshold: try env.int("CIRCUIT_BREAKER_CONSECUTIVE_FAILURES", default: 5, range: 0...10_000)
        )
    }
}

/// Thrown instead of making a call while the breaker is open (or half-open with every trial
/// permit taken). No network call is made.
public struct CircuitOpenError: Error, CustomStringConvertible, Sendable {
    public let target: String
    /// How long until the breaker lets a trial call through.
    public let retryAfter: Duration

    public var description: String { "circuit breaker for \(target) is open" }
}

/// A monotonic time source; tests pass a manual one.
public protocol BreakerClock: Sendable {
    func now() -> Duration
}

public struct SystemBreakerClock: BreakerClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - origin }
}

/// A count-based circuit breaker with resilience4j's contract.
///
/// - CLOSED: outcomes go into a ring of the last `slidingWindowSize` calls. Once at least
///   `minimumNumberOfCalls` are in it, a failure rate or slow-call rate at or above its
///   threshold opens the breaker.
/// - OPEN: every call is rejected with `CircuitOpenError` until `waitDurationInOpenState`
///   has passed; the next call attempt then moves it to HALF_OPEN.
/// - HALF_OPEN: `permittedCallsInHalfOpenState` trial calls are let through, others rejected.
///   When all of them have finished, the rates over those trials decide: OPEN again, or CLOSED
///   with an empty window.
///
/// Each permit remembers the state period it was issued in, so a call that started before a
/// transition cannot sway the period after it.
public final class CircuitBreaker: Sendable {
    public struct Permit: Sendable {
        fileprivate let period: UInt64
        fileprivate let start: Duration
    }

    private struct Outcome {
        var failed: Bool
        var slow: Bool
    }

    private struct Machine {
        var state: CircuitState = .closed
        var period: UInt64 = 0
        var ring: [Outcome?]
        var ringIndex = 0
        var recorded = 0
        var failures = 0
        var slowCalls = 0
        /// Failures since the last success, in the closed state.
        var consecutiveFailures = 0
        var openedAt: Duration = .zero
        var halfOpenIssued = 0
        var halfOpenOutcomes: [Outcome] = []

        init(windowSize: Int) {
            ring = Array(repeating: nil, count: windowSize)
        }

        mutating func resetWindow() {
            for index in ring.indices { ring[index] = nil }
            ringIndex = 0
            recorded = 0
            failures = 0
            slowCalls = 0
            consecutiveFailures = 0
        }

        mutating func push(_ outcome: Outcome) {
            if let evicted = ring[ringIndex] {
                if evicted.failed { failures -= 1 }
                if evicted.slow { slowCalls -= 1 }
                recorded -= 1
            }
            ring[ringIndex] = outcome
            ringIndex = (ringIndex + 1) % ring.count
            recorded += 1
            if outcome.failed { failures += 1 }
            if outcome.slow { slowCalls += 1 }
        }
    }

    public let name: String
    public let settings: CircuitBreakerSettings
    private let clock: any BreakerClock
    private let onTransition: @Sendable (_ from: CircuitState, _ to: CircuitState) -> Void
    private let machine: Mutex<Machine>

    public init(
        name: String,
        settings: CircuitBreakerSettings = CircuitBreakerSettings(),
        clock: any BreakerClock = SystemBreakerClock(),
        onTransition: @escaping @Sendable (_ from: CircuitState, _ to: CircuitState) -> Void = { _, _ in }
    ) {
        self.name = name
        self.settings = settings
        self.clock = clock
        self.onTransition = onTransition
        self.machine = Mutex(Machine(windowSize: settings.slidingWindowSize))
    }

    /// The state as of the last call attempt (OPEN stays OPEN until a call is attempted after
    /// the wait, as in resilience4j without automatic transition).
    public var state: CircuitState {
        machine.withLock { $0.state }
    }

    /// Asks to make one call. Throws `CircuitOpenError` without side effects when not permitted.
    public func acquirePermission() throws(CircuitOpenError) -> Permit {
        let now = clock.now()
        var transition: (CircuitState, CircuitState)?
        let result: Result<Permit, CircuitOpenError> = machine.withLock { machine in
            switch machine.state {
            case .closed:
                return .success(Permit(period: machine.period, start: now))
            case .open:
                let elapsed = now - machine.openedAt
                guard elapsed >= settings.waitDurationInOpenState else {
                    return .failure(CircuitOpenError(target: name, retryAfter: settings.waitDurationInOpenState - elapsed))
                }
                transition = Self.move(&machine, to: .halfOpen, at: now)
                machine.halfOpenIssued = 1
                return .success(Permit(period: machine.period, start: now))
            case .halfOpen:
                guard machine.halfOpenIssued < settings.permittedCallsInHalfOpenState else {
                    return .failure(CircuitOpenError(target: name, retryAfter: .zero))
                }
                machine.halfOpenIssued += 1
                return .success(Permit(period: machine.period, start: now))
            }
        }
        if let transition { onTransition(transition.0, transition.1) }
        return try result.get()
    }

    /// Records how a permitted call ended. Duration is measured from the permit.
    public func record(_ permit: Permit, failed: Bool) {
        let now = clock.now()
        let outcome = Outcome(failed: failed, slow: now - permit.start >= settings.slowCallDuration)
        var transition: (CircuitState, CircuitState)?
        machine.withLock { machine in
            guard permit.period == machine.period else { return }
            switch machine.state {
            case .closed:
                machine.push(outcome)
                machine.consecutiveFailures = outcome.failed ? machine.consecutiveFailures + 1 : 0
                let required = min(settings.minimumNumberOfCalls, settings.slidingWindowSize)
                let inARow = settings.consecutiveFailureThreshold > 0 && machine.consecutiveFailures >= settings.consecutiveFailureThreshold
                if inARow || (machine.recorded >= required && exceeds(failures: machine.failures, slow: machine.slowCalls, of: machine.recorded)) {
                    transition = Self.move(&machine, to: .open, at: now)
                }
            case .halfOpen:
                machine.halfOpenOutcomes.append(outcome)
                if machine.halfOpenOutcomes.count >= settings.permittedCallsInHalfOpenState {
                    let failures = machine.halfOpenOutcomes.filter(\.failed).count
                    let slow = machine.halfOpenOutcomes.filter(\.slow).count
                    let next: CircuitState =
                        exceeds(failures: failures, slow: slow, of: machine.halfOpenOutcomes.count) ? .open : .closed
                    transition = Self.move(&machine, to: next, at: now)
                }
            case .open:
                break
            }
        }
        if let transition { onTransition(transition.0, transition.1) }
    }

    /// Gives back a permit whose call was never made or was cancelled: it counts for nothing.
    public func release(_ permit: Permit) {
        machine.withLock { machine in
            if machine.state == .halfOpen, permit.period == machine.period, machine.halfOpenIssued > 0 {
                machine.halfOpenIssued -= 1
            }
        }
    }

    /// Runs `operation` under the breaker. `isFailure` classifies a returned value (for example
    /// a 5xx response); a thrown error is a failure, except cancellation, which is released.
    public func execute<T: Sendable>(
        isFailure: (T) -> Bool = { _ in false },
        _ operation: () async throws -> T
    ) async throws -> T {
        let permit = try acquirePermission()
        do {
            let value = try await operation()
            record(permit, failed: isFailure(value))
            return value
        } catch is CancellationError {
            release(permit)
            throw CancellationError()
        } catch {
            record(permit, failed: true)
            throw error
        }
    }

    private func exceeds(failures: Int, slow: Int, of total: Int) -> Bool {
        guard total > 0 else { return false }
        let failureRate = Double(failures) * 100 / Double(total)
        let slowRate = Double(slow) * 100 / Double(total)
        return failureRate >= settings.failureRateThreshold || slowRate >= settings.slowCallRateThreshold
    }

    private static func move(_ machine: inout Machine, to next: CircuitState, at now: Duration) -> (CircuitState, CircuitState) {
        let previous = machine.state
        machine.state = next
        machine.period &+= 1
        machine.halfOpenIssued = 0
        machine.halfOpenOutcomes.removeAll()
        switch next {
        case .open: machine.openedAt = now
        case .closed: machine.resetWindow()
        case .halfOpen: break
        }
        return (previous, next)
    }
}

extension CircuitBreaker {
    /// A breaker whose state and transitions are exported as `circuit_breaker_state{target}` and
    /// `circuit_breaker_transitions_total{target,to}`, and logged once per transition.
    public static func instrumented(
        target: String,
        settings: CircuitBreakerSettings,
        metrics: ServiceMetrics,
        logger: Logger,
        clock: any BreakerClock = SystemBreakerClock()
    ) -> CircuitBreaker {
        let gauge = metrics.gauge(.circuitBreakerState, [("target", target)])
        gauge.set(CircuitState.closed.metricValue)
        // Every transition series exists from the start at 0, so rate() and increase() see the
        // first transition instead of a series appearing out of nothing.
        for state in [CircuitState.closed, .halfOpen, .open] {
            _ = metrics.counter(.circuitBreakerTransitions, [("target", target), ("to", state.rawValue)])
        }
        return CircuitBreaker(name: target, settings: settings, clock: clock) { from, to in
            gauge.set(to.metricValue)
            metrics.counter(.circuitBreakerTransitions, [("target", target), ("to", to.rawValue)]).increment()
            let level: Logger.Level = to == .open ? .warning : .notice
            logger.log(
                level: level,
                "circuit breaker state changed",
                metadata: ["target": .string(target), "from": .string(from.rawValue), "to": .string(to.rawValue)]
            )
        }
    }
}
