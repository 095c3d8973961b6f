/// The recognizers that read digit spans: credit cards, SSNs, phone numbers, ABA routing
/// numbers, bank accounts and IPv4 addresses. Each one validates what it can (Luhn, IIN ranges,
/// SSN rules, NANP rules, the ABA checksum) and uses context words where the digits alone are
/// ambiguous.
struct NumericRecognizers {
    /// Context words around candidates; the windows of one span share their starts and ends,
    /// so each is read once.
    final class Context {
        let text: ScannedText
        /// A few windows per message: searched in order, cheaper than hashing.
        private var before: [(key: Int, words: ContextWords)] = []
        private var after: [(key: Int, words: ContextWords)] = []

        init(_ text: ScannedText) { self.text = text }

        func before(_ index: Int, window: Int) -> ContextWords {
            Self.memo(&before, index << 8 | window) { text.wordsBefore(index, window: window) }
        }

        func after(_ index: Int, window: Int) -> ContextWords {
            Self.memo(&after, index << 8 | window) { text.wordsAfter(index, window: window) }
        }

        private static func memo(_ cache: inout [(key: Int, words: ContextWords)], _ key: Int, _ make: () -> ContextWords) -> ContextWords {
            if let cached = cache.first(where: { $0.key == key }) { return cached.words }
            let words = make()
            if cache.isEmpty { cache.reserveCapacity(4) }
            cache.append((key, words))
            return words
        }
    }

    static let ssnContext: PhraseList = ["ssn", "ss", "social security", "social security number", "social", "ssn is", "tin", "taxpayer id"]
    static let routingContext: PhraseList = ["routing", "routing number", "aba", "rtn", "transit", "routing no", "ach", "wire", "aba number"]
    static let accountContext: PhraseList = ["account", "acct", "account number", "account no", "acc", "a c", "checking", "savings", "account num", "acct no"]
    static let phoneSeparators: Set<String> = ["-", ".", " ", ") ", ")", " - "]
    static let phoneContext: PhraseList = ["phone", "call", "mobile", "cell", "tel", "telephone", "text", "sms", "number", "reach me", "contact", "fax", "whatsapp", "call me", "ring"]
    static let ipContext: PhraseList = ["ip", "ip address", "address", "login", "logged", "from", "server", "host", "ipv4"]

    func recognize(_ text: ScannedText, spans: [NumberSpan], into findings: inout [Finding]) {
        let context = Context(text)
        for span in spans {
            // Amounts, times and short references ("$84.20", "3:15") are no candidate for any
            // windowed recognizer (all need six digits or more): skip their windows.
            if span.groupLengths.reduce(0, +) >= 6 {
                // Each recognizer needs a digit count; windows outside it are skipped before
                // any of them builds its arrays.
                for window in span.windows() {
                    var digits = 0
                    for group in window { digits += span.groupLengths[group] }
                    if window.lowerBound == 0, (12...19).contains(digits) { creditCard(text, span, window, &findings) }
                    if digits == 9 { ssn(context, span, window, &findings) }
                    if (7...15).contains(digits) { phone(context, span, window, &findings) }
                    if (6...17).contains(digits) { routingAndAccount(context, span, window, &findings) }
                }
            }
            ipv4(context, span, &findings)
        }
    }

    private func add(_ type: PIIEntity, _ range: Range<Int>, _ score: Double, _ recognizer: String, _ findings: inout [Finding]) {
        findings.append(Finding(type: type.rawValue, category: .pii, start: range.lowerBound, end: range.upperBound, score: min(1, score), recognizer: recognizer))
    }

    // MARK: Credit cards

    private func creditCard(_ text: ScannedText, _ span: NumberSpan, _ window: ClosedRange<Int>, _ findings: inout [Finding]) {
        let digits = span.digits(window)
        // A card is a whole run of groups: "1234 5678 9012 3456" holds no card in its tail.
        guard window.lowerBound == 0, (12...19).contains(digits.count) else { return }
        // No separator, or only spaces, or only dashes.
        let separators = span.separators(window)
        guard separators.allSatisfy({ $0 == " " }) || separators.allSatisfy({ $0 == "-" }) else { return }
        let lengths = span.lengths(window)
        let grouping =
            lengths.count == 1
            || lengths.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(lengths.last!)
            || lengths.elementsEqual([4, 6, 5]) || lengths.elementsEqual([4, 6, 4])
        guard grouping, Checksums.luhn(digits), Self.issuerAccepts(digits) else { return }
        add(.creditCard, span.extent(window), 1.0, "CreditCardRecognizer", &findings)
    }

