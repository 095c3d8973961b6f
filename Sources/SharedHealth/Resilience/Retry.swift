/// Retry with exponential backoff and full jitter (AWS architecture blog's "full jitter":
/// sleep a uniform random time in [0, min(maxDelay, baseDelay × 2^(retry-1))]).
/// Bounded both in attempts and in total time. Only for idempotent operations.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// No new attempt starts when its backoff would end after this much time since the first.
    public var maxTotalDuration: Duration

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(50),
        maxDelay: Duration = .seconds(1),
        maxTotalDuration: Duration = .seconds(5)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalDuration = maxTotalDuration
    }

    /// A single attempt.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The upper bound of the backoff before retry number `retry` (1 for the first retry).
    public func backoffCeiling(forRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let scaled = baseDelay * (1 << exponent)
        return min(scaled, maxDelay)
    }

    /// A full-jitter delay for retry number `retry`.
    public func delay(forRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = backoffCeiling(forRetry: retry)
        let ceilingNanos = ceiling.components.seconds * 1_000_000_000 + ceiling.components.attoseconds / 1_000_000_000
        guard ceilingNanos > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...ceilingNanos, using: &generator))
    }

    /// Runs `operation` until it succeeds, `shouldRetry` says no, attempts run out, or the next
    /// backoff would pass `maxTotalDuration`. The last error is rethrown.
    public func run<T>(
        shouldRetry: (any Error) -> Bool,
        sleep: (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: () -> ContinuousClock.Instant = { ContinuousClock.now },
        operation: (_ attempt: Int) async throws -> T
    ) async throws -> T {
        var generator = SystemRandomNumberGenerator()
        let started = now()
        var attempt = 1
        while true {
            do {
                return try await operation(attempt)
            } catch {
                guard attempt < maxAttempts, shouldRetry(error), !Task.isCancelled else { throw error }
                let delay = self.delay(forRetry: attempt, using: &generator)
                guard now() - started + delay <= maxTotalDuration else { throw error }
                try await sleep(delay)
                attempt += 1
            }
        }
    }
}
