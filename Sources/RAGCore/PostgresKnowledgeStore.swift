import Foundation
import SharedHealth

/// Chunks in PostgreSQL: vectors in a pgvector column with an HNSW cosine index; keyword search
/// is Okapi BM25 over the same analyzed terms the memory store uses (stems plus thesaurus
/// concepts), kept in a `simple` `tsvector` with a GIN index for matching, with document
/// frequencies and corpus totals maintained in the same transaction as every change, so both
/// stores rank alike. (`ts_rank` has no IDF and ranked noticeably worse on eval/rag.)
/// Migrations are versioned and run at start under an advisory lock, so replicas agree.
public final class PostgresKnowledgeStore: KnowledgeStore, Sendable {
    let pool: PostgresPool
    /// HNSW `ef_search`: candidates examined per query.
    public let efSearch: Int
    /// 500 gave recall@10 0.968 at 100k chunks (p99 22–25 ms on 2 cores); 400 only 0.945–0.955
    /// depending on the query sample, and 100, pgvector's default, 0.77 (docs/rag.md).
    public static let defaultEFSearch = 500

    /// Most chunks a keyword query scores (see `candidates`).
    public let keywordCandidateBudget: Int

    public init(pool: PostgresPool, efSearch: Int = PostgresKnowledgeStore.defaultEFSearch, keywordCandidateBudget: Int = 2_000) {
        self.pool = pool
        self.efSearch = efSearch
        self.keywordCandidateBudget = keywordCandidateBudget
    }

    /// Schema versions, applied in order; each runs once, recorded in `rag_schema_migrations`.
    static let migrations = PostgresMigrations(table: "rag_schema_migrations", advisoryLock: 7_234_001, versions: [
        (1, [
            "CREATE EXTENSION IF NOT EXISTS vector",
            """
            CREATE TABLE rag_embedding (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                model text NOT NULL CHECK (model <> ''),
                dimension integer NOT NULL CHECK (dimension BETWEEN 1 AND 16000)
            )
            """,
            """
            CREATE TABLE rag_documents (
                id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,128}$'),
                title text NOT NULL CHECK (title <> ''),
                category text NOT NULL CHECK (category <> ''),
                updated text,
                body text NOT NULL,
                metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
                ingested_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE rag_chunks (
                id text PRIMARY KEY,
                document_id text NOT NULL REFERENCES rag_documents (id) ON DELETE CASCADE,
                ordinal integer NOT NULL CHECK (ordinal >= 0),
                heading text NOT NULL,
                text text NOT NULL,
                metadata jsonb NOT NULL,
                tsv tsvector NOT NULL,
                length integer NOT NULL CHECK (length >= 0),
                UNIQUE (document_id, ordinal)
            )
            """,
            """
            CREATE TABLE rag_term_stats (
                term text PRIMARY KEY,
                df integer NOT NULL CHECK (df > 0)
            )
            """,
            """
            CREATE TABLE rag_corpus_stats (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                chunks bigint NOT NULL CHECK (chunks >= 0),
                total_length bigint NOT NULL CHECK (total_length >= 0)
            )
            """,
            "INSERT INTO rag_corpus_stats (chunks, total_length) VALUES (0, 0)",
            "CREATE INDEX rag_chunks_tsv_idx ON rag_chunks USING gin (tsv)",
            "CREATE INDEX rag_chunks_category_idx ON rag_chunks ((metadata ->> 'category'))",
        ]),
    ])

    public func prepare(model: String, dimension: Int) async throws {
        try await pool.transaction { connection in
            try Self.migrations.apply(on: connection)
            if let row = try connection.query("SELECT model, dimension FROM rag_embedding").rows.first {
                let storedModel = row["model"] ?? "", storedDimension = row.int("dimension") ?? 0
                guard storedModel == model, storedDimension == dimension else {
                    throw KnowledgeStoreError.embeddingMismatch(storedModel: storedModel, storedDimension: storedDimension, model: model, dimension: dimension)
                }
            } else {
                // The vector column's width is the embedder's, so it is added when the first
                // embedder is recorded. `dimension` is an Int checked above: safe to interpolate.
                try connection.query("INSERT INTO rag_embedding (model, dimension) VALUES ($1, $2)", [model, dimension])
                try connection.query("ALTER TABLE rag_chunks ADD COLUMN embedding vector(\(dimension)) NOT NULL")
                try connection.query("CREATE INDEX rag_chunks_embedding_idx ON rag_chunks USING hnsw (embedding vector_cosine_ops)")
            }
        }
    }

