import Foundation
import SharedHealth
import TextEncoding

/// The in-process sentence encoder (all-MiniLM-L6-v2 by default) as RAG's embedder. The
/// forward pass is CPU work of milliseconds, so it runs on worker threads bounded by the number
/// of cores, never on the event loops; a batch is one job.
public struct EncoderEmbedder: Embedder {
    public let encoder: SentenceEncoder
    let workers: BlockingWorkerPool<Void>

    public var model: String { "encoder:" + encoder.name }
    public var dimension: Int { encoder.dimension }

    public init(encoder: SentenceEncoder, maxWorkers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.encoder = encoder
        self.workers = BlockingWorkerPool(name: "encoder-worker", maxWorkers: maxWorkers) {}
    }

    /// Documents go in batches of this many texts: one job stays short enough that a query
    /// waiting behind ingestion is not held up for long.
    static let batchSize = 16

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + Self.batchSize, texts.count)])
            let encoder = self.encoder
            vectors += try await workers.run { _ in .success(encoder.embed(batch)) }
            start += batch.count
        }
        return vectors
    }

    /// Where `scripts/fetch-model.sh` installs the default model.
    public static func modelDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        SentenceEncoder.modelDirectory(environment: environment)
    }

    /// The encoder in `MODEL_DIR` (or the default cache), or nil when its files are not there;
    /// throws when they are there but cannot be loaded.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EncoderEmbedder? {
        let directory = modelDirectory(environment: environment)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path) else { return nil }
        return EncoderEmbedder(encoder: try SentenceEncoder(directory: directory))
    }
}
