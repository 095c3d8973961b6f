/// Byte-level search and replace for the per-message hot path: plain loops, because the
/// standard library's generic `firstRange(of:)` and Foundation's string search cost more than
/// the rest of a chat turn.
extension Array where Element == UInt8 {
    /// Every occurrence of `needle` replaced by `replacement`, left to right, not overlapping.
    /// Whole UTF-8 sequences in and out: the result is valid UTF-8 when all three are.
    func replacingBytes(_ needle: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard !needle.isEmpty, count >= needle.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        var index = 0
        while index < count {
            if index + needle.count <= count, self[index] == needle[0], self[index..<(index + needle.count)].elementsEqual(needle) {
                result += replacement
                index += needle.count
            } else {
                result.append(self[index])
                index += 1
            }
        }
        return result
    }

    /// Whether the bytes hold `needle` somewhere.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard count >= needle.count else { return false }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < wanted.count && haystack[start + offset] == wanted[offset] { offset += 1 }
                        if offset == wanted.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
