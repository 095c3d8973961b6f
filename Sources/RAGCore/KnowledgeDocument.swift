/// A help-center article or any other ingested document.
public struct KnowledgeDocument: Sendable, Equatable {
    public var id: String
    public var title: String
    public var category: String
    /// ISO date (YYYY-MM-DD) of the last edit, when known.
    public var updated: String?
    public var body: String
    /// Extra string metadata, filterable like `category`.
    public var metadata: [String: String]

    public init(id: String, title: String, category: String, updated: String? = nil, body: String, metadata: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.category = category
        self.updated = updated
        self.body = body
        self.metadata = metadata
    }

    /// Document ids appear in URLs and chunk ids: letters, digits, `.`, `_`, `-`, up to 128.
    public static func isValidID(_ id: String) -> Bool {
        guard (1...128).contains(id.utf8.count) else { return false }
        return id.utf8.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
        }
    }

    /// Metadata every chunk of this document carries (and filters match against).
    public var chunkMetadata: [String: String] {
        var all = metadata
        all["category"] = category
        all["title"] = title
        if let updated { all["updated"] = updated }
        return all
    }
}

/// Markdown with a front matter block:
/// ```
/// ---
/// id: card-lost-stolen
/// title: Report a lost or stolen card
/// category: cards
/// updated: 2026-09-14
/// ---
/// # body…
/// ```
public enum MarkdownArticle {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let reason: String
        public var description: String { reason }
    }

    public static func parse(_ text: String) throws -> KnowledgeDocument {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard lines.first?.trimmingWhitespace() == "---" else { throw ParseError(reason: "missing front matter (a first line '---')") }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingWhitespace() == "---" }) else {
            throw ParseError(reason: "front matter is not closed by '---'")
        }
        var fields: [String: String] = [:]
        for line in lines[..<end] where !line.trimmingWhitespace().isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(reason: "front matter line without 'key: value': \(line)") }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            var value = line[line.index(after: colon)...].trimmingWhitespace()
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            fields[key] = value
        }
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingWhitespace()
        guard let id = fields.removeValue(forKey: "id"), KnowledgeDocument.isValidID(id) else {
            throw ParseError(reason: "front matter needs an 'id' of letters, digits, '.', '_' or '-'")
        }
        guard let title = fields.removeValue(forKey: "title"), !title.isEmpty else { throw ParseError(reason: "front matter needs a 'title'") }
        guard let category = fields.removeValue(forKey: "category"), !category.isEmpty else { throw ParseError(reason: "front matter needs a 'category'") }
        let updated = fields.removeValue(forKey: "updated")
        guard !body.isEmpty else { throw ParseError(reason: "article \(id) has no body") }
        return KnowledgeDocument(id: id, title: title, category: category, updated: updated, body: body, metadata: fields)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
