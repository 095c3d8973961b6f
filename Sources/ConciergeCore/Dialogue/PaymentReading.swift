import Foundation

/// The customer's own accounts, payees and billers, read once per turn: everything a message
/// is matched against.
public struct CustomerFacts: Sendable {
    public let accounts: [Account]
    public let payees: [Payee]
    public let billers: [Biller]
    /// The merchants in the customer's history.
    public let merchants: [String]

    public init(accounts: [Account], payees: [Payee], billers: [Biller], merchants: [String] = []) {
        self.accounts = accounts
        self.payees = payees
        self.billers = billers
        self.merchants = merchants
    }

    /// Longest names first, so "Blue Bottle Coffee" wins over a shorter name inside it.
    public var merchantsLongestFirst: [String] { merchants.sorted { $0.count > $1.count } }

    /// Values the concierge itself shows this customer, so the output check leaves them
    /// readable: account, payee, biller and merchant names, and masked suffixes ("…1615").
    public var displaySafe: [String] {
        var values = accounts.map(\.name) + payees.map(\.name) + billers.map(\.name) + merchants + payees.map(\.bank)
        values += (accounts.map(\.mask) + payees.map(\.mask) + billers.map(\.mask)).map { "…" + $0 }
        return values.filter { !$0.isEmpty }
    }

    /// The people and billers the customer pays, as they may write them: full names, first
    /// names, and both in lower case ("Sam Rivera", "Sam", "sam").
    public var ownNames: [String] {
        var names = payees.map(\.name) + billers.map(\.name)
        names += payees.compactMap { $0.name.split(separator: " ").first.map(String.init) }
        names += names.map { $0.lowercased() }
        return Set(names.filter { $0.count >= 2 }).sorted()
    }

    public func account(_ kind: AccountKind) -> Account? { accounts.first { $0.kind == kind } }

    public func name(of destination: TransferDestination) -> String {
        switch destination {
        case .account(let id): accounts.first { $0.id == id }.map { "\($0.name) (…\($0.mask))" } ?? id
        case .payee(let id): payees.first { $0.id == id }.map { "\($0.name) (\($0.bank) …\($0.mask))" } ?? id
        case .biller(let id): billers.first { $0.id == id }.map { "\($0.name) (account …\($0.mask))" } ?? id
        }
    }

    /// The short name a person uses: "Jordan Lee", "Verizon Wireless", "your savings".
    public func shortName(of destination: TransferDestination) -> String {
        switch destination {
        case .account(let id): accounts.first { $0.id == id }.map { "your \($0.kind.displayName)" } ?? id
        case .payee(let id): payees.first { $0.id == id }?.name ?? id
        case .biller(let id): billers.first { $0.id == id }?.name ?? id
        }
    }

    /// The confirmation summary of a request: what the customer is asked to agree to, derived
    /// from the request alone so that what executes is exactly what was shown.
    public func summary(of request: TransferRequest) -> String {
        let from = accounts.first { $0.id == request.fromAccountID }.map { "\($0.name) (…\($0.mask))" } ?? request.fromAccountID
        let when = request.scheduledFor.map { " on " + DialogueDates.longDate($0) } ?? ""
        let verb = request.destination.kind == .billPayment ? "Pay" : "Send"
        return "\(verb) \(Money(minorUnits: request.amount).formatted) from \(from) to \(name(of: request.destination))\(when)"
    }
}

/// A date a payment is scheduled for, as the message says it.
public enum DateReading: Sendable, Equatable {
    case none
    case date(String)
    /// Before today.
    case past(String)
    /// More than a year ahead.
    case tooFar(String)
    /// A date is named but could not be read ("on friday", "the 30th" of February).
    case unclear
}

/// What one message says about a payment: the amount, who or which account it goes to, where
/// it comes from, when, and anything named that cannot be used (someone else's account as the
/// source, a name that is not a saved payee).
public struct PaymentReading: Sendable {
    public var amount: AmountReading = .none
    public var payees: [Payee] = []
    public var billers: [Biller] = []
    /// Billers matched only by a category word ("my phone bill").
    public var billerByCategory = false
    public var source: AccountKind?
    public var destination: AccountKind?
    /// Accounts named without a direction ("checking").
    public var accounts: [AccountKind] = []
    /// "from Sam Rivera's checking": the source is not the customer's.
    public var foreignSource: String?
    /// "to Bob" where Bob is not a saved payee.
    public var unknownPayee: String?
    public var date: DateReading = .none
    /// Words that make it a payment request ("send", "transfer", "pay", "move" …).
    public var hasPaymentVerb = false
    public var mentionsBill = false
    /// "actually", "instead", "make it", "change", "sorry" …: the message corrects something.
    public var correctionCue = false