    /// Re-embeds every chunk with `embedder` while searches keep answering from the current
    /// vectors: new vectors go into a column of their own, in batches; then one transaction
    /// swaps the columns, rebuilds the index and records the new model. Chunks written while
    /// it runs are embedded too (the swap waits until none is left without a new vector).
    /// Returns the number of chunks embedded.
    public func reindex(with embedder: any Embedder, batchSize: Int = 64) async throws -> Int {
        let dimension = embedder.dimension  // an Int: safe to interpolate
        try await pool.transaction { connection in
            try Self.migrations.apply(on: connection)
            try connection.query("ALTER TABLE rag_chunks DROP COLUMN IF EXISTS embedding_next")
            try connection.query("ALTER TABLE rag_chunks ADD COLUMN embedding_next vector(\(dimension))")
        }
        var embedded = 0
        while true {
            while true {
                let rows = try await pool.query(
                    """
                    SELECT c.id, d.title, c.heading, c.text FROM rag_chunks c JOIN rag_documents d ON d.id = c.document_id
                    WHERE c.embedding_next IS NULL ORDER BY c.id LIMIT $1
                    """, [batchSize]
                ).rows
                guard !rows.isEmpty else { break }
                let ids = rows.map { $0["id"] ?? "" }
                let texts = rows.map { Chunk.embeddedText(title: $0["title"] ?? "", heading: $0["heading"] ?? "", text: $0["text"] ?? "") }
                let vectors = try await embedder.embed(texts)
                guard vectors.count == ids.count else { throw EmbedderError.badResponse("\(vectors.count) vectors for \(ids.count) texts") }
                try await pool.transaction { connection in
                    for (id, vector) in zip(ids, vectors) {
                        try connection.query("UPDATE rag_chunks SET embedding_next = $2::vector WHERE id = $1", [id, VectorMath.pgvectorText(vector)])
                    }
                }
                embedded += ids.count
            }
            let swapped = try await pool.transaction { connection -> Bool in
                // Writers wait from here to the commit; readers go on with the old vectors.
                try connection.query("LOCK TABLE rag_chunks IN SHARE ROW EXCLUSIVE MODE")
                let late = try connection.query("SELECT count(*) AS n FROM rag_chunks WHERE embedding_next IS NULL").rows.first?.int("n") ?? 0
                guard late == 0 else { return false }
                try connection.query("DROP INDEX IF EXISTS rag_chunks_embedding_idx")
                try connection.query("ALTER TABLE rag_chunks DROP COLUMN IF EXISTS embedding")
                try connection.query("ALTER TABLE rag_chunks RENAME COLUMN embedding_next TO embedding")
                try connection.query("ALTER TABLE rag_chunks ALTER COLUMN embedding SET NOT NULL")
                try connection.query("CREATE INDEX rag_chunks_embedding_idx ON rag_chunks USING hnsw (embedding vector_cosine_ops)")
                try connection.query("DELETE FROM rag_embedding")
                try connection.query("INSERT INTO rag_embedding (model, dimension) VALUES ($1, $2)", [embedder.model, dimension])
                return true
            }
            if swapped { return embedded }
        }
    }

