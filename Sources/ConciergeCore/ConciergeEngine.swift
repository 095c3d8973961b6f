import Foundation
import GuardrailsCore

/// One answer of the chat API.
public struct ChatReply: Sendable, Codable, Equatable {
    public struct Source: Sendable, Codable, Equatable {
        public let document_id: String
        public let title: String
    }

    public struct PendingConfirmation: Sendable, Codable, Equatable {
        public let id: String
        public let summary: String
        public let expires_at: Int64
    }

    public let session_id: String
    public let reply: String
    public let intent: String
    public let sources: [Source]
    public let confirmation: PendingConfirmation?
    public let degraded: Bool
    /// Set when this message confirmed a transfer: whether it executed (for metrics).
    public var transferExecuted: Bool? = nil
}

public enum ConfirmationDecision: String, Sendable { case confirm, cancel }

public enum ConfirmationError: Error, Equatable {
    case notFound, expired, alreadyCancelled, failed(String)
}

/// The conversation: guardrails first, then understanding, banking tools, knowledge search,
/// and a reply composed from their results (the `local` responder), checked again on the way
/// out. Money moves only through a confirmation, executed once per confirmation id.
public struct ConciergeEngine: Sendable {
    public let ledger: any LedgerStore
    public let sessions: any SessionStore
    public let guardrails: any GuardrailsGateway
    public let knowledge: any KnowledgeGateway
    /// Seconds a confirmation stays valid.
    public var confirmationLifetime: Int64 = 300
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    public var today: @Sendable () -> String = { DemoBank.today() }
    /// The `openai` responder; nil for the deterministic local one.
    public var model: (any ChatModel)?
    /// All model calls of one turn together get at most this; then the local answer is used.
    public var modelTurnBudget: Duration = .seconds(15)
    /// The trained intent model; nil leaves understanding to the keyword rules.
    public var intentModel: IntentModel? = .bundled

    static let passageScreen = UntrustedContentScreen()

    public init(ledger: any LedgerStore, sessions: any SessionStore, guardrails: any GuardrailsGateway, knowledge: any KnowledgeGateway) {
        self.ledger = ledger
        self.sessions = sessions
        self.guardrails = guardrails
        self.knowledge = knowledge
    }

    struct Draft {
        var text: String
        var intent: ChatIntent
        var sources: [ChatReply.Source] = []
        var confirmation: ChatReply.PendingConfirmation?
        var degraded = false
        var transferExecuted: Bool?
        /// The dialogue manager's own words about a payment the model proposed; shown instead
        /// of the model's text.
        var proposalText: String?
        /// Values of the customer's own that the reply may show unmasked.
        var displaySafe: [String] = []
    }

    public func chat(customerID: String, message: String, sessionID: String?) async throws -> ChatReply {
        var session: ChatSession
        if let sessionID {
            guard let existing = try await sessions.session(id: sessionID, customerID: customerID) else { throw ConfirmationError.notFound }
            session = existing
        } else {
            session = ChatSession(id: "ses_" + Self.randomID(), customerID: customerID)
        }
        let facts = try await customerFacts(customerID)
        // The customer's own payee and biller names are set aside while the input is checked:
        // "pay Sam 40" must reach the model (and the stored session) with "Sam", not <PERSON>.
        // Anyone else's name is still redacted.
        let inputShield = DisplaySafeShield(message, safe: facts.ownNames)
        let input = await guardrails.check(inputShield.text, direction: .input)
        let redacted = inputShield.restore(input.result.redacted_text)
        var draft: Draft
        if !input.result.allowed {
            draft = Draft(text: "I can't help with that request. I can help with your balances, transactions, transfers, bill payments and questions about our services.", intent: .blocked)
            session.pending = nil
        } else {
            // Only the redacted text is stored or sent to another service; the raw message is
            // read here, in memory, to match the customer's own payees and billers by name.
            draft = try await respond(to: message, redacted: redacted, facts: facts, session: &session)
        }
        draft.degraded = draft.degraded || input.degraded
        // The reply's own display-safe values (the customer's account, payee and merchant
        // names, masked suffixes, the dates of its own transactions) are set aside while the
        // output is checked, so they read cleanly; everything else is checked and masked.
        let shielded = DisplaySafeShield(draft.text, safe: draft.displaySafe)
        let output = await guardrails.check(shielded.text, direction: .output)
        let reply = output.result.allowed ? shielded.restore(output.result.redacted_text) : "Sorry, I can't share that. Is there something else I can help with?"
        if !output.result.allowed, let offered = draft.confirmation, session.confirmationID == offered.id {
            // The customer never read the summary: it must not be confirmable.
            _ = try await decide(offered.id, decision: .cancel, customerID: customerID)
            session.confirmationID = nil
            draft.confirmation = nil
        }
        session.turns.append(ChatTurn(role: "customer", text: redacted, intent: draft.intent.rawValue))
        session.turns.append(ChatTurn(role: "assistant", text: reply, intent: draft.intent.rawValue))
        if session.turns.count > 100 { session.turns.removeFirst(session.turns.count - 100) }
        try await sessions.save(session)
        return ChatReply(
            session_id: session.id, reply: reply, intent: draft.intent.rawValue, sources: draft.sources,
            confirmation: draft.confirmation, degraded: draft.degraded || output.degraded,
            transferExecuted: draft.transferExecuted
        )
    }

