import Foundation

/// Turns texts into vectors. The store records `model` and `dimension` and refuses to mix
/// vectors from another embedder.
public protocol Embedder: Sendable {
    var model: String { get }
    var dimension: Int { get }
    /// One L2-normalized vector per text, in order.
    func embed(_ texts: [String]) async throws -> [[Float]]
}

public enum EmbedderError: Error, CustomStringConvertible, Sendable {
    case badResponse(String)
    case dimensionMismatch(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .badResponse(let reason): return "embeddings endpoint answered unexpectedly: \(reason)"
        case .dimensionMismatch(let expected, let got): return "embeddings endpoint returned \(got) dimensions, configured \(expected)"
        }
    }
}

/// The default embedder: no model download, no network, the same vector for the same text in
/// every process. Features are hashed (signed feature hashing) into `dimension` buckets:
/// stemmed words, word bigrams (phrases such as "wire transfer") and character 3- and 4-grams
/// of each word (typos, compounds, "chargeback" vs "charge back"). Weights are sublinear term
/// frequency times an inverse document frequency learned from a reference corpus (the bundled
/// knowledge base), so "card" counts less than "chargeback". Unknown features get the highest IDF.
public struct LocalEmbedder: Embedder {
    public let dimension: Int
    public var model: String { "local-hashed-ngrams-v1" }
    private let idf: [UInt64: Float]
    private let unknownIDF: Float

    static let wordWeight: Float = 1.0
    static let bigramWeight: Float = 0.6
    static let charGramWeight: Float = 0.2
    /// Thesaurus concepts weigh more than single words: a paraphrased question shares its
    /// concepts with the answer far more often than its words (measured on eval/rag).
    static let conceptWeight: Float = 1.5

    public init(dimension: Int = 512, referenceCorpus: [String]) {
        self.dimension = dimension
        var documentFrequency: [UInt64: Int] = [:]
        for text in referenceCorpus {
            for feature in Set(Self.features(text).map(\.hash)) {
                documentFrequency[feature, default: 0] += 1
            }
        }
        let n = Float(max(referenceCorpus.count, 1))
        idf = documentFrequency.mapValues { df in log((n + 1) / (Float(df) + 1)) + 1 }
        unknownIDF = log(n + 1) + 1
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map(vector)
    }

    /// Synchronous form, for callers that are not async (benchmarks, index building).
    public func vector(_ text: String) -> [Float] {
        var counts: [UInt64: (count: Float, weight: Float)] = [:]
        for feature in Self.features(text) {
            counts[feature.hash, default: (0, feature.weight)].count += 1
        }
        var vector = [Float](repeating: 0, count: dimension)
        for (hash, entry) in counts {
            let weight = (1 + log(entry.count)) * (idf[hash] ?? unknownIDF) * entry.weight
            let index = Int(hash % UInt64(dimension))
            vector[index] += (hash >> 63) == 0 ? weight : -weight
        }
        return VectorMath.normalized(vector)
    }

    struct Feature {
        let hash: UInt64
        let weight: Float
    }

    static func features(_ text: String) -> [Feature] {
        let words = TextAnalyzer.words(text)
        var features: [Feature] = []
        features.reserveCapacity(words.count * 8)
        var previousTerm: String?
        for word in words {
            let term = TextAnalyzer.stem(word)
            for concept in Thesaurus.concepts(ofStem: term) {
                features.append(Feature(hash: stableHash(concept.utf8, seed: 0x3), weight: conceptWeight))
            }
            if TextAnalyzer.stopWords.contains(word) { continue }
            features.append(Feature(hash: stableHash(term.utf8, seed: 0x1), weight: wordWeight))
            if let previousTerm {
                features.append(Feature(hash: stableHash((previousTerm + " " + term).utf8, seed: 0x2), weight: bigramWeight))
            }
            previousTerm = term
            let bytes = [UInt8(ascii: "#")] + Array(word.utf8) + [UInt8(ascii: "#")]
            for n in 3...4 where bytes.count >= n {
                for start in 0...(bytes.count - n) {
                    features.append(Feature(hash: stableHash(bytes[start..<(start + n)], seed: UInt64(n) << 8), weight: charGramWeight))
                }
            }
        }
        return features
    }
}

public enum VectorMath {
    public static func normalized(_ vector: [Float]) -> [Float] {
        var sum: Float = 0
        for x in vector { sum += x * x }
        guard sum > 0 else { return vector }
        let scale = 1 / sum.squareRoot()
        return vector.map { $0 * scale }
    }

    /// Dot product of two equal-length vectors (cosine similarity for normalized ones).
    @inline(__always)
    public static func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        let n = a.count
        var i = 0
        var acc = SIMD8<Float>()
        if let pa = a.baseAddress, let pb = b.baseAddress {
            let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
            while i + 8 <= n {
                let x = ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                let y = rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                acc += x * y
                i += 8
            }
        }
        var sum = acc.sum()
        while i < n {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }

    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in dot(x, y) } }
    }

    /// pgvector's text form: `[0.1,0.2,...]`.
    public static func pgvectorText(_ vector: [Float]) -> String {
        var text = "["
        text.reserveCapacity(vector.count * 10)
        for (i, x) in vector.enumerated() {
            if i > 0 { text += "," }
            text += String(x)
        }
        return text + "]"
    }
}
