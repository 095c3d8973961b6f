import Foundation

/// BERT's uncased tokenizer as sentence-transformers runs it (the Rust `tokenizers` BertNormalizer,
/// BertPreTokenizer and WordPiece), so that ids match the reference model bit for bit.
///
/// Everything works on Unicode scalars, not Characters: the reference counts and matches scalars,
/// and a grapheme cluster such as `👍🏽` is two of them.
public struct WordPieceTokenizer: Sendable {
    /// Ids of the special tokens, looked up in the vocabulary.
    public let classifierID: Int32
    public let separatorID: Int32
    public let unknownID: Int32
    public let paddingID: Int32

    /// Most ids one encoded text may have, [CLS] and [SEP] included.
    public let maxTokens: Int

    /// Words longer than this (in scalars) become a single [UNK], as in BERT.
    public let maxScalarsPerWord = 100

    /// The number of vocabulary entries (the largest id plus one).
    public let vocabularySize: Int

    // Keyed by UTF-8 bytes rather than String: String equality is canonical equivalence, which
    // would let decomposed Hangul jamo match a precomposed syllable that the reference misses.
    // Continuation pieces ("##foo") are stored without their prefix so a lookup needs no copy.
    private let wordStarts: [ArraySlice<UInt8>: Int32]
    private let continuations: [ArraySlice<UInt8>: Int32]

    public enum Error: Swift.Error, CustomStringConvertible {
        case unreadableVocabulary(URL, underlying: any Swift.Error)
        case missingSpecialToken(String)
        case invalidMaxTokens(Int)

        public var description: String {
            switch self {
            case let .unreadableVocabulary(url, underlying): "cannot read vocabulary \(url.path): \(underlying)"
            case let .missingSpecialToken(token): "vocabulary has no \(token) entry"
            case let .invalidMaxTokens(count): "maxTokens must be at least 2 ([CLS] and [SEP]), got \(count)"
            }
        }
    }

    /// Reads a BERT `vocab.txt` (line n is the token with id n).
    public init(vocabularyURL: URL, maxTokens: Int) throws {
        let data: Data
        do {
            data = try Data(contentsOf: vocabularyURL)
        } catch {
            throw Error.unreadableVocabulary(vocabularyURL, underlying: error)
        }
        try self.init(vocabulary: data, maxTokens: maxTokens)
    }

