import Foundation
import TextClassification

/// The trained intent model (`swift run -c release ConciergeTrainer train`; data and sources in
/// training/intents/) and where each of its support intents leads. It reads what the keyword
/// rules cannot: the 77 support topics of BANKING77 and account requests in words nobody here
/// listed. The rules keep precision where money or an explicit request is involved.
public struct IntentModel: Sendable {
    public let classifier: LinearTextClassifier
    public let routes: [String: SupportRoute]

    /// Where a support question leads: the articles that answer it, best first, and whether the
    /// bank has to act (a person takes over, the article says what happens meanwhile).
    public struct SupportRoute: Sendable, Decodable, Equatable {
        public let articles: [String]
        public let handoff: Bool
        public let reason: String
    }

    /// The labels of the account intents (the rest are BANKING77 support topics).
    public enum AccountLabel: String, CaseIterable, Sendable {
        case balance, transactions, transfer
        case billPayment = "bill_payment"
        case humanHandoff = "human_handoff"
        case greeting, thanks, goodbye
        case botCapabilities = "bot_capabilities"
        case advice
        case outOfScope = "out_of_scope"
    }

    /// What one message reads as.
    public enum Topic: Sendable, Equatable {
        case account(AccountLabel)
        case support(String, SupportRoute)
    }

    public struct Reading: Sendable, Equatable {
        public let topic: Topic
        public let label: String
        public let probability: Float
    }

    /// Per label: where it leads, and the index of its destination (labels leading to the same
    /// place share one). Computed once: a reading must not build strings per label.
    let labelTopics: [Topic?]
    let labelDestinations: [Int]
    let destinationCount: Int
    /// A turn reads one message more than once (its intent, then the answer's topic): the
    /// last message's probabilities are kept, as `MessageUnderstanding` keeps its words.
    let lastProbabilities = LastResult<[Float]>()

    public init(classifier: LinearTextClassifier, routes: [String: SupportRoute]) {
        self.classifier = classifier
        self.routes = routes
        let topics = classifier.labels.map { Self.topic(of: $0, routes: routes) }
        var slots: [String: Int] = [:]
        labelDestinations = topics.map { topic in
            let key: String
            switch topic {
            case .account(let label)?: key = label.rawValue
            case .support(_, let route)?: key = (route.handoff ? "handoff:" : "article:") + (route.articles.first ?? "")
            case nil: key = ""
            }
            if let slot = slots[key] { return slot }
            slots[key] = slots.count
            return slots.count - 1
        }
        labelTopics = topics
        destinationCount = slots.count
    }

    /// The model bundled with ConciergeCore; nil only when the resource is missing or damaged,
    /// in which case the rules alone decide (`Understanding`).
    public static let bundled: IntentModel? = try? loadBundled()

    public static func loadBundled() throws -> IntentModel {
        guard let directory = Bundle.module.url(forResource: "IntentModel", withExtension: nil) else {
            throw LinearTextClassifier.ModelError.malformed("IntentModel resource missing")
        }
        return try load(from: directory)
    }

    /// The model and routes in `directory` (intents.ltc, intent-routes.json).
    public static func load(from directory: URL) throws -> IntentModel {
        let classifier = try LinearTextClassifier(serialized: Data(contentsOf: directory.appendingPathComponent("intents.ltc")))
        let routes = try JSONDecoder().decode([String: SupportRoute].self, from: Data(contentsOf: directory.appendingPathComponent("intent-routes.json")))
        return IntentModel(classifier: classifier, routes: routes)
    }

    /// The label of a help-center article's own topic (trained on its title, headings and
    /// keywords): it routes to that article.
    public static func articleLabel(_ id: String) -> String { "article:" + id }

    /// Where a label leads, if anywhere.
    public func topic(of label: String) -> Topic? { Self.topic(of: label, routes: routes) }

    static func topic(of label: String, routes: [String: SupportRoute]) -> Topic? {
        if let account = AccountLabel(rawValue: label) { return .account(account) }
        if let route = routes[label] { return .support(label, route) }
        if label.hasPrefix("article:") {
            return .support(label, SupportRoute(articles: [String(label.dropFirst(8))], handoff: false, reason: "the article's own topic"))
        }
        return nil
    }

    /// The most likely destinations, most likely first. Labels that lead to the same place —
    /// the same first article (with or without a handoff), or the same account intent — pool
    /// their probability: the decision is where to go, and "lost_or_stolen_card" and the
    /// lost-card article's own topic are one answer.
    public func read(_ text: String, top: Int = 2) -> [Reading] {
        let probabilities = lastProbabilities.of(text) { classifier.probabilities($0) }
        var totals = [Float](repeating: 0, count: destinationCount)
        var best = [Int](repeating: -1, count: destinationCount)
        for (index, probability) in probabilities.enumerated() where labelTopics[index] != nil {
            let slot = labelDestinations[index]
            totals[slot] += probability
            if best[slot] < 0 || probabilities[best[slot]] < probability { best[slot] = index }
        }
        return totals.indices.filter { best[$0] >= 0 }.sorted { totals[$0] > totals[$1] }.prefix(top).compactMap { slot in
            labelTopics[best[slot]].map { Reading(topic: $0, label: classifier.labels[best[slot]], probability: totals[slot]) }
        }
    }
}

extension IntentModel.AccountLabel {
    /// The dialogue intent of an account label.
    var intent: ChatIntent {
        switch self {
        case .balance: .balance
        case .transactions: .transactions
        case .transfer: .transfer
        case .billPayment: .billPayment
        case .humanHandoff: .handoff
        case .greeting, .thanks, .goodbye, .botCapabilities: .greeting
        case .advice, .outOfScope: .knowledge
        }
    }
}
