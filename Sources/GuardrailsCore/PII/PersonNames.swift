import Foundation

/// What the public name statistics say about a word (training/guardrails/build_name_lexicon.py):
/// how common it is as a first name, whether it is a surname, an ordinary English word or a place.
struct NameLexicon: Sendable {
    struct Entry: Sendable {
        /// Share of people with this first name, in 1/1000 % (1990 US Census); 0 if none.
        var firstNameShare = 0
        var isSurname = false
        var isOrdinaryWord = false
        var isPlace = false
    }

    let entries: [String: Entry]

    init(tsv: String) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(64_000)
        for line in tsv.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            var entry = Entry()
            for flag in line[line.index(after: tab)...].split(separator: ",") {
                switch flag.first {
                case "F": entry.firstNameShare = Int(flag.dropFirst()) ?? 0
                case "S": entry.isSurname = true
                case "W": entry.isOrdinaryWord = true
                case "P": entry.isPlace = true
                default: break
                }
            }
            entries[String(line[..<tab])] = entry
        }
        self.entries = entries
    }

    /// The bundled lexicon; empty (names found by context alone) if the resource is missing.
    static let bundled: NameLexicon = {
        guard let url = Bundle.module.url(forResource: "Names", withExtension: nil)?.appendingPathComponent("names.tsv"),
            let tsv = try? String(contentsOf: url, encoding: .utf8)
        else { return NameLexicon(tsv: "") }
        return NameLexicon(tsv: tsv)
    }()

    subscript(_ word: String) -> Entry? { entries[word] }
}

/// Person names in free text, read the way a person would: capitalized words that public name
/// statistics know as first names or surnames, runs of capitalized words that are not ordinary
/// words, and any such word after a cue ("pay", "tell", "my landlord", "Dr.", "I'm",
/// "Regards,"), including lower-case names after a strong cue ("tell dwayne"). Ordinary words
/// ("Will", "Grace"), places, month names and the text's first word before an object ("Mark
/// this as fraud") need more than capitalization.
enum PersonNames {
    typealias Word = WordScanner.Word

    /// A word as the name rules see it.
    struct Token {
        var word: Word
        /// The word's range without a possessive "'s".
        var range: Range<Int>
        var key: String
        var entry: NameLexicon.Entry
        var isCapitalized: Bool
        var isAllCaps: Bool
        var startsSentence: Bool

        /// Known to the census as a first name or surname and not a place.
        var isKnownName: Bool { (entry.firstNameShare > 0 || entry.isSurname) && !entry.isPlace }
        /// An ordinary word that is not also a common first name (0.3 % of people or more).
        var isOrdinary: Bool { entry.isOrdinaryWord && entry.firstNameShare < 300 }
        var isBlocked: Bool { entry.isPlace || PersonNames.notNames.contains(key) }
    }

