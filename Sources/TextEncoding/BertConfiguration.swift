import Foundation

/// The subset of a Hugging Face BERT `config.json` that the forward pass depends on.
public struct BertConfiguration: Sendable, Equatable, Decodable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var attentionHeadCount: Int
    public var intermediateSize: Int
    public var hiddenActivation: String
    public var layerNormEpsilon: Float
    public var maxPositionEmbeddings: Int
    public var typeVocabularySize: Int
    public var positionEmbeddingType: String?

    enum CodingKeys: String, CodingKey {
        case vocabularySize = "vocab_size"
        case hiddenSize = "hidden_size"
        case layerCount = "num_hidden_layers"
        case attentionHeadCount = "num_attention_heads"
        case intermediateSize = "intermediate_size"
        case hiddenActivation = "hidden_act"
        case layerNormEpsilon = "layer_norm_eps"
        case maxPositionEmbeddings = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size"
        case positionEmbeddingType = "position_embedding_type"
    }

    public var headSize: Int { hiddenSize / attentionHeadCount }

    /// Rejects configurations this implementation would silently compute wrongly.
    func validate() throws {
        func require(_ condition: Bool, _ message: String) throws {
            if !condition { throw SentenceEncoder.Error.unsupportedModel(message) }
        }
        try require(vocabularySize > 0 && hiddenSize > 0 && layerCount > 0 && intermediateSize > 0
                    && maxPositionEmbeddings > 0 && typeVocabularySize > 0, "config.json has a non-positive size")
        try require(attentionHeadCount > 0 && hiddenSize % attentionHeadCount == 0,
                    "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(attentionHeadCount)")
        // transformers' "gelu" is the exact erf form; the tanh variants differ by up to 4e-4 per component.
        try require(hiddenActivation == "gelu", "hidden_act \"\(hiddenActivation)\" (only the exact \"gelu\" is implemented)")
        try require((positionEmbeddingType ?? "absolute") == "absolute",
                    "position_embedding_type \"\(positionEmbeddingType ?? "")\" (only \"absolute\" is implemented)")
        try require(layerNormEpsilon >= 0, "negative layer_norm_eps")
    }
}
