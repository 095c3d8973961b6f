/// Metadata conditions: each key must match one of its values. `document_id` matches the
/// chunk's document; other keys match document metadata (`category`, `title`, `updated`, any
/// custom key) and `heading`.
public struct SearchFilters: Sendable, Equatable {
    public var conditions: [String: [String]]

    public init(_ conditions: [String: [String]] = [:]) {
        self.conditions = conditions
    }

    public var isEmpty: Bool { conditions.isEmpty }

    public func matches(documentID: String, metadata: [String: String]) -> Bool {
        for (key, values) in conditions {
            let actual = key == "document_id" ? documentID : metadata[key]
            guard let actual, values.contains(actual) else { return false }
        }
        return true
    }
}

/// A chunk as search returns it.
public struct ChunkHit: Sendable, Equatable {
    public let chunkID: String
    public let documentID: String
    public let title: String
    public let text: String
    public let metadata: [String: String]
    public var score: Double

    public init(chunkID: String, documentID: String, title: String, text: String, metadata: [String: String], score: Double) {
        self.chunkID = chunkID
        self.documentID = documentID
        self.title = title
        self.text = text
        self.metadata = metadata
        self.score = score
    }
}

/// A chunk ready to store: its vector and the text the keyword index sees.
public struct EmbeddedChunk: Sendable {
    public let chunk: Chunk
    public let vector: [Float]
    public let indexedText: String

    public init(chunk: Chunk, vector: [Float], indexedText: String) {
        self.chunk = chunk
        self.vector = vector
        self.indexedText = indexedText
    }
}

public struct DocumentSummary: Sendable, Equatable {
    public let id: String
    public let title: String
    public let category: String
    public let updated: String?
    public let metadata: [String: String]
    public let chunkCount: Int
}

public struct DocumentPage: Sendable {
    public let documents: [DocumentSummary]
    /// Pass as `after` for the next page; nil on the last page.
    public let nextCursor: String?
    public let total: Int
}

/// What a search asks of a store: both candidate lists come from one consistent view, so a
/// document being replaced is seen either whole before or whole after, never half.
public struct StoreQuery: Sendable {
    public var vector: [Float]?
    /// The query text for the keyword list; nil to skip it.
    public var keywords: String?
    public var limit: Int
    public var filters: SearchFilters
}

public enum KnowledgeStoreError: Error, CustomStringConvertible, Sendable {
    case embeddingMismatch(storedModel: String, storedDimension: Int, model: String, dimension: Int)
    case wrongDimension(expected: Int, got: Int)
    case notPrepared

    public var description: String {
        switch self {
        case let .embeddingMismatch(storedModel, storedDimension, model, dimension):
            return "the store holds vectors from embedding model \(storedModel) (\(storedDimension) dimensions) but the service is configured with \(model) (\(dimension) dimensions); use the same EMBEDDING_PROVIDER/EMBEDDING_MODEL or a fresh database"
        case let .wrongDimension(expected, got):
            return "vector has \(got) dimensions, the store expects \(expected)"
        case .notPrepared:
            return "the store was used before prepare()"
        }
    }
}

/// Where chunks and their vectors live. Implementations: `MemoryKnowledgeStore` (exact cosine
/// and BM25) and `PostgresKnowledgeStore` (pgvector HNSW and full-text search).
public protocol KnowledgeStore: Sendable {
    /// Creates or migrates the schema and checks (or records) the embedding model and dimension.
    func prepare(model: String, dimension: Int) async throws
    /// Replaces the document and all its chunks atomically. Returns true when it existed.
    @discardableResult
    func replace(_ document: KnowledgeDocument, chunks: [EmbeddedChunk]) async throws -> Bool
    /// Returns false when there was no such document.
    func delete(documentID: String) async throws -> Bool
    func document(id: String) async throws -> (document: KnowledgeDocument, chunkCount: Int)?
    func list(after cursor: String?, limit: Int) async throws -> DocumentPage
    /// The best `limit` chunks by vector similarity and by keyword score, filtered.
    func candidates(_ query: StoreQuery) async throws -> (vector: [ChunkHit], keyword: [ChunkHit])
    func chunkCount() async throws -> Int
    /// Characters (Unicode scalars) of all document bodies: what `RAG_MAX_TOTAL_CHARACTERS` caps.
    func totalCharacters() async throws -> Int
}
