import COpenBLAS
import Foundation

/// BERT encoder weights (tensors named as in a plain `BertModel` checkpoint: no `bert.` prefix)
/// and the forward pass with mean pooling and L2 normalisation.
struct BertModel: Sendable {
    struct Layer: Sendable {
        var query, queryBias, key, keyBias, value, valueBias: FloatTensor
        var attentionOutput, attentionOutputBias, attentionNormGamma, attentionNormBeta: FloatTensor
        var intermediate, intermediateBias: FloatTensor
        var output, outputBias, outputNormGamma, outputNormBeta: FloatTensor
    }

    let configuration: BertConfiguration
    let wordEmbeddings, positionEmbeddings, tokenTypeEmbeddings: FloatTensor
    let embeddingNormGamma, embeddingNormBeta: FloatTensor
    let layers: [Layer]

    init(weights file: SafetensorsFile, configuration c: BertConfiguration) throws {
        _ = openBLASSingleThreaded
        let (h, i) = (c.hiddenSize, c.intermediateSize)
        func tensor(_ name: String, _ shape: [Int]) throws -> FloatTensor {
            try file.floatTensor(name, shape: shape)
        }
        configuration = c
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [c.maxPositionEmbeddings, h])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, h])
        embeddingNormGamma = try tensor("embeddings.LayerNorm.weight", [h])
        embeddingNormBeta = try tensor("embeddings.LayerNorm.bias", [h])
        layers = try (0..<c.layerCount).map { index in
            let p = "encoder.layer.\(index)."
            return Layer(
                query: try tensor(p + "attention.self.query.weight", [h, h]),
                queryBias: try tensor(p + "attention.self.query.bias", [h]),
                key: try tensor(p + "attention.self.key.weight", [h, h]),
                keyBias: try tensor(p + "attention.self.key.bias", [h]),
                value: try tensor(p + "attention.self.value.weight", [h, h]),
                valueBias: try tensor(p + "attention.self.value.bias", [h]),
                attentionOutput: try tensor(p + "attention.output.dense.weight", [h, h]),
                attentionOutputBias: try tensor(p + "attention.output.dense.bias", [h]),
                attentionNormGamma: try tensor(p + "attention.output.LayerNorm.weight", [h]),
                attentionNormBeta: try tensor(p + "attention.output.LayerNorm.bias", [h]),
                intermediate: try tensor(p + "intermediate.dense.weight", [i, h]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [i]),
                output: try tensor(p + "output.dense.weight", [h, i]),
                outputBias: try tensor(p + "output.dense.bias", [h]),
                outputNormGamma: try tensor(p + "output.LayerNorm.weight", [h]),
                outputNormBeta: try tensor(p + "output.LayerNorm.bias", [h]))
        }
    }

    /// Mean-pooled, L2-normalised embeddings of `sequences` (token ids, each non-empty, at most
    /// `maxPositionEmbeddings` long and within the vocabulary).
    ///
    /// The sequences are packed end to end instead of padded: every step but attention works row
    /// by row, and attention runs per sequence over its own tokens only, which is exactly what
    /// a padding mask would achieve, without computing the padding.
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        let c = configuration
        let (width, headSize) = (c.hiddenSize, c.headSize)
        let tokenCount = sequences.reduce(0) { $0 + $1.count }
        let longest = sequences.map(\.count).max() ?? 0
        precondition(sequences.allSatisfy { !$0.isEmpty } && longest <= c.maxPositionEmbeddings)

        // Per-call scratch: the model itself is immutable, so concurrent calls share nothing.
        let hiddenCount = tokenCount * width
        let scratch = UnsafeMutablePointer<Float>.allocate(
            capacity: 6 * hiddenCount + tokenCount * c.intermediateSize + longest * longest)
        defer { scratch.deallocate() }
        let hidden = scratch
        let query = hidden + hiddenCount
        let key = query + hiddenCount
        let value = key + hiddenCount
        let context = value + hiddenCount
        let projected = context + hiddenCount
        let intermediate = projected + hiddenCount
        let scores = intermediate + tokenCount * c.intermediateSize

        // Embeddings: word + position + token type 0, then LayerNorm.
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                precondition(id >= 0 && Int(id) < c.vocabularySize, "token id \(id) outside the vocabulary")
                let out = hidden + row * width
                let word = wordEmbeddings.pointer + Int(id) * width
                let place = positionEmbeddings.pointer + position * width
                let type = tokenTypeEmbeddings.pointer
                for i in 0..<width { out[i] = word[i] + place[i] + type[i] }
                row += 1
            }
        }
        layerNorm(hidden, rows: tokenCount, gamma: embeddingNormGamma, beta: embeddingNormBeta,
                  epsilon: c.layerNormEpsilon)

        let scale = 1 / Float(headSize).squareRoot()
        for layer in layers {
            for (weight, bias, out) in [(layer.query, layer.queryBias, query), (layer.key, layer.keyBias, key),
                                        (layer.value, layer.valueBias, value)] {
                broadcastRows(bias, rows: tokenCount, into: out)
                multiplyTransposed(hidden, rows: tokenCount, weight: weight, into: out, accumulate: true)
            }
            var start = 0
            for sequence in sequences {
                let n = Int32(sequence.count)
                let offset = start * width
                for head in 0..<c.attentionHeadCount {
                    let column = offset + head * headSize
                    // scores = q·kᵀ/√d over this sequence's tokens; softmax per row; context = scores·v.
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(headSize),
                                scale, query + column, Int32(width), key + column, Int32(width),
                                0, scores, n)
                    for r in 0..<Int(n) { softmax(scores + r * Int(n), count: Int(n)) }
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(headSize), n,
                                1, scores, n, value + column, Int32(width),
                                0, context + column, Int32(width))
                }
                start += sequence.count
            }
            multiplyTransposed(context, rows: tokenCount, weight: layer.attentionOutput, into: projected)
            addBiasResidualLayerNorm(projected, rows: tokenCount, bias: layer.attentionOutputBias, residual: hidden,
                                     gamma: layer.attentionNormGamma, beta: layer.attentionNormBeta,
                                     epsilon: c.layerNormEpsilon)
            multiplyTransposed(projected, rows: tokenCount, weight: layer.intermediate, into: intermediate)
            addBiasGELU(intermediate, rows: tokenCount, bias: layer.intermediateBias)
            multiplyTransposed(intermediate, rows: tokenCount, weight: layer.output, into: hidden)
            addBiasResidualLayerNorm(hidden, rows: tokenCount, bias: layer.outputBias, residual: projected,
                                     gamma: layer.outputNormGamma, beta: layer.outputNormBeta,
                                     epsilon: c.layerNormEpsilon)
        }

        // Mean over every token of each sequence ([CLS] and [SEP] included), then unit length.
        var embeddings: [[Float]] = []
        embeddings.reserveCapacity(sequences.count)
        var first = 0
        for sequence in sequences {
            var pooled = [Float](repeating: 0, count: width)
            for r in first..<(first + sequence.count) {
                let p = hidden + r * width
                for i in 0..<width { pooled[i] += p[i] }
            }
            first += sequence.count
            let inverseCount = 1 / Float(sequence.count)
            var squares: Float = 0
            for i in 0..<width {
                pooled[i] *= inverseCount
                squares += pooled[i] * pooled[i]
            }
            let inverseNorm = 1 / max(squares.squareRoot(), 1e-12)
            for i in 0..<width { pooled[i] *= inverseNorm }
            embeddings.append(pooled)
        }
        return embeddings
    }
}
