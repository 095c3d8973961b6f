import Foundation

public enum ChatIntent: String, Sendable, Codable, CaseIterable {
    case balance, transactions, transfer
    case billPayment = "bill_payment"
    case knowledge, handoff, greeting, unknown
    case confirm, cancel, blocked

    /// A transfer or a bill payment.
    public var isPayment: Bool { self == .transfer || self == .billPayment }
}

/// The deterministic local understanding: intents and slots from words. Simple on purpose —
/// it must never move money on a guess, so anything ambiguous becomes a question back.
public enum MessageUnderstanding {
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "$" || $0 == "." || $0 == "," || $0 == "-") })
            .map { word in
                // Trimmed by hand: Foundation's trimming bridges every word to NSString.
                let trimmed = word.drop(while: { $0 == "." || $0 == "," || $0 == "'" })
                return String(trimmed.reversed().drop(while: { $0 == "." || $0 == "," || $0 == "'" }).reversed())
            }
            .filter { !$0.isEmpty }
    }

    /// Whether the text's words contain one of the phrases, word for word.
    static func has(_ text: String, _ phrases: [String]) -> Bool {
        let padded = paddedWords(text)
        return phrases.contains { containsPhrase(padded, $0) }
    }

    /// The last text's words, " a b c ", as bytes: one message is asked about many phrase
    /// lists in a row, and tokenizing it once each time was the largest cost per chat.
    private static let lastPadded = LastResult<[UInt8]>()

    static func paddedWords(_ text: String) -> [UInt8] {
        lastPadded.of(text) { Array((" " + words($0).joined(separator: " ") + " ").utf8) }
    }

    /// " phrase " inside the padded words.
    static func containsPhrase(_ padded: [UInt8], _ phrase: String) -> Bool {
        !phrase.isEmpty && padded.containsBytes(Array((" " + phrase + " ").utf8))
    }

    static let balanceWords = [
        "balance", "balances", "bal", "how much money", "how much do i have", "available credit", "what do i have", "what's in my", "whats in my",
        "wats in", "whats in", "what's in", "how much is in", "how much in", "how much have i got", "how much is left", "what's left", "whats left",
        "owe", "do i owe", "my credit limit", "my limit", "what accounts", "my accounts", "accounts do i have", "funds available",
    ]
    static let transactionWords = [
        "transaction", "transactions", "spent", "spend", "spending", "purchases", "purchase", "charges", "history", "bought", "payments",
        "activity", "paycheck", "payroll", "salary", "deposited", "came in", "come in", "got paid", "hit yet", "blow", "blew", "txns",
        "statement activity", "recent", "last paid", "go out", "went out",
    ]
    static let smallTalkHelp = [
        "what can you do", "what can u do", "what do you do", "what can i ask", "what can you help", "can you help me with",
        "what kinds of things", "what kind of things", "how does this work", "who are you", "are you a bot", "are you a real person",
        "are you human", "are you a robot", "are you real", "are you a person", "is this a bot",
    ]

    public static func intent(_ text: String) -> ChatIntent {
        let wordList = words(text)
        if has(text, smallTalkHelp) || (wordList.count <= 2 && has(text, ["help", "menu", "options"])) { return .greeting }
        if has(text, ["human", "agent", "representative", "real person", "a person", "talk to someone", "speak to someone", "speak with someone", "customer service", "operator"]) {
            return .handoff
        }
        if has(text, ["bill", "bills", "biller"]) && has(text, ["pay", "paying", "schedule"]) { return .billPayment }
        if has(text, ["send", "transfer", "move", "wire", "pay", "zelle"]) && (amount(in: text) != nil || has(text, ["money", "to", "from"])) {
            if !has(text, ["how do", "how can", "how long", "can i", "why", "what", "fee", "fees", "limit", "limits"]) { return .transfer }
        }
        if has(text, balanceWords) || wordList.contains(where: { $0.count >= 6 && TextMatch.distance($0, "balance") <= 2 }) { return .balance }
        if has(text, transactionWords) {
            return .transactions
        }
        if has(text, ["hi", "hello", "hey", "good morning", "good afternoon", "good evening", "thanks", "thank you", "cheers", "how are you", "thx", "ty", "bye", "goodbye", "see ya", "cya", "tysm", "appreciate it"]) && wordList.count <= 6 {
            return .greeting
        }
        if has(text, ["how", "what", "why", "when", "where", "can i", "do you", "is there", "are there", "does", "will", "should i", "help", "fee", "fees", "card", "dispute", "fraud", "lost", "stolen", "limit", "interest", "statement", "overdraft", "rewards", "points", "verify", "password", "app"]) {
            return .knowledge
        }
        return .unknown
    }

    /// The first amount in the text ("$40", "40 dollars", "40.50"), in cents.
    public static func amount(in text: String) -> Int64? {
        let tokens = words(text)
        var candidates: [(Int64, Bool)] = []
        for (i, token) in tokens.enumerated() {
            let next = i + 1 < tokens.count ? tokens[i + 1] : ""
            let withUnit = ["dollars", "dollar", "bucks", "usd"].contains(next)
            guard token.contains(where: \.isNumber), let cents = Money.parse(token) else { continue }
            // A bare small integer right after "last"/"the" is a count or a day, not money.
            if i > 0, ["last", "the", "on", "first"].contains(tokens[i - 1]), !token.hasPrefix("$") { continue }
            candidates.append((cents, token.hasPrefix("$") || withUnit))
        }
        return candidates.first(where: \.1)?.0 ?? candidates.first?.0
    }

    /// "last 5" → 5 (1…50); not "last 5 days", which is a period.
    static func count(in text: String) -> Int? {
        let tokens = words(text)
        for (i, token) in tokens.enumerated() where token == "last" || token == "latest" || token == "recent" {
            if i + 1 < tokens.count, let n = Int(tokens[i + 1]), (1...50).contains(n) {
                let unit = i + 2 < tokens.count ? tokens[i + 2] : ""
                if ["day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr", "yrs"].contains(unit) { continue }
                return n
            }
        }
        return nil
    }

    static let categoryWords: [String: String] = [
        "groceries": "groceries", "grocery": "groceries", "supermarket": "groceries",
        "dining": "dining", "restaurants": "dining", "restaurant": "dining", "food": "dining", "coffee": "dining", "eating": "dining",
        "transport": "transport", "transportation": "transport", "rides": "transport", "gas": "transport", "fuel": "transport", "travel": "transport",
        "shopping": "shopping", "entertainment": "entertainment", "streaming": "entertainment", "movies": "entertainment",
        "health": "health", "pharmacy": "health", "rent": "rent", "income": "income", "salary": "income", "paycheck": "income",
        "utilities": "utilities", "transfers": "transfer", "interest": "interest",
    ]

    /// Transaction filters from words: periods, counts, merchants, categories, amount ranges.
    public static func transactionQuery(_ text: String, today: String, merchants: [String]) -> TransactionQuery {
        var query = TransactionQuery(limit: count(in: text) ?? 10)
        let lower = text.lowercased()
        if let period = PeriodReader.read(text, today: today) { (query.from, query.to) = (period.from, period.to) }
        if query.from != nil, count(in: text) == nil { query.limit = 50 }
        for merchant in merchants {
            let name = merchant.lowercased()
            let key = name.split(separator: " ").first.map(String.init) ?? name
            if lower.contains(name) || (key.count >= 3 && has(text, [key.replacingOccurrences(of: "'", with: ""), key])) {
                query.merchant = merchant
                break
            }
        }
        if query.merchant == nil {
            for word in words(text) { if let category = categoryWords[word] { query.category = category; break } }
        }
        let tokens = words(text)
        for (i, token) in tokens.enumerated() {
            guard let cents = Money.parse(token), token.contains(where: \.isNumber) else { continue }
            let before = tokens[max(0, i - 2)..<i].joined(separator: " ")
            if before.hasSuffix("over") || before.hasSuffix("above") || before.hasSuffix("more than") || before.hasSuffix("at least") {
                query.minAmount = cents
            } else if before.hasSuffix("under") || before.hasSuffix("below") || before.hasSuffix("less than") || before.hasSuffix("at most") {
                query.maxAmount = cents
            } else if before.hasSuffix("between") {
                query.minAmount = cents
            } else if before.hasSuffix("and"), query.minAmount != nil, query.maxAmount == nil, tokens[..<i].contains("between") {
                query.maxAmount = cents
            }
        }
        return query
    }
}