    /// Whether the message names any slot of a payment.
    public var hasSlots: Bool {
        amount.isMentioned || !payees.isEmpty || !billers.isEmpty || source != nil || destination != nil || !accounts.isEmpty
            || foreignSource != nil || unknownPayee != nil || date != .none
    }

    /// Whether it names where the money goes.
    public var hasDestination: Bool { !payees.isEmpty || !billers.isEmpty || destination != nil || unknownPayee != nil }
}

public enum PaymentReader {
    static let verbs: Set<String> = ["send", "sned", "snd", "transfer", "trasnfer", "tranfer", "transfr", "xfer", "move", "pay", "wire", "zelle", "venmo", "give", "put", "shift"]
    /// Words that mark a message as correcting the payment on the table.
    static let correctionWords: Set<String> = ["actually", "instead", "make", "change", "sorry", "meant", "mean", "rather", "correction", "oops", "wait", "no", "not", "nah", "jk", "kidding"]
    static let sourceWords: Set<String> = ["from", "frm", "outta", "of"]
    static let destinationWords: Set<String> = ["to", "into", "in", "2", "onto", "toward", "towards", "too"]
    static let skippable: Set<String> = ["my", "the", "our", "your", "account", "acct", "a", "me", "mine", "own"]
    /// Words after "to" that are not a name.
    static let notNames: Set<String> = [
        "me", "my", "it", "them", "him", "her", "us", "you", "the", "a", "an", "some", "money", "cash", "funds", "bucks", "dollars",
        "back", "off", "over", "out", "now", "today", "tomorrow", "all", "more", "less", "that", "this", "those", "bill", "bills", "rent",
        "card", "account", "accounts", "and", "please", "pls", "asap", "too", "also", "again", "instead", "from", "via", "using", "with",
        "for", "on", "in", "at", "by", "up", "down", "pay", "send", "transfer", "move", "make", "do", "see", "check", "know", "get", "be",
        "have", "go", "schedule", "set", "add", "cover", "split", "buy", "help", "talk", "speak", "cancel", "someone", "somebody", "another",
        "other", "one", "which", "what", "who", "whom", "where", "how", "when", "start", "confirm", "is", "are", "was", "friend",
        "same", "different", "new", "external", "bank", "their", "his", "its", "each", "every", "anyone", "people", "person", "between",
        "savings", "checking", "credit", "your", "yours", "our", "ours", "ask", "find", "look", "view", "pls", "plz", "dollar", "usd",
        "work", "happen", "wait", "stop", "reach", "contact", "use", "keep", "put", "change", "update", "open", "close", "verizon",
        "think", "decide", "ask", "verify", "double", "figure", "sort", "sleep", "read", "consider", "pause", "hold", "try", "come",
    ]
    /// Category words that name a kind of bill.
    static let billCategories: [String: [String]] = [
        "phone": ["phone", "cell", "mobile", "wireless", "cellphone", "telephone"],
        "internet": ["internet", "wifi", "broadband", "cable"],
        "utilities": ["electric", "electricity", "power", "light", "energy", "gas", "water", "utility", "utilities"],
        "insurance": ["insurance", "insurence"],
    ]

