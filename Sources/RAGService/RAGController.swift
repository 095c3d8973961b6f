import Foundation
import GuardrailsCore
import Hummingbird
import Logging
import RAGCore
import SharedHealth

/// `/v1/search` and `/v1/documents`.
struct RAGController: Sendable {
    let knowledgeBase: KnowledgeBase
    let metrics: ServiceMetrics
    let screen: UntrustedContentScreen
    let maxTotalCharacters: Int
    let logger: Logger

    static let maxQueryLength = 2_000
    static let maxTopK = 50
    static let maxDocumentLength = 500_000
    static let maxPageSize = 100

    /// A filter value: one string or a list of alternatives.
    struct FilterValue: Decodable {
        let values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else if let many = try? container.decode([String].self) {
                values = many
            } else {
                throw APIError.badRequest("Each filter must be a string or a list of strings.")
            }
        }
    }

    struct SearchRequest: Decodable {
        let query: String?
        let top_k: Int?
        let mode: String?
        let filters: [String: FilterValue]?
    }

    struct SearchResult: Encodable {
        let chunk_id: String
        let document_id: String
        let title: String
        let text: String
        let score: Double
        let metadata: [String: String]
    }

    struct SearchResponse: ResponseEncodable {
        let results: [SearchResult]
        let mode: String
        let took_ms: Double
    }

    struct DocumentRequest: Decodable {
        let id: String?
        let title: String?
        let category: String?
        let updated: String?
        let text: String?
        let metadata: [String: String]?
    }

    struct IngestResponse: ResponseEncodable {
        let id: String
        let chunks: Int
        let status: String
    }

    struct DocumentSummaryResponse: Encodable {
        let id: String
        let title: String
        let category: String
        let updated: String?
        let metadata: [String: String]
        let chunks: Int
    }

    struct DocumentListResponse: ResponseEncodable {
        let documents: [DocumentSummaryResponse]
        let next_cursor: String?
        let total: Int
    }

    struct DocumentResponse: ResponseEncodable {
        let id: String
        let title: String
        let category: String
        let updated: String?
        let metadata: [String: String]
        let text: String
        let chunks: Int
    }

    func addRoutes(to group: RouterGroup<ServiceRequestContext>, editors: EditorKeyMiddleware) {
        group.post("/search") { request, context -> SearchResponse in
            let body = try await request.decode(as: SearchRequest.self, context: context)
            let (query, topK, mode, filters) = try Self.validate(body)
            let start = ContinuousClock.now
            let hits = try await knowledgeBase.search(query, topK: topK, mode: mode, filters: filters)
            let elapsed = ContinuousClock.now - start
            metrics.durationHistogram(.ragSearchDuration, [("mode", mode.rawValue)]).record(elapsed)
            return SearchResponse(
                results: hits.map { SearchResult(chunk_id: $0.chunkID, document_id: $0.documentID, title: $0.title, text: $0.text, score: $0.score, metadata: $0.metadata) },
                mode: mode.rawValue,
                took_ms: elapsed.seconds * 1000
            )
        }
        let writes = group.group().add(middleware: editors)
        writes.post("/documents") { request, context -> Response in
            let body = try await request.decode(as: DocumentRequest.self, context: context)
            let document = try Self.validate(body)
            // What customers may be shown is screened here, before anything is stored.
            let findings = screen.findings(document.title + "\n" + document.body)
            if let first = findings.first {
                let reasons = Set(findings.map(\.reason.rawValue)).sorted().joined(separator: ", ")
                logger.warning("document refused", metadata: ["document_id": .string(document.id), "reasons": .string(reasons), "excerpt": .string(first.excerpt)])
                throw APIError.unprocessable("The document was refused (\(reasons)): \"\(first.excerpt)\". Help-center text must not ask for credentials, link outside the allowed domains, give phone numbers or give the assistant instructions.")
            }
            let existing = try await knowledgeBase.store.document(id: document.id)?.document.body.unicodeScalars.count ?? 0
            let total = try await knowledgeBase.store.totalCharacters()
            if total - existing + document.body.unicodeScalars.count > maxTotalCharacters {
                logger.warning("document refused: knowledge base full", metadata: ["document_id": .string(document.id), "total_characters": .stringConvertible(total)])
                throw APIError(HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), code: "knowledge_base_full", message: "The knowledge base holds at most \(maxTotalCharacters) characters of documents; delete some before adding more.")
            }
            let result = try await knowledgeBase.ingest(document)
            try await recordChunkCount()
            let response = IngestResponse(id: result.documentID, chunks: result.chunks, status: result.replaced ? "replaced" : "created")
            var encoded = try response.response(from: request, context: context)
            encoded.status = result.replaced ? .ok : .created
            return encoded
        }
        group.get("/documents") { request, _ -> DocumentListResponse in
            let limit = try Self.pageSize(request.uri.queryParameters.get("limit"))
            let after = request.uri.queryParameters.get("after").flatMap { $0.isEmpty ? nil : $0 }
            let page = try await knowledgeBase.store.list(after: after, limit: limit)
            return DocumentListResponse(
                documents: page.documents.map {
                    DocumentSummaryResponse(id: $0.id, title: $0.title, category: $0.category, updated: $0.updated, metadata: $0.metadata, chunks: $0.chunkCount)
                },
                next_cursor: page.nextCursor,
                total: page.total
            )
        }
        group.get("/documents/:id") { _, context -> DocumentResponse in
            let id = try Self.documentID(context)
            guard let (document, chunks) = try await knowledgeBase.store.document(id: id) else {
                throw APIError.notFound("No document with id '\(id)'.")
            }
            return DocumentResponse(
                id: document.id, title: document.title, category: document.category, updated: document.updated,
                metadata: document.metadata, text: document.body, chunks: chunks
            )
        }
        writes.delete("/documents/:id") { _, context -> Response in
            let id = try Self.documentID(context)
            guard try await knowledgeBase.store.delete(documentID: id) else {
                throw APIError.notFound("No document with id '\(id)'.")
            }
            try await recordChunkCount()
            return Response(status: .noContent)
        }
    }

    func recordChunkCount() async throws {
        metrics.gauge(.ragChunks).set(Int64(try await knowledgeBase.store.chunkCount()))
    }

    static func validate(_ body: SearchRequest) throws -> (String, Int, SearchMode, SearchFilters) {
        guard let query = body.query else { throw APIError.badRequest("Field 'query' is required.") }
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw APIError.badRequest("Field 'query' must not be empty.") }
        guard query.unicodeScalars.count <= maxQueryLength else {
            throw APIError.badRequest("Field 'query' must be at most \(maxQueryLength) characters.")
        }
        let topK = body.top_k ?? 5
        guard (1...maxTopK).contains(topK) else { throw APIError.badRequest("Field 'top_k' must be between 1 and \(maxTopK).") }
        let modeName = body.mode ?? SearchMode.hybrid.rawValue
        guard let mode = SearchMode(rawValue: modeName) else {
            throw APIError.badRequest("Field 'mode' must be one of hybrid, vector, keyword.")
        }
        var conditions: [String: [String]] = [:]
        for (key, value) in body.filters ?? [:] {
            guard !key.isEmpty, key.utf8.count <= 64 else { throw APIError.badRequest("Filter names must be 1 to 64 characters.") }
            guard (1...50).contains(value.values.count) else { throw APIError.badRequest("Filter '\(key.prefix(64))' needs 1 to 50 values.") }
            conditions[key] = value.values
        }
        guard conditions.count <= 10 else { throw APIError.badRequest("At most 10 filters.") }
        return (trimmed, topK, mode, SearchFilters(conditions))
    }

    static func validate(_ body: DocumentRequest) throws -> KnowledgeDocument {
        guard let id = body.id, KnowledgeDocument.isValidID(id) else {
            throw APIError.badRequest("Field 'id' is required: 1 to 128 letters, digits, '.', '_' or '-'.")
        }
        guard let title = body.title?.trimmingCharacters(in: .whitespacesAndNewlines), (1...300).contains(title.count) else {
            throw APIError.badRequest("Field 'title' is required, 1 to 300 characters.")
        }
        guard let category = body.category?.trimmingCharacters(in: .whitespacesAndNewlines), (1...64).contains(category.count) else {
            throw APIError.badRequest("Field 'category' is required, 1 to 64 characters.")
        }
        guard let text = body.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.badRequest("Field 'text' is required and must not be empty.")
        }
        guard text.unicodeScalars.count <= maxDocumentLength else {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "Field 'text' is longer than \(maxDocumentLength) characters.")
        }
        if let updated = body.updated, updated.count > 40 { throw APIError.badRequest("Field 'updated' must be a date such as 2026-11-22.") }
        let metadata = body.metadata ?? [:]
        guard metadata.count <= 20, metadata.allSatisfy({ (1...64).contains($0.key.count) && $0.value.count <= 500 }) else {
            throw APIError.badRequest("Field 'metadata' holds at most 20 string values (names 1 to 64 characters, values up to 500).")
        }
        for reserved in ["category", "title", "updated", "heading"] where metadata[reserved] != nil {
            throw APIError.badRequest("Field 'metadata' must not set '\(reserved)'; use the top-level field.")
        }
        let fields = [title, category, text, body.updated ?? ""] + metadata.keys + metadata.values
        guard !fields.contains(where: { $0.utf8.contains(0) }) else {
            throw APIError.badRequest("Text must not contain NUL (U+0000) characters.")
        }
        return KnowledgeDocument(id: id, title: title, category: category, updated: body.updated, body: text, metadata: metadata)
    }

    static func pageSize(_ raw: String?) throws -> Int {
        guard let raw else { return 20 }
        guard let value = Int(raw), (1...maxPageSize).contains(value) else {
            throw APIError.badRequest("Query parameter 'limit' must be between 1 and \(maxPageSize).")
        }
        return value
    }

    static func documentID(_ context: ServiceRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), KnowledgeDocument.isValidID(id) else {
            throw APIError.badRequest("The document id must be 1 to 128 letters, digits, '.', '_' or '-'.")
        }
        return id
    }
}
