import Foundation
import Synchronization
import Testing

@testable import ConciergeCore

/// Search that answers from whichever articles it is asked for (one passage each), or with a
/// general passage when it is not restricted: what the concierge cites shows where it routed.
final class RoutedKnowledge: KnowledgeGateway {
    let requests = Mutex<[[String]?]>([])
    func search(_ query: String, topK: Int, documents: [String]?) async throws -> [KnowledgePassage] {
        requests.withLock { $0.append(documents) }
        guard let documents else {
            return [KnowledgePassage(documentID: "general", title: "General", text: "A general answer.", score: 0.01)]
        }
        return documents.prefix(topK).map { KnowledgePassage(documentID: $0, title: "Article \($0)", text: "What \($0) says. More.", score: 0.02) }
    }
}

/// The trained intent model: its resources, and the messages the understanding issue quotes
/// (they are the issue's, not the model's training or evaluation data).
@Suite("Understanding: the trained intent model")
struct UnderstandingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func model() throws -> IntentModel { try #require(IntentModel.bundled) }

    @Test func everyBankingTopicHasARouteToArticlesThatExist() throws {
        let model = try Self.model()
        let categories = try JSONDecoder().decode([String].self, from: Data(contentsOf: Self.repository.appendingPathComponent("training/intents/banking77-categories.json")))
        #expect(categories.count == 77)
        let articles = Set(try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Sources/RAGCore/Resources/KnowledgeBase").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
        for category in categories {
            let route = try #require(model.routes[category], "no route for \(category)")
            #expect(!route.articles.isEmpty)
            #expect(route.articles.allSatisfy(articles.contains), "\(category) routes to a missing article")
        }
        // Every label of the model leads somewhere: an account intent, a route or an article.
        for label in model.classifier.labels {
            let topic = try #require(model.topic(of: label), "label \(label) leads nowhere")
            if case .support(_, let route) = topic { #expect(route.articles.allSatisfy(articles.contains), "\(label)") }
        }
    }

    @Test(arguments: [
        ("Tell me how to cancel a transfer", "cancel_transfer"),
        ("The exchange rate was wrong when I bought something abroad", "card_payment_wrong_exchange_rate"),
        ("The ATM ate my card", "card_swallowed"),
    ])
    func bankingQuestionsReadAsTheirTopic(text: String, label: String) throws {
        let model = try Self.model()
        let reading = try #require(model.read(text, top: 1).first)
        #expect(reading.topic == model.topic(of: label))
    }

    @Test func aQuestionAboutAPaymentIsNotAPayment() async throws {
        let chat = try await Self.say("Tell me how to cancel a transfer")
        #expect(chat.reply.intent == ChatIntent.knowledge.rawValue)
        #expect(chat.reply.confirmation == nil)
        #expect(chat.reply.sources.first?.document_id == "transfer-cancel")
    }

    /// The model's first reading is a capability question, which is not its to answer when
    /// the rules could not place the message: its second reading, closing the account, is.
    @Test func aRequestThatSoundsLikeACapabilityQuestionIsAnswered() async throws {
        let chat = try await Self.say("Can you remove my account please?")
        #expect(chat.reply.sources.first?.document_id == "close-account")
    }

    @Test func aWordLikeBoughtNoLongerMakesATransactionList() async throws {
        let chat = try await Self.say("The exchange rate was wrong when I bought something abroad")
        #expect(chat.reply.intent == ChatIntent.knowledge.rawValue)
        #expect(chat.reply.sources.first?.document_id == "currency-exchange")
    }

    /// Where the bank has to act, a person takes over: a ticket, what happens next, and the
    /// article for meanwhile.
    @Test func aSwallowedCardIsHandedOff() async throws {
        let chat = try await Self.say("The ATM ate my card")
        #expect(chat.reply.intent == ChatIntent.handoff.rawValue)
        #expect(chat.reply.reply.contains("TKT-"))
        #expect(chat.reply.sources.first?.document_id == "atm-card-retained")
    }

    @Test func investmentAdviceIsDeclined() async throws {
        for text in ["Should I buy Tesla stock with my savings?", "is bitcoin a good investment right now"] {
            let chat = try await Self.say(text)
            #expect(chat.reply.reply.contains("can't give investment, tax or legal advice"), "\(text)")
            #expect(chat.reply.sources.isEmpty)
        }
    }

    @Test func typedFastBalanceQuestionsAreUnderstood() async throws {
        let chat = try await Self.say("checkin bal pls")
        #expect(chat.reply.intent == ChatIntent.balance.rawValue)
    }

    /// Without the model the rules still answer (the service never depends on it to start).
    @Test func withoutTheModelTheRulesAnswer() async throws {
        var engine = ConciergeEngine(ledger: MemoryLedgerStore(bank: .generate(asOf: Dialogue.today)), sessions: MemorySessionStore(), guardrails: InProcessGuardrails(), knowledge: RoutedKnowledge())
        engine.intentModel = nil
        let reply = try await engine.chat(customerID: "cust_alex", message: "what's my balance?", sessionID: nil)
        #expect(reply.intent == ChatIntent.balance.rawValue)
    }

    static func say(_ text: String) async throws -> (reply: ChatReply, knowledge: RoutedKnowledge) {
        let knowledge = RoutedKnowledge()
        var engine = ConciergeEngine(ledger: MemoryLedgerStore(bank: .generate(asOf: Dialogue.today)), sessions: MemorySessionStore(), guardrails: InProcessGuardrails(), knowledge: knowledge)
        engine.today = { Dialogue.today }
        return (try await engine.chat(customerID: "cust_alex", message: text, sessionID: nil), knowledge)
    }
}