    /// Builds the tokenizer from the bytes of a `vocab.txt`.
    public init(vocabulary: Data, maxTokens: Int) throws {
        guard maxTokens >= 2 else { throw Error.invalidMaxTokens(maxTokens) }
        var lines = Array(vocabulary).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }  // the file's final newline
        var wordStarts: [ArraySlice<UInt8>: Int32] = [:]
        var continuations: [ArraySlice<UInt8>: Int32] = [:]
        wordStarts.reserveCapacity(lines.count)
        let prefix: [UInt8] = Array("##".utf8)
        for (index, rawLine) in lines.enumerated() {
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            // Rebase each entry on its own array: slices of one big buffer would keep hashing
            // and equality correct but pin the whole file in memory through every key.
            let bytes = Array(line)
            // Later duplicates win, as in the reference loaders.
            wordStarts[bytes[...]] = Int32(index)
            if bytes.starts(with: prefix) {
                continuations[ArraySlice(bytes.dropFirst(prefix.count))] = Int32(index)
            }
        }
        func id(_ token: String) throws -> Int32 {
            guard let id = wordStarts[Array(token.utf8)[...]] else { throw Error.missingSpecialToken(token) }
            return id
        }
        self.classifierID = try id("[CLS]")
        self.separatorID = try id("[SEP]")
        self.unknownID = try id("[UNK]")
        self.paddingID = try id("[PAD]")
        self.wordStarts = wordStarts
        self.continuations = continuations
        self.vocabularySize = lines.count
        self.maxTokens = maxTokens
    }

    /// The ids the model reads for `text`: `[CLS]`, at most `maxTokens - 2` word pieces (the cut
    /// may fall inside a word, as in the reference), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        let budget = maxTokens - 2
        var ids: [Int32] = [classifierID]
        ids.reserveCapacity(min(budget, text.utf8.count) + 2)
        var pieces = 0
        forEachWord(in: text) { word in
            pieces += appendPieces(of: word, to: &ids, limit: budget - pieces)
            return pieces < budget
        }
        ids.append(separatorID)
        return ids
    }

    /// The word pieces of `text` without special tokens or truncation, as strings (for debugging).
    public func tokenize(_ text: String) -> [String] {
        var ids: [Int32] = []
        forEachWord(in: text) { word in
            appendPieces(of: word, to: &ids, limit: .max)
            return true
        }
        let names = Dictionary(uniqueKeysWithValues: wordStarts.map { ($0.value, $0.key) })
        return ids.map { String(decoding: names[$0] ?? [], as: UTF8.self) }
    }

    // MARK: - Normalisation and pre-tokenisation

    /// Calls `body` with each pre-token (a whitespace-separated run, or one punctuation scalar)
    /// of the normalised text, as UTF-8 bytes plus scalar boundaries; stops when it returns false.
    private func forEachWord(in text: String, _ body: (Word) -> Bool) {
        let scalars = normalize(text)
        var word = Word()
        for scalar in scalars {
            if scalar == " " {
                if !word.isEmpty {
                    guard body(word) else { return }
                    word.removeAll()
                }
            } else if Self.isPunctuation(scalar) {
                if !word.isEmpty {
                    guard body(word) else { return }
                    word.removeAll()
                }
                word.append(scalar)
                guard body(word) else { return }
                word.removeAll()
            } else {
                word.append(scalar)
            }
        }
        if !word.isEmpty { _ = body(word) }
    }

    /// BertNormalizer: clean, space out CJK ideographs, strip accents (NFD, drop Mn), lowercase.
    /// Whitespace comes out as U+0020 only.
    private func normalize(_ text: String) -> [Unicode.Scalar] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: NFD and mark stripping change nothing; control bytes and case are all that matter.
            return text.utf8.compactMap { byte -> Unicode.Scalar? in
                switch byte {
                case 0x09, 0x0A, 0x0D, 0x20: " "
                case 0x00..<0x20, 0x7F: nil
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): Unicode.Scalar(byte + 0x20)
                default: Unicode.Scalar(byte)
                }
            }
        }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJKIdeograph(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(cleaned.count)
        // Lowercasing comes after stripping, so marks it introduces (İ → i + U+0307) survive.
        for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            if scalar.properties.changesWhenLowercased {
                // Per scalar, without context: a final Σ becomes σ, not ς, as in the reference.
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// Categories Cc, Cf, Co, Cn and Cs, except tab, newline and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .unassigned, .surrogate: return true
            default: return false
            }
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// The Rust tokenizer's table. Python's BERT starts the fifth range at U+2B820; the reference
    /// (and so this) leaves U+2B820–U+2B91F inside words.
    static func isCJKIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// BERT's punctuation: every non-alphanumeric printable ASCII character (so `$ + < = > ^ | ~`
    /// too), plus Unicode categories P*. Symbols (S*) such as `€` or emoji are not punctuation.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<128: return false
        default:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }
    }

    // MARK: - WordPiece

    /// Greedy longest-match-first from the left; a word with an unmatched position, or longer than
    /// `maxScalarsPerWord`, is one [UNK]. Appends at most `limit` ids and returns how many.
    @discardableResult
    private func appendPieces(of word: Word, to ids: inout [Int32], limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        let scalarCount = word.boundaries.count - 1
        guard scalarCount <= maxScalarsPerWord else {
            ids.append(unknownID)
            return 1
        }
        let firstNew = ids.count
        var start = 0  // scalar index
        while start < scalarCount {
            let table = start == 0 ? wordStarts : continuations
            var end = scalarCount
            var match: Int32?
            while end > start {
                if let id = table[word.bytes[word.boundaries[start]..<word.boundaries[end]]] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                ids.removeSubrange(firstNew...)
                ids.append(unknownID)
                return 1
            }
            ids.append(match)
            start = end
        }
        let added = ids.count - firstNew
        if added > limit {
            ids.removeSubrange((firstNew + limit)...)
            return limit
        }
        return added
    }
}

/// One pre-token: its UTF-8 bytes and the byte offset of each scalar boundary (count + 1 entries).
private struct Word {
    var bytes: [UInt8] = []
    var boundaries: [Int] = [0]

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
        boundaries.append(bytes.count)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        boundaries.removeAll(keepingCapacity: true)
        boundaries.append(0)
    }
}