    /// Balances of the named accounts, or all of them.
    func balances(_ customer: String, only kinds: [AccountKind] = []) async throws -> Draft {
        let all = try await ledger.accounts(customerID: customer)
        let chosen = kinds.isEmpty ? all : all.filter { kinds.contains($0.kind) }
        let lines = (chosen.isEmpty ? all : chosen).map { account -> String in
            let name = "\(account.name) (…\(account.mask))"
            if account.kind == .creditCard {
                let limit = account.creditLimit.map { " (credit limit \(Money(minorUnits: $0).formatted))" } ?? ""
                return "\(name): \(Money(minorUnits: -account.balance).formatted) owed, \(Money(minorUnits: account.available).formatted) available credit\(limit)"
            }
            return "\(name): \(Money(minorUnits: account.balance).formatted)"
        }
        let heading = lines.count == 1 ? "Your balance:\n" : "Your balances:\n"
        return Draft(text: heading + lines.joined(separator: "\n"), intent: .balance)
    }

    func transactions(_ customer: String, query: TransactionQuery, facts: CustomerFacts) async throws -> Draft {
        let found = try await ledger.transactions(customerID: customer, query: query)
        let scope = query.accountID.flatMap { id in facts.accounts.first { $0.id == id } }.map { " in \($0.name)" } ?? ""
        guard !found.isEmpty else { return Draft(text: "I didn't find any transactions\(scope) matching that.", intent: .transactions) }
        let lines = found.map { "\($0.date) · \($0.merchant) · \(Money(minorUnits: $0.amount).formatted)\($0.status == .pending ? " (pending)" : "")" }
        let spent = found.filter { $0.amount < 0 }.reduce(Int64(0)) { $0 + $1.amount }
        var reply = "Here \(found.count == 1 ? "is the transaction" : "are \(found.count) transactions")\(scope):\n" + lines.joined(separator: "\n")
        if spent < 0 { reply += "\nTotal spent: \(Money(minorUnits: -spent).formatted)" }
        return Draft(text: reply, intent: .transactions)
    }

    /// A help-center answer: the passage that best answers the question (within `documents`
    /// when given), quoted and cited, with the next step.
    func answer(_ text: String, documents: [String]? = nil) async -> Draft {
        do {
            // Passages are untrusted: one that asks for credentials, links off the bank's
            // domains or gives a phone number is never shown (and is logged by the caller's
            // metrics as a dropped passage).
            let passages = try await knowledge.search(text, topK: 3, documents: documents).filter { Self.passageScreen.findings($0.title + "\n" + $0.text).isEmpty }
            guard let best = passages.first else {
                return Draft(text: "I couldn't find that in our help center. Would you like me to connect you with a person?", intent: .knowledge)
            }
            var seen = Set<String>()
            let sources = passages.filter { seen.insert($0.documentID).inserted }.map { ChatReply.Source(document_id: $0.documentID, title: $0.title) }
            return Draft(text: Self.quote(best) + "\n\nSource: \(best.title)", intent: .knowledge, sources: sources)
        } catch {
            return Draft(text: "Help-center search is unavailable right now, so I can't look that up. I can still help with balances, transactions, transfers and bill payments.", intent: .knowledge, degraded: true)
        }
    }

