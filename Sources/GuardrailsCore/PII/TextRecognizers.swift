import Foundation

/// The recognizers that read letters as well as digits: email addresses, IBANs, IPv6
/// addresses, dates of birth (with context) and person names (with context patterns).
struct TextRecognizers {
    func recognize(_ text: ScannedText, spans: [NumberSpan], into findings: inout [Finding]) {
        let words = WordScanner.scan(text)
        emails(text, &findings)
        ibans(text, &findings)
        ipv6(text, &findings)
        datesOfBirth(text, spans: spans, words: words, &findings)
        persons(text, words: words, &findings)
    }

    private func add(_ type: PIIEntity, _ range: Range<Int>, _ score: Double, _ recognizer: String, _ findings: inout [Finding]) {
        findings.append(Finding(type: type.rawValue, category: .pii, start: range.lowerBound, end: range.upperBound, score: min(1, score), recognizer: recognizer))
    }

    // MARK: Email

    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._%+-'".unicodeScalars.contains(scalar)
    }

    private static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
    }

    private func emails(_ text: ScannedText, _ findings: inout [Finding]) {
        for at in 0..<text.count where text.scalars[at] == "@" {
            var start = at
            while start > 0, Self.isLocalPart(text.scalars[start - 1]) { start -= 1 }
            while start < at, text.scalars[start] == "." || text.scalars[start] == "'" { start += 1 }
            var end = at + 1
            while end < text.count, Self.isDomainPart(text.scalars[end]) { end += 1 }
            while end > at + 1, text.scalars[end - 1] == "." || text.scalars[end - 1] == "-" { end -= 1 }
            guard start < at, end > at + 1 else { continue }
            let domain = text.string((at + 1)..<end)
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
                let tld = labels.last, tld.count >= 2, tld.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
            else { continue }
            add(.emailAddress, start..<end, 1.0, "EmailRecognizer", &findings)
        }
    }

    // MARK: IBAN

    /// IBAN length by country (SWIFT registry).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
        "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29,
        "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24,
        "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
        "YE": 30,
    ]

    static func isASCIILetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return isASCIILetter(scalar) || ("0"..."9").contains(scalar)
    }

    /// ISO 13616 check: move the first four characters to the end, letters to 10–35, mod 97 = 1.
    static func ibanChecksum(_ characters: [Unicode.Scalar]) -> Bool {
        let rearranged = characters[4...] + characters[..<4]
        var remainder = 0
        for scalar in rearranged {
            let value: Int
            if ("0"..."9").contains(scalar) {
                value = Int(scalar.value - 48)
                remainder = (remainder * 10 + value) % 97
            } else {
                value = Int(Character(scalar).uppercased().unicodeScalars.first!.value) - 55
                guard (10...35).contains(value) else { return false }
                remainder = (remainder * 100 + value) % 97
            }
        }
        return remainder == 1
    }

    private func ibans(_ text: ScannedText, _ findings: inout [Finding]) {
        var index = 0
        while index + 4 <= text.count {
            guard Self.isASCIILetter(text[index]), Self.isASCIILetter(text[index + 1]), text.isDigit(index + 2), text.isDigit(index + 3),
                !Self.isASCIIAlphanumeric(text[index - 1])
            else {
                index += 1
                continue
            }
            let country = text.string(index..<(index + 2)).uppercased()
            guard let length = Self.ibanLengths[country] else {
                index += 1
                continue
            }
            // Collect alphanumerics, allowing single spaces or dashes between groups, up to the length.
            var characters: [Unicode.Scalar] = []
            var cursor = index
            var end = index
            while characters.count < length, cursor < text.count {
                let scalar = text.scalars[cursor]
                if Self.isASCIIAlphanumeric(scalar) {
                    characters.append(scalar)
                    cursor += 1
                    end = cursor
                } else if (scalar == " " || scalar == "-"), Self.isASCIIAlphanumeric(text[cursor + 1]), characters.count >= 4 {
                    cursor += 1
                } else {
                    break
                }
            }
            if characters.count == length, !Self.isASCIIAlphanumeric(text[end]), Self.ibanChecksum(characters) {
                add(.ibanCode, index..<end, 1.0, "IbanRecognizer", &findings)
                index = end
            } else {
                index += 1
            }
        }
    }

    // MARK: IPv6

    private func ipv6(_ text: ScannedText, _ findings: inout [Finding]) {
        func isIPv6Scalar(_ scalar: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar) || scalar == ":" || scalar == "."
        }
        guard text.scalars.contains(":") else { return }
        var index = 0
        while index < text.count {
            guard isIPv6Scalar(text.scalars[index]), !text.isWordCharacter(index - 1) || text[index - 1] == nil else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, isIPv6Scalar(text.scalars[end]) { end += 1 }
            var candidateEnd = end
            while candidateEnd > index, text.scalars[candidateEnd - 1] == "." || (text.scalars[candidateEnd - 1] == ":" && !(candidateEnd - 2 >= index && text.scalars[candidateEnd - 2] == ":")) {
                candidateEnd -= 1
            }
            let candidate = text.string(index..<candidateEnd)
            let colons = candidate.filter { $0 == ":" }.count
            if colons >= 2, candidate.count >= 6, !text.isLetter(end), Self.isIPv6(candidate) {
                add(.ipAddress, index..<candidateEnd, 0.95, "IpRecognizer", &findings)
            }
            index = max(end, index + 1)
        }
    }

    static func isIPv6(_ candidate: String) -> Bool {
        var address = in6_addr()
        return candidate.withCString { inet_pton(AF_INET6, $0, &address) } == 1
    }

    // MARK: Date of birth

    static let birthContext: PhraseList = ["born", "birth", "dob", "d o b", "birthday", "birthdate", "date of birth", "born on", "b day", "bday"]
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10,
        "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    private func datesOfBirth(_ text: ScannedText, spans: [NumberSpan], words: [WordScanner.Word], _ findings: inout [Finding]) {
        for date in DateScanner.scan(text, spans: spans, words: words) {
            let before = text.wordsBefore(date.lowerBound, window: 60)
            guard ScannedText.contains(before, anyOf: Self.birthContext) else { continue }
            add(.dateOfBirth, date, 0.9, "DateOfBirthRecognizer", &findings)
        }
    }

    // MARK: Person

    private func persons(_ text: ScannedText, words: [WordScanner.Word], _ findings: inout [Finding]) {
        for range in PersonNames.find(text, words: words) {
            add(.person, range, 0.85, "PersonRecognizer", &findings)
        }
    }
}

