import Foundation

/// Toxicity (insult, profanity, threat, hate), advice-policy topics (investment, tax, legal)
/// and, for replies, system-prompt leakage — all read on the same obfuscation-resistant
/// skeleton as injection detection, so "1d10t", "ѕtupid" and "s t u p i d" read as "idiot"
/// and "stupid".
public struct ContentClassifier: Sendable {
    public init() {}

    public enum Kind: String, Sendable, CaseIterable {
        case insult = "INSULT"
        case profanity = "PROFANITY"
        case threat = "THREAT"
        case hate = "HATE"
        case investmentAdvice = "INVESTMENT_ADVICE"
        case taxAdvice = "TAX_ADVICE"
        case legalAdvice = "LEGAL_ADVICE"
        case systemPromptLeak = "SYSTEM_PROMPT_LEAK"

        var category: FindingCategory {
            switch self {
            case .insult, .profanity, .threat, .hate: .toxicity
            case .investmentAdvice, .taxAdvice, .legalAdvice: .policy
            case .systemPromptLeak: .leakage
            }
        }
    }

    /// Findings of the given kinds, one per kind (its strongest match).
    public func classify(_ text: String, kinds: Set<Kind>, canaries: [String] = []) -> [Finding] {
        classify(PreparedText(text), kinds: kinds, canaries: canaries)
    }

