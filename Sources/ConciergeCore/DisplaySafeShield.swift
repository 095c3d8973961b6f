import Foundation

/// Sets aside the values of a reply that the concierge produced for this customer — their own
/// account, payee, biller and merchant names, masked suffixes, and ISO dates — behind neutral
/// markers while the output check runs, then puts them back. The check still sees, and masks,
/// everything else (a full card number, an SSN, someone else's name from a passage).
struct DisplaySafeShield {
    let text: String
    private let values: [(marker: String, value: String)]

    static let isoDate = try! NSRegularExpression(pattern: #"\b\d{4}-\d{2}-\d{2}\b"#)

    init(_ text: String, safe: [String]) {
        var values: [(String, String)] = []
        // Longest first, so "Sam Rivera" is set aside whole before "Sam" could be.
        var candidates = safe.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
        if text.utf8.contains(UInt8(ascii: "-")) {
            let range = NSRange(text.startIndex..., in: text)
            candidates += Self.isoDate.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        }
        // Byte by byte: Foundation's string search and replace cost more than the check.
        var bytes = Array(text.utf8)
        for value in candidates where bytes.containsBytes(Array(value.utf8)) {
            let marker = Self.marker(values.count)
            bytes = bytes.replacingBytes(Array(value.utf8), with: Array(marker.utf8))
            values.append((marker, value))
        }
        self.text = String(decoding: bytes, as: UTF8.self)
        self.values = values
    }

    /// "zqsafeaq", "zqsafebq" …: lower-case letters only (nothing a PII recognizer reads),
    /// unlikely in any reply, and one word.
    static func marker(_ index: Int) -> String {
        var letters = ""
        var n = index
        repeat {
            letters.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
            n /= 26
        } while n > 0
        return "zqsafe" + letters + "q"
    }

    /// The checked text with the set-aside values back in place.
    func restore(_ checked: String) -> String {
        guard !values.isEmpty else { return checked }
        var restored = Array(checked.utf8)
        for (marker, value) in values.reversed() { restored = restored.replacingBytes(Array(marker.utf8), with: Array(value.utf8)) }
        return String(decoding: restored, as: UTF8.self)
    }
}
