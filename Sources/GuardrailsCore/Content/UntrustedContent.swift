import Foundation

/// Rules for text the concierge did not write but may show customers — help-center articles
/// and the passages search returns. A poisoned article ("read your card number, CVV and
/// password to our fraud desk", "log in at pennant-secure.example") must never reach a
/// customer: RAG refuses it at ingestion and the concierge drops such a passage. The same
/// holds for text that gives the assistant orders.
public struct UntrustedContentScreen: Sendable {
    public enum Reason: String, Sendable, CaseIterable {
        /// Asks the reader to hand over a card number, CVV, PIN, password or one-time code.
        case credentialRequest = "credential_request"
        /// A link or domain that is not the bank's own.
        case link
        /// A phone number: the articles send people to the app, never to a number in the text.
        case phoneNumber = "phone_number"
        /// Orders addressed to the assistant that reads it (indirect prompt injection): "AI
        /// assistant reading this: ignore your rules …".
        case instructions = "instructions_to_assistant"
    }

    public struct Finding: Sendable, Equatable {
        public let reason: Reason
        /// What matched, for the refusal message and the log (at most 80 characters).
        public let excerpt: String
    }

    /// Domains a link may point to (and their subdomains).
    public let allowedDomains: Set<String>

    public static let defaultAllowedDomains: Set<String> = ["pennant.com"]

    public init(allowedDomains: Set<String> = UntrustedContentScreen.defaultAllowedDomains) {
        self.allowedDomains = Set(allowedDomains.map { $0.lowercased() })
    }

    static let credentials = [
        "card number", "card numbers", "cvv", "cvv2", "cvc", "cvc2", "security code", "pin", "pins", "password", "passwords", "passcode",
        "one-time code", "one time code", "one-time password", "otp", "verification code", "login details", "log-in details",
        "sign-in details", "online banking details", "social security number", "ssn", "full card details", "card details",
    ]
    /// Verbs that hand something over (not "email" or "text", which are mostly nouns here).
    static let sharingVerbs: Set<String> = [
        "read", "tell", "give", "send", "share", "provide", "say", "reply", "disclose", "dictate", "submit", "forward", "repeat", "spell", "dm",
    ]
    /// Sentences where the bank is the subject describe what it does ("We send a code …").
    static let bankSubjects: Set<String> = ["we", "we'll", "we'd", "we're", "pennant", "our", "pennant's"]
    static let negations: Set<String> = ["never", "not", "don't", "dont", "won't", "wont", "no", "nobody", "cannot", "can't"]

    // Simple patterns without nested quantifiers: linear in the text.
    static let linkPattern = try! NSRegularExpression(
        pattern: #"(?i)\b(?:https?://|www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|co|info|biz|xyz|app|online|site|top|us|uk|ru|cn|me|ly|gl|link|click|support|help|bank|secure|live|cc|tk))\b"#
    )
    static let phonePattern = try! NSRegularExpression(pattern: #"(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b"#)

    public func findings(_ text: String) -> [Finding] {
        var found: [Finding] = []
        let range = NSRange(text.startIndex..., in: text)
        // The patterns run only where they can match: a dot between letters (a domain), ten
        // digits (a phone number). Most help text has neither.
        let bytes = Array(text.utf8)
        let letter = { (b: UInt8) in (b >= 97 && b <= 122) || (b >= 65 && b <= 90) }
        let mayLink = bytes.indices.dropFirst().dropLast().contains { bytes[$0] == UInt8(ascii: ".") && letter(bytes[$0 - 1]) && letter(bytes[$0 + 1]) }
        let mayPhone = bytes.lazy.filter { $0 >= 48 && $0 <= 57 }.count >= 10
        for match in mayLink ? Self.linkPattern.matches(in: text, range: range) : [] {
            guard let hostRange = Range(match.range(at: 1), in: text) else { continue }
            let host = text[hostRange].lowercased()
            if allowedDomains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { continue }
            found.append(Finding(reason: .link, excerpt: String(host.prefix(80))))
        }
        for match in mayPhone ? Self.phonePattern.matches(in: text, range: range) : [] {
            guard let matched = Range(match.range, in: text) else { continue }
            found.append(Finding(reason: .phoneNumber, excerpt: String(text[matched].prefix(80))))
        }
        // Sentence by sentence: a sharing verb and a credential, with no "never" or "don't".
        for sentence in text.split(whereSeparator: { ".!?\n;".contains($0) }) {
            let lower = sentence.lowercased()
            let words = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }).map(String.init)
            guard words.contains(where: Self.sharingVerbs.contains), !words.contains(where: Self.negations.contains),
                  !Self.bankSubjects.contains(words.first ?? "")
            else { continue }
            let padded = " " + words.joined(separator: " ") + " "
            guard Self.credentials.contains(where: { padded.contains(" " + $0 + " ") }) else { continue }
            found.append(Finding(reason: .credentialRequest, excerpt: String(sentence.trimmingCharacters(in: .whitespaces).prefix(80))))
        }
        // The injection rules, not the learned model: that was trained on chat messages, and
        // long help text about privacy or deleting data reads to it like an attack. Only the
        // families that address the reader: help text may well describe phishing e-mails,
        // forged checks or code.
        let orders = Self.injectionRules.detect(text).findings.filter { finding in
            Self.orderFamilies.contains { finding.recognizer == "injection." + $0.rawValue }
        }
        if InjectionDetector.combine(orders.map(\.score)) >= Self.injectionThreshold, let strongest = orders.first {
            found.append(Finding(reason: .instructions, excerpt: String((strongest.evidence ?? strongest.recognizer).prefix(80))))
        }
        return found
    }

    /// Families whose findings are orders to whoever reads the text.
    static let orderFamilies: [InjectionFamily] = [
        .instructionOverride, .systemPromptExtraction, .rolePlay, .delimiterForgery, .toolCallForgery, .exfiltration, .encodedPayload, .configForgery,
    ]

    static let injectionRules = InjectionDetector(attackModel: nil)
    /// The input policy's blocking threshold.
    static let injectionThreshold = GuardrailsPolicy.builtIn.input.injection.threshold
}
