import Foundation

/// An in-process sentence-transformers encoder (BERT, mean pooling, L2 normalisation), loaded
/// from a model directory with `config.json`, `vocab.txt` and a float32 `model.safetensors`.
///
/// Immutable after loading, so one instance serves any number of threads; each call allocates
/// its own scratch memory, and matrix products run single-threaded on the caller's thread, so
/// concurrency comes from the callers.
public final class SentenceEncoder: Sendable {
    /// The model `scripts/fetch-model.sh` installs.
    public static let defaultModelName = "all-MiniLM-L6-v2"

    /// The model's name, taken from its directory (for example "all-MiniLM-L6-v2").
    public let name: String
    /// The embedding's length.
    public let dimension: Int
    /// The most token ids one text is encoded to, [CLS] and [SEP] included; longer texts are cut.
    public var maxTokens: Int { tokenizer.maxTokens }
    public let tokenizer: WordPieceTokenizer
    public let configuration: BertConfiguration
    private let model: BertModel

    /// Packed tokens per forward pass when embedding a batch: large enough for efficient matrix
    /// products, small enough to keep the per-call scratch memory at a few megabytes.
    static let tokensPerPass = 512

    public enum Error: Swift.Error, CustomStringConvertible {
        case missingFile(URL)
        case invalidFile(URL, reason: String)
        case unsupportedModel(String)

        public var description: String {
            switch self {
            case let .missingFile(url): "model file \(url.path) is missing (run scripts/fetch-model.sh)"
            case let .invalidFile(url, reason): "cannot load \(url.path): \(reason)"
            case let .unsupportedModel(reason): "unsupported model: \(reason)"
            }
        }
    }

    /// Loads the model in `directory`.
    public init(directory: URL) throws {
        let configURL = directory.appendingPathComponent("config.json")
        let vocabularyURL = directory.appendingPathComponent("vocab.txt")
        let weightsURL = directory.appendingPathComponent("model.safetensors")
        for url in [configURL, vocabularyURL, weightsURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw Error.missingFile(url)
        }

        let configuration: BertConfiguration
        do {
            configuration = try JSONDecoder().decode(BertConfiguration.self, from: Data(contentsOf: configURL))
        } catch {
            throw Error.invalidFile(configURL, reason: "\(error)")
        }
        try configuration.validate()

        // sentence-transformers truncates to max_seq_length (256 here), not the position table's 512.
        var maxTokens = configuration.maxPositionEmbeddings
        let sentenceConfigURL = directory.appendingPathComponent("sentence_bert_config.json")
        if let data = try? Data(contentsOf: sentenceConfigURL) {
            struct SentenceConfiguration: Decodable {
                // swiftlint:disable:next identifier_name
                var max_seq_length: Int?
            }
            do {
                if let length = try JSONDecoder().decode(SentenceConfiguration.self, from: data).max_seq_length {
                    maxTokens = min(length, maxTokens)
                }
            } catch {
                throw Error.invalidFile(sentenceConfigURL, reason: "\(error)")
            }
        }

        let tokenizer = try WordPieceTokenizer(vocabularyURL: vocabularyURL, maxTokens: maxTokens)
        guard tokenizer.vocabularySize <= configuration.vocabularySize else {
            throw Error.unsupportedModel("vocab.txt has \(tokenizer.vocabularySize) entries, config.json vocab_size \(configuration.vocabularySize)")
        }

        let weights: SafetensorsFile
        do {
            weights = try SafetensorsFile(contentsOf: weightsURL)
        } catch {
            throw Error.invalidFile(weightsURL, reason: "\(error)")
        }
        do {
            self.model = try BertModel(weights: weights, configuration: configuration)
        } catch {
            throw Error.invalidFile(weightsURL, reason: "\(error)")
        }
        self.name = directory.standardizedFileURL.lastPathComponent
        self.dimension = configuration.hiddenSize
        self.tokenizer = tokenizer
        self.configuration = configuration
    }

    /// Where `scripts/fetch-model.sh` puts model `name`: `$MODEL_DIR/<name>`, with `MODEL_DIR`
    /// defaulting to `~/.cache/fintech-concierge/models`.
    public static func modelDirectory(
        named name: String = defaultModelName,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        let root: URL
        if let directory = environment["MODEL_DIR"], !directory.isEmpty {
            root = URL(fileURLWithPath: directory, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            root = URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".cache/fintech-concierge/models", isDirectory: true)
        }
        return root.appendingPathComponent(name, isDirectory: true)
    }

    /// The unit-length embedding of `text`.
    public func embed(_ text: String) -> [Float] {
        model.embed([tokenizer.encode(text)])[0]
    }

    /// The embeddings of `texts`, in order. Texts of similar length are encoded together in
    /// passes of about `tokensPerPass` tokens; the result equals embedding each text alone.
    public func embed(_ texts: [String]) -> [[Float]] {
        embed(tokenIDs: texts.map(tokenizer.encode))
    }

    /// The embeddings of already tokenised texts (each from `tokenizer.encode`).
    public func embed(tokenIDs sequences: [[Int32]]) -> [[Float]] {
        var results = [[Float]](repeating: [], count: sequences.count)
        // Grouping by length keeps each pass's attention blocks alike; order is restored below.
        let order = sequences.indices.sorted { sequences[$0].count < sequences[$1].count }
        var start = 0
        while start < order.count {
            var end = start
            var tokens = 0
            while end < order.count, end == start || tokens + sequences[order[end]].count <= Self.tokensPerPass {
                tokens += sequences[order[end]].count
                end += 1
            }
            let slice = order[start..<end]
            let embeddings = model.embed(slice.map { sequences[$0] })
            for (index, embedding) in zip(slice, embeddings) { results[index] = embedding }
            start = end
        }
        return results
    }
}
