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

extension Array where Element == UInt8 {
    /// Every occurrence of `needle` replaced by `replacement`, left to right, not overlapping.
    /// Whole UTF-8 sequences in and out: the result is valid UTF-8 when all three are.
    func replacingBytes(_ needle: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard !needle.isEmpty, count >= needle.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        var index = 0
        while index < count {
            if index + needle.count <= count, self[index] == needle[0], self[index..<(index + needle.count)].elementsEqual(needle) {
                result += replacement
                index += needle.count
            } else {
                result.append(self[index])
                index += 1
            }
        }
        return result
    }

    /// Whether the bytes hold `needle` somewhere: a plain loop (the standard library's generic
    /// `firstRange(of:)` cost more than the rest of a chat turn).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard count >= needle.count else { return false }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < wanted.count && haystack[start + offset] == wanted[offset] { offset += 1 }
                        if offset == wanted.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
