import Foundation

/// The encodings besides base64 and hex that attackers wrap text in so that filters reading the
/// surface see nothing: Morse, Braille, the NATO alphabet, ROT13, reversed text, base32 and
/// percent-encoding. Each is decoded only when the text has its shape, and kept only when the
/// result reads as English (`EncodedPayloads.readsAsEnglish`).
extension EncodedPayloads {
    static func ciphers(in text: String) -> [Payload] {
        let length = text.unicodeScalars.count
        var payloads: [Payload] = []
        /// `plainly`: the stricter reading for whole-text transforms (see below).
        func keep(_ encoding: String, _ decoded: String?, plainly: Bool = false) {
            guard let decoded, plainly ? readsAsEnglish(decoded, share: 0.4, minimumWords: 5) : readsAsEnglish(decoded) else { return }
            payloads.append(Payload(encoding: encoding, decoded: decoded, start: 0, end: length))
        }
        // One pass over the bytes decides which decoders are worth running: every message
        // goes through here, and almost none is encoded.
        var dotsAndDashes = 0
        var percents = 0
        var brailleLead = false
        var upperRun = 0
        var longUpperRun = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") { dotsAndDashes += 1 }
            if byte == UInt8(ascii: "%") { percents += 1 }
            if byte == 0xE2 { brailleLead = true }  // U+2800 block and the Morse look-alikes start with E2
            if (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "2") && byte <= UInt8(ascii: "7")) {
                upperRun += 1
                if upperRun >= 16 { longUpperRun = true }
            } else {
                upperRun = 0
            }
        }
        if dotsAndDashes >= 12 || brailleLead { keep("morse", morse(text)) }
        if brailleLead { keep("braille", braille(text)) }
        if let letters = nato(text) { payloads.append(Payload(encoding: "nato", decoded: letters, start: 0, end: length)) }
        // Whole-text transforms only for text that is not English on its surface, and kept only
        // when the result is plainly English: a Spanish sentence reversed has "is" and "on" in
        // it, and a link with %20 in an English message decodes to the same English.
        if !asciiReadsAsEnglish(text) {
            if percents > 6 { keep("percent", percentDecoded(text), plainly: true) }
            keep("rot13", rot13(text), plainly: true)
            keep("reversed", String(text.reversed()), plainly: true)
        }
        if longUpperRun {
            for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where token.count >= 16 {
                keep("base32", base32(String(token)))
            }
        }
        return payloads
    }

    /// `readsAsEnglish` on the ASCII letters of `text`, without Foundation: every message
    /// comes through here.
    static func asciiReadsAsEnglish(_ text: String) -> Bool {
        var words = 0
        var common = 0
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            words += 1
            if word.count <= 12, commonWords.contains(String(decoding: word, as: UTF8.self)) { common += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8.prefix(4_000) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case 0x80...: word.append(byte)
            default: flush()
            }
        }
        flush()
        return words >= 3 && common >= 3 && Double(common) >= 0.25 * Double(words)
    }

    /// Words that make up a large share of any English sentence.
    static let commonWords: Set<String> = [
        "the", "and", "you", "to", "of", "a", "is", "in", "it", "that", "for", "how", "what", "me", "your", "this", "with", "on",
        "are", "be", "i", "my", "do", "can", "tell", "make", "write", "all", "please", "now", "give", "say", "about", "from",
        "an", "or", "not", "as", "at", "by", "we", "will", "was", "if", "have", "so", "but", "they", "he", "she", "them", "his",
        "her", "their", "there", "which", "who", "would", "should", "could", "into", "than", "then", "up", "out", "just",
        "like", "use", "get", "one", "any", "some", "no", "yes", "ignore", "instructions", "previous", "above", "password",
    ]

    /// At least `minimumWords` words, `share` of them common English words.
    static func readsAsEnglish(_ text: String, share: Double = 0.25, minimumWords: Int = 3) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        guard words.count >= minimumWords else { return false }
        let common = words.prefix(400).filter { commonWords.contains(String($0)) }.count
        return common >= 3 && Double(common) >= share * Double(min(words.count, 400))
    }

    static let morseTable: [String: Character] = [
        ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h", "..": "i", ".---": "j",
        "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p", "--.-": "q", ".-.": "r", "...": "s", "-": "t",
        "..-": "u", "...-": "v", ".--": "w", "-..-": "x", "-.--": "y", "--..": "z", "-----": "0", ".----": "1", "..---": "2",
        "...--": "3", "....-": "4", ".....": "5", "-....": "6", "--...": "7", "---..": "8", "----.": "9",
    ]

    /// Dots and dashes ("·", "−" and "_" too), letters split by spaces, words by "/" or "|".
    static func morse(_ text: String) -> String? {
        let normalized = String(text.map { $0 == "·" || $0 == "•" ? "." : ($0 == "−" || $0 == "–" || $0 == "_" ? "-" : $0) })
        let symbols = normalized.filter { $0 == "." || $0 == "-" }.count
        let others = normalized.filter { !($0 == "." || $0 == "-" || $0 == " " || $0 == "/" || $0 == "|" || $0 == "\n") }.count
        // Morse may sit inside a sentence ("decode this: .... ."): most of the text is Morse.
        guard symbols >= 12, symbols >= 3 * others else { return nil }
        var decoded = ""
        for word in normalized.components(separatedBy: CharacterSet(charactersIn: "/|\n")) {
            for code in word.split(separator: " ") {
                if let letter = morseTable[String(code)] { decoded.append(letter) }
            }
            decoded.append(" ")
        }
        return decoded
    }

    /// Grade-1 Braille letters (U+2800 block) by dot pattern.
    static let brailleLetters: [UInt32: Character] = [
        0x01: "a", 0x03: "b", 0x09: "c", 0x19: "d", 0x11: "e", 0x0B: "f", 0x1B: "g", 0x13: "h", 0x0A: "i", 0x1A: "j",
        0x05: "k", 0x07: "l", 0x0D: "m", 0x1D: "n", 0x15: "o", 0x0F: "p", 0x1F: "q", 0x17: "r", 0x0E: "s", 0x1E: "t",
        0x25: "u", 0x27: "v", 0x3A: "w", 0x2D: "x", 0x3D: "y", 0x35: "z", 0x00: " ", 0x02: ",", 0x32: ".", 0x16: "!", 0x26: "?",
    ]

    static func braille(_ text: String) -> String? {
        let cells = text.unicodeScalars.filter { (0x2800...0x28FF).contains($0.value) }.count
        guard cells >= 8 else { return nil }
        var decoded = ""
        for scalar in text.unicodeScalars {
            if (0x2800...0x28FF).contains(scalar.value) {
                if let letter = brailleLetters[scalar.value - 0x2800] { decoded.append(letter) }  // the capital sign and others drop
            } else {
                decoded.unicodeScalars.append(scalar)
            }
        }
        return decoded
    }

    static let natoLetters: [String: Character] = [
        "alfa": "a", "alpha": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f", "golf": "g",
        "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l", "mike": "m", "november": "n",
        "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u", "victor": "v",
        "whiskey": "w", "whisky": "w", "x-ray": "x", "xray": "x", "yankee": "y", "zulu": "z",
    ]

    /// Twelve or more NATO code words in a row: spelled-out text, whatever it says (a
    /// confirmation code read out is shorter).
    static let rareNatoWords = ["bravo", "charlie", "foxtrot", "juliet", "kilo", "oscar", "quebec", "romeo", "sierra", "tango", "uniform", "whiskey", "whisky", "yankee", "zulu", "xray", "x-ray"].map { Array($0.utf8) }

    static let rareNatoMatcher = TokenMatcher(rareNatoWords)

    static func nato(_ text: String) -> String? {
        // Six code words spell at least two of the rarer ones in any real message.
        let bytes = Array(text.utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        guard rareNatoMatcher.first(in: bytes) != nil else { return nil }
        let lowered = ByteText(bytes)
        guard rareNatoWords.filter({ lowered.find($0) != nil }).count >= 2 else { return nil }
        var best = 0
        var run = 0
        var letters = ""
        var current = ""
        for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }) {
            let bare = word.trimmingCharacters(in: CharacterSet.letters.union(CharacterSet(charactersIn: "-")).inverted)
            if let letter = natoLetters[bare] {
                run += 1
                current.append(letter)
                if word.contains("/") || word.hasSuffix(".") { current.append(" ") }
            } else if word == "/" || word == "|" {
                current.append(" ")
            } else {
                if run > best { best = run; letters = current }
                run = 0
                current = ""
            }
        }
        if run > best { best = run; letters = current }
        return best >= 12 ? letters : nil
    }

    static func rot13(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 65...90: return Unicode.Scalar((scalar.value - 65 + 13) % 26 + 65)!
            case 97...122: return Unicode.Scalar((scalar.value - 97 + 13) % 26 + 97)!
            default: return scalar
            }
        }))
    }

    static func percentDecoded(_ text: String) -> String? {
        guard text.components(separatedBy: "%").count > 6 else { return nil }
        return text.removingPercentEncoding
    }

    static let base32Values: [UInt8] = {
        var values = [UInt8](repeating: 255, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8.enumerated() { values[Int(byte)] = UInt8(index) }
        return values
    }()

    static func base32(_ token: String) -> String? {
        let values = base32Values
        let body = token.utf8.filter { $0 != UInt8(ascii: "=") }
        guard body.count >= 16, body.allSatisfy({ values[Int($0)] != 255 }), body.contains(where: { $0 >= UInt8(ascii: "A") }) else { return nil }
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in body {
            buffer = buffer << 5 | UInt32(values[Int(byte)])
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return readable(Data(bytes))
    }
}