/// Words (letters, apostrophes, hyphens inside) with their scalar ranges, plus trailing
/// punctuation kept in `lower` for triggers like "regards,".
enum WordScanner {
    struct Word {
        var range: Range<Int>
        /// Lowercased, with a directly following "," or ":" or "." appended when present.
        var lower: String
        /// Lowercased, without that punctuation.
        var bare: String
        var isCapitalized: Bool
    }

    static func scan(_ text: ScannedText) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(text.count / 5 + 1)
        var index = 0
        while index < text.count {
            guard text.isLetter(index) else {
                index += 1
                continue
            }
            var end = index
            var ascii = true
            while end < text.count, text.isLetter(end) || ((text[end] == "'" || text[end] == "’" || text[end] == "-") && text.isLetter(end + 1)) {
                if !text.scalars[end].isASCII { ascii = false }
                end += 1
            }
            let bare: String
            if ascii {
                bare = text.lowerString(index..<end)
            } else {
                var builder = ScalarStringBuilder(capacity: 2 * (end - index))
                for position in index..<end {
                    let scalar = text.lower[position]
                    builder.append(scalar == "\u{2019}" ? "'" : scalar)
                }
                bare = builder.string.lowercased()
            }
            var lower = bare
            if let next = text[end], next == "," || next == ":" || next == "." {
                lower.unicodeScalars.append(next)
            }
            let first = text.scalars[index]
            let capitalized = (first.isASCII ? (first.value >= 65 && first.value <= 90) : first.properties.isUppercase)
                && text.scalars[(index + 1)..<end].contains { $0.isASCII ? ($0.value >= 97 && $0.value <= 122) : $0.properties.isLowercase }
            words.append(Word(range: index..<end, lower: lower, bare: bare, isCapitalized: capitalized))
            index = end
        }
        return words
    }
}