    /// "I'm", "it's", "we'll": never names.
    static let contractionEndings = ["m", "ll", "ve", "d", "re", "t", "s"]
    static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "dos", "das", "bin", "binti", "ibn", "al", "el", "la", "le", "ter", "ten", "y", "st"]
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "madame", "mme", "monsieur", "senor", "señor", "senora", "señora", "herr", "frau", "auntie", "aunty", "uncle", "aunt"]
    /// Words right before a name that say a person follows.
    static let strongCues: Set<String> = [
        "pay", "paid", "paying", "send", "sent", "sending", "transfer", "wire", "wired", "owe", "owes", "tell", "told", "ask", "asked",
        "thank", "thanks", "hi", "hello", "hey", "dear", "regards", "sincerely", "cheers", "best", "love", "signed", "attn", "cc",
        "called", "named", "landlord", "landlady", "roommate", "flatmate", "friend", "brother", "sister", "husband", "wife", "partner",
        "son", "daughter", "boss", "colleague", "coworker", "nanny", "cleaner", "plumber", "tenant", "neighbor", "neighbour", "cousin",
        "grandma", "grandpa", "grandmother", "grandfather", "agent", "advisor", "adviser", "manager", "contractor", "tutor",
        "babysitter", "dad", "father", "mother", "mom", "mum", "girlfriend", "boyfriend", "fiance", "fiancee", "employee",
        "electrician", "gardener", "mechanic", "teacher", "coach", "doctor", "dentist", "lawyer", "accountant", "landscaper",
        "payee", "recipient", "holder", "holders", "beneficiary", "name", "im", "i'm", "is", "it's", "its", "am", "split", "give", "gave",
        "venmo", "remove", "owe", "lend", "lent", "between",
    ]
    /// Weaker cues: a name or a place or a company may follow; known names only.
    static let weakCues: Set<String> = ["to", "from", "with", "for", "by", "and", "or", "at", "via", "reimburse", "refund", "let", "call", "email", "text", "message"]
    /// After a run: "Liam here", "Sarah's", "Dwayne said".
    static let followingCues: Set<String> = ["here", "said", "says", "wants", "asked", "told", "paid", "sent", "owes", "needs", "called", "phoned", "texted", "lent", "gave"]
    /// A sentence's first word followed by one of these is a verb ("Mark this as fraud").
    static let objectWords: Set<String> = ["this", "that", "the", "a", "an", "my", "it", "me", "all", "your", "these", "those", "as", "up", "down", "off", "out", "in", "on", "for", "to", "i", "you", "we", "us", "our"]
    /// Capitalized words that name things, not people: months, days, banks, merchants, roles.
    static let notNames: Set<String> = [
        "i", "im", "ive", "id", "ill", "the", "a", "an", "to", "from", "with", "for", "by", "and", "or", "of", "in", "on", "at", "is",
        "are", "was", "be", "my", "me", "you", "your", "we", "us", "it", "as", "so", "if", "but", "not", "do", "did", "has", "have",
        "had", "this", "that", "support", "team", "there", "all", "everyone", "sir", "madam", "bank", "customer", "service", "thanks",
        "thank", "hello", "hi", "hey", "please", "yes", "no", "ok", "okay", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "christmas", "easter", "thanksgiving", "halloween", "concierge", "assistant", "bot", "ai", "visa",
        "mastercard", "amex", "paypal", "venmo", "zelle", "cashapp", "revolut", "monzo", "chime", "chase", "wells", "fargo", "citi",
        "citibank", "hsbc", "barclays", "apple", "google", "amazon", "netflix", "spotify", "uber", "lyft", "walmart", "target",
        "costco", "starbucks", "ssn", "iban", "dob", "ip", "atm", "usd", "eur", "gbp", "pin", "cvv", "otp", "id", "ach", "swift",
    ]
    /// Words after a run that make it a place or an organization ("Victoria Station").
    static let organizationWords: Set<String> = [
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "dr", "square", "station", "center",
        "centre", "hospital", "clinic", "bank", "branch", "inc", "llc", "ltd", "co", "corp", "company", "group", "foundation",
        "university", "college", "school", "academy", "airport", "hotel", "mall", "market", "store", "stores", "pharmacy",
        "restaurant", "cafe", "bakery", "park", "bridge", "church", "county", "city", "state", "insurance", "capital", "financial",
        "securities", "partners", "associates", "motors", "airlines", "air", "energy", "electric", "gas", "water", "telecom",
    ]

    static func find(_ text: ScannedText, words: [Word], lexicon: NameLexicon = .bundled) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            var range = word.range
            var key = word.bare
            if key.hasSuffix("'s") {
                key.removeLast(2)
                range = range.lowerBound..<(range.upperBound - 2)
            }
            var isContraction = false
            if !key.utf8.allSatisfy({ $0 < 0x80 }) {
                key = key.folding(options: .diacriticInsensitive, locale: nil)
            }
            if key.utf8.contains(UInt8(ascii: "'")) {
                isContraction = Self.contractionEndings.contains { key.hasSuffix("'" + $0) }
                // "O'Brien" is listed as "obrien".
                key.removeAll { $0 == "'" }
            }
            var entry = lexicon[key] ?? NameLexicon.Entry()
            if entry.firstNameShare == 0 && !entry.isSurname, key.utf8.contains(UInt8(ascii: "-")) {
                // "Gonzalez-Ortiz": a name if a part is.
                for part in key.split(separator: "-") {
                    if let known = lexicon[String(part)], known.firstNameShare > 0 || known.isSurname {
                        entry.isSurname = true
                        entry.isOrdinaryWord = false
                    }
                }
            }
            // All capitals: the first two letters are enough to rule most words out cheaply.
            var isAllCaps = false
            if !word.isCapitalized, word.range.count >= 2, text.scalars[word.range.lowerBound].properties.isUppercase,
                text.scalars[word.range.lowerBound + 1].properties.isUppercase
            {
                let letters = text.scalars[word.range].filter { $0.properties.isAlphabetic }
                isAllCaps = letters.allSatisfy { $0.properties.isUppercase }
            }
            var startsSentence = index == 0
            if !startsSentence {
                var at = word.range.lowerBound - 1
                while at >= 0, text.scalars[at] == " " || text.scalars[at] == "\"" || text.scalars[at] == "(" { at -= 1 }
                startsSentence = at < 0 || ".!?\n".unicodeScalars.contains(text.scalars[at])
            }
            if isContraction { entry.isOrdinaryWord = true; entry.firstNameShare = 0; entry.isSurname = false }
            tokens.append(Token(word: word, range: range, key: key, entry: entry, isCapitalized: word.isCapitalized, isAllCaps: isAllCaps, startsSentence: startsSentence))
        }
        func gap(_ a: Int, _ b: Int) -> String { text.string(tokens[a].word.range.upperBound..<tokens[b].word.range.lowerBound) }
        func isUpper(_ token: Token) -> Bool { token.isCapitalized || token.isAllCaps }

        var found: [Range<Int>] = []
        /// The token index where the last name found ends: "Hana and Kenji", "Aditi, Karan".
        var lastNameEnd = -10
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            // Most words are neither capitalized nor anyone's first name: nothing to read.
            guard isUpper(token) || token.entry.firstNameShare > 0 else {
                index += 1
                continue
            }
            let previous = index > 0 ? tokens[index - 1] : nil
            let previousKey = previous.map { $0.word.bare } ?? ""
            let gapBefore = previous == nil ? "" : gap(index - 1, index)
            var cue = previous == nil ? 0 : cueStrength(before: index, tokens: tokens, gap: gapBefore)
            if (["and", "or", "&"].contains(previousKey) && lastNameEnd == index - 2) || (lastNameEnd == index - 1 && gapBefore == ", ") { cue = 2 }
            // Lower-case first names after a strong cue: "tell dwayne", "hey it's jamal".
            if !isUpper(token) {
                if cue == 2 && !["transfer", "wire", "wired", "name", "split", "between", "remove"].contains(previousKey) || (cue == 1 && lastNameEnd == index - 2), token.entry.firstNameShare > 0, !token.entry.isOrdinaryWord || token.entry.firstNameShare >= 300,
                    !token.isBlocked, token.word.range.count >= 3 {
                    found.append(token.range)
                    lastNameEnd = index
                }
                index += 1
                continue
            }
            // An ordinary word that is no one's name ("Pay", "Tell") does not start a name; a
            // place is a name only right after a strong cue ("Send Paris 10").
            let isPlaceAfterCue = token.entry.isPlace && cue == 2 && !notNames.contains(token.key)
            // A name that is also a word ("Sue", "Ray", "Penny") may start a name when a verb
            // that people do follows it: "Sue sent the money".
            let personVerbNext = index + 1 < tokens.count && followingCues.contains(tokens[index + 1].key) && gap(index, index + 1) == " "
            guard !token.isBlocked || isPlaceAfterCue, !titles.contains(token.key),
                !(token.entry.isOrdinaryWord && !token.isKnownName), !(token.isOrdinary && cue < 2 && !personVerbNext)
            else {
                index += 1
                continue
            }
            // The run of capitalized words (and particles between them) joined by one space.
            var end = index
            while end + 1 < tokens.count, end - index < 4 {
                let next = tokens[end + 1]
                let separator = gap(end, end + 1)
                guard separator == " " || (separator == ", " && tokens[end].isAllCaps && next.isCapitalized && end == index) else { break }
                if isUpper(next), !next.isBlocked, !(next.isOrdinary && !next.isKnownName) {
                    end += 1
                } else if particles.contains(next.key) {
                    // "van der Berg", "de la Cruz": particles, then a capitalized word.
                    var after = end + 1
                    while after < tokens.count, particles.contains(tokens[after].key), after - end <= 3, after == end + 1 || gap(after - 1, after) == " " { after += 1 }
                    guard after < tokens.count, isUpper(tokens[after]), gap(after - 1, after) == " " else { break }
                    end = after
                } else {
                    break
                }
                if tokens[end].word.range.upperBound != tokens[end].range.upperBound { break }  // a possessive ends the name
            }
            let run = tokens[index...end]
            let following = end + 1 < tokens.count ? tokens[end + 1] : nil
            let followedByOrganization = following.map { organizationWords.contains($0.key) && gap(end, end + 1) == " " } ?? false
                || run.contains { organizationWords.contains($0.key) && $0.isAllCaps }
            let afterTitle = titles.contains(previousKey.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
            let followingCue = following.map { followingCues.contains($0.key) } ?? false
            let names = run.filter { $0.isKnownName && !$0.isOrdinary }.count
            let unknown = run.filter { !$0.isKnownName && !$0.entry.isOrdinaryWord }.count
            let ordinary = run.count - names - unknown
            var isName = false
            // Places follow these; a place named like a person is in the lexicon's place list.
            let afterPreposition = ["in", "at", "near", "from", "around", "outside", "visiting"].contains(previousKey) && cue < 2
            let possessive = token.word.range != token.range
            if followedByOrganization || (run.contains(where: \.isBlocked) && !isPlaceAfterCue) {
                isName = false
            } else if afterTitle {
                isName = true
            } else if run.count >= 2 {
                // Two or more capitalized words, none of them merely an ordinary word.
                isName = ordinary == 0 || (names >= 1 && ordinary <= run.count - 2) || cue >= 1 && names + unknown >= 1
                if token.startsSentence && ordinary > 0 && cue == 0 { isName = names + unknown >= 2 }
            } else if cue == 2 {
                isName = !token.isOrdinary || token.entry.firstNameShare >= 20 && previousKey != "the"
            } else if followingCue {
                isName = token.isKnownName && (token.entry.firstNameShare >= 20 || !token.isOrdinary)
            } else if cue == 1 && !afterPreposition {
                isName = token.isKnownName && !token.isOrdinary
            } else if token.startsSentence {
                let nextKey = following?.key ?? ""
                // "Aarav's savings": a possessive name opening a sentence needs no more evidence.
                isName = token.isKnownName && !token.isOrdinary && !objectWords.contains(nextKey)
                    && (possessive || token.entry.firstNameShare + (token.entry.isSurname ? 50 : 0) >= 50)
            } else {
                // No cue at all: only a name the census knows well ("Tesla", a baby name too, is a brand).
                isName = token.isKnownName && !token.isOrdinary && !afterPreposition && !["the", "a", "an", "my", "our", "your"].contains(previousKey)
                    && (token.entry.firstNameShare >= 50 || token.entry.isSurname)
            }
            if isName {
                var range = run.first!.range.lowerBound..<run.last!.range.upperBound
                if let last = run.last, last.word.range.upperBound != last.range.upperBound { range = range.lowerBound..<last.range.upperBound }
                found.append(range)
                lastNameEnd = end
            }
            index = end + 1
        }
        return found
    }

    /// 2 when the words before `index` say a person follows, 1 for a weak cue, else 0.
    static func cueStrength(before index: Int, tokens: [Token], gap: String) -> Int {
        let previous = tokens[index - 1]
        let key = previous.word.bare
        if gap.contains(":") && ["name", "payee", "recipient", "holder", "holders", "beneficiary", "to", "from", "attn", "signed"].contains(key) { return 2 }
        if gap.contains(",") && ["hi", "hello", "hey", "dear", "regards", "sincerely", "cheers", "best", "thanks", "love"].contains(key) { return 2 }
        if gap.contains("\n") && ["regards", "sincerely", "cheers", "best", "thanks", "love"].contains(key) { return 2 }
        if key == "is" || key == "am" || key == "its" || key == "it's" {
            // "this is", "my name is", "I am", "it's": only in those phrases.
            let before = index >= 2 ? tokens[index - 2].word.bare : ""
            if key == "is" { return ["this", "name", "payee", "recipient"].contains(before) ? 2 : 0 }
            if key == "am" { return before == "i" ? 2 : 0 }
            return 2
        }
        if strongCues.contains(key) { return gap.contains(".") && key != "dr" ? 0 : 2 }
        if weakCues.contains(key) { return 1 }
        return 0
    }
}
