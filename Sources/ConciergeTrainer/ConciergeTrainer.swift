import Foundation
import ConciergeCore
import GuardrailsCore
import SharedHealth
import TextClassification

/// Trains the concierge's intent model from the files in training/intents/ and writes it where
/// ConciergeCore bundles it; `evaluate` prints the figures of the model that is bundled.
///
///     swift run -c release ConciergeTrainer train [--bucket-bits 14] [--epochs 12] [--rate 0.5] [--l2 1e-6]
///     swift run -c release ConciergeTrainer evaluate [--held-out]
@main
struct ConciergeTrainer {
    static let modelPath = "Sources/ConciergeCore/Resources/IntentModel/intents.ltc"

    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        switch arguments.first {
        case "train":
            try train(root: root, options: Options(arguments.dropFirst()))
        case "evaluate":
            try Evaluation.run(root: root, heldOut: arguments.contains("--held-out"))
            try await EntityEvaluation.run(root: root, heldOut: arguments.contains("--held-out"), verbose: arguments.contains("--verbose"))
        case "train-attacks":
            try AttackTraining.train(root: root, options: Options(arguments.dropFirst()))
        case "explain-attack":
            let model = try AttackModel(classifier: LinearTextClassifier(serialized: Data(contentsOf: root.appendingPathComponent(AttackTraining.modelPath))))
            for text in arguments.dropFirst() { print(String(format: "%.3f  %@", model.attackProbability(text), String(text.prefix(100)))) }
        case "explain":
            let model = try IntentModel.load(from: root.appendingPathComponent(modelPath).deletingLastPathComponent())
            for text in arguments.dropFirst() {
                print(text)
                for prediction in model.classifier.classify(text, top: 4) { print(String(format: "   label %-40@ %.3f", prediction.label, prediction.probability)) }
                for reading in model.read(text, top: 3) { print(String(format: "   reads %-40@ %.3f  %@", reading.label, reading.probability, "\(reading.topic)".prefix(90).description)) }
            }
        default:
            print("usage: ConciergeTrainer train [--bucket-bits N] [--epochs N] [--rate R] [--l2 L] [--dry-run] | evaluate [--held-out] | explain TEXT... | train-attacks [--bucket-bits N] [--epochs N] [--dry-run] | explain-attack TEXT...")
            exit(2)
        }
    }

    struct Options {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        init(_ arguments: ArraySlice<String>) {
            var iterator = arguments.makeIterator()
            while let argument = iterator.next() {
                if argument.hasPrefix("--"), ["--dry-run", "--held-out", "--verbose"].contains(argument) { flags.insert(argument) } else { values[argument] = iterator.next() }
            }
        }
        func number(_ name: String, _ fallback: Double) -> Double { values[name].flatMap(Double.init) ?? fallback }
    }

    static func train(root: URL, options: Options) throws {
        let data = try TrainingData.load(root: root)
        var training = ClassifierTraining()
        training.features = HashedFeatures(bucketBits: Int(options.number("--bucket-bits", 14)))
        training.epochs = Int(options.number("--epochs", 20))
        training.learningRate = Float(options.number("--rate", 0.5))
        training.regularization = Float(options.number("--l2", 1e-6))
        print("training on \(data.training.count) examples, \(Set(data.training.map(\.label)).count) labels; validation \(data.validation.count)")
        let started = ContinuousClock.now
        var generator = SeededRandom(seed: 77)
        let raw = training.train(data.training, using: &generator)
        let temperature = ClassifierTraining.fittedTemperature(raw, on: data.validation)
        let model = raw.calibrated(temperature: temperature)
        print("trained in \(ContinuousClock.now - started); softmax temperature \(temperature)")
        for (name, subset) in [("BANKING77 part", data.validation.filter { data.bankingLabels.contains($0.label) }),
                               ("account part", data.validation.filter { !data.bankingLabels.contains($0.label) })] {
            let correct = subset.filter { model.classify($0.text, top: 1).first?.label == $0.label }.count
            print(String(format: "validation %@: %.1f %% (%d/%d)", name, 100 * Double(correct) / Double(max(subset.count, 1)), correct, subset.count))
        }
        guard !options.flags.contains("--dry-run") else { return }
        let url = root.appendingPathComponent(modelPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try model.serialized().write(to: url)
        print("wrote \(modelPath)")
    }
}