    @discardableResult
    public func replace(_ document: KnowledgeDocument, chunks: [EmbeddedChunk]) async throws -> Bool {
        let metadataJSON = Self.json(document.metadata)
        let rows = chunks.map { c -> (String, Int, String, String, String, String, Int, String) in
            let terms = TextAnalyzer.terms(c.indexedText)
            return (c.chunk.id, c.chunk.ordinal, c.chunk.heading, c.chunk.text, Self.json(c.chunk.metadata),
                    terms.joined(separator: " "), terms.count, VectorMath.pgvectorText(c.vector))
        }
        return try await pool.transaction { connection in
            let upsert = try connection.query(
                """
                INSERT INTO rag_documents (id, title, category, updated, body, metadata) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, category = EXCLUDED.category, updated = EXCLUDED.updated,
                    body = EXCLUDED.body, metadata = EXCLUDED.metadata, ingested_at = now()
                RETURNING (xmax <> 0) AS replaced
                """,
                [document.id, document.title, document.category, document.updated, document.body, metadataJSON]
            )
            try Self.removeChunks(of: document.id, connection)
            // Batches keep each statement under PostgreSQL's 65,535 parameters.
            for batch in stride(from: 0, to: rows.count, by: 200) {
                let slice = rows[batch..<min(batch + 200, rows.count)]
                var values: [String] = []
                var parameters: [(any PostgresBindable)?] = []
                for row in slice {
                    let p = parameters.count
                    values.append("($\(p + 1), $\(p + 2), $\(p + 3), $\(p + 4), $\(p + 5), $\(p + 6)::jsonb, to_tsvector('simple', $\(p + 7)), $\(p + 8), $\(p + 9)::vector)")
                    parameters += [row.0, document.id, row.1, row.2, row.3, row.4, row.5, row.6, row.7]
                }
                try connection.query(
                    "INSERT INTO rag_chunks (id, document_id, ordinal, heading, text, metadata, tsv, length, embedding) VALUES " + values.joined(separator: ", "),
                    parameters
                )
            }
            try connection.query(
                """
                INSERT INTO rag_term_stats (term, df)
                SELECT u.lexeme, count(*) FROM rag_chunks c, unnest(c.tsv) u WHERE c.document_id = $1 GROUP BY u.lexeme
                ON CONFLICT (term) DO UPDATE SET df = rag_term_stats.df + EXCLUDED.df
                """,
                [document.id]
            )
            try connection.query(
                "UPDATE rag_corpus_stats SET chunks = chunks + $1, total_length = total_length + $2",
                [rows.count, rows.reduce(0) { $0 + $1.6 }]
            )
            return upsert.rows.first?.bool("replaced") ?? false
        }
    }

    public func delete(documentID: String) async throws -> Bool {
        try await pool.transaction { connection in
            guard try connection.query("SELECT id FROM rag_documents WHERE id = $1 FOR UPDATE", [documentID]).rows.first != nil else {
                return false
            }
            try Self.removeChunks(of: documentID, connection)
            try connection.query("DELETE FROM rag_documents WHERE id = $1", [documentID])
            return true
        }
    }

    /// Deletes a document's chunks and takes their terms out of the BM25 statistics. The corpus
    /// row is locked first, so writers serialize on it and term rows are never locked in
    /// conflicting orders.
    static func removeChunks(of documentID: String, _ connection: PostgresConnection) throws {
        try connection.query("SELECT chunks FROM rag_corpus_stats FOR UPDATE")
        try connection.query(
            """
            UPDATE rag_term_stats s SET df = s.df - d.n
            FROM (SELECT u.lexeme, count(*) AS n FROM rag_chunks c, unnest(c.tsv) u WHERE c.document_id = $1 GROUP BY u.lexeme) d
            WHERE s.term = d.lexeme AND s.df > d.n
            """,
            [documentID]
        )
        try connection.query(
            """
            DELETE FROM rag_term_stats s
            USING (SELECT u.lexeme, count(*) AS n FROM rag_chunks c, unnest(c.tsv) u WHERE c.document_id = $1 GROUP BY u.lexeme) d
            WHERE s.term = d.lexeme AND s.df <= d.n
            """,
            [documentID]
        )
        try connection.query(
            """
            UPDATE rag_corpus_stats SET chunks = chunks - d.n, total_length = total_length - d.len
            FROM (SELECT count(*) AS n, coalesce(sum(length), 0) AS len FROM rag_chunks WHERE document_id = $1) d
            """,
            [documentID]
        )
        try connection.query("DELETE FROM rag_chunks WHERE document_id = $1", [documentID])
    }

    public func document(id: String) async throws -> (document: KnowledgeDocument, chunkCount: Int)? {
        let rows = try await pool.query(
            "SELECT id, title, category, updated, body, metadata::text AS metadata, (SELECT count(*) FROM rag_chunks c WHERE c.document_id = d.id) AS chunks FROM rag_documents d WHERE id = $1",
            [id]
        ).rows
        guard let row = rows.first else { return nil }
        let document = KnowledgeDocument(
            id: row["id"] ?? id, title: row["title"] ?? "", category: row["category"] ?? "", updated: row["updated"],
            body: row["body"] ?? "", metadata: Self.parseMetadata(row["metadata"])
        )
        return (document, row.int("chunks") ?? 0)
    }

