/// A text as an array of Unicode scalars, the unit every offset counts in, with the cheap
/// character tests the recognizers share.
struct ScannedText {
    let scalars: [Unicode.Scalar]
    /// ASCII-lowercased copy, same length.
    let lower: [Unicode.Scalar]
    /// Letter test per scalar, computed once (Unicode property lookups are not free).
    private let letters: [Bool]
    /// `lower` as bytes when the text is all ASCII (most messages): scalar offsets are then
    /// byte offsets, and a word's string is made straight from a slice.
    private let asciiLower: [UInt8]?

    init(_ text: String) {
        scalars = text.scalarArray
        lower = scalars.map { scalar in
            (scalar.value >= 65 && scalar.value <= 90) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        letters = scalars.map { scalar in
            scalar.isASCII ? ((scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122) : scalar.properties.isAlphabetic
        }
        asciiLower = ScalarStringBuilder.asciiBytes(lower)
    }

    /// The ASCII-lowercased text of `range` (which must lie inside the text).
    func lowerString(_ range: Range<Int>) -> String {
        if let asciiLower { return String(decoding: asciiLower[range], as: UTF8.self) }
        return String(scalars: lower[range])
    }

    var count: Int { scalars.count }

    subscript(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    func isDigit(_ index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return scalar.value >= 48 && scalar.value <= 57
    }

    func isLetter(_ index: Int) -> Bool {
        index >= 0 && index < letters.count && letters[index]
    }

    func isWordCharacter(_ index: Int) -> Bool {
        isDigit(index) || isLetter(index) || self[index] == "_"
    }

    func string(_ range: Range<Int>) -> String {
        String(scalars: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
    }

    /// The lowercase words (letters and digits) in the `window` scalars before `index`.
    func wordsBefore(_ index: Int, window: Int = 48) -> ContextWords {
        words(in: max(0, index - window)..<index)
    }

    func wordsAfter(_ index: Int, window: Int = 32) -> ContextWords {
        words(in: index..<min(count, index + window))
    }

    func words(in range: Range<Int>) -> ContextWords {
        var words: [String] = []
        words.reserveCapacity(range.count / 4 + 1)
        var start: Int?
        for index in range {
            let scalar = lower[index]
            if letters[index] || (scalar.value >= 48 && scalar.value <= 57) {
                if start == nil { start = index }
            } else if let first = start {
                words.append(lowerString(first..<index))
                start = nil
            }
        }
        if let first = start { words.append(lowerString(first..<range.upperBound)) }
        return ContextWords(words: words)
    }

    /// Whether any of `phrases` stands in `words`.
    static func contains(_ words: ContextWords, anyOf phrases: PhraseList) -> Bool {
        words.lastPosition(of: phrases) != nil
    }
}

/// Context words near a candidate, compared with phrase lists word by word.
struct ContextWords {
    let words: [String]

    /// Word index where the last occurrence of any of `phrases` starts.
    func lastPosition(of phrases: PhraseList) -> Int? {
        var best: Int?
        for start in words.indices.reversed() {
            guard let candidates = phrases.starting(with: words[start]) else { continue }
            for phrase in candidates where start + phrase.count <= words.count {
                if zip(phrase, words[start...]).allSatisfy({ $0 == $1 }) {
                    best = start
                    break
                }
            }
            if best != nil { return best }
        }
        return nil
    }
}

/// Phrases of lowercase words ("social security number"), indexed by first word.
struct PhraseList: ExpressibleByArrayLiteral, Sendable {
    private let byFirstWord: [String: [[String]]]
    private let firstWords: WordFilter

    /// The phrases starting with `word`.
    @inline(__always)
    func starting(with word: String) -> [[String]]? {
        firstWords.mightContain(word) ? byFirstWord[word] : nil
    }

    init(_ phrases: [String]) {
        var index: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            index[first, default: []].append(words)
        }
        byFirstWord = index
        firstWords = WordFilter(index.keys)
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }
}