    /// The first three sentences of a passage, on one line.
    static func quote(_ passage: KnowledgePassage) -> String {
        let sentences = passage.text.replacingOccurrences(of: "\n", with: " ").components(separatedBy: ". ")
        let summary = sentences.prefix(3).joined(separator: ". ")
        return summary + (summary.hasSuffix(".") ? "" : ".")
    }

    public struct Decision: Sendable {
        public let confirmation: Confirmation
        public let message: String
    }

    /// Confirms or cancels. A confirmation executes at most once: the ledger is idempotent on
    /// the confirmation id, and the stored state settles racing decisions on one outcome.
    public func decide(_ id: String, decision: ConfirmationDecision, customerID: String) async throws -> Decision {
        guard let confirmation = try await sessions.confirmation(id: id, customerID: customerID) else { throw ConfirmationError.notFound }
        switch (decision, confirmation.state) {
        case (_, .executed):
            return Decision(confirmation: confirmation, message: Self.doneMessage(confirmation))
        case (.cancel, .pending):
            let settled = try await sessions.decide(id: id, customerID: customerID, to: .cancelled, receipt: nil, failure: nil) ?? confirmation
            return Decision(confirmation: settled, message: settled.state == .executed ? Self.doneMessage(settled) : "Cancelled. No money was moved.")
        case (.cancel, _):
            return Decision(confirmation: confirmation, message: "That request was already \(confirmation.state.rawValue).")
        case (.confirm, .cancelled): throw ConfirmationError.alreadyCancelled
        case (.confirm, .expired): throw ConfirmationError.expired
        case (.confirm, .failed): throw ConfirmationError.failed(confirmation.failure ?? "the transfer failed")
        case (.confirm, .pending):
            if now() > confirmation.expiresAt {
                _ = try await sessions.decide(id: id, customerID: customerID, to: .expired, receipt: nil, failure: nil)
                throw ConfirmationError.expired
            }
            do {
                let receipt = try await ledger.transfer(confirmation.request, on: today())
                let settled = try await sessions.decide(id: id, customerID: customerID, to: .executed, receipt: receipt, failure: nil) ?? confirmation
                var done = settled
                if done.receipt == nil { done.receipt = receipt }
                return Decision(confirmation: done, message: Self.doneMessage(done))
            } catch let error as LedgerError {
                _ = try await sessions.decide(id: id, customerID: customerID, to: .failed, receipt: nil, failure: error.description)
                throw ConfirmationError.failed(error.description)
            }
        }
    }

    static func kindName(_ kind: TransferKind) -> String {
        switch kind {
        case .ownAccounts: "transfers between your accounts"
        case .payee: "payments to people"
        case .billPayment: "bill payments"
        }
    }

    /// What the customer reads when a confirmation could not execute.
    static func refusal(_ error: ConfirmationError) -> String {
        switch error {
        case .failed(let reason): "The transfer was not made: \(reason)."
        case .expired: "That request expired; please start again."
        case .alreadyCancelled, .notFound: "That request was cancelled."
        }
    }

    static func doneMessage(_ confirmation: Confirmation) -> String {
        let scheduled = confirmation.receipt?.status == .scheduled
        return "Done: \(confirmation.summary)\(scheduled ? " is scheduled" : ""). Reference \(confirmation.receipt?.transferID ?? confirmation.id)."
    }

    static func randomID() -> String {
        (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(16) }.joined()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

extension ChatReply.PendingConfirmation {
    /// What the customer is shown of a stored confirmation.
    init(_ confirmation: Confirmation) {
        self.init(id: confirmation.id, summary: confirmation.summary, expires_at: confirmation.expiresAt)
    }
}
