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
        let utf8 = word.utf8
        let first = Int(utf8.first ?? 0) & 31
        let last = Int(utf8.last ?? 0) & 31
        return first << 10 | last << 5 | min(utf8.count, 31)
    }
}
