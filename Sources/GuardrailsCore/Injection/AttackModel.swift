import Foundation
import TextClassification

/// A linear model over hashed word and character n-grams that reads a message as an attack on
/// the assistant or as ordinary customer text. Trained by `ConciergeTrainer train-attacks` on public
/// jailbreak and indirect-injection data and on real customer-service text
/// (training/guardrails/README.md); it catches the phrasings the family rules have never seen.
public struct AttackModel: Sendable {
    public let classifier: LinearTextClassifier
    private let attackIndex: Int

    public static let attackLabel = "attack"
    public static let benignLabel = "benign"
    public static let resourceName = "attacks.ltc"

    public init(classifier: LinearTextClassifier) throws {
        guard let index = classifier.labels.firstIndex(of: Self.attackLabel), classifier.labels.count == 2 else {
            throw LinearTextClassifier.ModelError.malformed("an attack model has the labels \(Self.attackLabel) and \(Self.benignLabel)")
        }
        self.classifier = classifier
        self.attackIndex = index
    }

    /// The probability that `text` is an attack.
    public func attackProbability(_ text: String) -> Double {
        Double(classifier.probabilities(text)[attackIndex])
    }

    /// The model bundled with GuardrailsCore; nil when its file is missing or damaged (the
    /// family rules then decide alone). The images copy the resource bundles with the binaries.
    public static let bundled: AttackModel? = try? loadBundled()

    public static func loadBundled() throws -> AttackModel {
        guard let url = Bundle.module.url(forResource: "AttackModel", withExtension: nil)?.appendingPathComponent(resourceName) else {
            throw LinearTextClassifier.ModelError.malformed("AttackModel resource missing")
        }
        return try AttackModel(classifier: LinearTextClassifier(serialized: Data(contentsOf: url)))
    }
}