    public static func read(_ text: String, facts: CustomerFacts, today: String) -> PaymentReading {
        var reading = PaymentReading()
        let words = ConfirmationReply.words(text).filter { $0 != "?" && $0 != "!" }
        let bare = words.map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
        reading.amount = AmountReader.read(text)
        reading.hasPaymentVerb = bare.contains { verbs.contains($0) } || bare.contains { $0.count >= 7 && TextMatch.distance($0, "transfer") <= 2 }
        reading.mentionsBill = bare.contains { ["bill", "bills", "biller", "utility", "invoice"].contains($0) }
        reading.correctionCue = bare.contains { correctionWords.contains($0) }
        reading.date = DialogueDates.reading(text, today: today)

        // Accounts and their direction.
        var i = 0
        while i < bare.count {
            guard let (kind, length) = accountKind(at: i, in: bare) else { i += 1; continue }
            var j = i - 1
            while j >= 0, skippable.contains(bare[j]) || bare[j] == "high" || bare[j] == "yield" { j -= 1 }
            let cue = j >= 0 ? bare[j] : ""
            // "from Sam Rivera's checking": a possessive that is not the customer's own.
            let owner = (max(0, i - 3)..<i).first { words[$0].hasSuffix("'s") && !["it's", "that's", "what's", "let's", "there's", "here's", "who's"].contains(words[$0]) }
            if let owner, (max(0, owner - 3)..<owner).contains(where: { sourceWords.contains(bare[$0]) }) {
                let name = bare[max(0, owner - 1)...owner].filter { !sourceWords.contains($0) && !skippable.contains($0) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
                reading.foreignSource = name.joined(separator: " ")
            } else if owner != nil {
                // "to sam's savings": someone else's account, where the money goes to them —
                // not one of the customer's own.
            } else if sourceWords.contains(cue) || (j >= 1 && bare[j] == "of" && bare[j - 1] == "out") {
                if reading.source == nil { reading.source = kind }
            } else if destinationWords.contains(cue) || (kind == .creditCard && (bare[..<i].contains("pay") || bare[..<i].contains("payoff"))) {
                if reading.destination == nil { reading.destination = kind }
            } else if !reading.accounts.contains(kind) {
                reading.accounts.append(kind)
            }
            i += length
        }
        // "card payment", "pay off the card": a payment to the card.
        if reading.destination == nil, reading.accounts.contains(.creditCard), bare.contains("payment") || bare.contains("off") {
            reading.destination = .creditCard
            reading.accounts.removeAll { $0 == .creditCard }
        }

        // Payees, with "not Jordan" / "instead of Jordan" / "rather than Jordan" dropped.
        var negated = Set<String>()
        for payee in facts.payees {
            let parts = payee.name.lowercased().split(separator: " ").map(String.init)
            let first = parts.first ?? "", last = parts.count > 1 ? parts.last! : ""
            let lastIsUnique = facts.payees.filter { $0.name.lowercased().hasSuffix(" " + last) }.count == 1
            for (index, word) in bare.enumerated() {
                let matches = word == first || (first.count >= 4 && word.count >= 4 && TextMatch.distance(word, first) <= 1)
                    || (!last.isEmpty && lastIsUnique && word == last)
                guard matches else { continue }
                // "the sam" in "the same" is not a name; the customer's own name is not a payee.
                let before = bare[max(0, index - 3)..<index]
                let isNegated = before.suffix(2).contains("not") || (before.contains("of") && before.contains("instead")) || before.contains("than")
                if isNegated { negated.insert(payee.id) } else if !reading.payees.contains(payee) { reading.payees.append(payee) }
            }
        }
        reading.payees.removeAll { negated.contains($0.id) }
        if reading.foreignSource != nil {
            // The possessive name is the source's owner, not where the money goes.
            let owner = reading.foreignSource!.lowercased()
            reading.payees.removeAll { owner.contains($0.name.lowercased().split(separator: " ").first.map(String.init) ?? "~") && !bare.contains("to" ) }
        }

        // Billers, by their own names first, then by the kind of bill.
        var scored: [(Biller, Int)] = []
        for biller in facts.billers {
            let name = biller.name.lowercased()
            var score = 0
            let nameWords = name.split(whereSeparator: { $0 == " " }).map(String.init).filter { !["&", "the", "of", "city", "state", "wireless", "water"].contains($0) }
            // A typo keeps the first letter: "verizn" is Verizon, "right" is not Light.
            for word in nameWords where bare.contains(word) || (word.count >= 5 && bare.contains { $0.count >= 5 && $0.first == word.first && TextMatch.distance($0, word) <= 1 }) { score += 2 }
            let compact = name.filter { $0.isLetter || $0 == "&" }
            if bare.contains(where: { $0.count >= 3 && compact.hasPrefix($0.filter { $0.isLetter || $0 == "&" }) && $0.contains("&") }) { score += 2 }
            // Initials ("pp&l", "ppl", "pg&e", "pge") and "&" spelled out ("at and t", "att").
            let initials = name.split(separator: " ").compactMap { $0 == "&" ? "&" : $0.first.map(String.init) }.joined()
            if initials.count >= 3, bare.contains(where: { $0 == initials || $0 == initials.replacingOccurrences(of: "&", with: "") }) { score += 2 }
            if name.contains("&") {
                let spelled = " " + name.replacingOccurrences(of: "&", with: " and ").split(separator: " ").joined(separator: " ") + " "
                if (" " + bare.joined(separator: " ") + " ").contains(spelled) || bare.contains(name.replacingOccurrences(of: "&", with: "")) { score += 2 }
            }
            if score == 0, let synonyms = billCategories[biller.category] {
                let hits = bare.filter { synonyms.contains($0) }
                // Utilities are told apart by what they supply: water is not power.
                if !hits.isEmpty {
                    if biller.category == "utilities" {
                        let supplies = name.contains("water") ? ["water"] : ["electric", "electricity", "power", "light", "energy", "gas"]
                        if hits.contains(where: supplies.contains) || hits.contains(where: { ["utility", "utilities"].contains($0) }) { score = 1 }
                    } else {
                        score = 1
                    }
                }
            }
            if score > 0 { scored.append((biller, score)) }
        }
        if let best = scored.map(\.1).max() {
            reading.billers = scored.filter { $0.1 == best }.map(\.0)
            reading.billerByCategory = best == 1
        }
        // A payee named by name wins over a bill named only by its kind ("send $20 to Sam for
        // gas"); a biller named by name wins over a payee's first name.
        if reading.billerByCategory, !reading.payees.isEmpty {
            reading.billers.removeAll()
        } else if !reading.billers.isEmpty {
            reading.payees.removeAll()
        }

        // "to Bob", "pay Bob 20": a name that is not one of the customer's payees.
        if reading.payees.isEmpty, reading.billers.isEmpty, reading.destination == nil {
            for (index, word) in bare.enumerated() where index + 1 < bare.count {
                // After a verb or an amount, or as a correction ("no wait, to Priya").
                let isTo = word == "to" && (index == 0 || reading.correctionCue || reading.amount.isMentioned || bare[..<index].contains { verbs.contains($0) })
                let isVerb = ["send", "pay", "give", "venmo", "zelle"].contains(word) && reading.amount.isMentioned
                guard isTo || isVerb else { continue }
                var next = index + 1
                while next < bare.count, ["my", "the", "our"].contains(bare[next]) { next += 1 }
                guard next < bare.count else { continue }
                let candidate = bare[next]
                guard candidate.count >= 2, candidate.allSatisfy(\.isLetter), !notNames.contains(candidate), !verbs.contains(candidate),
                      AmountReader.numberWords[candidate] == nil, AmountReader.dollarWords.contains(candidate) == false,
                      accountKind(at: next, in: bare) == nil
                else { continue }
                if facts.payees.contains(where: { negated.contains($0.id) && $0.name.lowercased().contains(candidate) }) { continue }
                reading.unknownPayee = candidate.prefix(1).uppercased() + candidate.dropFirst()
                break
            }
        }
        return reading
    }

    /// The account kind named at `index` and how many words name it.
    static func accountKind(at index: Int, in words: [String]) -> (AccountKind, Int)? {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : ""
        if word == "credit", next == "card" || next == "cards" { return (.creditCard, 2) }
        if ["cc", "creditcard"].contains(word) { return (.creditCard, 1) }
        if word == "card", index > 0, ["rewards", "credit", "the", "my"].contains(words[index - 1]) { return (.creditCard, 1) }
        if word == "visa" || word == "rewards" && next == "card" { return (.creditCard, word == "visa" ? 1 : 2) }
        if word == "high", next == "yield" || next == "yeild" { return (.savings, 2) }
        if ["highyield", "hy"].contains(word), ["account", "acct", "savings"].contains(next) || word == "highyield" { return (.savings, 1) }
        if ["checking", "chequing", "checkings", "chk", "chq", "checkin", "everyday", "current", "ckng", "chking", "chkg", "chkng", "chcking"].contains(word) {
            if word == "current", next != "account" { return nil }
            return (.checking, 1)
        }
        if ["savings", "saving", "sav", "hysa", "savins", "savngs", "savigns"].contains(word) { return (.savings, 1) }
        if word.count >= 6, TextMatch.distance(word, "checking") <= 2 { return (.checking, 1) }
        if word.count >= 5, TextMatch.distance(word, "savings") <= 2, word.hasPrefix("s") { return (.savings, 1) }
        return nil
    }
}

/// Small string measures for typo-tolerant matching.
enum TextMatch {
    /// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 3 { return 4 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