    public func list(after cursor: String?, limit: Int) async throws -> DocumentPage {
        try await pool.transaction { connection in
            try connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let rows = try connection.query(
                """
                SELECT id, title, category, updated, metadata::text AS metadata,
                       (SELECT count(*) FROM rag_chunks c WHERE c.document_id = d.id) AS chunks
                FROM rag_documents d WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2
                """,
                [cursor, limit + 1]
            ).rows
            let total = try connection.query("SELECT count(*) AS n FROM rag_documents").rows.first?.int("n") ?? 0
            let documents = rows.prefix(limit).map { row in
                DocumentSummary(
                    id: row["id"] ?? "", title: row["title"] ?? "", category: row["category"] ?? "", updated: row["updated"],
                    metadata: Self.parseMetadata(row["metadata"]), chunkCount: row.int("chunks") ?? 0
                )
            }
            return DocumentPage(documents: Array(documents), nextCursor: rows.count > limit ? documents.last?.id : nil, total: total)
        }
    }

    public func chunkCount() async throws -> Int {
        try await pool.query("SELECT count(*) AS n FROM rag_chunks").rows.first?.int("n") ?? 0
    }

    public func totalCharacters() async throws -> Int {
        try await pool.query("SELECT COALESCE(sum(char_length(body)), 0)::bigint AS n FROM rag_documents").rows.first?.int("n") ?? 0
    }

    public func candidates(_ query: StoreQuery) async throws -> (vector: [ChunkHit], keyword: [ChunkHit]) {
        let vectorText = query.vector.map(VectorMath.pgvectorText)
        let terms = query.keywords.map { Array(Set(TextAnalyzer.terms($0))).sorted().prefix(64) } ?? []
        let budget = keywordCandidateBudget
        let efSearch = max(self.efSearch, query.limit * 2)
        return try await pool.transaction { connection in
            // Both lists from one snapshot: a document replaced meanwhile is old in both or new in both.
            try connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            var vectorHits: [ChunkHit] = []
            if let vectorText {
                try connection.query("SELECT set_config('hnsw.ef_search', $1, true)", [String(efSearch)])
                // pgvector filters after the index scan; iterative scans keep reading the graph
                // until `limit` rows pass the filter (pgvector ≥ 0.8).
                try connection.query("SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)")
                vectorHits = try Self.vectorQuery(connection, vectorText, query)
                if !query.filters.isEmpty, vectorHits.count < query.limit {
                    // Very selective filter: an exact scan of the matching rows is cheap and complete.
                    try connection.query("SELECT set_config('enable_indexscan', 'off', true)")
                    vectorHits = try Self.vectorQuery(connection, vectorText, query)
                    try connection.query("SELECT set_config('enable_indexscan', 'on', true)")
                }
            }
            var keywordHits: [ChunkHit] = []
            if !terms.isEmpty {
                // Candidates come from the rarest query terms whose document frequencies add up
                // to `keywordCandidateBudget` (at least one term): chunks that share only very
                // common words with the query score too low to matter, and matching them would
                // make a query cost O(corpus). Candidates are then scored with every term. Below
                // the budget (any help center) this is exact BM25; a query whose rarest term is
                // in more chunks than the budget has nothing discriminating, and is cut there.
                let frequencies = try connection.query("SELECT term, df FROM rag_term_stats WHERE term = ANY($1::text[])", [Self.textArray(Array(terms))])
                    .rows.compactMap { row in row["term"].flatMap { term in row.int("df").map { (term, $0) } } }
                    .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
                var matching: [String] = []
                var candidates = 0
                for (term, df) in frequencies where matching.isEmpty || candidates + df <= budget {
                    matching.append(term)
                    candidates += df
                }
                if !matching.isEmpty {
                    // The frequencies just read are passed back in, not looked up a second time.
                    let dfs = "{" + frequencies.map { String($0.1) }.joined(separator: ",") + "}"
                    var parameters: [(any PostgresBindable)?] = [Self.textArray(frequencies.map(\.0)), matching.joined(separator: " | "), query.limit, budget, dfs]
                    let filter = Self.filterSQL(query.filters, parameters: &parameters)
                    // Okapi BM25 (k1 1.2, b 0.75): the same formula as MemoryKnowledgeStore.
                    keywordHits = try connection.query(
                        """
                        WITH q AS (SELECT * FROM unnest($1::text[], $5::int[]) AS q (term, df)),
                             stats AS (SELECT greatest(chunks, 1)::float8 AS n, greatest(total_length::float8 / greatest(chunks, 1), 1) AS avgdl FROM rag_corpus_stats),
                             matched AS (SELECT c.id, c.document_id, c.text, c.metadata, c.tsv, c.length FROM rag_chunks c
                                         WHERE c.tsv @@ to_tsquery('simple', $2)\(filter) LIMIT $4)
                        SELECT m.id, m.document_id, m.text, m.metadata::text AS metadata,
                               sum(ln(1 + (stats.n - q.df + 0.5) / (q.df + 0.5))
                                   * array_length(u.positions, 1) * 2.2
                                   / (array_length(u.positions, 1) + 1.2 * (0.25 + 0.75 * m.length / stats.avgdl))) AS score
                        FROM matched m CROSS JOIN stats CROSS JOIN LATERAL unnest(m.tsv) u JOIN q ON q.term = u.lexeme
                        GROUP BY m.id, m.document_id, m.text, m.metadata::text
                        ORDER BY score DESC, m.id LIMIT $3
                        """,
                        parameters
                    ).rows.map(Self.hit)
                }
            }
            return (vectorHits, keywordHits)
        }
    }

