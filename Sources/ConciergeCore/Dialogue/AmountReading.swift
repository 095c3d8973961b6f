import Foundation

/// What one message says about an amount of money to move. The reader never guesses: anything
/// it cannot read with certainty is `unclear` (the dialogue asks again), another currency is
/// `foreign` (refused or asked about, never converted), and zero or less is `notPositive`.
public enum AmountReading: Sendable, Equatable {
    case none
    /// US dollars, in cents.
    case value(Int64)
    /// The currency the customer named (an ISO code).
    case foreign(String)
    /// What could not be read, for the question back ("1 500").
    case unclear(String)
    case notPositive

    public var cents: Int64? {
        if case .value(let cents) = self { return cents }
        return nil
    }

    public var isMentioned: Bool { self != .none }
}

/// Reads amounts from a customer's message: "$40", "40 dollars", "40 bucks", "$1,200.50",
/// "1.2k", "2 grand", "forty dollars", "USD 40", digit groups split by a thin, non-breaking or
/// plain space or an underscore ("$10 000", "4 000 dollars", "1_000"), with invisible
/// characters removed. Numbers that are dates, ordinals, counts, times or account masks are
/// not amounts. When a message names several amounts, a later one after a correction cue
/// ("40 dollars, sorry 400") wins; one after "not" is dropped; otherwise it is unclear.
public enum AmountReader {
    static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]
    /// Spaces that only ever separate digit groups inside one number.
    static let groupSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{2009}", "\u{202F}", "\u{200A}", "_", "'"]

    static let dollarWords: Set<String> = ["dollars", "dollar", "bucks", "buck", "usd", "dollas", "dolars", "dollers", "$"]
    static let foreignWords: [String: String] = [
        "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
        "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
        "¥": "JPY", "jpy": "JPY", "yen": "JPY", "yuan": "CNY", "cny": "CNY", "rmb": "CNY",
        "₹": "INR", "inr": "INR", "rupee": "INR", "rupees": "INR", "rs": "INR",
        "cad": "CAD", "aud": "AUD", "mxn": "MXN", "peso": "MXN", "pesos": "MXN", "chf": "CHF", "francs": "CHF",
        "₩": "KRW", "won": "KRW", "krw": "KRW", "₱": "PHP", "php": "PHP", "₦": "NGN", "naira": "NGN",
        "btc": "BTC", "bitcoin": "BTC", "eth": "ETH",
    ]
    static let correctionCues: Set<String> = PaymentReader.correctionWords
    /// More than anyone moves in a chat (ten billion dollars): read as unclear, and never near
    /// an Int64 overflow.
    static let maxCents: Int64 = 1_000_000_000_000
    /// Words after a number that make it a count, a time or a date, not money.
    static let notMoneyAfter: Set<String> = [
        "th", "st", "nd", "rd", "days", "day", "weeks", "week", "months", "month", "years", "year", "times", "time",
        "transactions", "transaction", "am", "pm", "minutes", "mins", "hours", "hrs", "percent", "%", "items", "payments",
        "fa", "x", "of", "step", "steps", "factor", "digit", "digits", "biggest", "largest", "smallest", "recent", "latest",
        "accounts", "account", "cards", "purchases", "charges", "deposits", "people", "payees",
    ]
    static let notMoneyBefore: Set<String> = [
        "last", "past", "first", "ending", "ends", "the", "on", "next", "top", "digits", "number", "#", "no", "acct", "account", "card", "in",
        "i'm", "im", "am", "aged", "age", "code", "pin", "otp", "passcode", "zip",
    ]
    /// Words that make a bare number word ("send sam sixty") the amount of a payment.
    static let paymentVerbs: Set<String> = ["send", "pay", "transfer", "move", "give", "wire", "zelle", "venmo", "put", "shift", "xfer", "sent", "paid"]
    static let numberWords: [String: Int64] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// One number found in the text, with what surrounds it.
    struct Candidate {
        var reading: AmountReading
        /// Marked as money by a sign or a currency word.
        var marked: Bool
        var negated: Bool
        var corrects: Bool
    }

    /// Tokens: words, numbers (with the separators inside them kept), and single symbols.
    struct Token {
        var text: String
        var isNumber: Bool
        /// Written right after the previous token, with no space ("15th", "2fa").
        var attached: Bool = false
        /// The number's groups were split by plain spaces ("1 500"): readable only as money
        /// when a currency marks it.
        var spaceGrouped: Bool = false
    }

    static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.lowercased().unicodeScalars.filter { !invisible.contains($0) })
        var tokens: [Token] = []
        var i = 0
        var spaced = true
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
        while i < scalars.count {
            let s = scalars[i]
            if isDigit(s) {
                var number = String(s)
                var spaceGrouped = false
                var j = i + 1
                while j < scalars.count {
                    let c = scalars[j]
                    if isDigit(c) { number.unicodeScalars.append(c); j += 1; continue }
                    // A separator stays inside the number only when digits follow it.
                    if j + 1 < scalars.count, isDigit(scalars[j + 1]) {
                        if c == "," || c == "." { number.unicodeScalars.append(c); j += 1; continue }
                        if groupSpaces.contains(c) { number.unicodeScalars.append("_"); j += 1; continue }
                        if c == " " {
                            // "1 500": a plain space joins only a group of exactly three digits
                            // that ends the number.
                            var k = j + 1
                            while k < scalars.count, isDigit(scalars[k]) { k += 1 }
                            let groupEnds = k == scalars.count || !(isDigit(scalars[k]) || isLetter(scalars[k]) && scalars[k] != "k")
                            let leading = number.split(whereSeparator: { $0 == "_" || $0 == "," }).last?.count ?? 0
                            if k - (j + 1) == 3, groupEnds, leading <= 3, !number.contains(".") {
                                number.unicodeScalars.append("_"); spaceGrouped = true; j += 1; continue
                            }
                        }
                    }
                    break
                }
                tokens.append(Token(text: number, isNumber: true, attached: !spaced, spaceGrouped: spaceGrouped))
                spaced = false
                i = j
            } else if isLetter(s) || s == "'" || s == "’" {
                var word = ""
                var j = i
                while j < scalars.count, isLetter(scalars[j]) || scalars[j] == "'" || scalars[j] == "’" || scalars[j] == "&" {
                    word.unicodeScalars.append(scalars[j] == "’" ? "'" : scalars[j]); j += 1
                }
                tokens.append(Token(text: word, isNumber: false, attached: !spaced))
                spaced = false
                i = j
            } else if s == " " || s == "\n" || s == "\t" || s == "\r" || groupSpaces.contains(s) {
                spaced = true
                i += 1
            } else {
                tokens.append(Token(text: String(s), isNumber: false, attached: !spaced))
                spaced = false
                i += 1
            }
        }
        return tokens
    }

    /// The integer and fraction of a number token in cents, or nil when its separators do not
    /// read as one amount ("1.200,50", "12,00", "40.505").
    static func cents(_ number: String) -> Int64? {
        var text = number
        let hasComma = text.contains(","), hasUnderscore = text.contains("_")
        if hasComma && hasUnderscore { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let integer = String(parts[0])
        if hasComma || hasUnderscore {
            let groups = integer.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "_" })
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        text = integer.filter(\.isNumber)
        guard !text.isEmpty, text.count <= 11, let units = Int64(text) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber) else { return nil }
            cents = Int64(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        return units * 100 + cents
    }

    /// The amount the message asks to move.
    public static func read(_ text: String) -> AmountReading {
        let tokens = tokens(text)
        var candidates: [Candidate] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            let token = tokens[i]
            let previous = i > 0 ? tokens[i - 1].text : ""
            let beforePrevious = i > 1 ? tokens[i - 2].text : ""
            let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
            var value: Int64?
            var consumed = 0
            var centsAdded = false
            if token.isNumber {
                // "1e308", "0x50": a number with letters and digits written onto it is not one amount.
                if i + 2 < tokens.count, tokens[i + 1].attached, !tokens[i + 1].isNumber, tokens[i + 1].text.first?.isLetter == true,
                   tokens[i + 2].attached, tokens[i + 2].isNumber {
                    candidates.append(Candidate(reading: .unclear(token.text + tokens[i + 1].text + tokens[i + 2].text), marked: true, negated: false, corrects: false))
                    i += 2
                    continue
                }
                if previous.first?.isLetter == true, token.attached, !["k", "m"].contains(previous) { continue }
                // Dates and account masks: "12/15", "2026-12-01", "…1615", "x1615", "3:30".
                if ["/", ":", "…", "*", "#"].contains(previous) || ["/", ":"].contains(next) { continue }
                if next == "-", i + 2 < tokens.count, tokens[i + 2].isNumber { continue }
                if previous == "-", i > 1, tokens[i - 2].isNumber { continue }
                if previous == "." && beforePrevious == "." { continue }
                // "401k", "403b": retirement plans, not amounts.
                if ["401", "403", "457"].contains(token.text), i + 1 < tokens.count, tokens[i + 1].attached, ["k", "b"].contains(next) { i += 1; continue }
                guard var cents = cents(token.text) else {
                    candidates.append(Candidate(reading: .unclear(token.text.replacingOccurrences(of: "_", with: " ")), marked: true, negated: false, corrects: false))
                    continue
                }
                var scale: Int64 = 1
                if next == "k" || next == "grand" || next == "thousand" {
                    scale = 1_000; consumed = 1
                } else if next == "m" || next == "mil" || next == "million" {
                    scale = 1_000_000; consumed = 1
                } else if next == "hundred" {
                    scale = 100; consumed = 1
                }
                let (scaled, overflow) = cents.multipliedReportingOverflow(by: scale)
                guard !overflow, scaled <= maxCents else {
                    candidates.append(Candidate(reading: .unclear(token.text), marked: true, negated: false, corrects: false))
                    i += consumed
                    continue
                }
                cents = scaled
                // ".50": fifty cents.
                if previous == ".", !tokens[i].text.contains("."), (1...2).contains(token.text.count), i < 2 || !tokens[i - 2].isNumber, scale == 1 {
                    cents = (Int64(token.text) ?? 0) * (token.text.count == 1 ? 10 : 1)
                }
                // "15 dollars and 20 cents".
                let unit = i + consumed + 1
                if unit + 3 < tokens.count, dollarWords.contains(tokens[unit].text), tokens[unit + 1].text == "and", tokens[unit + 2].isNumber,
                   ["cents", "cent"].contains(tokens[unit + 3].text), let extra = Int64(tokens[unit + 2].text), extra < 100 {
                    cents += extra
                    consumed += 3
                    centsAdded = true
                }
                value = cents
            } else if let first = numberWords[token.text] ?? (token.text == "a" || token.text == "an" ? 1 : nil) {
                // "forty dollars", "a hundred bucks", "twenty five", "two grand", "fifteen
                // hundred", "two thousand five hundred", "twelve fifty" ($12.50).
                var total: Int64 = 0, group = first, j = i + 1
                var scaled = false
                func word(_ k: Int) -> String { k < tokens.count ? tokens[k].text : "" }
                if let unit = numberWords[word(j)], first >= 20, first % 10 == 0, unit < 10 { group += unit; j += 1 }
                if word(j) == "-", let unit = numberWords[word(j + 1)], first >= 20, first % 10 == 0, unit < 10 { group += unit; j += 2 }
                // "a thousand thousand thousand …": no number words past a billion dollars.
                while j < tokens.count, total + group <= maxCents / 100_000 {
                    let next = word(j)
                    if next == "hundred" { group *= 100; j += 1; scaled = true
                    } else if next == "thousand" || next == "grand" || next == "k" {
                        // "a thousand thousand": a scale word right after another is unclear.
                        if group == 0 { break }
                        total += group * 1_000; group = 0; j += 1; scaled = true
                    } else if next == "and", let more = numberWords[word(j + 1)], scaled { group += more; j += 2
                    } else if let more = numberWords[next], scaled { group += more; j += 1
                    } else { break }
                }
                total += group
                if j < tokens.count, ["hundred", "thousand", "grand", "k"].contains(word(j)) {
                    candidates.append(Candidate(reading: .unclear(token.text), marked: true, negated: false, corrects: false))
                    i = j
                    continue
                }
                // "a twenty" is a twenty-dollar bill: the article is skipped, the number read next.
                if token.text == "a" || token.text == "an", !scaled { continue }
                var cents = total * 100
                // "twelve fifty": dollars then cents, when a tens word follows an unscaled number.
                if !scaled, total < 100, let more = numberWords[word(j)], more >= 10 {
                    var fraction = more
                    j += 1
                    if let unit = numberWords[word(j)], more >= 20, more % 10 == 0, unit < 10 { fraction += unit; j += 1 }
                    cents = total * 100 + fraction
                    scaled = true
                }
                let unit = word(j)
                // "fifty cents".
                if unit == "cents" || unit == "cent", !scaled {
                    cents = total
                    j += 1
                } else {
                    // A bare number word counts when marked as money, scaled, in a payment
                    // request, or alone in the message.
                    let inPayment = tokens[..<i].contains { paymentVerbs.contains($0.text) }
                    guard dollarWords.contains(unit) || foreignWords[unit] != nil || previous == "$" || scaled || inPayment || tokens.count == j - i else { continue }
                    if notMoneyAfter.contains(unit) { i = j - 1; continue }
                }
                value = cents
                consumed = j - i - 1
            } else {
                continue
            }
            guard var cents = value else { continue }
            let after = i + consumed + 1 < tokens.count ? tokens[i + consumed + 1].text : ""
            let afterToken = i + consumed + 1 < tokens.count ? tokens[i + consumed + 1] : nil
            // "15th", "2fa", "10am": letters written onto the number make it something else.
            if token.isNumber, let afterToken, afterToken.attached, afterToken.text.first?.isLetter == true,
               consumed == 0, !["k", "m"].contains(afterToken.text), !dollarWords.contains(afterToken.text), foreignWords[afterToken.text] == nil {
                continue
            }
            if token.isNumber, notMoneyAfter.contains(after) { continue }
            // Dates: "dec 15", "january 5 2028", "5 december".
            if token.isNumber, DialogueDates.month(previous) != nil || DialogueDates.month(after) != nil
                || (i > 1 && tokens[i - 1].isNumber && DialogueDates.month(beforePrevious) != nil) {
                continue
            }
            var currency: String?
            let before = [previous, beforePrevious]
            let marked = previous == "$" || previous == "usd" || dollarWords.contains(after) || centsAdded
            if let code = foreignWords[previous] ?? foreignWords[after] { currency = code }
            if previous == "$", ["c", "a", "mx", "nz", "hk", "s"].contains(beforePrevious) { currency = beforePrevious.uppercased() + "D" }
            if !marked, currency == nil, notMoneyBefore.contains(previous), !["pay", "send", "transfer"].contains(beforePrevious) {
                continue
            }
            if token.isNumber, token.spaceGrouped, !marked, currency == nil {
                candidates.append(Candidate(reading: .unclear(token.text.replacingOccurrences(of: "_", with: " ")), marked: false, negated: false, corrects: false))
                i += consumed
                continue
            }
            let negative = previous == "-" || previous == "−" || (previous == "$" && beforePrevious == "-")
            if negative { cents = -cents }
            let window = tokens[max(0, i - 4)..<i].map(\.text)
            // "not $40", "rather than $40", "instead of $40": that amount is the one not meant.
            let negated = window.suffix(2).contains("not") || before.contains("than") && window.contains("rather")
                || previous == "of" && beforePrevious == "instead" || previous == "$" && beforePrevious == "of" && window.contains("instead")
            let corrects = !negated && window.contains { correctionCues.contains($0) }
            let reading: AmountReading = currency.map { .foreign($0) } ?? (cents <= 0 ? .notPositive : .value(cents))
            candidates.append(Candidate(reading: reading, marked: marked || currency != nil, negated: negated, corrects: corrects))
            i += consumed
        }
        return choose(candidates)
    }

    static func choose(_ candidates: [Candidate]) -> AmountReading {
        let kept = candidates.filter { !$0.negated }
        guard let first = kept.first else { return candidates.isEmpty ? .none : .unclear("") }
        if kept.count == 1 { return first.reading }
        // Several: the last correction wins ("40 dollars, sorry 400"); when every one is the
        // same value it is that value; otherwise the dialogue asks.
        if let last = kept.last, last.corrects { return last.reading }
        let marked = kept.filter(\.marked)
        if marked.count == 1 { return marked[0].reading }
        if Set(kept.map(\.reading.description)).count == 1 { return first.reading }
        return .unclear(kept.map(\.reading.description).joined(separator: " or "))
    }
}

extension AmountReading: CustomStringConvertible {
    public var description: String {
        switch self {
        case .none: ""
        case .value(let cents): Money(minorUnits: cents).formatted
        case .foreign(let code): code
        case .unclear(let text): text
        case .notPositive: "0"
        }
    }
}
