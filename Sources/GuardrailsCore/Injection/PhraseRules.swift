/// Word-sequence rules matched on normalized words (by `PhraseRuleSet`): a first phrase, then
/// (within `maxGap` words, none of them in `breakers`) a last phrase. Phrases are compared in the skeleton form
/// (`TextNormalizer.skeletonWord`), the same form the text is reduced to.
struct PhraseRule: Sendable {
    let name: String
    let first: [[String]]
    let last: [[String]]?
    let maxGap: Int
    let score: Double
    let breakers: Set<String>
    /// The phrases with their words run together, for `firstSquashedMatch` (built once).
    private let squashedFirsts: [[Unicode.Scalar]]
    private let squashedLasts: [[Unicode.Scalar]]?

    init(_ name: String, first: [String], last: [String]? = nil, maxGap: Int = 0, score: Double, breakers: [String] = []) {
        self.name = name
        self.first = first.map(Self.words)
        self.last = last.map { $0.map(Self.words) }
        self.maxGap = maxGap
        self.score = score
        self.breakers = Set(breakers.map(TextNormalizer.skeletonWord))
        self.squashedFirsts = self.first.map { Array($0.joined().unicodeScalars) }.filter { $0.count >= 4 }
        self.squashedLasts = self.last.map { $0.map { Array($0.joined().unicodeScalars) }.filter { $0.count >= 4 } }
    }

    static func words(_ phrase: String) -> [String] {
        phrase.lowercased().split(separator: " ").map { word in
            TextNormalizer.skeletonWord(String(scalars: word.unicodeScalars.filter { !NormalizedView.isApostrophe($0) }))
        }
    }

    struct Match {
        var rule: String
        var score: Double
        var start: Int
        var end: Int
    }

    /// The first match in a squashed view (letters only, no word breaks): the first phrase as a
    /// substring, then the last phrase within about `maxGap` words' worth of letters.
    func firstSquashedMatch(_ squashed: [Unicode.Scalar], _ origin: [Int]) -> Match? {
        for phrase in squashedFirsts {
            var index = 0
            while let start = Self.find(phrase, in: squashed, from: index) {
                let afterFirst = start + phrase.count
                guard let lasts = squashedLasts else {
                    return Match(rule: name, score: score, start: origin[start], end: origin[afterFirst - 1] + 1)
                }
                let limit = min(squashed.count, afterFirst + maxGap * 8 + 40)
                for candidate in lasts {
                    if let found = Self.find(candidate, in: squashed, from: afterFirst, before: limit) {
                        let last = found + candidate.count - 1
                        return Match(rule: name, score: score, start: origin[start], end: origin[last] + 1)
                    }
                }
                index = start + 1
            }
        }
        return nil
    }

    /// Where `needle` first lies wholly inside `haystack[from..<before]`.
    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int, before: Int? = nil) -> Int? {
        let end = min(before ?? haystack.count, haystack.count)
        guard needle.count <= end, from <= end - needle.count else { return nil }
        for start in from...(end - needle.count) where haystack[start] == needle[0] {
            var offset = 1
            while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return start }
        }
        return nil
    }

}

/// Many rules matched in one pass: every rule's first phrases are indexed by their first word,
/// so each word of the text costs one dictionary lookup whatever the number of rules.
struct PhraseRuleSet: Sendable {
    struct Entry: Sendable {
        let rule: Int
        let phrase: [String]
    }

    let rules: [PhraseRule]
    private let byFirstWord: [String: [Entry]]
    private let firstWords: WordFilter
    private let lastByFirstWord: [[String: [[String]]]]

    init(_ rules: [PhraseRule]) {
        self.rules = rules
        var index: [String: [Entry]] = [:]
        for (ruleIndex, rule) in rules.enumerated() {
            for phrase in rule.first where !phrase.isEmpty {
                index[phrase[0], default: []].append(Entry(rule: ruleIndex, phrase: phrase))
            }
        }
        byFirstWord = index
        firstWords = WordFilter(index.keys)
        lastByFirstWord = rules.map { rule in
            var lasts: [String: [[String]]] = [:]
            for phrase in rule.last ?? [] where !phrase.isEmpty {
                lasts[phrase[0], default: []].append(phrase)
            }
            return lasts
        }
    }

    private static func matches(_ phrase: [String], at index: Int, in words: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for offset in 1..<max(1, phrase.count) where words[index + offset] != phrase[offset] {
            return false
        }
        return true
    }

    /// The first match of each rule that matches, with the rule's index, in rule order.
    func matches(_ words: [String], _ positions: [NormalizedWord]) -> [(rule: Int, match: PhraseRule.Match)] {
        // Few rules match in a message (usually none), so the matches are a short list searched
        // linearly, not an array over every rule; sorted by rule at the end, so callers see the
        // same order in every process.
        var found: [(rule: Int, match: PhraseRule.Match)] = []
        for index in words.indices {
            guard firstWords.mightContain(words[index]), let entries = byFirstWord[words[index]] else { continue }
            for entry in entries where !found.contains(where: { $0.rule == entry.rule }) && Self.matches(entry.phrase, at: index, in: words) {
                let rule = rules[entry.rule]
                let afterFirst = index + entry.phrase.count
                guard rule.last != nil else {
                    found.append((entry.rule, PhraseRule.Match(rule: rule.name, score: rule.score, start: positions[index].start, end: positions[afterFirst - 1].end)))
                    continue
                }
                var cursor = afterFirst
                while cursor < words.count, cursor - afterFirst <= rule.maxGap {
                    if let lasts = lastByFirstWord[entry.rule][words[cursor]],
                        let last = lasts.filter({ Self.matches($0, at: cursor, in: words) }).max(by: { $0.count < $1.count })
                    {
                        found.append((entry.rule, PhraseRule.Match(rule: rule.name, score: rule.score, start: positions[index].start, end: positions[cursor + last.count - 1].end)))
                        break
                    }
                    if rule.breakers.contains(words[cursor]) { break }
                    cursor += 1
                }
            }
        }
        return found.count > 1 ? found.sorted { $0.rule < $1.rule } : found
    }
}
