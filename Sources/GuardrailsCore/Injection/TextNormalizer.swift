import Foundation

/// One normalized view of a text, with the original scalar offset of each of its scalars so a
/// match can be reported in the caller's offsets.
struct NormalizedView {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int] = []

    mutating func append(_ scalar: Unicode.Scalar, from index: Int) {
        scalars.append(scalar)
        origin.append(index)
    }

    var string: String { String(scalars: scalars) }

    /// UTF-8 bytes of `string`, for byte-level searches.
    var utf8: [UInt8] { ScalarStringBuilder.bytes(scalars) }

    /// Maximal runs of letters and digits, lowercased already.
    func words() -> [NormalizedWord] {
        var words: [NormalizedWord] = []
        words.reserveCapacity(scalars.count / 5 + 1)
        // ASCII views (most messages): a word without an apostrophe is a slice of these bytes.
        let ascii = ScalarStringBuilder.asciiBytes(scalars)
        var index = 0
        var text = ScalarStringBuilder(capacity: 64)  // reused: one buffer for the other words
        while index < scalars.count {
            guard Self.isWordScalar(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            var apostrophes = false
            while end < scalars.count {
                if !Self.isWordScalar(scalars[end]) {
                    guard Self.isApostrophe(scalars[end]), end + 1 < scalars.count, Self.isWordScalar(scalars[end + 1]) else { break }
                    apostrophes = true  // "you'll" and "don't" stay one word, without the apostrophe
                }
                end += 1
            }
            let word: String
            if let ascii, !apostrophes {
                word = String(decoding: ascii[index..<end], as: UTF8.self)
            } else {
                text.removeAll()
                for position in index..<end where Self.isWordScalar(scalars[position]) { text.append(scalars[position]) }
                word = text.string
            }
            words.append(NormalizedWord(text: word, start: origin[index], end: origin[end - 1] + 1))
            index = end
        }
        return words
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "`"
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 97 && value <= 122) || (scalar.value >= 48 && scalar.value <= 57)
        }
        return scalar.properties.isAlphabetic
    }
}

struct NormalizedWord {
    var text: String
    /// Offsets in the original text.
    var start: Int
    var end: Int
}

