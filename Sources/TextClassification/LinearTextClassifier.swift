import Foundation

/// A multinomial logistic-regression text classifier over `HashedFeatures`: one weight per
/// bucket and label, stored as int8 with one scale per label (a 32k-bucket, 90-label model is
/// under 3 MB), and a softmax temperature fitted on held-apart data so the probabilities can
/// be used as confidence. Immutable and `Sendable`: one instance serves every request.
public struct LinearTextClassifier: Sendable {
    public let features: HashedFeatures
    public let labels: [String]
    /// Divides the scores before the softmax; fitted on validation data (temperature scaling).
    public let temperature: Float
    let bias: [Float]
    let scales: [Float]
    /// Bucket-major: the labels' weights of one bucket are adjacent, so a message reads one
    /// short row per active feature.
    let weights: [Int8]

    public struct Prediction: Sendable, Equatable {
        public let label: String
        public let probability: Float
    }

    /// Builds the stored form from float weights (`weights[bucket * labels.count + label]`).
    public init(features: HashedFeatures, labels: [String], weights: [Float], bias: [Float], temperature: Float = 1) {
        precondition(weights.count == features.bucketCount * labels.count && bias.count == labels.count)
        let labelCount = labels.count
        var scales = [Float](repeating: 0, count: labelCount)
        for bucket in 0..<features.bucketCount {
            for label in 0..<labelCount { scales[label] = max(scales[label], abs(weights[bucket * labelCount + label])) }
        }
        scales = scales.map { $0 > 0 ? $0 / 127 : 1 }
        var quantized = [Int8](repeating: 0, count: weights.count)
        for index in weights.indices {
            quantized[index] = Int8(clamping: Int((weights[index] / scales[index % labelCount]).rounded()))
        }
        self.init(features: features, labels: labels, temperature: temperature, bias: bias, scales: scales, weights: quantized)
    }

    init(features: HashedFeatures, labels: [String], temperature: Float, bias: [Float], scales: [Float], weights: [Int8]) {
        self.features = features
        self.labels = labels
        self.temperature = temperature
        self.bias = bias
        self.scales = scales
        self.weights = weights
    }

    /// The same model with another softmax temperature.
    public func calibrated(temperature: Float) -> LinearTextClassifier {
        LinearTextClassifier(features: features, labels: labels, temperature: temperature, bias: bias, scales: scales, weights: weights)
    }

    /// Raw scores per label (before the temperature and the softmax).
    public func scores(_ text: String) -> [Float] {
        let labelCount = labels.count
        var sums = [Float](repeating: 0, count: labelCount)
        weights.withUnsafeBufferPointer { stored in
            sums.withUnsafeMutableBufferPointer { sums in
                for entry in features.vector(text) {
                    let row = Int(entry.bucket) * labelCount
                    for label in 0..<labelCount { sums[label] += Float(stored[row + label]) * entry.value }
                }
            }
        }
        for label in 0..<labelCount { sums[label] = sums[label] * scales[label] + bias[label] }
        return sums
    }

    /// Calibrated probabilities, one per label (in `labels` order).
    public func probabilities(_ text: String) -> [Float] {
        Self.softmax(scores(text), temperature: temperature)
    }

    /// Calibrated probabilities, most likely first.
    public func classify(_ text: String, top: Int = 3) -> [Prediction] {
        let probabilities = probabilities(text)
        return probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(top).map {
            Prediction(label: labels[$0], probability: probabilities[$0])
        }
    }

    public static func softmax(_ scores: [Float], temperature: Float) -> [Float] {
        let maximum = scores.max() ?? 0
        let exponentials = scores.map { Float(exp(Double(($0 - maximum) / temperature))) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}

// MARK: - Stored form

extension LinearTextClassifier {
    public enum ModelError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self { case .malformed(let reason): "malformed classifier model: \(reason)" }
        }
    }

    static let magic = Array("LTC1".utf8)

    /// Little-endian: magic, bucket bits, character n-gram range, bigram flag, label count,
    /// temperature, labels (length-prefixed UTF-8), bias, scales, int8 weights.
    public func serialized() -> Data {
        var data = Data(Self.magic)
        func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func put(_ value: Float) { put(value.bitPattern) }
        put(UInt32(features.bucketBits))
        put(UInt32(features.characterGrams.lowerBound))
        put(UInt32(features.characterGrams.upperBound))
        put(UInt32(features.wordBigrams ? 1 : 0))
        put(UInt32(labels.count))
        put(temperature)
        for label in labels {
            let bytes = Array(label.utf8)
            put(UInt32(bytes.count))
            data.append(contentsOf: bytes)
        }
        bias.forEach { put($0) }
        scales.forEach { put($0) }
        weights.withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    public init(serialized data: Data) throws {
        let bytes = [UInt8](data)
        var offset = 0
        func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, offset + count <= bytes.count else { throw ModelError.malformed("truncated at byte \(offset)") }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        func word() throws -> UInt32 {
            try take(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        func float() throws -> Float { Float(bitPattern: try word()) }
        guard Array(try take(4)) == Self.magic else { throw ModelError.malformed("not a classifier model") }
        let bits = Int(try word()), low = Int(try word()), high = Int(try word()), bigrams = try word() == 1
        let labelCount = Int(try word())
        guard (8...24).contains(bits), low >= 1, high >= low, high <= 16, (1...10_000).contains(labelCount) else {
            throw ModelError.malformed("implausible header")
        }
        let temperature = try float()
        var labels: [String] = []
        for _ in 0..<labelCount {
            let length = Int(try word())
            guard let label = String(bytes: try take(length), encoding: .utf8) else { throw ModelError.malformed("label is not UTF-8") }
            labels.append(label)
        }
        let bias = try (0..<labelCount).map { _ in try float() }
        let scales = try (0..<labelCount).map { _ in try float() }
        let features = HashedFeatures(bucketBits: bits, characterGrams: low...high, wordBigrams: bigrams)
        let weights = try take(features.bucketCount * labelCount).map { Int8(bitPattern: $0) }
        guard offset == bytes.count else { throw ModelError.malformed("\(bytes.count - offset) trailing bytes") }
        guard temperature.isFinite, temperature > 0, (bias + scales).allSatisfy(\.isFinite) else { throw ModelError.malformed("non-finite parameters") }
        self.init(features: features, labels: labels, temperature: temperature, bias: bias, scales: scales, weights: weights)
    }
}
