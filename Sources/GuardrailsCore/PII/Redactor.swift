import Crypto
import Foundation

/// How a finding is replaced in the text.
public enum RedactionOperator: String, Sendable, Codable, CaseIterable {
    /// `*` for each character; cards, accounts and IBANs keep their last four digits.
    case mask
    /// `<CREDIT_CARD>`.
    case replace
    /// `<CREDIT_CARD:1f0e…>`: HMAC-SHA256 keyed with a configured secret, so equal values hash
    /// equal without the hash being reversible by enumerating the (small) space of card numbers.
    case hash
}

public struct Redactor: Sendable {
    private let hashKey: SymmetricKey

    public init(hashSecret: String) {
        self.hashKey = SymmetricKey(data: Data(hashSecret.utf8))
    }

    /// Replaces every finding (non-overlapping, any order) in `text`.
    public func redact(_ text: String, findings: [Finding], with redaction: RedactionOperator) -> String {
        var scalars = text.scalarArray
        for finding in findings.sorted(by: { $0.start > $1.start }) {
            guard finding.start >= 0, finding.end <= scalars.count, finding.start < finding.end else { continue }
            let original = Array(scalars[finding.start..<finding.end])
            scalars.replaceSubrange(finding.start..<finding.end, with: replacement(for: original, type: finding.type, with: redaction))
        }
        return String(scalars: scalars)
    }

    func replacement(for original: [Unicode.Scalar], type: String, with redaction: RedactionOperator) -> [Unicode.Scalar] {
        switch redaction {
        case .replace:
            return Array("<\(type)>".unicodeScalars)
        case .hash:
            let value = String(scalars: original.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "@" || $0 == "." })
            let code = HMAC<SHA256>.authenticationCode(for: Data("\(type):\(value)".utf8), using: hashKey)
            let hex = code.prefix(8).map { String(format: "%02x", $0) }.joined()
            return Array("<\(type):\(hex)>".unicodeScalars)
        case .mask:
            let keepLast = ["CREDIT_CARD", "US_BANK_ACCOUNT", "IBAN_CODE"].contains(type) ? 4 : 0
            var kept = 0
            var masked = original
            for index in masked.indices.reversed() {
                let scalar = masked[index]
                let isAlphanumeric = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                guard isAlphanumeric else { continue }  // separators stay, so the shape reads
                if kept < keepLast {
                    kept += 1
                } else {
                    masked[index] = "*"
                }
            }
            return masked
        }
    }
}
