/// Word-sequence rules matched on normalized words: a first phrase, then (within `maxGap`
/// words, none of them in `breakers`) a last phrase. Phrases are compared in the skeleton form
/// (`TextNormalizer.skeletonWord`), the same form the text is reduced to.
struct PhraseRule: Sendable {
    let name: String
    let first: [[String]]
    let last: [[String]]?
    let maxGap: Int
    let score: Double
    let breakers: Set<String>

    init(_ name: String, first: [String], last: [String]? = nil, maxGap: Int = 0, score: Double, breakers: [String] = []) {
        self.name = name
        self.first = first.map(Self.words)
        self.last = last.map { $0.map(Self.words) }
        self.maxGap = maxGap
        self.score = score
        self.breakers = Set(breakers.map(TextNormalizer.skeletonWord))
    }

    static func words(_ phrase: String) -> [String] {
        phrase.lowercased().split(separator: " ").map { word in
            TextNormalizer.skeletonWord(String(String.UnicodeScalarView(word.unicodeScalars.filter { !NormalizedView.isApostrophe($0) })))
        }
    }

    struct Match {
        var rule: String
        var score: Double
        var start: Int
        var end: Int
    }

    private static func length(of phrases: [[String]], at index: Int, in words: [String]) -> Int? {
        var best: Int?
        for phrase in phrases where index + phrase.count <= words.count {
            var matches = true
            for (offset, word) in phrase.enumerated() where words[index + offset] != word {
                matches = false
                break
            }
            if matches, phrase.count > (best ?? 0) { best = phrase.count }
        }
        return best
    }

    /// The first match in a squashed view (letters only, no word breaks): the first phrase as a
    /// substring, then the last phrase within about `maxGap` words' worth of letters.
    func firstSquashedMatch(_ squashed: [Unicode.Scalar], _ origin: [Int]) -> Match? {
        let firsts = first.map { Array($0.joined().unicodeScalars) }.filter { $0.count >= 4 }
        let lasts = last.map { $0.map { Array($0.joined().unicodeScalars) }.filter { $0.count >= 4 } }
        for phrase in firsts {
            var index = 0
            while let start = Self.find(phrase, in: squashed, from: index) {
                let afterFirst = start + phrase.count
                guard let lasts else {
                    return Match(rule: name, score: score, start: origin[start], end: origin[afterFirst - 1] + 1)
                }
                let limit = min(squashed.count, afterFirst + maxGap * 8 + 40)
                for candidate in lasts {
                    if let end = Self.find(candidate, in: Array(squashed[afterFirst..<limit]), from: 0) {
                        let last = afterFirst + end + candidate.count - 1
                        return Match(rule: name, score: score, start: origin[start], end: origin[last] + 1)
                    }
                }
                index = start + 1
            }
        }
        return nil
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        for start in from...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// The first match in `words` (skeleton texts) with offsets from `positions`.
    func firstMatch(_ words: [String], _ positions: [NormalizedWord]) -> Match? {
        for index in words.indices {
            guard let firstLength = Self.length(of: first, at: index, in: words) else { continue }
            guard let last else {
                let end = index + firstLength - 1
                return Match(rule: name, score: score, start: positions[index].start, end: positions[end].end)
            }
            var cursor = index + firstLength
            while cursor < words.count, cursor - (index + firstLength) <= maxGap {
                if let lastLength = Self.length(of: last, at: cursor, in: words) {
                    let end = cursor + lastLength - 1
                    return Match(rule: name, score: score, start: positions[index].start, end: positions[end].end)
                }
                if breakers.contains(words[cursor]) { break }
                cursor += 1
            }
        }
        return nil
    }
}
