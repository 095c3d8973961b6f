import Synchronization
import Testing

@testable import SharedHealth

@Suite("RetryPolicy")
struct RetryTests {
    struct Transient: Error {}
    struct Permanent: Error {}

    @Test func retriesTransientFailuresUntilSuccess() async throws {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        var attempts: [Int] = []
        let value = try await policy.run(shouldRetry: { $0 is Transient }, sleep: { _ in }) { attempt in
            attempts.append(attempt)
            if attempt < 3 { throw Transient() }
            return "ok"
        }
        #expect(value == "ok")
        #expect(attempts == [1, 2, 3])
    }

    @Test func doesNotRetryWhatShouldNotBeRetried() async {
        let policy = RetryPolicy(maxAttempts: 5)
        var attempts = 0
        await #expect(throws: Permanent.self) {
            try await policy.run(shouldRetry: { $0 is Transient }, sleep: { _ in }) { _ -> Int in
                attempts += 1
                throw Permanent()
            }
        }
        #expect(attempts == 1)
    }

    @Test func stopsAfterMaxAttempts() async {
        let policy = RetryPolicy(maxAttempts: 3)
        var attempts = 0
        await #expect(throws: Transient.self) {
            try await policy.run(shouldRetry: { _ in true }, sleep: { _ in }) { _ -> Int in
                attempts += 1
                throw Transient()
            }
        }
        #expect(attempts == 3)
    }

    @Test func stopsWhenTheNextBackoffWouldPassTheTotalBudget() async {
        // Every sleep moves a fake clock by its full length; the budget allows about 250 ms.
        let policy = RetryPolicy(maxAttempts: 100, baseDelay: .milliseconds(100), maxDelay: .milliseconds(100), maxTotalDuration: .milliseconds(250))
        let start = ContinuousClock.now
        var elapsed = Duration.zero
        var slept = Duration.zero
        var attempts = 0
        await #expect(throws: Transient.self) {
            try await policy.run(
                shouldRetry: { _ in true },
                sleep: { delay in elapsed += delay; slept += delay },
                now: { start + elapsed }
            ) { _ -> Int in
                attempts += 1
                elapsed += .milliseconds(60)  // each attempt takes 60 ms
                throw Transient()
            }
        }
        #expect(elapsed <= .milliseconds(250 + 60))
        #expect(attempts >= 2)
        #expect(attempts < 100)
    }

    @Test func backoffCeilingDoublesAndIsCapped() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(50), maxDelay: .milliseconds(300))
        #expect(policy.backoffCeiling(forRetry: 1) == .milliseconds(50))
        #expect(policy.backoffCeiling(forRetry: 2) == .milliseconds(100))
        #expect(policy.backoffCeiling(forRetry: 3) == .milliseconds(200))
        #expect(policy.backoffCeiling(forRetry: 4) == .milliseconds(300))
        #expect(policy.backoffCeiling(forRetry: 40) == .milliseconds(300))
    }

    @Test func fullJitterSpreadsDelaysOverTheWholeRange() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<2000).map { _ in policy.delay(forRetry: 2, using: &generator) }
        #expect(delays.allSatisfy { $0 >= .zero && $0 <= .milliseconds(200) })
        #expect(delays.contains { $0 < .milliseconds(20) })
        #expect(delays.contains { $0 > .milliseconds(180) })
    }
}

@Suite("RateLimiter")
struct RateLimiterTests {
    final class ManualTime: Sendable {
        let start = ContinuousClock.now
        let offset = Mutex(Duration.zero)
        func now() -> ContinuousClock.Instant { start + offset.withLock { $0 } }
        func advance(_ d: Duration) { offset.withLock { $0 += d } }
    }

    @Test func burstThenRefillPerKey() {
        let time = ManualTime()
        let limiter = RateLimiter(perMinute: 6, clock: { time.now() })
        for _ in 0..<6 { #expect(limiter.acquire("a") == nil) }
        #expect(limiter.acquire("a") == 10)  // one token per 10 s
        #expect(limiter.acquire("b") == nil)  // keys are independent
        time.advance(.seconds(5))
        #expect(limiter.acquire("a") == 5)
        time.advance(.seconds(5))
        #expect(limiter.acquire("a") == nil)
        #expect(limiter.acquire("a") != nil)
    }

    @Test func zeroMeansOff() {
        let limiter = RateLimiter(perMinute: 0)
        for _ in 0..<1000 { #expect(limiter.acquire("a") == nil) }
    }
}
