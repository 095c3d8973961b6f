/// The checks a request can ask for; by default the direction's policy decides.
public enum CheckKind: String, Sendable, Codable, CaseIterable {
    case pii
    case injection
    case toxicity
    case advice
    case leakage
}

public struct CheckResult: Sendable, Codable, Equatable {
    public var allowed: Bool
    public var action: GuardrailAction
    public var redacted_text: String
    public var findings: [Finding]
    /// Overall score per check that ran (injection: combined family score).
    public var scores: [String: Double]
}

/// Runs the policy's checks on a message in one direction and decides: block if any blocking
/// rule fired, else redact if PII is to be redacted, else allow. Pure and thread-safe: the
/// service and the concierge's in-process fallback share it.
public struct GuardrailsEngine: Sendable {
    public let policy: GuardrailsPolicy
    private let pii = PIIAnalyzer()
    private let injection = InjectionDetector()
    private let content = ContentClassifier()
    private let redactor: Redactor
    /// What each direction's policy asks for, as sets made once instead of per message.
    private struct DirectionSets: Sendable {
        let entities: Set<PIIEntity>
        /// The content kinds when the request names no `checks`.
        let kinds: Set<ContentClassifier.Kind>

        init(_ rules: GuardrailsPolicy.DirectionPolicy) {
            entities = Set(rules.pii.entities)
            kinds = GuardrailsEngine.contentKinds(rules, requested: nil)
        }
    }
    private let inputSets: DirectionSets
    private let outputSets: DirectionSets

    public init(policy: GuardrailsPolicy = .builtIn, hashSecret: String) {
        self.policy = policy
        self.redactor = Redactor(hashSecret: hashSecret)
        self.inputSets = DirectionSets(policy.rules(for: .input))
        self.outputSets = DirectionSets(policy.rules(for: .output))
    }

    /// The content kinds to classify: toxicity, advice and leakage as the request or else the
    /// direction's policy enables them.
    private static func contentKinds(_ rules: GuardrailsPolicy.DirectionPolicy, requested: Set<CheckKind>?) -> Set<ContentClassifier.Kind> {
        var kinds: Set<ContentClassifier.Kind> = []
        if wants(.toxicity, rules.toxicity.enabled, requested) { kinds.formUnion([.insult, .profanity, .threat, .hate]) }
        if wants(.advice, rules.advice.enabled, requested) { kinds.formUnion([.investmentAdvice, .taxAdvice, .legalAdvice]) }
        if wants(.leakage, rules.leakage.enabled, requested) { kinds.insert(.systemPromptLeak) }
        return kinds
    }

    /// Whether a check runs: as the request's `checks` say, else as the policy enables it.
    private static func wants(_ kind: CheckKind, _ enabled: Bool, _ requested: Set<CheckKind>?) -> Bool {
        requested.map { $0.contains(kind) } ?? enabled
    }

    public func check(_ text: String, direction: Direction, checks requested: Set<CheckKind>? = nil) -> CheckResult {
        let rules = policy.rules(for: direction)
        let sets = direction == .input ? inputSets : outputSets
        var findings: [Finding] = []
        var scores: [String: Double] = [:]
        var action = GuardrailAction.allow
        var piiFindings: [Finding] = []
        // Normalized once for the word-reading detectors.
        var prepared: PreparedText?
        func preparedText() -> PreparedText {
            if let prepared { return prepared }
            let fresh = PreparedText(text)
            prepared = fresh
            return fresh
        }

        if Self.wants(.pii, rules.pii.enabled, requested) {
            piiFindings = pii.analyze(text, entities: sets.entities, minimumScore: rules.pii.min_score)
            findings += piiFindings
            scores["pii"] = piiFindings.map { $0.score }.max() ?? 0
            if !piiFindings.isEmpty {
                let blocking = piiFindings.contains { PIIEntity(rawValue: $0.type).map(rules.pii.block_entities.contains) ?? false }
                action = max(action, blocking ? .block : rules.pii.action)
            }
        }
        if Self.wants(.injection, rules.injection.enabled, requested) {
            let result = injection.detect(preparedText())
            scores["injection"] = result.score
            findings += result.findings
            if result.score >= rules.injection.threshold { action = max(action, rules.injection.action) }
        }
        let kinds = requested == nil ? sets.kinds : Self.contentKinds(rules, requested: requested)
        if !kinds.isEmpty {
            let contentFindings = content.classify(preparedText(), kinds: kinds, canaries: policy.canaries)
            findings += contentFindings
            for finding in contentFindings {
                let rule: GuardrailsPolicy.ScoreRule
                switch finding.category {
                case .toxicity: rule = rules.toxicity
                case .policy: rule = rules.advice
                default: rule = rules.leakage
                }
                let key = finding.category == .toxicity ? "toxicity" : (finding.category == .policy ? "advice" : "leakage")
                scores[key] = max(scores[key] ?? 0, finding.score)
                if finding.score >= rule.threshold { action = max(action, rule.action) }
            }
            for kind in [("toxicity", CheckKind.toxicity), ("advice", .advice), ("leakage", .leakage)] where scores[kind.0] == nil {
                let ran = (kind.1 == .toxicity && kinds.contains(.insult)) || (kind.1 == .advice && kinds.contains(.taxAdvice)) || (kind.1 == .leakage && kinds.contains(.systemPromptLeak))
                if ran { scores[kind.0] = 0 }
            }
        }
        // PII is always redacted in the text handed back, even when the message is blocked,
        // so a blocked message can still be stored or logged safely.
        let redacted = piiFindings.isEmpty ? text : redactor.redact(text, findings: piiFindings, with: rules.pii.operator)
        return CheckResult(
            allowed: action != .block,
            action: action,
            redacted_text: redacted,
            findings: findings.sorted { ($0.start, $0.end) < ($1.start, $1.end) },
            scores: scores
        )
    }

    /// PII only, with the given operator.
    public func redact(_ text: String, operator redaction: RedactionOperator, entities: Set<PIIEntity> = Set(PIIEntity.allCases)) -> (text: String, findings: [Finding]) {
        let findings = pii.analyze(text, entities: entities, minimumScore: policy.input.pii.min_score)
        return (redactor.redact(text, findings: findings, with: redaction), findings)
    }
}
