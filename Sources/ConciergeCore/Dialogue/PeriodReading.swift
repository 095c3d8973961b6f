import Foundation

/// The period a transactions question names, as inclusive ISO dates, relative to today:
/// "yesterday", "this month" (to today), "last month", "in october", "july 2025", "last 3
/// months" (the same day three months back to today), "past 2 weeks", "last 30 days", "since
/// the 3rd", "since oct 5", "since 10/5", "between oct 1 and oct 15", "from the 5th to the
/// 12th", "on november 3rd", "this year so far", "year to date", "last year". A month or day
/// without a year is the latest one not in the future. "May I…", "march on", "maria" and "last
/// 5 transactions" name no period. The conventions are eval/understanding/README.md's.
public enum PeriodReader {
    public struct Period: Sendable, Equatable {
        public let from: String
        public let to: String
    }

    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90, "couple": 2, "few": 3,
    ]
    /// Words before a month name that make it a month ("in may", not "may I").
    static let monthLead: Set<String> = ["in", "during", "for", "since", "from", "of", "through", "thru", "until", "til", "till", "and", "to", "between", "on", "all", "whole", "entire", "last", "this"]

    /// One calendar day named in the words at `index`, and how many words it took.
    struct Day { let month: Int?; let day: Int; let year: Int?; let length: Int }

    public static func read(_ text: String, today: String) -> Period? {
        var spaced = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { spaced.append(character) } else if character == "/" { spaced += " / " } else if character == "'" || character == "’" { continue } else { spaced.append(" ") }
        }
        let words = spaced.split(separator: " ").map(String.init)
        guard let calendar = Calendar(today: today) else { return nil }
        let joined = " " + words.joined(separator: " ") + " "
        func has(_ phrase: String) -> Bool { joined.contains(" " + phrase + " ") }

        // Ranges with two ends come first: "between oct 1 and oct 15", "from the 5th to the
        // 12th", "10/10 to 10/20".
        for i in words.indices {
            let lead = ["between", "from"].contains(words[i])
            guard let start = day(in: words, at: lead ? i + 1 : i) else { continue }
            let link = (lead ? i + 1 : i) + start.length
            let links: Set<String> = lead ? ["and", "to", "through", "thru", "till", "until"] : ["to", "through", "thru", "till", "until"]
            guard link < words.count, links.contains(words[link]), let end = day(in: words, at: link + 1) else { continue }
            guard let first = calendar.resolve(start),
                  let last = calendar.resolve(Day(month: end.month ?? start.month, day: end.day, year: end.year ?? start.year, length: 0), notBefore: first) else { continue }
            return Period(from: first, to: last)
        }
        // Since: "since the 3rd", "since oct 5", "from the 3rd onward", "since october".
        for (i, word) in words.enumerated() where word == "since" || word == "from" || word == "after" {
            if let start = day(in: words, at: i + 1), let first = calendar.resolve(start) {
                return Period(from: word == "after" ? DemoBank.adding(days: 1, to: first) : first, to: today)
            }
            if word == "since", let m = i + 1 < words.count ? DialogueDates.month(words[i + 1]) : nil, let first = calendar.monthStart(m, year: nil) {
                return Period(from: first, to: today)
            }
        }
        // Rolling windows: "last 3 months", "past 2 weeks", "in the last 30 days", "last week".
        for (i, word) in words.enumerated() where ["last", "past", "previous", "prior"].contains(word) {
            var j = i + 1
            var count = 1
            if j < words.count, let n = Int(words[j]) ?? numberWords[words[j]] { count = n; j += 1 }
            guard j < words.count, (1...400).contains(count) else { continue }
            let unit = words[j]
            let explicit = j > i + 1
            switch unit {
            case "day", "days": return Period(from: calendar.adding(days: -count), to: today)
            case "week", "weeks", "wk", "wks", "weeks": return Period(from: calendar.adding(days: -7 * count), to: today)
            case "month", "months", "mo", "mos":
                if !explicit { return calendar.previousMonth() }
                return Period(from: calendar.adding(months: -count), to: today)
            case "year", "years", "yr", "yrs":
                if !explicit {
                    // "december from last year": that month of last year.
                    if let m = words.lazy.compactMap({ Self.monthName($0) }).first, let start = calendar.monthStart(m, year: calendar.year - 1) {
                        return Period(from: start, to: calendar.monthEnd(m, year: calendar.year - 1))
                    }
                    return calendar.wholeYear(calendar.year - 1)
                }
                return Period(from: calendar.adding(months: -12 * count), to: today)
            default: continue
            }
        }
        if has("yesterday") || has("yesterdays") { let day = calendar.adding(days: -1); return Period(from: day, to: day) }
        if has("today") || has("todays") { return Period(from: today, to: today) }
        if has("this week") { return Period(from: calendar.adding(days: -7), to: today) }
        if has("this month") || has("month to date") || has("mtd") { return Period(from: calendar.monthStart(calendar.month, year: calendar.year)!, to: today) }
        if has("this year") || has("year to date") || has("ytd") || has("so far this year") {
            return Period(from: String(format: "%04d-01-01", calendar.year), to: today)
        }
        // "on november 3rd", "on the 3rd", "on 10/12": one day.
        for (i, word) in words.enumerated() where word == "on" {
            if let named = day(in: words, at: i + 1), let date = calendar.resolve(named) { return Period(from: date, to: date) }
        }
        // A month, optionally with a year: "in october", "july 2025", "for sept".
        for (i, word) in words.enumerated() {
            guard let m = DialogueDates.month(word) ?? monthName(word) else { continue }
            let next = i + 1 < words.count ? words[i + 1] : ""
            let explicitYear = Int(next).flatMap { (1990...2100).contains($0) ? $0 : nil }
            // "may", "march" and "mar" are words too: only after a lead word or before a year.
            let ambiguous = ["may", "march", "mar", "jan", "sun"].contains(word) || word.count <= 3
            let previous = i > 0 ? words[i - 1] : ""
            guard !ambiguous || monthLead.contains(previous) || explicitYear != nil else { continue }
            if let explicitYear, let start = calendar.monthStart(m, year: explicitYear) { return Period(from: start, to: calendar.monthEnd(m, year: explicitYear)) }
            if let start = calendar.monthStart(m, year: nil) { return Period(from: start, to: min(calendar.monthEnd(m, year: Int(start.prefix(4))), today)) }
        }
        return nil
    }

    /// A calendar day at `index`: "oct 5", "october 5th", "5th of october", "10/5", "10/5/2026",
    /// "the 3rd", "3rd".
    static func day(in words: [String], at index: Int) -> Day? {
        guard index < words.count else { return nil }
        var i = index
        if words[i] == "the" { i += 1 }
        guard i < words.count else { return nil }
        let consumedBefore = i - index
        if let m = DialogueDates.month(words[i]) {
            guard i + 1 < words.count, let d = DialogueDates.dayNumber(words[i + 1]) else { return nil }
            let year = i + 2 < words.count ? Int(words[i + 2]).flatMap { (1990...2100).contains($0) ? $0 : nil } : nil
            return Day(month: m, day: d, year: year, length: consumedBefore + 2 + (year == nil ? 0 : 1))
        }
        if let m = Int(words[i]), i + 2 < words.count, words[i + 1] == "/", let d = Int(words[i + 2]), (1...12).contains(m), (1...31).contains(d) {
            var year: Int?
            if i + 4 < words.count, words[i + 3] == "/", let y = Int(words[i + 4]) { year = y < 100 ? 2000 + y : y }
            return Day(month: m, day: d, year: year, length: consumedBefore + 3 + (year == nil ? 0 : 2))
        }
        guard let d = DialogueDates.dayNumber(words[i]), words[i].count > String(d).count || consumedBefore > 0 else { return nil }
        if i + 2 < words.count, words[i + 1] == "of", let m = DialogueDates.month(words[i + 2]) {
            return Day(month: m, day: d, year: nil, length: consumedBefore + 3)
        }
        return Day(month: nil, day: d, year: nil, length: consumedBefore + 1)
    }

    /// A full month name, also possessive ("december's" read as "decembers").
    static func monthName(_ word: String) -> Int? {
        let name = word.hasSuffix("s") && word.count > 5 ? String(word.dropLast()) : word
        return DialogueDates.months.firstIndex(of: name).map { $0 + 1 }
    }

    /// Today's calendar, for arithmetic on ISO dates.
    struct Calendar {
        let today: String
        let year: Int, month: Int, day: Int

        init?(today: String) {
            let parts = today.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            self.today = today
            (year, month, day) = (parts[0], parts[1], parts[2])
        }

        func adding(days: Int) -> String { DemoBank.adding(days: days, to: today) }

        /// The same day `months` months away (clamped to the month's last day).
        func adding(months: Int) -> String {
            let total = year * 12 + (month - 1) + months
            let y = total / 12, m = total % 12 + 1
            let last = Int(monthEnd(m, year: y).suffix(2)) ?? 28
            return String(format: "%04d-%02d-%02d", y, m, min(day, last))
        }

        func previousMonth() -> Period {
            let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
            return Period(from: monthStart(m, year: y)!, to: monthEnd(m, year: y))
        }

        func wholeYear(_ y: Int) -> Period { Period(from: String(format: "%04d-01-01", y), to: String(format: "%04d-12-31", y)) }

        /// The first of month `m` in `year`, or in the latest year where it has begun.
        func monthStart(_ m: Int, year given: Int?) -> String? {
            guard (1...12).contains(m) else { return nil }
            let y = given ?? (m > month ? year - 1 : year)
            return String(format: "%04d-%02d-01", y, m)
        }

        func monthEnd(_ m: Int, year given: Int?) -> String {
            let y = given ?? (m > month ? year - 1 : year)
            let next = m == 12 ? String(format: "%04d-01-01", y + 1) : String(format: "%04d-%02d-01", y, m + 1)
            return DemoBank.adding(days: -1, to: next)
        }

        /// A named day as a date not after today (or not before `notBefore` for a range's end).
        func resolve(_ named: Day, notBefore: String? = nil) -> String? {
            if let m = named.month {
                let y = named.year ?? {
                    guard let candidate = DialogueDates.iso(year, m, named.day) else { return year }
                    if let notBefore { return candidate >= notBefore ? year : year + 1 }
                    return candidate > today ? year - 1 : year
                }()
                return DialogueDates.iso(y, m, named.day)
            }
            // "the 3rd": this month's if it has come, else last month's.
            if named.day <= day || notBefore != nil, let date = DialogueDates.iso(year, month, named.day) {
                if let notBefore, date < notBefore { return nil }
                return date
            }
            let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
            return DialogueDates.iso(y, m, named.day)
        }
    }
}
