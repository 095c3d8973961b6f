import Foundation

/// What a direction checks and what it does about each kind of finding. Loaded from JSON
/// (`GUARDRAILS_POLICY`), or the built-in default.
public struct GuardrailsPolicy: Sendable, Codable, Equatable {
    public struct PIIRule: Sendable, Codable, Equatable {
        public var enabled: Bool
        public var entities: [PIIEntity]
        public var min_score: Double
        public var action: GuardrailAction
        public var `operator`: RedactionOperator
        /// Entity types that block the whole message instead of being redacted.
        public var block_entities: [PIIEntity]
    }

    public struct ScoreRule: Sendable, Codable, Equatable {
        public var enabled: Bool
        public var threshold: Double
        public var action: GuardrailAction
    }

    public struct DirectionPolicy: Sendable, Codable, Equatable {
        public var pii: PIIRule
        public var injection: ScoreRule
        public var toxicity: ScoreRule
        /// Investment, tax and legal advice: flagged (for a disclaimer), normally allowed.
        public var advice: ScoreRule
        public var leakage: ScoreRule
    }

    public var version: Int
    public var input: DirectionPolicy
    public var output: DirectionPolicy
    /// Strings that must never appear in a reply (for example a marker in the system prompt).
    public var canaries: [String]

    public func rules(for direction: Direction) -> DirectionPolicy {
        direction == .input ? input : output
    }

    public static let builtIn = GuardrailsPolicy(
        version: 1,
        input: DirectionPolicy(
            pii: PIIRule(enabled: true, entities: PIIEntity.allCases, min_score: 0.5, action: .redact, operator: .replace, block_entities: []),
            injection: ScoreRule(enabled: true, threshold: 0.7, action: .block),
            toxicity: ScoreRule(enabled: true, threshold: 0.7, action: .block),
            advice: ScoreRule(enabled: true, threshold: 0.6, action: .allow),
            leakage: ScoreRule(enabled: false, threshold: 0.7, action: .allow)
        ),
        output: DirectionPolicy(
            pii: PIIRule(enabled: true, entities: PIIEntity.allCases, min_score: 0.5, action: .redact, operator: .mask, block_entities: []),
            injection: ScoreRule(enabled: false, threshold: 0.7, action: .allow),
            toxicity: ScoreRule(enabled: true, threshold: 0.7, action: .block),
            advice: ScoreRule(enabled: false, threshold: 0.6, action: .allow),
            leakage: ScoreRule(enabled: true, threshold: 0.7, action: .block)
        ),
        canaries: []
    )

    public struct LoadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot use policy \(path): \(reason)" }
    }

    public static func load(path: String) throws -> GuardrailsPolicy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, reason: "file not found or unreadable")
        }
        do {
            let policy = try JSONDecoder().decode(GuardrailsPolicy.self, from: data)
            for direction in [policy.input, policy.output] {
                for threshold in [direction.pii.min_score, direction.injection.threshold, direction.toxicity.threshold, direction.advice.threshold, direction.leakage.threshold]
                where !(0...1).contains(threshold) {
                    throw LoadError(path: path, reason: "thresholds must be between 0 and 1")
                }
            }
            return policy
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(path: path, reason: "not a valid policy (\(error))")
        }
    }
}
