import Testing

@testable import RAGCore

@Suite("Markdown, chunking and analysis")
struct TextAndChunkingTests {
    @Test func frontMatterIsParsed() throws {
        let document = try MarkdownArticle.parse("---\nid: fees-1\ntitle: \"Fees: all of them\"\ncategory: fees\nupdated: 2026-01-02\naudience: retail\n---\n\n# Fees\n\nNo monthly fee.\n")
        #expect(document.id == "fees-1")
        #expect(document.title == "Fees: all of them")
        #expect(document.category == "fees")
        #expect(document.updated == "2026-01-02")
        #expect(document.metadata == ["audience": "retail"])
        #expect(document.body == "# Fees\n\nNo monthly fee.")
    }

    @Test(arguments: [
        "no front matter\n",
        "---\nid: x\ntitle: t\ncategory: c\n",  // not closed
        "---\ntitle: t\ncategory: c\n---\nbody",  // no id
        "---\nid: bad id!\ntitle: t\ncategory: c\n---\nbody",
        "---\nid: x\ntitle: t\ncategory: c\n---\n   \n",  // empty body
    ])
    func badArticlesAreRejected(_ text: String) {
        #expect(throws: MarkdownArticle.ParseError.self) { try MarkdownArticle.parse(text) }
    }

    @Test func bundledKnowledgeBaseCoversTheHelpCenter() throws {
        let documents = try BundledKnowledgeBase.documents()
        #expect(documents.count >= 40)
        #expect(Set(documents.map(\.id)).count == documents.count)
        let categories = Set(documents.map(\.category))
        for required in ["accounts", "cards", "transfers", "bill-pay", "fees", "disputes", "security", "rewards", "app",
                         "verification", "statements", "interest", "overdraft", "international", "privacy", "support"] {
            #expect(categories.contains(required), "no article in \(required)")
        }
        for document in documents {
            #expect(document.updated != nil)
            #expect(!Chunker().chunks(of: document).isEmpty)
        }
    }

    let article = KnowledgeDocument(
        id: "doc", title: "Cards", category: "cards",
        body: """
        Intro paragraph about cards.

        ## Lost card
        Report it in the app. It is blocked at once.

        ### Abroad
        Call the 24-hour line.

        ## Fees
        Replacement is free.
        """
    )

    @Test func chunksFollowHeadingsAndCarryTheirPath() {
        let chunks = Chunker().chunks(of: article)
        #expect(chunks.map(\.heading) == ["", "Lost card", "Lost card › Abroad", "Fees"])
        #expect(chunks.map(\.id) == ["doc#0", "doc#1", "doc#2", "doc#3"])
        #expect(chunks[2].text == "Call the 24-hour line.")
        #expect(chunks[2].metadata["category"] == "cards")
        #expect(chunks[2].metadata["heading"] == "Lost card › Abroad")
        #expect(chunks[1].indexedText(title: "Cards").hasPrefix("Cards\nLost card\n"))
    }

    @Test func chunkIDsAreStableAcrossRuns() {
        #expect(Chunker().chunks(of: article) == Chunker().chunks(of: article))
    }

    @Test func longSectionsAreBoundedWithSentenceOverlap() {
        let sentences = (1...60).map { "Sentence number \($0) says something useful." }
        let document = KnowledgeDocument(id: "long", title: "Long", category: "x", body: "## One\n" + sentences.joined(separator: " "))
        let chunker = Chunker(maxCharacters: 400, overlapCharacters: 100)
        let chunks = chunker.chunks(of: document)
        #expect(chunks.count > 4)
        for chunk in chunks { #expect(chunk.text.count <= 400) }
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            let overlap = chunker.overlapTail(of: previous.text)
            #expect(!overlap.isEmpty && overlap.count <= 100)
            #expect(previous.text.hasSuffix(overlap))
            #expect(next.text.hasPrefix(overlap + " "), "chunk \(next.id) does not repeat the end of \(previous.id)")
        }
        // Every sentence is somewhere.
        let all = chunks.map(\.text).joined(separator: " ")
        for sentence in sentences { #expect(all.contains(sentence)) }
    }

    @Test func hugeSentencesAreCutAtSpaces() {
        let body = Array(repeating: "word", count: 500).joined(separator: " ")
        let chunks = Chunker(maxCharacters: 300, overlapCharacters: 50).chunks(of: KnowledgeDocument(id: "w", title: "W", category: "x", body: body))
        for chunk in chunks { #expect(chunk.text.count <= 300) }
        #expect(chunks.map { $0.text.split(separator: " ").count }.reduce(0, +) >= 500)
    }

    @Test func analyzerStemsFoldsAndAddsConcepts() {
        #expect(TextAnalyzer.words("Café’s FEES, déjà-vu 2024") == ["cafes", "fees", "deja", "vu", "2024"])
        #expect(TextAnalyzer.stem("disputes") == TextAnalyzer.stem("disputed"))
        #expect(TextAnalyzer.stem("transfers") == TextAnalyzer.stem("transfer"))
        let shut = TextAnalyzer.terms("shut my account")
        let close = TextAnalyzer.terms("closing your account")
        #expect(!Set(shut).isDisjoint(with: close.filter { $0.hasPrefix(Thesaurus.conceptPrefix) }))
        #expect(!TextAnalyzer.terms("the and of").contains("the"))
    }

    @Test func localEmbedderIsDeterministicNormalizedAndSemanticallyOrdered() throws {
        let embedder = try BundledKnowledgeBase.localEmbedder()
        let a = embedder.vector("my card was stolen")
        #expect(a == embedder.vector("my card was stolen"))
        #expect(a.count == 512)
        #expect(abs(VectorMath.dot(a, a) - 1) < 1e-4)
        let stolen = embedder.vector("Report a lost or stolen card: block it in the app")
        let interest = embedder.vector("Savings interest is calculated daily and paid monthly")
        #expect(VectorMath.dot(a, stolen) > VectorMath.dot(a, interest))
        #expect(embedder.vector("") == [Float](repeating: 0, count: 512))
    }

    @Test func stableHashDoesNotDependOnTheProcess() {
        // FNV-1a test vectors.
        #expect(stableHash("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(stableHash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func reciprocalRankFusionRewardsAgreement() {
        func hit(_ id: String) -> ChunkHit { ChunkHit(chunkID: id, documentID: id, title: "", text: "", metadata: [:], score: 0) }
        let fused = KnowledgeBase.fuse([[hit("a"), hit("b"), hit("c")], [hit("d"), hit("b"), hit("e")]])
        // b is second in both; a and d tie (first once), a was seen first; then c and e.
        #expect(fused.map(\.chunkID) == ["b", "a", "d", "c", "e"])
        #expect(abs(fused[0].score - 2 / 62.0) < 1e-12)
    }
}
