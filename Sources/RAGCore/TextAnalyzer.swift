/// Turns text into the terms both the keyword index and the local embedder use: ASCII-folded,
/// lower-cased words, stop words dropped, a light suffix stemmer so "disputes", "disputed" and
/// "disputing" meet. Deterministic and allocation-light; no locale or model files.
public enum TextAnalyzer {
    /// Lower-cased words (letters and digits; apostrophes dropped, accents folded for Latin-1).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(24)
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    current.append(b + 32)
                case UInt8(ascii: "'"):
                    continue
                default:
                    flush()
                }
            } else if let folded = latinFold(v) {
                current.append(folded)
            } else if v == 0x2019 {
                continue  // typographic apostrophe: "card’s" → "cards"
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: Array(String(scalar).lowercased().utf8))
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Index and query terms: stop words removed, stemmed, plus the thesaurus concepts of
    /// each word (which may come from stop-listed words such as "most" or "through").
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        for word in words(text) {
            let stemmed = stem(word)
            if !stopWords.contains(word) { terms.append(stemmed) }
            terms.append(contentsOf: Thesaurus.concepts(ofStem: stemmed))
        }
        return terms
    }

    /// A conservative suffix stemmer (a subset of Porter's step 1 plus common derivations).
    /// Over-stemming hurts less here than missing a plural.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return w.count > s.count + 2 && w.suffix(s.count).elementsEqual(s)
        }
        func drop(_ n: Int, add: String = "") { w.removeLast(n); w.append(contentsOf: add.utf8) }
        if ends("sses") { drop(2) }
        else if ends("ies") { drop(3, add: "y") }
        else if ends("ss") || ends("us") || ends("is") {}
        else if w.last == UInt8(ascii: "s") && w.count > 3 { drop(1) }
        if ends("ing") { drop(3); undouble(&w) }
        else if ends("edly") { drop(4) }
        else if ends("ed") && !ends("eed") { drop(2); undouble(&w) }
        if ends("ation") { drop(5, add: "e") }
        else if ends("ment") { drop(4) }
        else if ends("ally") { drop(4) }
        else if ends("ly") { drop(2) }
        if w.count > 4, w.last == UInt8(ascii: "e") { w.removeLast() }
        if w.count > 4, w.last == UInt8(ascii: "y") { w[w.count - 1] = UInt8(ascii: "i") }
        return String(decoding: w, as: UTF8.self)
    }

    private static func undouble(_ w: inout [UInt8]) {
        guard w.count > 3, let last = w.last, last == w[w.count - 2],
              !"aeioulsz".utf8.contains(last) else { return }
        w.removeLast()
    }

    private static func latinFold(_ v: UInt32) -> UInt8? {
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return UInt8(ascii: "a")
        case 0xC7, 0xE7: return UInt8(ascii: "c")
        case 0xC8...0xCB, 0xE8...0xEB: return UInt8(ascii: "e")
        case 0xCC...0xCF, 0xEC...0xEF: return UInt8(ascii: "i")
        case 0xD1, 0xF1: return UInt8(ascii: "n")
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return UInt8(ascii: "o")
        case 0xD9...0xDC, 0xF9...0xFC: return UInt8(ascii: "u")
        case 0xDD, 0xFD, 0xFF: return UInt8(ascii: "y")
        default: return nil
        }
    }

    public static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "get", "got", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "im", "in", "into", "is", "it",
        "its", "just", "let", "me", "might", "more", "most", "must", "my", "myself", "need", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "us", "very", "want", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "yours", "yourself", "ive", "dont", "doesnt", "cant", "isnt", "wont", "youre", "whats", "theres",
    ]
}

/// FNV-1a, 64 bit: a hash that is the same in every process (Swift's `Hasher` is seeded per
/// run), so hashed embedding features stay comparable across restarts and replicas.
@inline(__always)
func stableHash<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
    var hash = seed
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