    /// Nearest chunks by the HNSW index or, when `exact`, by a full scan: the benchmark's
    /// ground truth for the index's recall.
    public func nearest(_ vector: [Float], limit: Int, exact: Bool) async throws -> [ChunkHit] {
        let query = StoreQuery(vector: vector, keywords: nil, limit: limit, filters: SearchFilters())
        let vectorText = VectorMath.pgvectorText(vector)
        let efSearch = max(self.efSearch, limit * 2)
        return try await pool.transaction { connection in
            try connection.query("SELECT set_config('hnsw.ef_search', $1, true)", [String(efSearch)])
            if exact { try connection.query("SELECT set_config('enable_indexscan', 'off', true)") }
            return try Self.vectorQuery(connection, vectorText, query)
        }
    }

    /// Drops every RAG table (benchmarks and tests start from nothing).
    public func dropSchema() async throws {
        try await pool.query("DROP TABLE IF EXISTS rag_chunks, rag_documents, rag_embedding, rag_term_stats, rag_corpus_stats, rag_schema_migrations")
    }

    /// One query through whatever plan the connection's settings allow., else through the HNSW index (the caller's settings decide).
    static func vectorQuery(_ connection: PostgresConnection, _ vectorText: String, _ query: StoreQuery) throws -> [ChunkHit] {
        var parameters: [(any PostgresBindable)?] = [vectorText, query.limit]
        let filter = filterSQL(query.filters, parameters: &parameters)
        // Relaxed-order iterative scans may return rows slightly out of order: re-sort outside.
        return try connection.query(
            """
            WITH nearest AS MATERIALIZED (
                SELECT c.id, c.document_id, c.text, c.metadata::text AS metadata, c.embedding <=> $1::vector AS distance
                FROM rag_chunks c WHERE true\(filter)
                ORDER BY c.embedding <=> $1::vector LIMIT $2
            )
            SELECT id, document_id, text, metadata, 1 - distance AS score FROM nearest ORDER BY distance, id
            """,
            parameters
        ).rows.map(hit)
    }

    /// ` AND …` conditions for the filters, values (and keys) as parameters.
    static func filterSQL(_ filters: SearchFilters, parameters: inout [(any PostgresBindable)?]) -> String {
        var sql = ""
        for key in filters.conditions.keys.sorted() {
            let values = filters.conditions[key] ?? []
            parameters.append(textArray(values))
            let valuesParameter = parameters.count
            if key == "document_id" {
                sql += " AND c.document_id = ANY($\(valuesParameter)::text[])"
            } else {
                parameters.append(key)
                sql += " AND (c.metadata ->> $\(parameters.count)) = ANY($\(valuesParameter)::text[])"
            }
        }
        return sql
    }

    /// A PostgreSQL array literal, every element quoted and escaped.
    static func textArray(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
    }

    static func hit(_ row: PostgresRow) -> ChunkHit {
        let metadata = parseMetadata(row["metadata"])
        return ChunkHit(
            chunkID: row["id"] ?? "", documentID: row["document_id"] ?? "", title: metadata["title"] ?? "",
            text: row["text"] ?? "", metadata: metadata, score: row.double("score") ?? 0
        )
    }

    static func json(_ metadata: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(metadata), as: UTF8.self)) ?? "{}"
    }

    static func parseMetadata(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}
