import Foundation

/// How a message answers a yes/no question about a payment. Only `affirm` can ever execute a
/// payment, and only when the message carries no other content (the turn table in
/// DialogueManager.swift and docs/concierge.md).
public enum ConfirmationReply: String, Sendable, CaseIterable {
    /// An unqualified yes: "yes", "yes please", "confirm", "do it", "go ahead", "send it", "👍".
    case affirm
    /// A refusal in any common form: "no", "nah", "leave it", "wait", "hold on", "not now",
    /// "stop", "forget it", "cancel".
    case refuse
    /// Anything else: a question ("ok?"), thanks, "ok thanks bye", hesitation ("not sure yet",
    /// "hmm let me think"), "ok but …", another request.
    case other

    /// Strong affirmations: enough on their own, and may carry politeness ("yes please, thanks").
    static let strong: [[String]] = [
        ["yes"], ["yess"], ["yesss"], ["yeah"], ["yea"], ["yeh"], ["yep"], ["yup"], ["ya"], ["yah"], ["ye"], ["y"], ["yas"],
        ["confirm"], ["confirmed"], ["i", "confirm"], ["confirming"], ["approve"], ["approved"], ["i", "approve"],
        ["do", "it"], ["go", "ahead"], ["go", "for", "it"], ["send", "it"], ["pay", "it"], ["move", "it"], ["transfer", "it"],
        ["proceed"], ["please", "proceed"], ["correct"], ["thats", "correct"], ["that's", "correct"], ["absolutely"],
        ["definitely"], ["affirmative"], ["please", "do"], ["of", "course"], ["certainly"], ["that's", "right"], ["thats", "right"],
        ["that", "is", "right"], ["that", "is", "correct"], ["lets", "do", "it"], ["let's", "do", "it"], ["make", "it", "happen"],
        ["send"], ["yes", "send"], ["send", "it", "over"], ["thats", "fine"], ["that's", "fine"], ["sure", "thing"], ["👍"], ["✅"], ["👌"], ["✔"], ["☑"], ["🆗"],
    ]
    /// Weak affirmations: an affirmation only alone (or with "please" or a strong one); with
    /// anything else ("ok thanks bye", "ok but…") they are acknowledgements, not a yes.
    static let weak: [[String]] = [
        ["ok"], ["okay"], ["okey"], ["okie"], ["k"], ["kk"], ["sure"], ["alright"], ["fine"], ["sounds", "good"],
        ["looks", "good"], ["perfect"],
    ]
    static let polite: Set<String> = ["please", "pls", "plz", "pleas", "thanks", "thank", "you", "thx", "ty", "tysm", "now", "then", "so", "mate", "sir", "🙏", "!", "it", "that", "one", "this",
        // Acknowledgements: alone they are not a yes ("cool"), beside one they do not spoil it
        // ("cool, yes move it").
        "cool", "great", "good", "nice", "awesome", "right"]
    static let politeWithWeak: Set<String> = ["please", "pls", "plz", "!"]

    /// Refusal phrases anywhere in the message.
    static let refusals: [[String]] = [
        ["no"], ["nah"], ["nope"], ["naw"], ["nay"], ["n"], ["nop"], ["noo"], ["nooo"], ["cancel"], ["cancelled"], ["canceled"], ["stop"], ["wait"],
        ["hold", "on"], ["hold", "off"], ["hang", "on"], ["not", "now"], ["not", "yet"], ["forget", "it"], ["forget", "that"],
        ["forget", "about", "it"], ["leave", "it"], ["never", "mind"], ["nevermind"], ["nvm"],
        ["abort"], ["scratch", "that"], ["not", "ok"], ["not", "okay"], ["not", "happy"], ["changed", "my", "mind"],
        ["change", "my", "mind"], ["decline"], ["declined"], ["reject"], ["no", "way"], ["skip", "it"], ["drop", "it"],
        ["not", "anymore"], ["not", "today"], ["maybe", "later"], ["another", "time"], ["some", "other", "time"], ["👎"], ["❌"], ["🚫"], ["✋"], ["🛑"], ["not", "right"], ["wrong"], ["that's", "wrong"],
    ]
    /// Phrases with "no" in them that are not a refusal.
    static let notRefusals: [[String]] = [["no", "problem"], ["no", "worries"], ["no", "prob"]]

