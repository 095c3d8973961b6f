import Synchronization

/// Token buckets per key (a customer): `perMinute` requests a minute on average, bursts up to
/// `perMinute`. Buckets that have refilled completely are dropped when the table grows, so
/// memory follows the active keys, not every key ever seen.
public final class RateLimiter: Sendable {
    public let perMinute: Int
    private let clock: @Sendable () -> ContinuousClock.Instant
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }
    private let buckets = Mutex<[String: Bucket]>([:])
    static let pruneThreshold = 10_000

    public init(perMinute: Int, clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.perMinute = perMinute
        self.clock = clock
    }

    /// Takes a token for `key`; nil when allowed, else the whole seconds until one is free.
    public func acquire(_ key: String) -> Int? {
        guard perMinute > 0 else { return nil }
        let now = clock()
        let capacity = Double(perMinute)
        let ratePerSecond = capacity / 60
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated).seconds * ratePerSecond)
            bucket.updated = now
            defer {
                buckets[key] = bucket
                if buckets.count > Self.pruneThreshold { Self.prune(&buckets, now: now, capacity: capacity, rate: ratePerSecond) }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / ratePerSecond).rounded(.up)))
        }
    }

    private static func prune(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant, capacity: Double, rate: Double) {
        buckets = buckets.filter { _, bucket in
            bucket.tokens + (now - bucket.updated).seconds * rate < capacity
        }
    }
}
