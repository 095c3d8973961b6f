import Foundation
import GuardrailsCore
import SharedHealth
import TextClassification

/// Trains the guardrails' attack model (`AttackModel`): attacks from public jailbreak and
/// indirect-injection data (training/guardrails/attacks-public.jsonl, built by its script) and
/// the team's own attack set; ordinary text from BANKING77's train split, the account-intent
/// and article questions, the team's own benign set and documents without an instruction.
/// 90 / 10 by FNV-1a of the text; the 10 % fits the temperature and gives the figures below.
/// The blind generalization sets (eval/guardrails/generalization) are never read here.
enum AttackTraining {
    static let modelPath = "Sources/GuardrailsCore/Resources/AttackModel/" + AttackModel.resourceName
    static let publicFile = "training/guardrails/attacks-public.jsonl"
    static let ownAttacksFile = "eval/guardrails/attacks.jsonl"
    static let ownBenignFile = "eval/guardrails/benign.jsonl"
    /// Attacks are about one example in nine: each is seen this many times per epoch.
    static let attackWeight = 4

    static func examples(root: URL) throws -> [LabeledText] {
        func lines(_ path: String) throws -> [[String: String]] {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).split(separator: "\n")
                .filter { !$0.allSatisfy(\.isWhitespace) }
                .map { line in
                    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
                    return object.compactMapValues { $0 as? String }
                }
        }
        var examples: [LabeledText] = []
        for row in try lines(publicFile) {
            guard let text = row["text"], let label = row["label"], [AttackModel.attackLabel, AttackModel.benignLabel].contains(label) else {
                throw TrainerError.unexpected("\(publicFile): a row without text or with an unknown label")
            }
            examples.append(LabeledText(text: text, label: label))
        }
        examples += try lines(ownAttacksFile).compactMap { $0["text"] }.map { LabeledText(text: $0, label: AttackModel.attackLabel) }
        examples += try lines(ownBenignFile).compactMap { $0["text"] }.map { LabeledText(text: $0, label: AttackModel.benignLabel) }
        var ordinary = try TrainingData.bankingExamples(at: root.appendingPathComponent(TrainingData.bankingFile)).map(\.text)
        ordinary += try TrainingData.jsonLines(at: root.appendingPathComponent(TrainingData.accountTrainingFile)).map(\.text)
        ordinary += try TrainingData.jsonLines(at: root.appendingPathComponent(TrainingData.articleQuestionsFile)).map(\.text)
        // The help center's own sentences: the words customers ask about ("rules", "limits",
        // "policy", "verify") are ordinary words here, not an attacker's.
        ordinary += try helpCenterSentences(in: root.appendingPathComponent(TrainingData.knowledgeBaseDirectory))
        examples += ordinary.map { LabeledText(text: $0, label: AttackModel.benignLabel) }
        return examples
    }

    static func helpCenterSentences(in directory: URL) throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.hasPrefix("---") && !$0.contains(": ") || $0.hasPrefix("- ") }
                .flatMap { $0.split(separator: ".") }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " #-*")) }
                .filter { $0.split(separator: " ").count >= 4 }
        }
    }

    static func isValidation(_ text: String) -> Bool {
        HashedFeatures.stableHash(text.lowercased().utf8) % 10 == 0
    }

    static func train(root: URL, options: ConciergeTrainer.Options) throws {
        let all = try examples(root: root)
        let validation = all.filter { isValidation($0.text) }
        let fitting = all.filter { !isValidation($0.text) }
        let training = fitting.flatMap { $0.label == AttackModel.attackLabel ? Array(repeating: $0, count: attackWeight) : [$0] }
        var trainer = ClassifierTraining()
        trainer.features = HashedFeatures(bucketBits: Int(options.number("--bucket-bits", 16)))
        trainer.epochs = Int(options.number("--epochs", 12))
        trainer.learningRate = Float(options.number("--rate", 0.5))
        trainer.regularization = Float(options.number("--l2", 1e-6))
        let attacks = fitting.filter { $0.label == AttackModel.attackLabel }.count
        print("training on \(fitting.count) examples (\(attacks) attacks, each weighted \(attackWeight)×); validation \(validation.count)")
        let started = ContinuousClock.now
        var generator = SeededRandom(seed: 21)
        let raw = trainer.train(training, using: &generator)
        let model = try AttackModel(classifier: raw.calibrated(temperature: ClassifierTraining.fittedTemperature(raw, on: validation)))
        print("trained in \(ContinuousClock.now - started); softmax temperature \(model.classifier.temperature)")
        report(model, on: validation, verbose: options.flags.contains("--verbose"))
        guard !options.flags.contains("--dry-run") else { return }
        let url = root.appendingPathComponent(modelPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try model.classifier.serialized().write(to: url)
        print("wrote \(modelPath)")
    }

    /// Recall on attacks and false positives on ordinary text, at several thresholds.
    static func report(_ model: AttackModel, on validation: [LabeledText], verbose: Bool = false) {
        if verbose {
            for example in validation where (example.label == AttackModel.attackLabel) != (model.attackProbability(example.text) >= 0.7) {
                print(String(format: "  %@ %.2f %@", example.label, model.attackProbability(example.text), String(example.text.prefix(110)).replacingOccurrences(of: "\n", with: " ")))
            }
        }
        let scored = validation.map { ($0.label == AttackModel.attackLabel, model.attackProbability($0.text)) }
        let attacks = scored.filter(\.0).map(\.1)
        let ordinary = scored.filter { !$0.0 }.map(\.1)
        for threshold in [0.5, 0.7, 0.8, 0.9, 0.95] {
            let caught = attacks.filter { $0 >= threshold }.count
            let flagged = ordinary.filter { $0 >= threshold }.count
            print(String(format: "validation at %.2f: attacks %.1f %% (%d/%d), ordinary text flagged %.2f %% (%d/%d)", threshold,
                         100 * Double(caught) / Double(max(1, attacks.count)), caught, attacks.count,
                         100 * Double(flagged) / Double(max(1, ordinary.count)), flagged, ordinary.count))
        }
    }
}
