import Synchronization

/// Request ids in UUID version-4 form, without a system call per id: Foundation's `UUID()`
/// opens, reads and closes `/dev/urandom` on every call on Linux (three system calls, a
/// measurable share of a fast request). Two 64-bit keys drawn once from the system generator
/// and a process-wide counter go through SplitMix64's bijective mix, so ids never repeat within
/// a process and are as unlikely to collide across processes as random v4 UUIDs. They
/// identify requests; they are not secrets (nothing may use them as one).
public final class RequestIDGenerator: Sendable {
    public static let shared = RequestIDGenerator()

    private let keys: (UInt64, UInt64)
    private let counter = Atomic<UInt64>(0)

    public init() {
        var system = SystemRandomNumberGenerator()
        keys = (system.next(), system.next())
    }

    public func next() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        // Each half is a keyed bijection of the counter; the version and variant bits give up
        // six of the 128 bits, as in a random v4 UUID.
        var high = SeededRandom.mix(count &* SeededRandom.gamma &+ keys.0)
        var low = SeededRandom.mix(count ^ keys.1)
        high = (high & ~0xF000) | 0x4000  // version 4
        low = (low & ~(0b11 << 62)) | (0b10 << 62)  // RFC 4122 variant
        return Self.format(high, low)
    }

    /// 8-4-4-4-12 lower-case hex digits.
    static func format(_ high: UInt64, _ low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            func put(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    buffer[index] = digits.utf8Start[Int((value >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            put(high >> 32, nibbles: 8)
            dash()
            put(high >> 16, nibbles: 4)
            dash()
            put(high, nibbles: 4)
            dash()
            put(low >> 48, nibbles: 4)
            dash()
            put(low, nibbles: 12)
            return 36
        }
    }
}
