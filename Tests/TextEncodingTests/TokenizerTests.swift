import Foundation
import Testing
@testable import TextEncoding

/// Tokenizer rules on a small hand-made vocabulary: no model files needed.
@Suite struct TokenizerTests {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "hello", "world", "un", "##aff", "##able", "!", "?", ",", "$", "cafe", "σ", "##σ", "ο",
        "a", "##a", "##aa", "张", "三", "i", "x", "€", "##5",
    ]

    static func tokenizer(maxTokens: Int = 32) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: Data((vocabulary.joined(separator: "\n") + "\n").utf8), maxTokens: maxTokens)
    }

    @Test func specialTokens() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.classifierID == 2)
        #expect(tokenizer.separatorID == 3)
        #expect(tokenizer.unknownID == 1)
        #expect(tokenizer.paddingID == 0)
        #expect(tokenizer.vocabularySize == Self.vocabulary.count)
        #expect(tokenizer.encode("") == [2, 3])
        #expect(tokenizer.encode(" \t\n ") == [2, 3])
    }

    @Test func greedyLongestMatchFirst() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.tokenize("unaffable") == ["un", "##aff", "##able"])
        #expect(tokenizer.tokenize("aaaaa") == ["a", "##aa", "##aa"])
        // One unmatched position turns the whole word into a single [UNK].
        #expect(tokenizer.tokenize("unaffablez hello") == ["[UNK]", "hello"])
    }

    @Test func punctuationSplitsAndSymbolsDoNot() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.tokenize("Hello,world!?") == ["hello", ",", "world", "!", "?"])
        #expect(tokenizer.tokenize("$hello") == ["$", "hello"])  // ASCII symbols count as punctuation
        #expect(tokenizer.tokenize("€5") == ["€", "##5"])  // Unicode symbols do not
    }

    @Test func normalisation() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.tokenize("CAFÉ") == ["cafe"])
        #expect(tokenizer.tokenize("cafe\u{301}") == ["cafe"])
        #expect(tokenizer.tokenize("hel\u{200B}lo wor\u{AD}ld") == ["hello", "world"])  // Cf removed, neighbours join
        #expect(tokenizer.tokenize("hello\u{00A0}world\u{2028}hello") == ["hello", "world", "hello"])
        // Per-scalar lowercase: a final capital sigma becomes σ (not ς). İ decomposes before
        // lowercasing, so its dot is stripped as an accent.
        #expect(tokenizer.tokenize("Σ ΣΣ") == ["σ", "σ", "##σ"])
        #expect(tokenizer.tokenize("İ") == ["i"])
        // CJK ideographs are words of their own; U+2B820 (outside the Rust table) is not.
        #expect(tokenizer.tokenize("x张三x") == ["x", "张", "三", "x"])
        #expect(tokenizer.tokenize("x\u{2B820}x") == ["[UNK]"])
    }

    @Test func longWordsAreUnknown() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.tokenize(String(repeating: "a", count: 100)).count == 51)  // a, 49 × ##aa, ##a
        #expect(tokenizer.tokenize(String(repeating: "a", count: 101)) == ["[UNK]"])
    }

    @Test func truncationMayCutInsideAWord() throws {
        let tokenizer = try Self.tokenizer(maxTokens: 6)
        // 4 pieces fit between [CLS] and [SEP]: hello un ##aff ##able | hello …
        #expect(tokenizer.encode("hello unaffable hello world") == [2, 5, 7, 8, 9, 3])
        #expect(tokenizer.encode("hello hello hello unaffable") == [2, 5, 5, 5, 7, 3])
    }

    @Test func missingSpecialTokenIsAnError() {
        #expect(throws: WordPieceTokenizer.Error.self) {
            try WordPieceTokenizer(vocabulary: Data("[PAD]\nhello\n".utf8), maxTokens: 8)
        }
    }

    @Test func modelDirectoryFollowsTheFetchScript() {
        #expect(SentenceEncoder.modelDirectory(environment: ["MODEL_DIR": "/models", "HOME": "/home/x"]).path
                == "/models/all-MiniLM-L6-v2")
        #expect(SentenceEncoder.modelDirectory(named: "m", environment: ["MODEL_DIR": "", "HOME": "/home/x"]).path
                == "/home/x/.cache/fintech-concierge/models/m")
    }
}