    /// IIN (issuer) prefixes and the lengths each issuer uses.
    static func issuerAccepts(_ digits: [UInt8]) -> Bool {
        let count = digits.count
        let p1 = Int(digits[0])
        let p2 = Checksums.number(digits[0..<2])
        let p3 = Checksums.number(digits[0..<3])
        let p4 = Checksums.number(digits[0..<4])
        let p6 = Checksums.number(digits[0..<6])
        switch true {
        case p1 == 4: return [13, 16, 19].contains(count)  // Visa
        case (51...55).contains(p2), (2221...2720).contains(p4): return count == 16  // Mastercard
        case p2 == 34 || p2 == 37: return count == 15  // American Express
        case p4 == 6011, (644...649).contains(p3), p2 == 65, (622_126...622_925).contains(p6): return (16...19).contains(count)  // Discover
        case (3528...3589).contains(p4): return (16...19).contains(count)  // JCB
        case (300...305).contains(p3), p2 == 36, p2 == 38, p2 == 39: return (14...19).contains(count)  // Diners
        case p2 == 62: return (16...19).contains(count)  // UnionPay
        case p2 == 50, (56...69).contains(p2): return (16...19).contains(count)  // Maestro (shorter ones look like account numbers)
        default: return false
        }
    }

    // MARK: SSN

    private func ssn(_ cache: Context, _ span: NumberSpan, _ window: ClosedRange<Int>, _ findings: inout [Finding]) {
        guard !span.plus, !span.openParen || window.lowerBound > 0 else { return }
        let digits = span.digits(window)
        guard digits.count == 9, Checksums.ssnStructure(digits) else { return }
        let lengths = span.lengths(window)
        guard lengths.elementsEqual([3, 2, 4]) || lengths.elementsEqual([9]) else { return }
        let range = span.extent(window)
        let context = cache.before(range.lowerBound, window: 48)
        let hasContext = ScannedText.contains(context, anyOf: Self.ssnContext)
        let separators = span.separators(window)
        if lengths.elementsEqual([3, 2, 4]), separators.elementsEqual(["-", "-"]) || separators.elementsEqual([" ", " "]) {
            add(.usSSN, range, hasContext ? 0.95 : 0.85, "UsSsnRecognizer", &findings)
        } else if lengths.elementsEqual([9]), hasContext {
            // Bare nine digits are an SSN only when the words around say so, and say it more
            // closely than routing words do ("my SSN is …. Is 021000021 the routing number?").
            let ssnAt = context.lastPosition(of: Self.ssnContext) ?? -1
            let routingAt = context.lastPosition(of: Self.routingContext) ?? -1
            let routingAfter = ScannedText.contains(cache.after(range.upperBound, window: 32), anyOf: Self.routingContext)
            if ssnAt > routingAt, !routingAfter {
                add(.usSSN, range, 0.9, "UsSsnRecognizer", &findings)
            }
        }
    }

    // MARK: Phone numbers

    private func phone(_ cache: Context, _ span: NumberSpan, _ window: ClosedRange<Int>, _ findings: inout [Finding]) {
        let lengths = span.lengths(window)
        let startsSpan = window.lowerBound == 0
        let plus = startsSpan && span.plus
        // Only these group shapes can be a phone number below: leave the rest before building
        // the digit and separator arrays.
        let shaped = plus || lengths.elementsEqual([3, 3, 4]) || lengths.elementsEqual([10]) || lengths.elementsEqual([11])
            || (lengths.count == 4 && lengths.first == 1 && lengths.dropFirst().elementsEqual([3, 3, 4]))
            || (lengths.count >= 2 && span.groups[window.lowerBound].digits.first == 0)
        guard shaped else { return }
        let separators = span.separators(window)
        let digits = span.digits(window)
        let range = span.extent(window)
        guard (7...15).contains(digits.count) else { return }
        let paren = startsSpan && span.openParen
        var context: Bool { ScannedText.contains(cache.before(range.lowerBound, window: 40), anyOf: Self.phoneContext) }

        // NANP: area code and exchange start with 2–9; N11 codes (911, 411) are services.
        func nanp(_ ten: ArraySlice<UInt8>) -> Bool {
            let d = Array(ten)
            return d.count == 10 && d[0] >= 2 && d[3] >= 2 && !(d[1] == 1 && d[2] == 1)
        }
        let phoneSeparators = Self.phoneSeparators

        // E.164 and international: "+" then 8–15 digits in groups.
        if plus {
            guard (8...15).contains(digits.count), separators.allSatisfy({ phoneSeparators.contains($0) || $0 == " (" || $0 == "(" }) else { return }
            if digits.first == 1 {
                guard digits.count == 11, nanp(digits[1...]) else { return }
            }
            // Whole span only: a "+" number does not stop part-way through its groups.
            guard window.upperBound == span.groups.count - 1 else { return }
            add(.phoneNumber, range, 0.85 + (context ? 0.1 : 0), "PhoneRecognizer", &findings)
            return
        }
        // NANP: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567, 1-555-123-4567.
        var nanpLengths = lengths
        var nanpSeparators = separators
        var nationalDigits = digits[...]
        if lengths.first == 1, digits.first == 1, lengths.count == 4 {
            nanpLengths.removeFirst()
            nanpSeparators.removeFirst()
            nationalDigits = digits.dropFirst()
        }
        if nanpLengths.elementsEqual([3, 3, 4]), nanp(nationalDigits), nanpSeparators.allSatisfy({ phoneSeparators.contains($0) }) {
            let parenthesized = nanpSeparators.first?.hasPrefix(")") == true
            guard parenthesized == (paren && lengths.count == 3) else { return }
            let consistent = parenthesized || Set(nanpSeparators).count == 1
            guard consistent else { return }
            add(.phoneNumber, range, 0.75 + (context ? 0.2 : 0), "PhoneRecognizer", &findings)
            return
        }
        // Bare 10 (or 11 with a leading 1) digits, and national formats abroad, with context.
        // The shape first (cheap), the context words only for a number of a phone's shape.
        let bare = (lengths.elementsEqual([10]) && nanp(digits[...])) || (lengths.elementsEqual([11]) && digits.first == 1 && nanp(digits.dropFirst()))
        let national = !bare && digits.first == 0 && (10...11).contains(digits.count) && lengths.count >= 2
            && separators.allSatisfy({ $0 == " " || $0 == "-" })
        guard bare || national, context else { return }
        add(.phoneNumber, range, bare ? 0.7 : 0.65, "PhoneRecognizer", &findings)
    }