    func classify(_ prepared: PreparedText, kinds: Set<Kind>, canaries: [String] = []) -> [Finding] {
        let text = prepared.text
        let folded = prepared.folded
        var best: [Kind: Finding] = [:]
        func offer(_ kind: Kind, _ score: Double, _ start: Int, _ end: Int, _ evidence: String) {
            guard kinds.contains(kind), score > (best[kind]?.score ?? 0) else { return }
            best[kind] = Finding(type: kind.rawValue, category: kind.category, start: start, end: end, score: score, recognizer: "content.\(kind.rawValue.lowercased())", evidence: evidence)
        }
        for view in prepared.wordViews {
            // Repeated letters collapsed ("stuuupid"), compared with patterns collapsed alike.
            let words = view.words.map(Self.collapse)
            let addressed = words.contains(where: Self.isSecondPerson)
            for (ruleIndex, match) in Self.ruleSet.matches(words, view.positions) {
                let kind = Self.ruleKinds[ruleIndex]
                guard kinds.contains(kind) else { continue }
                // Insults aimed at someone ("you are an idiot") weigh more than at a thing.
                let score = kind == .insult && addressed ? min(1, match.score + 0.3) : match.score
                offer(kind, score, match.start, match.end, InjectionDetector.excerpt(text, match.start, match.end))
            }
        }
        // Masked profanity: "f*ck", "sh**", "b!tch" with symbols standing for letters.
        let lowered = folded.string
        let maybeMasked = lowered.withUTF8Bytes { bytes in bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") } }
        for token in maybeMasked ? lowered.split(whereSeparator: { $0 == " " || $0 == "\n" }) : [] where token.contains("*") || token.contains("#") {
            let core = token.trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "*#")))
            for word in Self.maskableProfanity where Self.matchesMasked(Substring(core), word) {
                offer(.profanity, 0.8, 0, text.scalarCount, String(core))
            }
        }
        if kinds.contains(.systemPromptLeak) {
            for canary in canaries where !canary.isEmpty && lowered.contains(canary.lowercased()) {
                offer(.systemPromptLeak, 1.0, 0, text.scalarCount, "canary")
            }
            // One pass over the bytes for all the tokens (not one substring search per token).
            if let (index, _) = InjectionDetector.templateMatcher.first(in: Array(lowered.utf8)) {
                offer(.systemPromptLeak, 0.9, 0, text.scalarCount, InjectionDetector.templateTokens[index])
            }
        }
        return best.values.sorted { $0.score > $1.score }
    }

    /// Seven short words: compared directly, cheaper than hashing every word of the message.
    static let secondPerson: [String] = ["you", "your", "youre", "u", "ur", "yours", "yourseif"]

    /// Whether `word` is one of `secondPerson`. All start with "y" or "u", which leaves
    /// almost every other word after one byte.
    static func isSecondPerson(_ word: String) -> Bool {
        guard let first = word.utf8.first, first == UInt8(ascii: "y") || first == UInt8(ascii: "u"), word.utf8.count <= 8 else { return false }
        return secondPerson.contains(word)
    }

    static func collapse(_ word: String) -> String {
        // Bytes first: for ASCII, a repeated byte is a repeated scalar (the common case, no
        // repeat, ends here); past ASCII, ask the scalars.
        var previousByte: UInt8 = 0
        var repeats = false
        var ascii = true
        for byte in word.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte == previousByte { repeats = true; break }
            previousByte = byte
        }
        if !ascii {
            var previous: Unicode.Scalar?
            for scalar in word.unicodeScalars {
                if scalar == previous { repeats = true; break }
                previous = scalar
            }
        }
        guard repeats else { return word }
        if ascii {
            // In place as UTF-8: a short word stays a small string, no buffer on the heap.
            return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
                var count = 0
                var previous: UInt8 = 0
                for byte in word.utf8 where byte != previous {
                    buffer[count] = byte
                    count += 1
                    previous = byte
                }
                return count
            }
        }
        var previous: Unicode.Scalar?
        var output = ScalarStringBuilder()
        for scalar in word.unicodeScalars where scalar != previous {
            output.append(scalar)
            previous = scalar
        }
        return output.string
    }

    static func matchesMasked(_ token: Substring, _ word: String) -> Bool {
        let token = Array(token.unicodeScalars)
        let word = Array(word.unicodeScalars)
        guard token.count == word.count, token.first == word.first else { return false }
        var masked = 0
        for (a, b) in zip(token, word) {
            if a == "*" || a == "#" { masked += 1 } else if a != b { return false }
        }
        return masked > 0 && masked < word.count
    }

    static let maskableProfanity = ["fuck", "fucking", "shit", "bitch", "asshole", "bastard", "cunt", "dick", "fucker", "motherfucker", "bullshit"]

    /// Hate terms are kept ROT13-encoded so the source does not spell slurs out.
    static let hateTerms: [String] = [
        "avttre", "avttref", "avttn", "snttbg", "snttbgf", "snt", "xvxr", "xvxrf", "puvax", "puvaxf", "jrgonpx", "jrgonpxf",
        "fcvp", "fcvpf", "gbjry urnq", "enturnq", "fnaqavttre", "tbbx", "tbbxf", "genaal", "erqfxva", "fdhnj", "pbba",
        "cnxv", "tlcfl", "ergneq", "ergneqf", "ergneqrq",
    ].map(rot13)

    static func rot13(_ text: String) -> String {
        String(scalars: text.unicodeScalars.map { scalar in
            switch scalar {
            case "a"..."m": Unicode.Scalar(scalar.value + 13)!
            case "n"..."z": Unicode.Scalar(scalar.value - 13)!
            default: scalar
            }
        })
    }

    static let groups = [
        "jews", "jewish people", "muslims", "christians", "blacks", "black people", "whites", "white people", "gays", "gay people",
        "lesbians", "trans people", "transgender people", "immigrants", "mexicans", "asians", "chinese", "indians", "arabs",
        "africans", "women", "latinos", "hispanics", "refugees", "foreigners", "catholics", "hindus", "sikhs", "disabled people",
    ]

    static func rule(_ name: String, _ phrases: [String], score: Double) -> PhraseRule {
        PhraseRule(name, first: phrases.map { $0.split(separator: " ").map { collapse(String($0)) }.joined(separator: " ") }, score: score)
    }

    static func rule(_ name: String, first: [String], last: [String], maxGap: Int, score: Double, breakers: [String] = []) -> PhraseRule {
        let c = { (phrases: [String]) in phrases.map { $0.split(separator: " ").map { collapse(String($0)) }.joined(separator: " ") } }
        return PhraseRule(name, first: c(first), last: c(last), maxGap: maxGap, score: score, breakers: breakers)
    }

    static let orderedRules: [(Kind, PhraseRule)] = Kind.allCases.flatMap { kind in (rules[kind] ?? []).map { (kind, $0) } }
    static let ruleKinds: [Kind] = orderedRules.map(\.0)
    static let ruleSet = PhraseRuleSet(orderedRules.map(\.1))

    static let rules: [Kind: [PhraseRule]] = [
        .insult: [
            rule("insult_words", [
                "idiot", "idiots", "idiotic", "stupid", "stoopid", "stupidest", "moron", "morons", "moronic", "dumb", "dumbass", "imbecile", "incompetent",
                "pathetic", "loser", "losers", "clown", "clowns", "worthless", "braindead", "brain dead", "dimwit", "halfwit",
                "nitwit", "numbskull", "dunce", "buffoon", "scum", "scumbag", "scumbags", "jerk", "jerks", "piece of garbage",
                "waste of space", "dipshit", "shithead", "dickhead", "asshat", "douchebag", "douche", "cretin", "bozo",
                "useless bot", "useless piece", "you suck", "you are useless", "you're useless", "useless idiot", "get lost",
                "shut up", "garbage bot", "trash bot", "ignorant fool", "fool", "fools", "twat", "wanker", "tosser", "prick",
            ], score: 0.6),
        ],
        .profanity: [
            rule("profanity_strong", [
                "fuck", "fucking", "fucked", "fucker", "fuckers", "motherfucker", "motherfucking", "fck", "fcking", "fuk", "fuking",
                "shit", "shitty", "bullshit", "bitch", "bitches", "asshole", "assholes", "bastard", "bastards", "cunt", "cunts",
                "dick", "dicks", "cock", "pussy", "stfu", "gtfo", "wtf", "fml", "goddamn", "goddamnit", "jackass", "son of a bitch",
                "piece of shit", "horseshit", "bs",
            ], score: 0.85),
            rule("profanity_mild", ["damn", "crap", "crappy", "hell", "pissed", "piss", "sucks", "freaking", "frickin"], score: 0.3),
        ],
        .threat: [
            rule("threat_phrases", [
                "kill you", "i will kill", "i'll kill", "ill kill", "gonna kill", "going to kill", "kill your", "murder you",
                "hurt you", "hurt your", "beat you", "beat the", "find you", "find where you", "know where you live",
                "burn down", "burn your", "blow up", "bomb your", "bomb the", "shoot you", "shoot up", "stab you", "strangle",
                "you will regret", "you'll regret", "youll regret", "make you pay", "watch your back", "come after you",
                "hunt you down", "hunt you", "destroy you", "end you", "you are dead", "you're dead", "youre dead", "dead meat",
                "break your", "smash your", "i will hurt", "i'll hurt", "gonna hurt", "slit your", "put a bullet",
            ], score: 0.9),
            rule("threat_weapons", ["bomb", "explosive", "gun", "shoot", "kill", "murder"], score: 0.35),
        ],
        .hate: [
            rule("slurs", hateTerms, score: 0.95),
            rule("group_hatred", first: ["i hate", "hate all", "death to", "kill all", "exterminate", "get rid of all", "gas the", "deport all", "ban all"], last: groups, maxGap: 3, score: 0.6),
            rule("group_dehumanizing", first: groups, last: ["are animals", "are vermin", "are subhuman", "are parasites", "are inferior", "should die", "must die", "should be killed", "deserve to die", "are a disease", "are cockroaches", "are rats", "go back to", "don't belong", "do not belong"], maxGap: 3, score: 0.9),
        ],
        .investmentAdvice: [
            rule("investment", first: ["should i", "is it smart to", "is it a good idea to", "would you", "do you recommend", "recommend", "what should i", "which", "best", "good", "tell me", "is now a good time to"], last: ["invest", "buy stock", "buy stocks", "buy shares", "sell stock", "sell my stock", "buy bitcoin", "buy crypto", "stock to buy", "stocks to buy", "stock", "stocks", "etf", "etfs", "mutual fund", "index fund", "crypto", "bitcoin", "ethereum", "investment", "investments", "portfolio", "retirement fund", "401k", "ira", "bonds", "options trading", "day trading"], maxGap: 6, score: 0.75),
            rule("investment_direct", ["investment advice", "financial advice", "stock tip", "stock tips", "stock picks", "which stocks", "what stocks", "where should i invest", "how should i invest", "good investment", "beat the market", "guaranteed returns"], score: 0.8),
        ],
        .taxAdvice: [
            rule("tax", ["tax advice", "tax deduction", "tax deductible", "deduct", "write off", "write-off", "capital gains", "tax return", "tax bracket", "how much tax", "avoid taxes", "avoid paying taxes", "irs", "file my taxes", "claim on my taxes", "taxable", "tax free", "tax-free", "1099", "w2", "w-2", "estimated taxes", "tax liability"], score: 0.7),
        ],
        .legalAdvice: [
            rule("legal", ["legal advice", "sue", "sue you", "sue the", "lawsuit", "lawyer", "attorney", "is it legal", "is this legal", "legally", "my rights", "small claims", "court", "take legal action", "liable", "liability", "breach of contract", "class action", "file a complaint with the cfpb", "power of attorney", "bankruptcy"], score: 0.7),
        ],
        .systemPromptLeak: [
            rule("leak_phrases", ["my system prompt", "my instructions are", "my instructions say", "i was instructed to", "i have been instructed", "my initial instructions", "here is my system prompt", "here are my instructions", "the system prompt is", "my hidden instructions", "my guidelines state", "my prompt says", "i am programmed to never", "according to my system prompt", "my original instructions", "the developer told me", "my developer message"], score: 0.9),
        ],
    ]
}
