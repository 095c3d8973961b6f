import Foundation
import Testing

@testable import TextClassification

/// A deterministic generator for the tests (the services use SharedHealth's).
struct TestGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

@Suite("Hashed features")
struct HashedFeaturesTests {
    let features = HashedFeatures(bucketBits: 12)

    @Test func wordsFoldCaseAccentsDigitsAndApostrophes() {
        let words = HashedFeatures.words("What's my BALANCE at the Café? $40.50!").map { String(decoding: $0, as: UTF8.self) }
        #expect(words == ["whats", "my", "balance", "at", "the", "cafe", "?", "$", "00", "00", "!"])
    }

    @Test func theVectorIsSortedUniqueAndUnitLength() {
        let vector = features.vector("send forty bucks to sam, send it now")
        #expect(!vector.isEmpty)
        #expect(zip(vector, vector.dropFirst()).allSatisfy { $0.bucket < $1.bucket })
        #expect(vector.allSatisfy { (0..<Int32(features.bucketCount)).contains($0.bucket) })
        let norm = vector.reduce(Float(0)) { $0 + $1.value * $1.value }
        #expect(abs(norm - 1) < 1e-5)
        #expect(features.vector("send forty bucks to sam, send it now") == vector)
    }

    @Test func emptyAndSymbolOnlyTextsHaveNoFeatures() {
        #expect(features.vector("").isEmpty)
        #expect(features.vector("   ...   ").isEmpty)
    }

    /// A long message is read up to a bound: the cost per message cannot grow without limit.
    @Test func longTextsAreBounded() {
        let long = String(repeating: "word ", count: 50_000)
        #expect(HashedFeatures.words(long).count == HashedFeatures.maximumWords)
    }
}

@Suite("Linear text classifier")
struct LinearTextClassifierTests {
    static let examples: [LabeledText] = {
        let balance = ["what's my balance", "how much money do i have", "balance please", "how much is in checking", "show my balance", "bal?"]
        let card = ["my card was stolen", "i lost my card", "someone stole my wallet and card", "card missing", "report a stolen card", "lost card"]
        let hello = ["hi", "hello there", "hey", "good morning", "hiya", "hello"]
        return balance.map { LabeledText(text: $0, label: "balance") } + card.map { LabeledText(text: $0, label: "lost_card") }
            + hello.map { LabeledText(text: $0, label: "greeting") }
    }()

    static func trained() -> LinearTextClassifier {
        var training = ClassifierTraining()
        training.features = HashedFeatures(bucketBits: 12)
        training.epochs = 30
        var generator = TestGenerator(state: 7)
        return training.train(examples, using: &generator)
    }

    @Test func learnsSeparableTopicsAndGeneralizesToTypos() {
        let model = Self.trained()
        for example in Self.examples { #expect(model.classify(example.text, top: 1).first?.label == example.label) }
        #expect(model.classify("my balnce pls", top: 1).first?.label == "balance")
        #expect(model.classify("stolen my card", top: 1).first?.label == "lost_card")
        let probabilities = model.probabilities("hello")
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-4)
    }

    @Test func trainingIsReproducible() {
        #expect(Self.trained().serialized() == Self.trained().serialized())
    }

    @Test func theStoredFormRoundTrips() throws {
        let model = Self.trained().calibrated(temperature: 0.8)
        let loaded = try LinearTextClassifier(serialized: model.serialized())
        #expect(loaded.labels == model.labels)
        #expect(loaded.temperature == 0.8)
        #expect(loaded.features == model.features)
        for text in ["card gone", "hi!", "how much do i have"] { #expect(loaded.scores(text) == model.scores(text)) }
    }

    @Test func damagedModelsAreRefusedNotTrusted() {
        let data = Self.trained().serialized()
        #expect(throws: LinearTextClassifier.ModelError.self) { try LinearTextClassifier(serialized: data.prefix(data.count - 1)) }
        #expect(throws: LinearTextClassifier.ModelError.self) { try LinearTextClassifier(serialized: data + Data([0])) }
        #expect(throws: LinearTextClassifier.ModelError.self) { try LinearTextClassifier(serialized: Data("LTC0".utf8) + data.dropFirst(4)) }
        #expect(throws: LinearTextClassifier.ModelError.self) { try LinearTextClassifier(serialized: Data()) }
    }

    @Test func temperatureFittingPrefersCalibratedConfidence() {
        let model = Self.trained()
        let temperature = ClassifierTraining.fittedTemperature(model, on: Self.examples)
        #expect(temperature > 0 && temperature <= 3)
    }
}
