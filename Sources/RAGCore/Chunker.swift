/// One searchable piece of a document.
public struct Chunk: Sendable, Equatable {
    /// `<document id>#<ordinal>`: stable across restarts for the same document text.
    public let id: String
    public let documentID: String
    public let ordinal: Int
    /// The heading path the chunk sits under ("Fees › Foreign transactions"), or "".
    public let heading: String
    public let text: String
    public let metadata: [String: String]

    public init(id: String, documentID: String, ordinal: Int, heading: String, text: String, metadata: [String: String]) {
        self.id = id
        self.documentID = documentID
        self.ordinal = ordinal
        self.heading = heading
        self.text = text
        self.metadata = metadata
    }

    /// What the keyword index sees: title and headings give short chunks context, and the
    /// document's `keywords` metadata (the words customers use for its subject — a help-center
    /// editor's search terms) match without being shown in the text.
    public func indexedText(title: String) -> String {
        Self.lines(title, metadata["keywords"] ?? "", heading, text)
    }

    /// What the embedder sees: the same without the keywords. A document-wide list of terms in
    /// every chunk's vector pulls a document's chunks together and made vector search worse on
    /// the held-out questions, while keyword search gains from it (docs/rag.md).
    public func embeddedText(title: String) -> String {
        Self.embeddedText(title: title, heading: heading, text: text)
    }

    /// The embedder's text from the stored parts (re-embedding reads them back from the store).
    public static func embeddedText(title: String, heading: String, text: String) -> String {
        lines(title, heading, text)
    }

    private static func lines(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// Heading-aware chunking: a chunk never spans two sections; within a section paragraphs are
/// packed up to `maxCharacters`, and a paragraph longer than that is cut at sentence ends. Each
/// chunk after the first of a section repeats the previous chunk's last sentences (up to
/// `overlapCharacters`) so an answer split across a boundary is still found whole in one.
public struct Chunker: Sendable {
    public var maxCharacters: Int
    public var overlapCharacters: Int

    public init(maxCharacters: Int = 900, overlapCharacters: Int = 150) {
        precondition(maxCharacters > overlapCharacters * 2)
        self.maxCharacters = maxCharacters
        self.overlapCharacters = overlapCharacters
    }

    public func chunks(of document: KnowledgeDocument) -> [Chunk] {
        var result: [Chunk] = []
        let metadata = document.chunkMetadata
        for section in Self.sections(document.body) {
            let heading = section.headings.joined(separator: " › ")
            for text in pack(section.paragraphs) {
                var chunkMetadata = metadata
                if !heading.isEmpty { chunkMetadata["heading"] = heading }
                result.append(Chunk(id: "\(document.id)#\(result.count)", documentID: document.id, ordinal: result.count, heading: heading, text: text, metadata: chunkMetadata))
            }
        }
        return result
    }

    struct Section {
        var headings: [String]
        var paragraphs: [String]
    }

    /// Splits Markdown into sections at ATX headings (`#` … `######`), keeping the heading path.
    static func sections(_ body: String) -> [Section] {
        var sections: [Section] = []
        var path: [(level: Int, title: String)] = []
        var paragraphs: [String] = []
        var paragraph: [String] = []
        var inFence = false

        func endParagraph() {
            let text = paragraph.joined(separator: "\n").trimmingWhitespace()
            if !text.isEmpty { paragraphs.append(text) }
            paragraph.removeAll()
        }
        func endSection() {
            endParagraph()
            if !paragraphs.isEmpty { sections.append(Section(headings: path.map(\.title), paragraphs: paragraphs)) }
            paragraphs.removeAll()
        }

        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("```") { inFence.toggle() }
            if !inFence, let level = headingLevel(trimmed) {
                endSection()
                let title = trimmed.drop(while: { $0 == "#" }).trimmingWhitespace()
                path.removeAll { $0.level >= level }
                path.append((level, title))
                continue
            }
            if trimmed.isEmpty && !inFence {
                endParagraph()
            } else {
                paragraph.append(line)
            }
        }
        endSection()
        return sections
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.count > hashes, line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// Packs paragraphs (cut into sentences when too long) into chunks with overlap. Pieces of
    /// one paragraph are joined by a space, paragraphs by a blank line.
    func pack(_ paragraphs: [String]) -> [String] {
        var pieces: [(text: String, startsParagraph: Bool)] = []
        for paragraph in paragraphs {
            if paragraph.count <= maxCharacters {
                pieces.append((paragraph, true))
            } else {
                let parts = Self.sentences(paragraph).flatMap { hardSplit($0) }
                pieces += parts.enumerated().map { ($0.element, $0.offset == 0) }
            }
        }
        var chunks: [String] = []
        var current = ""
        for piece in pieces {
            let joined = current.isEmpty ? piece.text : current + (piece.startsParagraph ? "\n\n" : " ") + piece.text
            if joined.count <= maxCharacters {
                current = joined
                continue
            }
            chunks.append(current)
            let overlap = overlapTail(of: current)
            current = overlap.isEmpty || overlap.count + piece.text.count + 1 > maxCharacters ? piece.text : overlap + " " + piece.text
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// The last whole sentences of `text` that fit in `overlapCharacters`.
    func overlapTail(of text: String) -> String {
        var tail: [String] = []
        var length = 0
        for sentence in Self.sentences(text).reversed() {
            guard length + sentence.count + 1 <= overlapCharacters else { break }
            tail.insert(sentence, at: 0)
            length += sentence.count + 1
        }
        return tail.joined(separator: " ")
    }

    func hardSplit(_ sentence: String) -> [String] {
        guard sentence.count > maxCharacters else { return [sentence] }
        var parts: [String] = []
        var rest = Substring(sentence)
        while rest.count > maxCharacters {
            let limit = rest.index(rest.startIndex, offsetBy: maxCharacters)
            let cut = rest[..<limit].lastIndex(of: " ") ?? limit
            parts.append(String(rest[..<cut]).trimmingWhitespace())
            rest = rest[cut...].drop(while: { $0 == " " })
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts
    }

    /// Sentences end at `.`, `!` or `?` followed by whitespace.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previousWasTerminator = false
        for character in text {
            if previousWasTerminator, character.isWhitespace {
                let s = current.trimmingWhitespace()
                if !s.isEmpty { sentences.append(s) }
                current = ""
                previousWasTerminator = false
                continue
            }
            current.append(character)
            previousWasTerminator = character == "." || character == "!" || character == "?"
        }
        let s = current.trimmingWhitespace()
        if !s.isEmpty { sentences.append(s) }
        return sentences
    }
}
