import Foundation

/// An amount in integer minor units (cents) of one currency. Never floating point.
public struct Money: Sendable, Hashable, Codable, Comparable {
    public var minorUnits: Int64
    public var currency: String

    public init(minorUnits: Int64, currency: String = "USD") {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

    /// "$1,234.56", "-$12.00"; other currencies as "1,234.56 EUR".
    public var formatted: String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        let units = magnitude / 100, cents = magnitude % 100
        var digits = String(units)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let body = digits + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
        if currency == "USD" { return (negative ? "-$" : "$") + body }
        return (negative ? "-" : "") + body + " " + currency
    }

    /// Parses an amount a customer typed: "$40", "40", "40.5", "$1,200.00", "40 dollars",
    /// "12 bucks". Returns nil for anything else, for negative amounts and for more than two
    /// decimals; at most 12 integer digits (a billion dollars is not a chat transfer).
    public static func parse(_ text: String) -> Int64? {
        var s = Substring(text.lowercased()).drop(while: { $0 == " " })
        for suffix in [" dollars", " dollar", " bucks", " usd"] where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count)
        }
        if s.hasPrefix("$") { s = s.dropFirst() }
        if s.hasPrefix("usd") { s = s.dropFirst(3).drop(while: { $0 == " " }) }
        s = Substring(s.trimmingCharacters(in: .whitespaces))
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let integerText = parts[0].replacingOccurrences(of: ",", with: "")
        guard !integerText.isEmpty, integerText.count <= 12, integerText.allSatisfy(\.isASCIIDigit) else { return nil }
        // Commas only as thousands separators.
        if parts[0].contains(",") {
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard groups.first.map({ (1...3).contains($0.count) }) == true, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            cents = Int64(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        guard let units = Int64(integerText) else { return nil }
        return units * 100 + cents
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

