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
