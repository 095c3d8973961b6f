import Foundation

/// Attack families recognized by their shape rather than their wording: smuggled invisible
/// characters, optimizer-made gibberish tails, fake configuration blocks, code and SQL
/// injection payloads and URLs built to carry data out. Each check is one linear pass.
enum FamilySignals {
    typealias Signal = InjectionDetector.Signal

    /// Read on the views `PreparedText` already made: the folded bytes (lower case,
    /// look-alikes mapped) and the leetspeak-undone skeleton.
    static func signals(_ prepared: PreparedText) -> [Signal] {
        let text = prepared.text
        let lowered = prepared.folded.utf8
        var signals: [Signal] = []
        if !text.utf8.allSatisfy({ $0 < 0x80 }), let signal = smuggling(text) { signals.append(signal) }
        if let signal = adversarialSuffix(text) { signals.append(signal) }
        if let signal = configurationBlock(text, skeleton: prepared.skeleton) { signals.append(signal) }
        if let signal = codeInjection(text, lowered: lowered) { signals.append(signal) }
        if let signal = exfiltrationTemplate(text, lowered: lowered) { signals.append(signal) }
        return signals
    }

    // MARK: Smuggling

    /// Unicode tag characters (invisible ASCII look-alikes), zero-width characters between
    /// letters and variation selectors outside emoji: nothing a customer types.
    static func smuggling(_ text: String) -> Signal? {
        var tags = 0
        var invisible = 0
        var styled = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xE0000...0xE007F: tags += 1
            case 0xE0100...0xE01EF: invisible += 1  // variation selectors supplement
            // Between letters only: a zero-width space or BOM at a line's edge comes with text
            // pasted from web pages and documents (soft hyphens are typography, not counted).
            case 0x200B, 0x200C, 0x200D, 0x2060...0x2064, 0xFEFF, 0x180E, 0x034F, 0x115F, 0x1160, 0x3164:
                if previous.properties.isAlphabetic { invisible += 1 }
            case 0xFF21...0xFF5A, 0x1D400...0x1D7FF, 0x24B6...0x24E9, 0x1F130...0x1F189, 0x0250...0x02AF, 0x1D00...0x1D2B:
                styled += 1  // full-width, mathematical, enclosed, upside-down and small-capital letters
            default: break
            }
            previous = scalar
        }
        if tags >= 4 {
            return Signal(family: .obfuscation, kind: "tag_characters", score: 0.95, start: 0, end: text.scalarCount, evidence: "\(tags) Unicode tag characters")
        }
        if invisible >= 3 {
            return Signal(family: .obfuscation, kind: "invisible_characters", score: 0.8, start: 0, end: text.scalarCount, evidence: "\(invisible) invisible characters")
        }
        if styled >= 8 {
            // Styled alphabets alone are not an attack (people paste fancy fonts), but they
            // add to any other signal.
            return Signal(family: .obfuscation, kind: "styled_letters", score: 0.5, start: 0, end: text.scalarCount, evidence: "\(styled) styled letters")
        }
        return nil
    }

    // MARK: Adversarial suffixes

    /// Optimizer-made suffixes (GCG and its kin) are runs of tokens no writer produces:
    /// punctuation glued to letters ("](", "\\!", "{%"), case flips inside a word
    /// ("similarlyNow"), brackets and quotes in bulk. A window of 12 whitespace tokens with at
    /// least 6 such tokens is one; URLs, e-mail addresses, amounts and dates are not counted.
    static func adversarialSuffix(_ text: String) -> Signal? {
        // Machine-made tails are full of brackets and symbols; a message with few of them
        // (almost all) is not read token by token.
        var symbols = 0
        for byte in text.utf8 where byte >= 0x80 || symbolBytes[Int(byte)] { symbols += 1 }
        guard symbols >= 6 else { return nil }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard tokens.count >= 8 else { return nil }
        var odd: [Bool] = []
        odd.reserveCapacity(tokens.count)
        // Markdown with bold words (help text, a pasted e-mail) pairs its "**": there the marks
        // at a word's edges are formatting, not noise.
        let emphasis = text.components(separatedBy: "**").count - 1
        let markdown = emphasis >= 4 && emphasis % 2 == 0
        for token in tokens.prefix(2_000) {
            let word = markdown ? token.trimmingCharacters(in: emphasisMarks)[...] : token
            odd.append(word.isEmpty ? false : isOddToken(word))
        }
        let window = min(12, odd.count)
        var count = odd.prefix(window).filter { $0 }.count
        var best = count
        if odd.count > window {
            for index in window..<odd.count {
                if odd[index] { count += 1 }
                if odd[index - window] { count -= 1 }
                best = max(best, count)
            }
        }
        guard best >= 6 else { return nil }
        return Signal(family: .adversarialSuffix, kind: "token_statistics", score: best >= 8 ? 0.9 : 0.8, start: 0, end: text.scalarCount,
                      evidence: "\(best) of \(window) tokens look machine-made")
    }

    static let symbolBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "{}[]<>\\|^~`*_=+@#$%()\"/".utf8 { table[Int(byte)] = true }
        return table
    }()

    static let markdownMarks = CharacterSet(charactersIn: "|-:*#=_`")
    static let emphasisMarks = CharacterSet(charactersIn: "*_")

    static func isOddToken(_ token: Substring) -> Bool {
        // Most tokens are plain words: lower-case ASCII letters, maybe one capital first and
        // sentence punctuation after.
        var plain = true
        for (index, byte) in token.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), UInt8(ascii: "-"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where index == 0: continue
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"): continue
            default: plain = false
            }
            if !plain { break }
        }
        if plain && token.utf8.count >= 2 { return false }
        // Markdown table structure — bars, rules, alignment colons — is not noise.
        if token.trimmingCharacters(in: markdownMarks).isEmpty { return false }
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 2 else {
            // A lone bracket or symbol between words.
            return scalars.first.map { "{}[]()<>\\|^~`*_=+@#".unicodeScalars.contains($0) } ?? false
        }
        if token.hasPrefix("http") || token.hasPrefix("HTTP") || token.hasPrefix("www.") || token.contains("@") { return false }
        var letters = 0
        var symbols = 0
        var digits = 0
        var caseFlips = 0
        var scripts = Set<UInt8>()
        var previousLower = false
        for scalar in scalars {
            if scalar.properties.isAlphabetic {
                letters += 1
                scripts.insert(scalar.isASCII ? 0 : (scalar.value < 0x0250 ? 0 : (scalar.value < 0x0530 ? 1 : (scalar.value < 0x3000 ? 2 : 3))))
                let isUpper = scalar.properties.isUppercase
                if isUpper && previousLower { caseFlips += 1 }
                previousLower = scalar.properties.isLowercase
            } else if ("0"..."9").contains(scalar) {
                digits += 1
                previousLower = false
            } else {
                symbols += 1
                previousLower = false
            }
        }
        // Amounts, dates, times, card-like groups and plain punctuation after a word.
        if letters == 0 && digits > 0 { return false }
        let trailing = scalars.reversed().prefix { ".,!?;:'\")".unicodeScalars.contains($0) }.count
        let innerSymbols = symbols - trailing - (scalars.first.map { "(\"'".unicodeScalars.contains($0) } ?? false ? 1 : 0)
        if letters == 0 { return symbols >= 2 }  // "](", "{%", "\\!", "==>"
        if scripts.count >= 2 { return true }  // Latin mixed with Cyrillic or CJK in one token
        if caseFlips >= 1 && letters >= 6 && !(scalars.first?.properties.isUppercase ?? false && caseFlips == 1 && scalars.dropFirst().allSatisfy { !$0.properties.isUppercase }) {
            return caseFlips >= 2 || (caseFlips == 1 && !scalars[0].properties.isUppercase)
        }
        // Letters with brackets, backslashes or several symbols inside: "lawyer]$.", "Sure\\!".
        return innerSymbols >= 2 || scalars.contains { "{}[]<>\\|^~`".unicodeScalars.contains($0) }
    }

    // MARK: Configuration blocks

    static let configWords: Set<String> = [
        "role", "roles", "rule", "rules", "mode", "allowed", "blocked", "forbidden", "refusal", "refusals", "policy", "policies",
        "instruction", "instructions", "persona", "command", "commands", "response", "responses", "assistant", "model", "filter",
        "filters", "safety", "restrictions", "restriction", "output", "format", "interaction", "config", "configuration", "system",
        "requests", "request", "blockedstrings", "blocked-strings", "allowed-modes", "allowedresponses", "character", "scene",
        "guidelines", "censorship", "override", "jailbreak", "developer", "admin", "permissions", "user", "prompt",
    ]

    /// A block of three or more configuration lines (`key = value`, `key: value`, `<tag>`,
    /// `[section]`) whose keys and tags talk about roles, rules, modes or refusals: a fake
    /// policy file written to redefine the assistant. Read on the leetspeak-undone skeleton.
    static func configurationBlock(_ text: String, skeleton view: NormalizedView) -> Signal? {
        // Three lines that could be configuration, counted on the raw bytes before any folding.
        var candidates = 0
        var lineStart = true
        for byte in text.utf8 {
            if lineStart, byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[") { candidates += 1 }
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") { candidates += 1 }
            if byte != UInt8(ascii: " ") { lineStart = byte == UInt8(ascii: "\n") }
        }
        guard candidates >= 3 else { return nil }
        let skeleton = view.string
        var structured = 0
        var vocabulary = 0
        for rawLine in skeleton.split(separator: "\n").prefix(500) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            var key: Substring?
            if line.hasPrefix("<"), let close = line.firstIndex(of: ">") {
                key = line[line.index(after: line.startIndex)..<close]
            } else if line.hasPrefix("["), line.hasSuffix("]"), line.count < 60 {
                key = line.dropFirst().dropLast()
            } else if let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }), line.distance(from: line.startIndex, to: separator) <= 30 {
                key = line[..<separator]
            }
            guard let key else { continue }
            structured += 1
            let words = key.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" })
            if words.contains(where: { configWords.contains(String($0)) || $0.split(separator: "-").contains { configWords.contains(String($0)) } }) { vocabulary += 1 }
        }
        guard structured >= 3, vocabulary >= 2 else { return nil }
        return Signal(family: .configForgery, kind: "configuration_block", score: vocabulary >= 3 ? 0.9 : 0.75, start: 0, end: text.scalarCount,
                      evidence: "\(structured) configuration lines, \(vocabulary) about roles or rules")
    }

    // MARK: Code and SQL injection

    /// Payload shapes of SQL, shell, script and template injection, on the lower-cased text.
    static let codePayloads: [String] = [
        "' or '1'='1", "' or 1=1", "\" or 1=1", "or 1=1--", "' or ''='", "union select", "union all select", "drop table",
        "drop database", "; delete from", "'; delete", "insert into ", "truncate table", "xp_cmdshell", "; shutdown", "';--", "\";--",
        "sleep(", "benchmark(", "waitfor delay", "information_schema", "load_file(", "into outfile",
        "<script", "</script", "javascript:", "onerror=", "onload=", "document.cookie", "alert(", "eval(", "exec(",
        "os.system(", "subprocess.", "__import__(", "import os", "rm -rf", "rm -fr", ":(){ :|:& };:", "/etc/passwd", "/etc/shadow",
        "curl http", "wget http", "nc -e", "netcat -e", "/bin/sh", "/bin/bash", "powershell -",
        "invoke-expression", "iex(", "cmd.exe", "chmod 777", "mkfifo", "base64 -d", "${jndi:", "{{7*7}}", "{{config", "${7*7}",
        "<%=", "<?php", "system(", "shell_exec(", "passthru(", "popen(", "runtime.getruntime", "../../", "..\\..\\",
        "$(", "os.fork", "fork()", "child_process", "execsync", ")(|(", "*)(", "'); ", "');", "update accounts set", "'/*", "*/--", "xp_", "@@version",
    ]
    static let codePayloadMatcher = TokenMatcher(codePayloads.map { Array($0.utf8) })

    static func codeInjection(_ text: String, lowered: [UInt8]) -> Signal? {
        guard let (index, _) = codePayloadMatcher.first(in: lowered) else { return nil }
        // Found in the folded view; the finding spans the message (its offsets are the caller's).
        return Signal(family: .codeInjection, kind: "code_payload", score: 0.85, start: 0, end: text.scalarCount, evidence: codePayloads[index])
    }

    // MARK: Exfiltration templates

    /// A URL next to a placeholder for data to fill in ("?q=[DATA]", "{conversation}",
    /// "<SECRET>") or built from fragments ("](htt", "ps://"): a link made to carry the chat out.
    static let urlMarkers = ["http", "www.", "]("].map { Array($0.utf8) }
    static let urlFragments = ["](htt", "](ht", "\"htt", "ps://", "'htt", "h\"+\"ttp", "ht\" + \"tp"].map { Array($0.utf8) }
    /// What puts the fragments together: an image, a concatenation.
    static let assemblyCues = ["![", "concaten", "\"+\"", "join"].map { Array($0.utf8) }

    static func exfiltrationTemplate(_ text: String, lowered bytes: [UInt8]) -> Signal? {
        let search = ByteText(bytes)
        guard urlMarkers.contains(where: { search.find($0) != nil }) else { return nil }
        if urlFragments.contains(where: { search.find($0) != nil }) && assemblyCues.contains(where: { search.find($0) != nil }) {
            return Signal(family: .exfiltration, kind: "url_fragments", score: 0.85, start: 0, end: text.scalarCount, evidence: "a link assembled from pieces")
        }
        // Placeholders: [UPPER], {word}, <UPPER>. Where links start is found once, so each
        // placeholder costs a binary search, not a pass over the text (a text of thousands of
        // "[AB]" must stay linear).
        let scalars = Array(text.unicodeScalars)
        let links = linkStarts(scalars)
        var index = 0
        while index < scalars.count {
            let open = scalars[index]
            let close: Unicode.Scalar? = open == "[" ? "]" : (open == "{" ? "}" : (open == "<" ? ">" : nil))
            guard let close else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, end - index <= 30, scalars[end] != close, scalars[end] == "_" || scalars[end].properties.isAlphabetic || scalars[end] == " " {
                end += 1
            }
            if end < scalars.count, scalars[end] == close, end - index >= 3 {
                let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                let word = inner.lowercased()
                let isPlaceholder = inner == inner.uppercased() && inner.contains(where: \.isLetter)
                    || ["data", "info", "secret", "conversation", "history", "chat", "message", "messages", "summary", "password", "context", "input", "query", "user data", "previous message"].contains(word)
                if isPlaceholder, isNear(links, index, within: 200) {
                    return Signal(family: .exfiltration, kind: "url_placeholder", score: 0.85, start: index, end: end + 1, evidence: String(inner.prefix(30)))
                }
            }
            index = max(end, index + 1)
        }
        return nil
    }

    static let linkMarkers: [[Unicode.Scalar]] = ["http", "www.", "]("].map { Array($0.unicodeScalars) }

    /// Offsets where "http", "www." or "](" starts (ASCII case folded), ascending.
    static func linkStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var starts: [Int] = []
        for index in scalars.indices {
            let first = scalars[index]
            guard first == "h" || first == "H" || first == "w" || first == "W" || first == "]" else { continue }
            for marker in linkMarkers where index + marker.count <= scalars.count {
                var matches = true
                for (offset, expected) in marker.enumerated() {
                    let scalar = scalars[index + offset]
                    let lower = scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar
                    if lower != expected { matches = false; break }
                }
                if matches { starts.append(index); break }
            }
        }
        return starts
    }

    /// Whether an ascending list holds a value within `distance` of `offset`.
    static func isNear(_ sorted: [Int], _ offset: Int, within distance: Int) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < offset - distance { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] <= offset + distance
    }
}
