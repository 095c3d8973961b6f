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
            return (positions.map { $0.text }, positions)
        }
    }
}

/// Substring search on UTF-8 bytes: the structural checks look for dozens of fixed tokens in
/// every message, and Foundation's `range(of:)` is far too slow for that.
struct ByteText {
    let bytes: [UInt8]
    private let present: [Bool]

    init(_ string: String) {
        self.init(Array(string.utf8))
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var present = [Bool](repeating: false, count: 256)
        for byte in bytes { present[Int(byte)] = true }
        self.present = present
    }

    func contains(byte: UInt8) -> Bool { present[Int(byte)] }

    var string: String { String(decoding: bytes, as: UTF8.self) }

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

/// Fixed tokens found in one pass over a text's bytes: tokens are indexed by their first two
/// bytes, and only positions whose byte starts some token are looked at.
struct TokenMatcher: Sendable {
    private let tokens: [[UInt8]]
    private let byPrefix: [UInt16: [Int]]
    private let startBytes: [Bool]
    /// One bit per two-byte prefix in `byPrefix`, checked before hashing.
    private let prefixBits: [UInt64]

    init(_ tokens: [[UInt8]]) {
        self.tokens = tokens
        var byPrefix: [UInt16: [Int]] = [:]
        var startBytes = [Bool](repeating: false, count: 256)
        for (index, token) in tokens.enumerated() where token.count >= 2 {
            byPrefix[UInt16(token[0]) << 8 | UInt16(token[1]), default: []].append(index)
            startBytes[Int(token[0])] = true
        }
        self.byPrefix = byPrefix
        self.startBytes = startBytes
        var bits = [UInt64](repeating: 0, count: 1024)
        for prefix in byPrefix.keys { bits[Int(prefix >> 6)] |= 1 << UInt64(prefix & 63) }
        self.prefixBits = bits
    }

    /// The earliest occurrence of any token: (token index, byte offset).
    func first(in bytes: [UInt8]) -> (index: Int, at: Int)? {
        guard bytes.count >= 2 else { return nil }
        for position in 0..<(bytes.count - 1) where startBytes[Int(bytes[position])] {
            let prefix = UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
            guard prefixBits[Int(prefix >> 6)] & (1 << UInt64(prefix & 63)) != 0, let candidates = byPrefix[prefix] else { continue }
            for index in candidates {
                let token = tokens[index]
                guard position + token.count <= bytes.count else { continue }
                var offset = 2
                while offset < token.count, bytes[position + offset] == token[offset] { offset += 1 }
                if offset == token.count { return (index, position) }
            }
        }
        return nil
    }
}
