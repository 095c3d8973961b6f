import Foundation

/// Dates a customer names for a payment, and how the concierge writes them.
public enum DialogueDates {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    /// How far ahead a payment may be scheduled.
    public static let horizonDays = 365

    /// "2026-12-15" → "December 15, 2026".
    public static func longDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(months[parts[1] - 1].capitalized) \(parts[2]), \(parts[0])"
    }

    /// A day of the month written as a number, with or without its ordinal ("3", "3rd").
    static func dayNumber(_ word: String) -> Int? {
        let digits = word.prefix(while: \.isNumber)
        guard !digits.isEmpty, let value = Int(digits), (1...31).contains(value) else { return nil }
        let rest = word.dropFirst(digits.count)
        return rest.isEmpty || ["st", "nd", "rd", "th"].contains(String(rest)) ? value : nil
    }

    /// Calendar weekday numbers (1 Sunday … 7 Saturday).
    static func weekday(_ word: String) -> Int? {
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        if let index = names.firstIndex(of: word) { return index + 1 }
        let short: [String: Int] = ["sun": 1, "mon": 2, "tue": 3, "tues": 3, "wed": 4, "thu": 5, "thur": 5, "thurs": 5, "fri": 6, "sat": 7]
        return short[word]
    }

    static func month(_ word: String) -> Int? {
        if let index = months.firstIndex(of: word) { return index + 1 }
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        if let index = short.firstIndex(of: word) { return index + 1 }
        if word == "sept" { return 9 }
        return nil
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let text = String(format: "%04d-%02d-%02d", year, month, day)
        // Calendar round trip rejects February 30th.
        guard let date = DemoBank.date(text), DemoBank.isoDate(date) == text else { return nil }
        return text
    }

    /// The payment date a message names: "tomorrow", "on the 15th", "dec 15", "December 15th
    /// 2027", "12/15", "2026-12-01". Today, "now" or nothing → `.none` (pay now).
    public static func reading(_ text: String, today: String) -> DateReading {
        // Words, numbers, and "/" and "-" as words of their own (they join date parts).
        var spaced = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { spaced.append(character) } else if character == "/" || character == "-" { spaced += " \(character) " } else { spaced.append(" ") }
        }
        let words = spaced.split(separator: " ").map(String.init)
        let year = Int(today.prefix(4)) ?? 2026, month = Int(today.dropFirst(5).prefix(2)) ?? 1, day = Int(today.suffix(2)) ?? 1
        func classify(_ date: String) -> DateReading {
            if date < today { return .past(date) }
            if date > DemoBank.adding(days: horizonDays, to: today) { return .tooFar(date) }
            return date == today ? .none : .date(date)
        }
        func nextOccurrence(month m: Int, day d: Int, explicitYear: Int?) -> String? {
            if let explicitYear { return iso(explicitYear, m, d) }
            guard let thisYear = iso(year, m, d) else { return nil }
            return thisYear >= today ? thisYear : iso(year + 1, m, d)
        }
        if words.contains(where: { ["tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "2morrow", "2moro", "2mrw"].contains($0) }) {
            return classify(DemoBank.adding(days: 1, to: today))
        }
        if words.contains("day"), words.contains("after"), words.contains("tomorrow") { return classify(DemoBank.adding(days: 2, to: today)) }
        // "in 3 days", "in two weeks".
        for (i, word) in words.enumerated() where word == "in" && i + 2 < words.count {
            guard let count = Int(words[i + 1]) ?? PeriodReader.numberWords[words[i + 1]], (1...400).contains(count) else { continue }
            switch words[i + 2] {
            case "day", "days": return classify(DemoBank.adding(days: count, to: today))
            case "week", "weeks": return classify(DemoBank.adding(days: 7 * count, to: today))
            default: continue
            }
        }
        // A weekday ("friday", "on monday", "this saturday", "next tuesday"): the next one after
        // today.
        for (i, word) in words.enumerated() {
            guard let weekday = Self.weekday(word) else { continue }
            // "sat", "sun", "wed" are words too: only after a lead word.
            if word.count <= 3, !(i > 0 && ["on", "this", "next", "by", "for", "until", "til"].contains(words[i - 1])) { continue }
            guard let date = DemoBank.date(today) else { break }
            let current = DemoBank.calendar.component(.weekday, from: date)
            let ahead = (weekday - current + 7) % 7
            return classify(DemoBank.adding(days: ahead == 0 ? 7 : ahead, to: today))
        }
        if words.contains("yesterday") { return .past(DemoBank.adding(days: -1, to: today)) }
        for (i, word) in words.enumerated() {
            // 2026-12-01
            if word.count == 4, let y = Int(word), i + 4 < words.count, words[i + 1] == "-", let m = Int(words[i + 2]), words[i + 3] == "-", let d = Int(words[i + 4]) {
                if let date = iso(y, m, d) { return classify(date) }
            }
            // 12/15 or 12/15/2026
            if let m = Int(word), i + 2 < words.count, words[i + 1] == "/", let d = Int(words[i + 2]) {
                var y: Int?
                if i + 4 < words.count, words[i + 3] == "/", let given = Int(words[i + 4]) { y = given < 100 ? 2000 + given : given }
                if let date = nextOccurrence(month: m, day: d, explicitYear: y) { return classify(date) }
            }
            // dec 15, december 15th 2027, 15 december
            if let m = Self.month(word), m != 5 || (i > 0 && ["on", "in", "by", "for", "until"].contains(words[i - 1])) || (i + 1 < words.count && dayNumber(words[i + 1]) != nil) {
                var d: Int?
                var yearIndex = i + 2
                if i + 1 < words.count, let value = dayNumber(words[i + 1]) { d = value
                } else if i > 0, let value = dayNumber(words[i - 1]) { d = value; yearIndex = i + 1
                } else if i > 1, words[i - 1] == "of", let value = dayNumber(words[i - 2]) { d = value; yearIndex = i + 1 }
                guard let d else { continue }
                let y = yearIndex < words.count ? Int(words[yearIndex]).flatMap { $0 > 1900 ? $0 : nil } : nil
                if let date = nextOccurrence(month: m, day: d, explicitYear: y) { return classify(date) }
            }
            // on the 15th / the 3rd
            if i > 0, ["the", "on"].contains(words[i - 1]), let d = dayNumber(word), word.count > String(d).count || words[i - 1] == "the" {
                if d > day, let date = iso(year, month, d) { return classify(date) }
                if let date = month == 12 ? iso(year + 1, 1, d) : iso(year, month + 1, d) { return classify(date) }
                // "the 30th" when next month has none: asked, not paid now.
                return .unclear
            }
        }
        // Dates named in words this reader does not resolve: asked about, never "now".
        let vague = ["weekend", "next week", "next month",
                     "end of the month", "end of month", "payday", "in a week", "in two weeks", "days from now"]
        let joined = " " + words.joined(separator: " ") + " "
        if vague.contains(where: { joined.contains(" " + $0 + " ") }) || joined.range(of: #" in \d+ (days|weeks|months) "#, options: .regularExpression) != nil {
            return .unclear
        }
        // "the year 2999": a date too far to schedule.
        for (i, word) in words.enumerated() where i > 0 && words[i - 1] == "year" {
            if let y = Int(word), y > year, let date = iso(y, month, min(day, 28)) { return classify(date) }
        }
        return .none
    }
}
