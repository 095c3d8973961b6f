/// A set of words summarized by (first byte, last byte, length) in 32 KiB of bits:
/// `mightContain` is false for most words that are not in the set, without hashing them. Put in
/// front of the `[String: …]` lookups that run for every word of every message.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 512)

    init(_ words: some Sequence<String>) {
        for word in words { insert(word) }
    }

    mutating func insert(_ word: String) {
        let slot = Self.slot(word)
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    @inline(__always)
    func mightContain(_ word: String) -> Bool {
        let slot = Self.slot(word)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// 15 bits: five of the first byte, five of the last, the length up to 31. Letters differ
    /// in their low five bits, so common words that merely share a first letter and a length
    /// with a listed word ("card" and "call") fall in different slots.
    @inline(__always)
    private static func slot(_ word: String) -> Int {
        // From the contiguous bytes: `utf8.last` walks String indices, which cost more here
        // than the rest of the check.
        word.withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last else { return 0 }
            return Int(first & 31) << 10 | Int(last & 31) << 5 | min(bytes.count, 31)
        }
    }
}
