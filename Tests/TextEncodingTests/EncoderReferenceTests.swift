import Foundation
import Testing
@testable import TextEncoding

/// The Swift tokenizer and forward pass against sentence-transformers' own output.
@Suite(.enabled(if: TestModel.mustRun, TestModel.skipReason))
struct EncoderReferenceTests {
    @Test("token ids equal sentence-transformers'", arguments: ReferenceFixture.shared.items)
    func tokenIDs(item: ReferenceFixture.Item) throws {
        let encoder = try TestModel.encoder()
        #expect(encoder.tokenizer.encode(item.text) == item.tokenIDs)
    }

    @Test("embeddings equal sentence-transformers'", arguments: ReferenceFixture.shared.items)
    func embedding(item: ReferenceFixture.Item) throws {
        let encoder = try TestModel.encoder()
        let embedding = encoder.embed(item.text)
        try #require(embedding.count == item.embedding.count)
        #expect(cosine(embedding, item.embedding) >= 0.99999)
        // Per component the fixture is rounded to 6 decimals and a float32 forward pass is within
        // 6.3e-7 of it; 1e-5 still rejects the tanh-approximated GELU (off by up to 3.9e-4).
        #expect(maxAbsDifference(embedding, item.embedding) <= 1e-5)
    }

    @Test func modelShape() throws {
        let encoder = try TestModel.encoder()
        let fixture = ReferenceFixture.shared
        #expect(encoder.name == "all-MiniLM-L6-v2")
        #expect(encoder.dimension == fixture.dimensions)
        #expect(encoder.maxTokens == fixture.maxTokens)
        #expect(fixture.items.count == 60)
    }

    @Test func embeddingsHaveUnitLength() throws {
        let encoder = try TestModel.encoder()
        for text in ["", "hello", String(repeating: "long text ", count: 300)] {
            let norm = encoder.embed(text).reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-5, "\(text.prefix(20).debugDescription)")
        }
    }

    @Test("a batch gives each text's own embedding")
    func batchEqualsSingle() throws {
        let encoder = try TestModel.encoder()
        let texts = ReferenceFixture.shared.items.map(\.text) + ["What is my current account balance?"]
        let batch = encoder.embed(texts)
        try #require(batch.count == texts.count)
        for (text, embedding) in zip(texts, batch) {
            let single = encoder.embed(text)
            #expect(maxAbsDifference(single, embedding) <= 1e-6, "\(text.prefix(40).debugDescription)")
        }
        #expect(encoder.embed([String]()).isEmpty)
    }

    @Test("concurrent callers share one encoder")
    func concurrentCalls() async throws {
        let encoder = try TestModel.encoder()
        let texts = ReferenceFixture.shared.items.prefix(8).map(\.text)
        let expected = texts.map(encoder.embed)
        let results = await withTaskGroup(of: (Int, [Float]).self) { group in
            for round in 0..<2 {
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, round.isMultiple(of: 2) ? encoder.embed(text) : encoder.embed([text])[0]) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == texts.count * 2)
        for (index, embedding) in results {
            #expect(maxAbsDifference(embedding, expected[index]) <= 1e-6)
        }
    }

    @Test("a truncated copy of the real weights is an error, not a crash")
    func truncatedModelFile() throws {
        let source = TestModel.directory.appendingPathComponent("model.safetensors")
        let handle = try FileHandle(forReadingFrom: source)
        let head = try handle.read(upToCount: 1 << 20) ?? Data()
        try handle.close()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("truncated-model-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["config.json", "vocab.txt", "sentence_bert_config.json"] {
            try FileManager.default.copyItem(at: TestModel.directory.appendingPathComponent(file),
                                             to: directory.appendingPathComponent(file))
        }
        try head.write(to: directory.appendingPathComponent("model.safetensors"))
        let error = #expect(throws: SentenceEncoder.Error.self) { try SentenceEncoder(directory: directory) }
        #expect(String(describing: error).contains("outside the"), "\(String(describing: error))")
    }
}