/// Undoes the usual obfuscations before detection: compatibility forms (NFKD: full-width,
/// ligatures, mathematical letters), diacritics, zero-width and other invisible format
/// characters, Unicode tag characters (decoded: they smuggle ASCII), homoglyphs from Cyrillic,
/// Greek and other scripts, case, leetspeak, and letters spaced out with separators.
enum TextNormalizer {
    /// The text without invisible format characters and combining marks, with Unicode tag
    /// characters decoded, case kept: what encoded payloads (base64 is case-sensitive) are
    /// read from.
    static func strip(_ text: String) -> String {
        if text.isASCII { return text }
        var output = ScalarStringBuilder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                output.append(scalar)
                continue
            }
            if (0xE0020...0xE007E).contains(scalar.value) {
                output.append(Unicode.Scalar(scalar.value - 0xE0000)!)
                continue
            }
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark: continue
            default: output.append(scalar)
            }
        }
        // Compatibility forms (full-width digits and letters) back to ASCII, case kept.
        return output.string.precomposedStringWithCompatibilityMapping
    }

    /// Only the letters and digits, run together: for spaced-out text whose word breaks are
    /// lost ("D i s r e g a r d e v e r y"), patterns are then found as substrings.
    static func squash(_ view: NormalizedView) -> NormalizedView {
        var output = NormalizedView()
        for (scalar, origin) in zip(view.scalars, view.origin) where NormalizedView.isWordScalar(scalar) {
            output.append(scalar, from: origin)
        }
        return output
    }

    /// Lowercase, no invisibles or diacritics, homoglyphs mapped to Latin.
    static func fold(_ text: String) -> NormalizedView {
        var view = NormalizedView()
        if let asciiLowered = text.asciiScalars({ $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }) {
            // All ASCII (most messages): lower-case it, one scalar per byte, offsets in order.
            view.scalars = asciiLowered
            view.origin = Array(0..<asciiLowered.count)
            return view
        }
        view.scalars.reserveCapacity(text.utf8.count)  // an upper bound, without counting scalars
        view.origin.reserveCapacity(text.utf8.count)
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar.isASCII {
                let value = scalar.value
                view.append((value >= 65 && value <= 90) ? Unicode.Scalar(value + 32)! : scalar, from: index)
                continue
            }
            // Tag characters U+E0020–E007E carry invisible ASCII.
            if (0xE0020...0xE007E).contains(scalar.value) {
                let ascii = Unicode.Scalar(scalar.value - 0xE0000)!
                view.append(Character(ascii).lowercased().unicodeScalars.first!, from: index)
                continue
            }
            switch scalar.properties.generalCategory {
            case .format, .control, .nonspacingMark, .enclosingMark:
                continue  // zero-width, bidi controls, soft hyphen, variation selectors
            case .spaceSeparator, .lineSeparator, .paragraphSeparator:
                view.append(" ", from: index)
                continue
            default:
                break
            }
            if let mapped = homoglyphs[scalar] {
                view.append(mapped, from: index)
                continue
            }
            for decomposed in String(scalar).decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
                if decomposed.properties.generalCategory == .nonspacingMark { continue }
                view.append(homoglyphs[decomposed] ?? decomposed, from: index)
            }
        }
        return view
    }

    /// Leetspeak and look-alike symbols mapped to letters, inside words that contain a letter
    /// ("1gn0re" → "ignore", but "2024" stays). Also maps l → i so "ru1es" and "rules" meet:
    /// patterns are compared in the same skeleton.
    static func skeleton(_ view: NormalizedView) -> NormalizedView {
        var output = view
        let leetTable = leetASCII  // once, not a lazy-global check per scalar
        var index = 0
        while index < view.scalars.count {
            guard !isSeparator(view.scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            var hasLetter = false
            while end < view.scalars.count, !isSeparator(view.scalars[end]) {
                let scalar = view.scalars[end]
                if scalar.isASCII ? ((scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122) : scalar.properties.isAlphabetic { hasLetter = true }
                end += 1
            }
            for position in index..<end {
                let scalar = view.scalars[position]
                if hasLetter, let letter = leetLetter(scalar, table: leetTable) {
                    output.scalars[position] = letter
                } else if scalar == "l" {
                    output.scalars[position] = "i"
                }
            }
            index = end
        }
        return output
    }

    /// The skeleton of a pattern word, to compare with `skeleton` views.
    static func skeletonWord(_ word: String) -> String {
        String(scalars: word.unicodeScalars.map { $0 == "l" ? "i" : (leetLetter($0) ?? $0) })
    }

    /// "i g n o r e", "i.g.n.o.r.e", "i-g-n-o-r-e a-l-l" → "ignore", "ignore all".
    /// Runs of at least three single letters joined by one separator are closed up; a longer
    /// gap between runs is a word break.
    static func joinSpacedLetters(_ view: NormalizedView) -> NormalizedView? {
        let scalars = view.scalars
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < scalars.count && NormalizedView.isWordScalar(scalars[i]) }
        // Most messages have no run of three single letters: find out before building a copy.
        var singles = 0
        var found = false
        var position = 0
        while position < scalars.count {
            if isLetter(position) {
                if isLetter(position + 1) {
                    singles = 0
                    while isLetter(position) { position += 1 }
                    continue
                }
                singles += 1
                if singles >= 3 { found = true; break }
            } else if scalars[position] == "\n" || (position > 0 && !isLetter(position - 1)) {
                singles = 0  // two separators in a row end a run
            }
            position += 1
        }
        guard found else { return nil }
        var output = NormalizedView()
        var index = 0
        var changed = false
        while index < scalars.count {
            // A run: letter (sep letter)+ where each letter stands alone.
            if isLetter(index), !isLetter(index - 1), !isLetter(index + 1), index + 2 < scalars.count,
                !NormalizedView.isWordScalar(scalars[index + 1]), scalars[index + 1] != "\n", isLetter(index + 2), !isLetter(index + 3)
            {
                var run = [index]
                var cursor = index
                while cursor + 2 < scalars.count, !NormalizedView.isWordScalar(scalars[cursor + 1]), scalars[cursor + 1] != "\n",
                    isLetter(cursor + 2), !isLetter(cursor + 3)
                {
                    cursor += 2
                    run.append(cursor)
                }
                if run.count >= 3 {
                    for position in run { output.append(scalars[position], from: view.origin[position]) }
                    changed = true
                    index = cursor + 1
                    continue
                }
            }
            output.append(scalars[index], from: view.origin[index])
            index += 1
        }
        return changed ? output : nil
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "," || scalar == "." || scalar == ";"
            || scalar == "?" || scalar == "\"" || scalar == "'" || scalar == "(" || scalar == ")" || scalar == ":"
    }

    /// `leet[scalar]`, with ASCII from a table: this runs for every scalar of every message.
    @inline(__always)
    static func leetLetter(_ scalar: Unicode.Scalar, table: [UInt8] = leetASCII) -> Unicode.Scalar? {
        if scalar.value < 128 {
            let mapped = table[Int(scalar.value)]
            return mapped == 0 ? nil : Unicode.Scalar(mapped)
        }
        return leet[scalar]
    }

    private static let leetASCII: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for (from, to) in leet where from.value < 128 { table[Int(from.value)] = UInt8(to.value) }
        return table
    }()

    static let leet: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s", "!": "i",
        "|": "i", "+": "t", "€": "e", "£": "e", "¡": "i", "l": "i",
    ]

    /// Look-alike letters from other scripts, mapped to the Latin letter they imitate.
    static let homoglyphs: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("а", "a"), ("в", "b"), ("е", "e"), ("ё", "e"), ("к", "k"), ("м", "m"), ("н", "h"), ("о", "o"), ("р", "p"),
            ("с", "c"), ("т", "t"), ("у", "y"), ("х", "x"), ("ѕ", "s"), ("і", "i"), ("ї", "i"), ("ј", "j"), ("ԁ", "d"),
            ("ԛ", "q"), ("ԝ", "w"), ("һ", "h"), ("ɡ", "g"), ("ӏ", "l"), ("ո", "n"), ("ս", "u"),
            ("А", "a"), ("В", "b"), ("Е", "e"), ("К", "k"), ("М", "m"), ("Н", "h"), ("О", "o"), ("Р", "p"), ("С", "c"),
            ("Т", "t"), ("У", "y"), ("Х", "x"), ("Ѕ", "s"), ("І", "i"), ("Ј", "j"),
            // Greek
            ("α", "a"), ("β", "b"), ("ε", "e"), ("η", "n"), ("ι", "i"), ("κ", "k"), ("ν", "v"), ("ο", "o"), ("ρ", "p"),
            ("τ", "t"), ("υ", "u"), ("χ", "x"), ("γ", "y"), ("ω", "w"),
            ("Α", "a"), ("Β", "b"), ("Ε", "e"), ("Η", "h"), ("Ι", "i"), ("Κ", "k"), ("Μ", "m"), ("Ν", "n"), ("Ο", "o"),
            ("Ρ", "p"), ("Τ", "t"), ("Υ", "y"), ("Χ", "x"), ("Ζ", "z"),
            // Latin look-alikes and others
            ("ı", "i"), ("ȷ", "j"), ("ɑ", "a"), ("ɩ", "i"), ("ʀ", "r"), ("ʏ", "y"), ("ᴀ", "a"), ("ᴇ", "e"), ("ᴏ", "o"),
            ("ꞵ", "b"), ("ℓ", "l"), ("℮", "e"), ("∂", "d"), ("ø", "o"), ("ð", "d"), ("þ", "p"), ("ß", "b"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            map[from.unicodeScalars.first!] = to.unicodeScalars.first!
        }
        return map
    }()
}
