import Foundation
import Testing
@testable import TextEncoding

/// The reference vectors in Fixtures/encoder-reference.json (made by
/// scripts/make-encoder-reference.py with sentence-transformers).
struct ReferenceFixture: Decodable, Sendable {
    struct Item: Decodable, Sendable, CustomTestStringConvertible {
        let category: String
        let text: String
        let tokenIDs: [Int32]
        let untruncatedTokenCount: Int
        let embedding: [Float]

        enum CodingKeys: String, CodingKey {
            case category, text, embedding
            case tokenIDs = "token_ids"
            case untruncatedTokenCount = "untruncated_token_count"
        }

        var testDescription: String {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "\(category): \(shown.debugDescription)"
        }
    }

    let maxTokens: Int
    let dimensions: Int
    let items: [Item]

    enum CodingKeys: String, CodingKey {
        case items, dimensions
        case maxTokens = "max_tokens"
    }

    static let shared: ReferenceFixture = {
        guard let url = Bundle.module.url(forResource: "encoder-reference", withExtension: "json", subdirectory: "Fixtures") else {
            fatalError("Fixtures/encoder-reference.json is not in the test bundle")
        }
        do {
            return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot decode encoder-reference.json: \(error)")
        }
    }()
}

/// The installed model (`scripts/fetch-model.sh`). Locally its tests skip when it is missing; in
/// CI (`CI` set) they run and fail, so a missing install step cannot pass as green.
enum TestModel {
    static let directory = SentenceEncoder.modelDirectory()
    static let isInstalled = FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("model.safetensors").path)
    static let mustRun = isInstalled || ProcessInfo.processInfo.environment["CI"] != nil
    static let skipReason: Comment = "model not installed at \(directory.path): run scripts/fetch-model.sh (with CI set this fails instead of skipping)"

    /// Loaded once for the whole suite; the encoder is immutable and shared across tests.
    private static let loaded = Result { try SentenceEncoder(directory: directory) }

    static func encoder() throws -> SentenceEncoder { try loaded.get() }
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var (dot, na, nb) = (0.0, 0.0, 0.0)
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        na += Double(x) * Double(x)
        nb += Double(y) * Double(y)
    }
    return dot / (na.squareRoot() * nb.squareRoot())
}

func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
