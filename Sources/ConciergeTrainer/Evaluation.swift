import ConciergeCore
import Foundation
import TextClassification

/// `make eval-understanding`: the bundled model's figures on the validation split (or, with
/// `--held-out`, on the part kept apart for final reporting).
enum Evaluation {
    static func run(root: URL, heldOut: Bool) throws {
        let data = try TrainingData.load(root: root)
        let model = try IntentModel.load(from: root.appendingPathComponent(ConciergeTrainer.modelPath).deletingLastPathComponent())
        let examples = heldOut ? data.heldOut : data.validation
        let split = heldOut ? "held-out" : "validation"
        print("Intent model: \(model.classifier.labels.count) labels, \(model.classifier.features.bucketCount) buckets, softmax temperature \(model.classifier.temperature)")
        for (part, subset) in [("BANKING77", examples.filter { data.bankingLabels.contains($0.label) }),
                               ("account intents", examples.filter { !data.bankingLabels.contains($0.label) })] {
            report(part: part, split: split, subset, model: model)
        }
        timing(examples.map(\.text), model: model)
    }

    /// The model's intent among the labels of the evaluated kind (article topics are where a
    /// question is routed, not an intent of their own).
    static func intent(_ text: String, model: IntentModel) -> String {
        let probabilities = model.classifier.probabilities(text)
        var best = (label: "", probability: Float(-1))
        for (index, label) in model.classifier.labels.enumerated() where !label.hasPrefix("article:") && probabilities[index] > best.probability {
            best = (label, probabilities[index])
        }
        return best.label
    }

    /// Whether the reading leads where the gold label does: the same account intent, or the
    /// same first article with the same handoff decision.
    static func routedRight(_ reading: IntentModel.Reading?, gold: String, model: IntentModel) -> Bool {
        guard let reading else { return false }
        switch (reading.topic, model.topic(of: gold)) {
        case (.account(let got), .account(let want)?): return got == want
        case (.support(_, let got), .support(_, let want)?): return got.articles.first == want.articles.first && got.handoff == want.handoff
        default: return false
        }
    }

    static func report(part: String, split: String, _ examples: [LabeledText], model: IntentModel) {
        guard !examples.isEmpty else { return }
        var correct = 0, routed = 0, confident = 0, confidentRouted = 0
        var truePositives: [String: Int] = [:], predicted: [String: Int] = [:], actual: [String: Int] = [:]
        var confusions: [String: [String: Int]] = [:]
        for example in examples {
            let got = intent(example.text, model: model)
            actual[example.label, default: 0] += 1
            predicted[got, default: 0] += 1
            if got == example.label { correct += 1; truePositives[got, default: 0] += 1 } else { confusions[example.label, default: [:]][got, default: 0] += 1 }
            let reading = model.read(example.text, top: 1).first
            let right = routedRight(reading, gold: example.label, model: model)
            if right { routed += 1 }
            if (reading?.probability ?? 0) >= 0.5 {
                confident += 1
                if right { confidentRouted += 1 }
            }
        }
        func f1(_ label: String) -> Double {
            let tp = Double(truePositives[label] ?? 0)
            let precision = tp / Double(max(predicted[label] ?? 0, 1)), recall = tp / Double(max(actual[label] ?? 0, 1))
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        let labels = actual.keys.sorted()
        let macro = labels.map(f1).reduce(0, +) / Double(labels.count)
        let n = Double(examples.count)
        print("\n\(part), \(split) (\(examples.count) messages, \(labels.count) intents)")
        print(String(format: "  intent accuracy   %5.1f %%   macro-F1 %.3f", 100 * Double(correct) / n, macro))
        print(String(format: "  routed right      %5.1f %%   (the right article, handoff or account intent first)", 100 * Double(routed) / n))
        print(String(format: "  confident (≥0.5)  %5.1f %% of messages, %5.1f %% of those routed right", 100 * Double(confident) / n, 100 * Double(confidentRouted) / Double(max(confident, 1))))
        print("  ten worst intents (F1, most frequent confusion):")
        for label in labels.sorted(by: { f1($0) < f1($1) }).prefix(10) {
            let top = confusions[label]?.max { $0.value < $1.value }
            print(String(format: "    %-48@ %.2f  %@", label, f1(label), top.map { "→ \($0.key) ×\($0.value)" } ?? ""))
        }
    }

    /// Time per message of the whole reading (features, scores, pooling), one thread.
    static func timing(_ texts: [String], model: IntentModel) {
        var samples: [Double] = []
        for _ in 0..<5 {
            for text in texts {
                let started = ContinuousClock.now
                _ = model.read(text, top: 2)
                let elapsed = ContinuousClock.now - started
                samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
            }
        }
        samples.sort()
        print(String(format: "\nTime per message (one thread, %d readings): p50 %.1f µs, p99 %.1f µs", samples.count, samples[samples.count / 2], samples[samples.count * 99 / 100]))
    }
}
