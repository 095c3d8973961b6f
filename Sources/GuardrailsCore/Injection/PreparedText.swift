/// A message normalized once for every detector that reads words: the folded and skeleton
/// views, the spaced-letters view when there is one, and their words.
struct PreparedText {
    let text: String
    let folded: NormalizedView
    let skeleton: NormalizedView
    let joined: NormalizedView?
    /// Words of the skeleton view and, when letters were spaced out, of the joined view.
    let wordViews: [(words: [String], positions: [NormalizedWord])]

    init(_ text: String) {
        self.text = text
        folded = TextNormalizer.fold(text)
        skeleton = TextNormalizer.skeleton(folded)
        joined = TextNormalizer.joinSpacedLetters(folded)
        var views = [skeleton]
        if let joined { views.append(TextNormalizer.skeleton(joined)) }
        wordViews = views.map { view in
            let positions = view.words()
            return (positions.map(\.text), positions)
        }
    }
}

/// Substring search on UTF-8 bytes: the structural checks look for dozens of fixed tokens in
/// every message, and Foundation's `range(of:)` is far too slow for that.
struct ByteText {
    let bytes: [UInt8]
    private let present: [Bool]

    init(_ string: String) {
        bytes = Array(string.utf8)
        var present = [Bool](repeating: false, count: 256)
        for byte in bytes { present[Int(byte)] = true }
        self.present = present
    }

    func contains(byte: UInt8) -> Bool { present[Int(byte)] }

    /// Byte offset of the first occurrence of `needle`.
    func find(_ needle: [UInt8]) -> Int? {
        guard let first = needle.first, present[Int(first)], needle.count <= bytes.count else { return nil }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The Unicode-scalar offset of a byte offset (counts lead bytes before it).
    func scalarOffset(_ byteOffset: Int) -> Int {
        var count = 0
        for byte in bytes[..<min(byteOffset, bytes.count)] where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
