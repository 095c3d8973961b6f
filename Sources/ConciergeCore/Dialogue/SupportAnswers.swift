import Foundation

/// Help-center questions, read by the trained intent model: its topic picks the articles that
/// answer (the search then picks the passage within them), a person where the bank has to act,
/// a clarifying question where the model is unsure, and a declined-advice or out-of-scope reply.
extension ConciergeEngine {
    /// At or above this the model's topic picks the articles; below it the open search does,
    /// since the help center covers more than the model's topics.
    static let routeConfidence: Float = 0.5
    /// Declining (advice, out of scope) costs the customer an answer: it needs more certainty.
    static let declineConfidence: Float = 0.7
    /// Two readings this likely together, neither sure, are offered as a question.
    static let clarifyTogether: Float = 0.6
    static let clarifySecond: Float = 0.2

    /// - Parameter context: what the conversation is about (the payment in progress). A short
    ///   question the model cannot place on its own ("when does at&t get the money") is read
    ///   as being about it; one it can ("how do i freeze my card") is not.
    func answerSupport(_ text: String, redacted: String, about context: String? = nil, session: inout ChatSession) async -> Draft {
        guard let intentModel else { return await answer(redacted) }
        var readings = Understanding.placeable(intentModel.read(text, top: 3))
        var redacted = redacted
        if let context, ConfirmationReply.words(text).count <= 10, (readings.first?.probability ?? 0) < Self.routeConfidence {
            readings = Understanding.placeable(intentModel.read(text + context, top: 3))
            redacted += context
        }
        guard let first = readings.first else { return await answer(redacted) }
        switch first.topic {
        case .account(.advice) where first.probability >= Self.declineConfidence:
            return Draft(text: Self.declinedAdvice, intent: .knowledge)
        case .account(.outOfScope) where first.probability >= Self.declineConfidence:
            return Draft(text: Self.outOfScope, intent: .unknown)
        case .support(_, let route) where first.probability >= Self.routeConfidence:
            // Where the bank has to act, a report of what happened opens a ticket; a question
            // about the process ("how do I dispute a charge") gets the article and the offer.
            if route.handoff, !MessageUnderstanding.has(text, Understanding.howTo) {
                var draft = await answer(redacted, documents: route.articles)
                let ticket = openTicket(&session)
                draft.text = "This needs someone from our team to look into it, so I've opened ticket \(ticket) and asked an agent to join this chat (usually within 5 minutes). Meanwhile, from our help center:\n\n" + draft.text
                draft.intent = .handoff
                return draft
            }
            var draft = await answer(redacted, documents: route.articles)
            if !draft.degraded, !draft.sources.isEmpty {
                draft.text += "\n\nIf that doesn't answer it, tell me more, or ask for a person and I'll connect you."
            }
            return draft
        case .support(_, let route):
            if readings.count > 1, case .support(_, let second) = readings[1].topic, readings[1].probability >= Self.clarifySecond,
               first.probability + readings[1].probability >= Self.clarifyTogether, second.articles.first != route.articles.first {
                return await clarify(redacted, between: route, and: second)
            }
            return await answer(redacted)
        case .account:
            // An account reading the rules did not act on ("how do I see my balance"), or an
            // unsure one: the help center answers.
            return await answer(redacted)
        }
    }

    /// The two readings, each with its article, and the question which one is meant.
    func clarify(_ redacted: String, between first: IntentModel.SupportRoute, and second: IntentModel.SupportRoute) async -> Draft {
        do {
            let documents = [first.articles[0], second.articles[0]]
            let passages = try await knowledge.search(redacted, topK: 6, documents: documents).filter { Self.passageScreen.findings($0.title + "\n" + $0.text).isEmpty }
            var titles: [String: String] = [:]
            for passage in passages where titles[passage.documentID] == nil { titles[passage.documentID] = passage.title }
            let ordered = documents.compactMap { id in titles[id].map { (id, $0) } }
            guard ordered.count == 2 else { return await answer(redacted, documents: first.articles) }
            return Draft(
                text: "I want to make sure I answer the right question. Is this about \"\(ordered[0].1)\" or \"\(ordered[1].1)\"? Tell me which, or say more about what happened — I can also connect you with a person.",
                intent: .knowledge,
                sources: ordered.map { ChatReply.Source(document_id: $0.0, title: $0.1) }
            )
        } catch {
            return await answer(redacted, documents: first.articles)
        }
    }

    /// The session's ticket, opened on first use.
    func openTicket(_ session: inout ChatSession) -> String {
        let ticket = session.ticketID ?? "TKT-" + Self.randomID().prefix(8).uppercased()
        session.ticketID = ticket
        return ticket
    }

    static let declinedAdvice =
        "I can't give investment, tax or legal advice — that depends on your whole situation, and a licensed adviser is the right person to ask. I can show your balances and spending, explain Pennant's accounts, rates and fees, or connect you with our support team."
    static let outOfScope =
        "I can only help with your Pennant accounts: balances, transactions, transfers, bill payments and questions about our services. Is there something there I can do for you?"
}
