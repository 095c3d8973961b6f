import Foundation

/// The feature map shared by training and inference: word unigrams and bigrams and character
/// n-grams of each word, hashed into a fixed number of buckets with a sign bit (signed hashing
/// keeps collisions unbiased), counted and L2-normalized. Declared once here so a model can
/// only ever be read with the features it was trained on — the settings travel in the model.
public struct HashedFeatures: Sendable, Equatable {
    /// log2 of the number of buckets.
    public let bucketBits: Int
    public let characterGrams: ClosedRange<Int>
    public let wordBigrams: Bool

    public init(bucketBits: Int = 15, characterGrams: ClosedRange<Int> = 3...5, wordBigrams: Bool = true) {
        precondition((8...24).contains(bucketBits) && characterGrams.lowerBound >= 1)
        self.bucketBits = bucketBits
        self.characterGrams = characterGrams
        self.wordBigrams = wordBigrams
    }

    public var bucketCount: Int { 1 << bucketBits }

    /// One active feature: a bucket and its signed, normalized value.
    public struct Entry: Sendable, Equatable {
        public var bucket: Int32
        public var value: Float
    }

    /// The words of a text: lower case, accents folded, apostrophes dropped ("what's" →
    /// "whats"), every digit read as 0 so "$40" and "$75" share features, and anything else a
    /// separator. Works on UTF-8 bytes after folding, so it is linear and allocation-light.
    public static func words(_ text: String) -> [[UInt8]] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
        }
        for scalar in folded.unicodeScalars {
            let properties = scalar.properties
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if properties.numericType != nil, scalar.isASCII {
                current.append(UInt8(ascii: "0"))
            } else if properties.isAlphabetic || properties.numericType != nil {
                current.append(contentsOf: properties.lowercaseMapping.utf8)
            } else if scalar == "$" || scalar == "%" || scalar == "?" || scalar == "!" {
                // Kept as their own words: a currency sign or a question mark says something.
                flush()
                words.append([UInt8(scalar.value)])
            } else if properties.isEmojiPresentation {
                flush()
                words.append([UInt8(ascii: "~")])
            } else {
                flush()
            }
            if words.count >= Self.maximumWords { break }
        }
        flush()
        return words.count > Self.maximumWords ? Array(words.prefix(Self.maximumWords)) : words
    }

    /// The same reading for ASCII text, byte by byte (most messages; no Foundation folding).
    static func asciiWords(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(UInt8(ascii: "0"))
            case UInt8(ascii: "'"): continue
            default:
                if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
                if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") { words.append([byte]) }
            }
            if words.count >= maximumWords { return words }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Long messages are read up to here: the cost per message stays bounded.
    public static let maximumWords = 256

    /// The sparse, L2-normalized feature vector of a text, buckets ascending and unique.
    public func vector(_ text: String) -> [Entry] {
        let words = Self.words(text)
        // Each n-gram as bucket << 1 | sign; sorted, equal buckets are summed.
        var hashed: [UInt32] = []
        hashed.reserveCapacity(words.count * 16)
        let mask = UInt64(bucketCount - 1)
        func add(_ kind: UInt8, _ bytes: some Sequence<UInt8>) {
            let hash = Self.stableHash(bytes, from: Self.stableHash(CollectionOfOne(kind)))
            hashed.append(UInt32(truncatingIfNeeded: hash & mask) << 1 | UInt32(truncatingIfNeeded: hash >> 63))
        }
        var padded: [UInt8] = []
        var pair: [UInt8] = []
        for (index, word) in words.enumerated() {
            add(1, word)
            if wordBigrams {
                pair.removeAll(keepingCapacity: true)
                pair.append(contentsOf: index > 0 ? words[index - 1] : [UInt8(ascii: "^")])
                pair.append(32)
                pair.append(contentsOf: word)
                add(2, pair)
            }
            padded.removeAll(keepingCapacity: true)
            padded.append(UInt8(ascii: "<"))
            padded.append(contentsOf: word)
            padded.append(UInt8(ascii: ">"))
            for n in characterGrams where padded.count >= n {
                for start in 0...(padded.count - n) { add(3, padded[start..<(start + n)]) }
            }
        }
        if wordBigrams, let last = words.last { add(2, last + [32, UInt8(ascii: "$")]) }
        hashed.sort()
        var entries: [Entry] = []
        entries.reserveCapacity(hashed.count)
        var index = 0
        while index < hashed.count {
            let bucket = hashed[index] >> 1
            var value: Float = 0
            while index < hashed.count, hashed[index] >> 1 == bucket {
                value += hashed[index] & 1 == 0 ? 1 : -1
                index += 1
            }
            if value != 0 { entries.append(Entry(bucket: Int32(bucket), value: value)) }
        }
        let norm = entries.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
        if norm > 0 { for i in entries.indices { entries[i].value /= norm } }
        return entries
    }

    /// FNV-1a, 64-bit: stable across runs and platforms (Swift's Hasher is seeded per process).
    @inline(__always)
    public static func stableHash(_ bytes: some Sequence<UInt8>, from start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
