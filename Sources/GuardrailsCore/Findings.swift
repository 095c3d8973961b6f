/// What a check found in a text. Offsets count Unicode scalars (as Python `str` indices do),
/// `end` exclusive.
public struct Finding: Sendable, Codable, Equatable, Hashable {
    public var type: String
    public var category: FindingCategory
    public var start: Int
    public var end: Int
    public var score: Double
    public var recognizer: String
    /// For non-PII findings: the (normalized) words that matched, so a decision can be explained.
    public var evidence: String?

    public init(type: String, category: FindingCategory, start: Int, end: Int, score: Double, recognizer: String, evidence: String? = nil) {
        self.type = type
        self.category = category
        self.start = start
        self.end = end
        self.score = score
        self.recognizer = recognizer
        self.evidence = evidence
    }

    public var length: Int { end - start }

    func overlaps(_ other: Finding) -> Bool {
        start < other.end && other.start < end
    }
}

public enum FindingCategory: String, Sendable, Codable, CaseIterable, Hashable {
    case pii
    case injection
    case toxicity
    case policy
    case leakage
}

/// The PII entity types, named as Presidio names them.
public enum PIIEntity: String, Sendable, Codable, CaseIterable {
    case creditCard = "CREDIT_CARD"
    case usSSN = "US_SSN"
    case phoneNumber = "PHONE_NUMBER"
    case emailAddress = "EMAIL_ADDRESS"
    case ibanCode = "IBAN_CODE"
    case usBankRouting = "US_BANK_ROUTING"
    case usBankAccount = "US_BANK_ACCOUNT"
    case ipAddress = "IP_ADDRESS"
    case person = "PERSON"
    case dateOfBirth = "DATE_OF_BIRTH"

    /// Ties between overlapping findings of equal score go to the more specific type.
    var priority: Int {
        switch self {
        case .ibanCode: 10
        case .creditCard: 9
        case .emailAddress: 8
        case .usSSN: 7
        case .usBankRouting: 6
        case .phoneNumber: 5
        case .ipAddress: 4
        case .dateOfBirth: 3
        case .usBankAccount: 2
        case .person: 1
        }
    }
}

public enum GuardrailAction: String, Sendable, Codable, Comparable, CaseIterable {
    case allow
    case redact
    case block

    private var rank: Int {
        switch self {
        case .allow: 0
        case .redact: 1
        case .block: 2
        }
    }

    public static func < (lhs: GuardrailAction, rhs: GuardrailAction) -> Bool { lhs.rank < rhs.rank }
}

public enum Direction: String, Sendable, Codable, CaseIterable {
    case input
    case output
}
