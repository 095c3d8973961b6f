/// A text as an array of Unicode scalars, the unit every offset counts in, with the cheap
/// character tests the recognizers share.
struct ScannedText {
    let scalars: [Unicode.Scalar]
    /// ASCII-lowercased copy, same length.
    let lower: [Unicode.Scalar]
    /// Letter test per scalar, computed once (Unicode property lookups are not free).
    private let letters: [Bool]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        lower = scalars.map { scalar in
            (scalar.value >= 65 && scalar.value <= 90) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        letters = scalars.map { scalar in
            scalar.isASCII ? ((scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122) : scalar.properties.isAlphabetic
        }
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
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
        return String(result)
    }

    /// The lowercase words (letters and digits) in the `window` scalars before `index`,
    /// as " word word … " so phrases can be matched on word boundaries.
    func wordsBefore(_ index: Int, window: Int = 48) -> String {
        words(in: max(0, index - window)..<index)
    }

    func wordsAfter(_ index: Int, window: Int = 32) -> String {
        words(in: index..<min(count, index + window))
    }

    func words(in range: Range<Int>) -> String {
        var output = " "
        var inWord = false
        for index in range {
            let scalar = lower[index]
            let isWord = letters[index] || (scalar.value >= 48 && scalar.value <= 57)
            if isWord {
                output.unicodeScalars.append(scalar)
                inWord = true
            } else if inWord {
                output.append(" ")
                inWord = false
            }
        }
        if inWord { output.append(" ") }
        return output
    }

    /// Whether any of `phrases` (lowercase words separated by single spaces) stands in `words`.
    static func contains(_ words: String, anyOf phrases: [String]) -> Bool {
        phrases.contains { words.contains(" \($0) ") }
    }
}
