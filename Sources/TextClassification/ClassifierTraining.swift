import Foundation

/// One labeled text.
public struct LabeledText: Sendable, Hashable, Codable {
    public var text: String
    public var label: String

    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}

/// Trains a `LinearTextClassifier` by stochastic gradient descent on the softmax loss with L2
/// regularization. Deterministic: the same examples, settings and seed give the same model.
public struct ClassifierTraining: Sendable {
    public var features = HashedFeatures()
    public var epochs = 20
    public var learningRate: Float = 0.5
    /// L2 strength per example.
    public var regularization: Float = 1e-6

    public init() {}

    /// `generator` orders the examples of each epoch: a seeded one makes training reproducible.
    public func train(_ examples: [LabeledText], using generator: inout some RandomNumberGenerator) -> LinearTextClassifier {
        let labels = Array(Set(examples.map(\.label))).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let vectors = examples.map { features.vector($0.text) }
        let targets = examples.map { index[$0.label]! }
        let labelCount = labels.count
        var weights = [Float](repeating: 0, count: features.bucketCount * labelCount)
        var bias = [Float](repeating: 0, count: labelCount)
        // The weights are `scale * weights`: L2 decay shrinks one number per step instead of
        // every weight (Bottou's trick), so a step costs only the example's features.
        var scale: Float = 1
        var order = Array(examples.indices)
        var step: Float = 0
        var probabilities = [Float](repeating: 0, count: labelCount)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            for example in order {
                let rate = learningRate / (1 + learningRate * regularization * step)
                step += 1
                let vector = vectors[example]
                for label in 0..<labelCount { probabilities[label] = bias[label] }
                for entry in vector {
                    let row = Int(entry.bucket) * labelCount
                    for label in 0..<labelCount { probabilities[label] += scale * weights[row + label] * entry.value }
                }
                let maximum = probabilities.max() ?? 0
                var total: Float = 0
                for label in 0..<labelCount { probabilities[label] = exp(probabilities[label] - maximum); total += probabilities[label] }
                for label in 0..<labelCount { probabilities[label] /= total }
                probabilities[targets[example]] -= 1  // now the gradient of the loss per score
                scale *= 1 - rate * regularization
                if scale < 1e-6 {
                    for i in weights.indices { weights[i] *= scale }
                    scale = 1
                }
                for entry in vector {
                    let row = Int(entry.bucket) * labelCount
                    let factor = rate * entry.value / scale
                    for label in 0..<labelCount { weights[row + label] -= factor * probabilities[label] }
                }
                for label in 0..<labelCount { bias[label] -= rate * 0.1 * probabilities[label] }
            }
        }
        for i in weights.indices { weights[i] *= scale }
        return LinearTextClassifier(features: features, labels: labels, weights: weights, bias: bias)
    }

    /// The softmax temperature with the lowest mean negative log-likelihood on `examples`.
    public static func fittedTemperature(_ model: LinearTextClassifier, on examples: [LabeledText]) -> Float {
        let index = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        let scored = examples.compactMap { example in index[example.label].map { (model.scores(example.text), $0) } }
        guard !scored.isEmpty else { return 1 }
        var best: (temperature: Float, loss: Double) = (1, .infinity)
        for step in 1...60 {
            let temperature = Float(step) * 0.05
            let loss = scored.reduce(0.0) { sum, item in
                sum - log(max(Double(LinearTextClassifier.softmax(item.0, temperature: temperature)[item.1]), 1e-12))
            }
            if loss < best.loss { best = (temperature, loss) }
        }
        return best.temperature
    }
}