    /// The words of a message for this purpose: lower case, emoji kept as words, a "?" kept.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() { if !current.isEmpty { words.append(current); current = "" } }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" || character == "’" || (character == "&" && !current.isEmpty) {
                current.append(character == "’" ? "'" : character)
            } else if character == "?" || character == "!" {
                flush(); words.append(String(character))
            } else if character.unicodeScalars.first?.properties.isEmojiPresentation == true || "✔☑✅".contains(character) {
                flush()
                // "👍🏽" is one character; its first scalar names it.
                words.append(String(character.unicodeScalars.first!))
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }

    /// "don't" refuses when it is about the payment ("don't send it", "don't"), not in "I don't
    /// recognize this charge".
    static let negatedActions: Set<String> = ["send", "pay", "do", "transfer", "move", "want", "it", "that", "bother", "need", "go", "proceed"]
    /// Refusals that still count inside a question ("can you cancel it?").
    static let actionRefusals: [[String]] = [["cancel"], ["stop"], ["abort"], ["don't", "send"], ["dont", "send"], ["do", "not", "send"]]
    static let questionStarts: Set<String> = ["can", "could", "how", "what", "what's", "whats", "why", "when", "will", "would", "is", "are", "do", "does", "should", "if"]

    /// - Parameter restatingAmount: the message's amount equals the one asked about, so "yes,
    ///   50" to "$50.00?" reads as "yes".
    public static func classify(_ text: String, restatingAmount: Bool = false) -> ConfirmationReply {
        var words = words(text)
        // "no problem" and "no worries" are thanks, not a refusal; the rest still counts
        // ("no problem, cancel it").
        for phrase in notRefusals {
            while let start = (0..<max(0, words.count - phrase.count + 1)).first(where: { Array(words[$0..<($0 + phrase.count)]) == phrase }) {
                words.removeSubrange(start..<(start + phrase.count))
            }
        }
        if restatingAmount {
            words.removeAll { word in word.allSatisfy { $0.isNumber || $0 == "." || $0 == "," } || AmountReader.dollarWords.contains(word) }
        }
        let isQuestion = words.contains("?") && questionStarts.contains(words.first ?? "")
        if isQuestion {
            if actionRefusals.contains(where: { contains(words, $0) }) { return .refuse }
        } else {
            if refusals.contains(where: { contains(words, $0) }) { return .refuse }
            for (index, word) in words.enumerated() where ["don't", "dont", "not"].contains(word) && (index == 0 || words[index - 1] == "do" || word != "not") {
                let next = index + 1 < words.count ? words[index + 1] : ""
                if next.isEmpty || next == "!" || negatedActions.contains(next) { return .refuse }
            }
        }
        // A question is never a yes ("ok?", "sure?", "is this ok?").
        if words.contains("?") { return .other }
        // Letters repeated for emphasis are read once past the third ("yesss" → "yes").
        words = words.map { word in word.count > 3 && Set(word.dropFirst(2)).count == 1 ? String(word.prefix(3)) : word }
        guard let parts = cover(words[...]) else { return .other }
        if parts.strong { return .affirm }
        if parts.weak, !parts.thanks { return .affirm }
        return .other
    }

    /// Whether the words are covered entirely by affirmation phrases and politeness, and by
    /// which kinds. Tries every split ("yes send it" reads as "yes" + "send it"), once per
    /// position from the end, so it stays linear in the number of words.
    static func cover(_ words: ArraySlice<String>) -> (strong: Bool, weak: Bool, thanks: Bool)? {
        let words = Array(words)
        typealias Cover = (strong: Bool, weak: Bool, thanks: Bool)
        var best = [Cover?](repeating: nil, count: words.count + 1)
        best[words.count] = (false, false, false)
        for start in stride(from: words.count - 1, through: 0, by: -1) {
            func consider(_ length: Int, strong: Bool, weak: Bool, thanks: Bool) {
                guard let rest = best[start + length] else { return }
                let candidate = (strong || rest.strong, weak || rest.weak, thanks || rest.thanks)
                if best[start] == nil || (candidate.0 && !best[start]!.strong) { best[start] = candidate }
            }
            func matches(_ phrase: [String]) -> Bool {
                start + phrase.count <= words.count && zip(phrase, words[start...]).allSatisfy { $0 == $1 }
            }
            for phrase in strong where matches(phrase) { consider(phrase.count, strong: true, weak: false, thanks: false) }
            for phrase in weak where matches(phrase) { consider(phrase.count, strong: false, weak: true, thanks: false) }
            if polite.contains(words[start]) { consider(1, strong: false, weak: false, thanks: !politeWithWeak.contains(words[start])) }
        }
        return best[0]
    }
}
