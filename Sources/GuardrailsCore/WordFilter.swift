/// A set of words summarized by (first byte, length) in 8 KiB of bits: `mightContain` is
/// false for most words that are not in the set, without hashing them. Put in front of the
/// `[String: …]` lookups that run for every word of every message.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 128)

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

    @inline(__always)
    private static func slot(_ word: String) -> Int {
        let first = Int(word.utf8.first ?? 0)
        return (first & 0xFF) << 5 | min(word.utf8.count, 31)
    }
}