/// Dates in the forms people write them: 03/14/1988, 1988-03-14, 14.03.1988, March 14, 1988,
/// 14 March 1988, Mar. 14th 1988. Ranges are validated (month 1–12, day 1–31, year 1900–2030).
enum DateScanner {
    private static let monthNames = WordFilter(TextRecognizers.months.keys)

    static func scan(_ text: ScannedText, spans: [NumberSpan], words: [WordScanner.Word]) -> [Range<Int>] {
        var dates: [Range<Int>] = []
        for span in spans {
            for window in span.windows(ofCount: 3) {
                // One separator, twice: "/", "-" or ".".
                let separator = span.separators[window.lowerBound]
                guard span.separators[window.lowerBound + 1] == separator, separator == "/" || separator == "-" || separator == "." else { continue }
                let parts = window.map { span.groups[$0].digits }
                let values = parts.map { Checksums.number($0[...]) }
                let valid: Bool
                if parts[0].count == 4 {
                    valid = (1900...2030).contains(values[0]) && (1...12).contains(values[1]) && (1...31).contains(values[2])
                } else if parts[2].count == 4 || parts[2].count == 2 {
                    let monthFirst = (1...12).contains(values[0]) && (1...31).contains(values[1])
                    let dayFirst = (1...31).contains(values[0]) && (1...12).contains(values[1])
                    valid = (monthFirst || dayFirst) && (parts[2].count == 2 || (1900...2030).contains(values[2]))
                        && parts[0].count <= 2 && parts[1].count <= 2
                } else {
                    valid = false
                }
                if valid { dates.append(span.extent(window)) }
            }
        }
        // Month names.
        for index in words.indices {
            guard monthNames.mightContain(words[index].bare), TextRecognizers.months[words[index].bare] != nil else { continue }
            let word = words[index]
            // "March 14, 1988" / "March 14th 1988"
            var cursor = word.range.upperBound
            if text[cursor] == "." { cursor += 1 }
            if let (dayEnd, _) = number(text, from: skipSpaces(text, cursor), maxDigits: 2, suffixes: true),
                let (yearEnd, year) = number(text, from: skipSpaces(text, skipComma(text, dayEnd)), maxDigits: 4, suffixes: false),
                (1900...2030).contains(year)
            {
                dates.append(word.range.lowerBound..<yearEnd)
                continue
            }
            // "14 March 1988"
            var dayStart = word.range.lowerBound - 1
            while dayStart >= 0, text[dayStart] == " " { dayStart -= 1 }
            var digitsStart = dayStart
            while digitsStart >= 0, text.isLetter(digitsStart) { digitsStart -= 1 }  // "14th"
            while digitsStart >= 0, text.isDigit(digitsStart) { digitsStart -= 1 }
            digitsStart += 1
            if digitsStart <= dayStart, text.isDigit(digitsStart), !text.isWordCharacter(digitsStart - 1),
                let (yearEnd, year) = number(text, from: skipSpaces(text, skipComma(text, cursor)), maxDigits: 4, suffixes: false),
                (1900...2030).contains(year)
            {
                dates.append(digitsStart..<yearEnd)
            }
        }
        return dates
    }

    private static func skipSpaces(_ text: ScannedText, _ index: Int) -> Int {
        var index = index
        while text[index] == " " { index += 1 }
        return index
    }

    private static func skipComma(_ text: ScannedText, _ index: Int) -> Int {
        text[index] == "," ? index + 1 : index
    }

    /// A number of up to `maxDigits` digits at `from` (with "st/nd/rd/th" when `suffixes`).
    private static func number(_ text: ScannedText, from: Int, maxDigits: Int, suffixes: Bool) -> (Int, Int)? {
        var end = from
        var value = 0
        while text.isDigit(end), end - from < maxDigits {
            value = value * 10 + Int(text.scalars[end].value - 48)
            end += 1
        }
        guard end > from, !text.isDigit(end) else { return nil }
        if suffixes {
            let suffix = text.string(end..<min(text.count, end + 2)).lowercased()
            if ["st", "nd", "rd", "th"].contains(suffix) { end += 2 }
            guard (1...31).contains(value) else { return nil }
        } else if maxDigits == 4, end - from != 4 {
            return nil
        }
        guard !text.isLetter(end) else { return nil }
        return (end, value)
    }
}