    // MARK: Routing numbers and bank accounts

    private func routingAndAccount(_ cache: Context, _ span: NumberSpan, _ window: ClosedRange<Int>, _ findings: inout [Finding]) {
        guard !span.plus || window.lowerBound > 0 else { return }
        // The shape from group counts first: most windows (parts of a card or phone number)
        // fail here without building any array or reading any context.
        let single = window.count == 1
        let range = span.extent(window)
        // "Is 021000021 the right ABA routing number?": context may also follow closely.
        if single, span.groupLengths[window.lowerBound] == 9, Checksums.abaRouting(span.groups[window.lowerBound].digits),
            ScannedText.contains(cache.before(range.lowerBound, window: 40), anyOf: Self.routingContext)
                || ScannedText.contains(cache.after(range.upperBound, window: 32), anyOf: Self.routingContext)
        {
            add(.usBankRouting, range, 0.9, "AbaRoutingRecognizer", &findings)
            return
        }
        guard window.count <= 4, window.upperBound == span.groups.count - 1 || single,
            span.separators(window).allSatisfy({ $0 == "-" || $0 == " " })
        else { return }
        // The nearest context word decides: "routing 021000021 account 12345678".
        let near = cache.before(range.lowerBound, window: 28)
        let account = near.lastPosition(of: Self.accountContext)
        let other = near.lastPosition(of: Self.notAccountContext)
        if let account, account > (other ?? -1) {
            add(.usBankAccount, range, 0.75, "UsBankAccountRecognizer", &findings)
        }
    }

    static let notAccountContext: PhraseList = ["routing", "aba", "card", "phone", "order", "reference", "confirmation", "tracking", "zip", "invoice", "ticket"]

    // MARK: IPv4

    private func ipv4(_ cache: Context, _ span: NumberSpan, _ findings: inout [Finding]) {
        let text = cache.text
        // Runs of groups joined by "." alone; exactly four of them, none longer.
        var first = 0
        while first < span.groups.count {
            var last = first
            while last < span.separators.count, span.separators[last] == "." { last += 1 }
            if last - first == 3 {
                let octets = (first...last).map { span.groups[$0].digits }
                let valid = octets.allSatisfy { octet in
                    (1...3).contains(octet.count) && !(octet.count > 1 && octet[0] == 0) && Checksums.number(octet[...]) <= 255
                }
                let range = span.groups[first].start..<span.groups[last].end
                // "1.2.3.4." at the end of a sentence is fine; "1.2.3.4.5" is a version.
                let glued = text[range.upperBound] == "." && text.isDigit(range.upperBound + 1)
                if valid, !glued {
                    let context = ScannedText.contains(cache.before(range.lowerBound, window: 32), anyOf: Self.ipContext)
                    add(.ipAddress, range, 0.85 + (context ? 0.1 : 0), "IpRecognizer", &findings)
                }
            }
            first = last + 1
        }
    }
}
