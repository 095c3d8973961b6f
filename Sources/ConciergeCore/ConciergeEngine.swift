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
    }

    public func chat(customerID: String, message: String, sessionID: String?) async throws -> ChatReply {
        var session: ChatSession
        if let sessionID {
            guard let existing = try await sessions.session(id: sessionID, customerID: customerID) else { throw ConfirmationError.notFound }
            session = existing
        } else {
            session = ChatSession(id: "ses_" + Self.randomID(), customerID: customerID)
        }
        let input = await guardrails.check(message, direction: .input)
        var draft: Draft
        if !input.result.allowed {
            draft = Draft(text: "I can't help with that request. I can help with your balances, transactions, transfers, bill payments and questions about our services.", intent: .blocked)
            session.pending = nil
        } else {
            // Only the redacted text is stored or sent to another service; the raw message is
            // read here, in memory, to match the customer's own payees and billers by name.
            draft = try await respond(to: message, redacted: input.result.redacted_text, session: &session)
        }
        draft.degraded = draft.degraded || input.degraded
        let output = await guardrails.check(draft.text, direction: .output)
        let reply = output.result.allowed ? output.result.redacted_text : "Sorry, I can't share that. Is there something else I can help with?"
        session.turns.append(ChatTurn(role: "customer", text: input.result.redacted_text, intent: draft.intent.rawValue))
        session.turns.append(ChatTurn(role: "assistant", text: reply, intent: draft.intent.rawValue))
        if session.turns.count > 100 { session.turns.removeFirst(session.turns.count - 100) }
        try await sessions.save(session)
        return ChatReply(
            session_id: session.id, reply: reply, intent: draft.intent.rawValue, sources: draft.sources,
            confirmation: draft.confirmation, degraded: draft.degraded || output.degraded,
            transferExecuted: draft.transferExecuted
        )
    }

    func respond(to text: String, redacted: String, session: inout ChatSession) async throws -> Draft {
        let customer = session.customerID
        // A pending confirmation is answered first.
        if let id = session.confirmationID, let confirmation = try await sessions.confirmation(id: id, customerID: customer), confirmation.state == .pending {
            if MessageUnderstanding.isConfirmation(text) {
                session.confirmationID = nil
                do {
                    var draft = Draft(text: try await decide(id, decision: .confirm, customerID: customer).message, intent: .confirm)
                    draft.transferExecuted = true
                    return draft
                } catch let error as ConfirmationError {
                    var draft = Draft(text: Self.refusal(error), intent: .confirm)
                    draft.transferExecuted = false
                    return draft
                }
            }
            if MessageUnderstanding.isCancellation(text) {
                session.confirmationID = nil
                _ = try await decide(id, decision: .cancel, customerID: customer)
                return Draft(text: "Cancelled. No money was moved.", intent: .cancel)
            }
        }
        if session.pending != nil, MessageUnderstanding.isCancellation(text) {
            session.pending = nil
            return Draft(text: "Okay, I've cancelled that. No money was moved.", intent: .cancel)
        }
        var intent = MessageUnderstanding.intent(text)
        if intent == .unknown, MessageUnderstanding.isConfirmation(text) { intent = .confirm }
        if let pending = session.pending, intent == .unknown || intent == .knowledge || MessageUnderstanding.amount(in: text) != nil {
            intent = pending.kind == .billPayment ? .billPayment : .transfer
        }
        if let model, intent != .confirm, intent != .cancel {
            if let drafted = await modelTurn(model, raw: text, redacted: redacted, session: &session) { return drafted }
            var local = try await localResponse(intent, text: text, redacted: redacted, session: &session)
            local.degraded = true
            return local
        }
        return try await localResponse(intent, text: text, redacted: redacted, session: &session)
    }

    func localResponse(_ intent: ChatIntent, text: String, redacted: String, session: inout ChatSession) async throws -> Draft {
        let customer = session.customerID
        switch intent {
        case .balance: return try await balances(customer)
        case .transactions: return try await transactions(customer, text)
        case .transfer, .billPayment: return try await payment(text, intent: intent, session: &session)
        case .knowledge: return await answer(redacted)
        case .handoff:
            let ticket = session.ticketID ?? "TKT-" + Self.randomID().prefix(8).uppercased()
            session.ticketID = ticket
            return Draft(text: "I've asked a member of our support team to join. Your ticket is \(ticket); an agent usually replies in this chat within 5 minutes.", intent: .handoff)
        case .greeting:
            return Draft(text: "Hi! I can check balances, find transactions, move money between your accounts, pay saved payees and billers, and answer questions about Pennant.", intent: .greeting)
        case .confirm, .cancel:
            return Draft(text: "There's nothing waiting for your confirmation right now.", intent: intent)
        case .unknown, .blocked:
            return Draft(text: "I'm not sure I understood. Do you want to check a balance, look at transactions, send money, pay a bill, or ask a question about your account?", intent: .unknown)
        }
    }

    func balances(_ customer: String) async throws -> Draft {
        let accounts = try await ledger.accounts(customerID: customer)
        let lines = accounts.map { account -> String in
            let name = "\(account.name) (…\(account.mask))"
            if account.kind == .creditCard {
                return "\(name): \(Money(minorUnits: -account.balance).formatted) owed, \(Money(minorUnits: account.available).formatted) available credit"
            }
            return "\(name): \(Money(minorUnits: account.balance).formatted)"
        }
        return Draft(text: "Your balances:\n" + lines.joined(separator: "\n"), intent: .balance)
    }

    func transactions(_ customer: String, _ text: String) async throws -> Draft {
        // Longest names first, so "Blue Bottle Coffee" wins over a shorter name inside it.
        let merchants = try await ledger.merchants(customerID: customer).sorted { $0.count > $1.count }
        let query = MessageUnderstanding.transactionQuery(text, today: today(), merchants: merchants)
        let found = try await ledger.transactions(customerID: customer, query: query)
        guard !found.isEmpty else { return Draft(text: "I didn't find any transactions matching that.", intent: .transactions) }
        let lines = found.map { "\($0.date) · \($0.merchant) · \(Money(minorUnits: $0.amount).formatted)\($0.status == .pending ? " (pending)" : "")" }
        let spent = found.filter { $0.amount < 0 }.reduce(Int64(0)) { $0 + $1.amount }
        var reply = "Here \(found.count == 1 ? "is the transaction" : "are \(found.count) transactions"):\n" + lines.joined(separator: "\n")
        if spent < 0 { reply += "\nTotal spent: \(Money(minorUnits: -spent).formatted)" }
        return Draft(text: reply, intent: .transactions)
    }

    func answer(_ text: String) async -> Draft {
        do {
            let passages = try await knowledge.search(text, topK: 3)
            guard let best = passages.first else {
                return Draft(text: "I couldn't find that in our help center. Would you like me to connect you with a person?", intent: .knowledge)
            }
            let sentences = best.text.replacingOccurrences(of: "\n", with: " ").components(separatedBy: ". ")
            let summary = sentences.prefix(3).joined(separator: ". ")
            var seen = Set<String>()
            let sources = passages.filter { seen.insert($0.documentID).inserted }.map { ChatReply.Source(document_id: $0.documentID, title: $0.title) }
            return Draft(text: summary + (summary.hasSuffix(".") ? "" : ".") + "\n\nSource: \(best.title)", intent: .knowledge, sources: sources)
        } catch {
            return Draft(text: "Help-center search is unavailable right now, so I can't look that up. I can still help with balances, transactions, transfers and bill payments.", intent: .knowledge, degraded: true)
        }
    }

    func payment(_ text: String, intent: ChatIntent, session: inout ChatSession) async throws -> Draft {
        let customer = session.customerID
        var pending = session.pending ?? PendingPayment(kind: intent == .billPayment ? .billPayment : nil)
        let accounts = try await ledger.accounts(customerID: customer)
        let payees = try await ledger.payees(customerID: customer)
        let billers = try await ledger.billers(customerID: customer)
        let lower = text.lowercased()

        if pending.amount == nil || MessageUnderstanding.amount(in: text) != nil, let amount = MessageUnderstanding.amount(in: text) { pending.amount = amount }
        if pending.kind == .billPayment || intent == .billPayment {
            pending.kind = .billPayment
            if let biller = billers.first(where: { lower.contains($0.name.lowercased()) || lower.contains($0.name.lowercased().split(separator: " ").first.map(String.init) ?? "~") })
                ?? billers.first(where: { b in MessageUnderstanding.has(text, [b.category, b.category == "utilities" ? "electric" : b.category, b.category == "utilities" ? "water" : b.category]) && (b.category != "utilities" || lower.contains(b.name.lowercased().split(separator: " ").last.map(String.init) ?? "~") || billers.filter { $0.category == "utilities" }.count == 1) }) {
                pending.destination = .biller(biller.id)
            }
            if let date = MessageUnderstanding.scheduledDate(text, today: today()) { pending.scheduledFor = date }
        } else {
            let kinds = MessageUnderstanding.accountKinds(in: text)
            let toRange = lower.range(of: " to ")
            for (kind, position) in kinds {
                guard let account = accounts.first(where: { $0.kind == kind }) else { continue }
                if let toRange, position > toRange.lowerBound {
                    pending.destination = .account(account.id)
                    pending.kind = .ownAccounts
                } else if lower.range(of: "from ").map({ position > $0.lowerBound }) == true {
                    pending.fromAccountID = account.id
                } else if kinds.count == 1, MessageUnderstanding.has(text, ["to my", "into my", "into", "to"]) {
                    pending.destination = .account(account.id)
                    pending.kind = .ownAccounts
                }
            }
            if let payee = payees.first(where: { p in
                let first = p.name.lowercased().split(separator: " ").first.map(String.init) ?? p.name.lowercased()
                return lower.contains(p.name.lowercased()) || MessageUnderstanding.has(text, [first])
            }) {
                pending.destination = .payee(payee.id)
                pending.kind = .payee
            }
        }
        session.pending = pending
        let draftIntent: ChatIntent = pending.kind == .billPayment ? .billPayment : .transfer

        guard let destination = pending.destination else {
            if pending.kind == .billPayment {
                let names = billers.map(\.name).joined(separator: ", ")
                return Draft(text: "Which bill would you like to pay? Your saved billers are: \(names).", intent: draftIntent)
            }
            let names = payees.map(\.name).joined(separator: ", ")
            return Draft(text: "Who would you like to send money to? Your saved payees are \(names), or one of your own accounts.", intent: draftIntent)
        }
        let destinationName: String
        switch destination {
        case .account(let id): destinationName = accounts.first { $0.id == id }.map { "\($0.name) (…\($0.mask))" } ?? id
        case .payee(let id): destinationName = payees.first { $0.id == id }.map { "\($0.name) (\($0.bank) …\($0.mask))" } ?? id
        case .biller(let id): destinationName = billers.first { $0.id == id }.map { "\($0.name) (account …\($0.mask))" } ?? id
        }
        guard let amount = pending.amount else {
            return Draft(text: "How much would you like to \(pending.kind == .billPayment ? "pay" : "send") to \(destinationName)?", intent: draftIntent)
        }
        if pending.fromAccountID == nil {
            let checking = accounts.first { $0.kind == .checking }
            if case .account(let id) = destination, id == checking?.id {
                pending.fromAccountID = accounts.first { $0.kind == .savings }?.id
            } else {
                pending.fromAccountID = checking?.id
            }
        }
        guard let fromID = pending.fromAccountID, let from = accounts.first(where: { $0.id == fromID }) else {
            return Draft(text: "Which account should the money come from?", intent: draftIntent)
        }
        // Refuse now what the ledger would refuse at confirmation: no confirmation is offered
        // that cannot execute. The amount is asked again; the rest of the request is kept.
        let kind = pending.kind ?? .payee
        if let limit = ledger.limits.perTransfer[kind], amount > limit {
            pending.amount = nil
            session.pending = pending
            return Draft(text: "\(Money(minorUnits: amount).formatted) is over the \(Money(minorUnits: limit).formatted) per-transfer limit for \(Self.kindName(kind)). No money was moved. How much would you like to \(kind == .billPayment ? "pay" : "send") instead?", intent: draftIntent)
        }
        if pending.scheduledFor == nil, amount > from.available {
            pending.amount = nil
            session.pending = pending
            return Draft(text: "\(from.name) (…\(from.mask)) has \(Money(minorUnits: max(0, from.available)).formatted) available, less than \(Money(minorUnits: amount).formatted). No money was moved. How much would you like to \(kind == .billPayment ? "pay" : "send") instead?", intent: draftIntent)
        }
        session.pending = nil
        let confirmationID = "cnf_" + Self.randomID()
        let request = TransferRequest(customerID: customer, fromAccountID: from.id, destination: destination, amount: amount, memo: "", idempotencyKey: confirmationID, scheduledFor: pending.scheduledFor)
        let when = pending.scheduledFor.map { " on " + Self.longDate($0) } ?? ""
        let summary = "\(pending.kind == .billPayment ? "Pay" : "Send") \(Money(minorUnits: amount).formatted) from \(from.name) (…\(from.mask)) to \(destinationName)\(when)"
        let expiresAt = now() + confirmationLifetime
        try await sessions.save(Confirmation(id: confirmationID, customerID: customer, sessionID: session.id, request: request, summary: summary, expiresAt: expiresAt, state: .pending))
        session.confirmationID = confirmationID
        return Draft(
            text: "\(summary)? Reply \"yes\" to confirm or \"no\" to cancel. This request expires in 5 minutes.",
            intent: draftIntent, confirmation: .init(id: confirmationID, summary: summary, expires_at: expiresAt)
        )
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

    /// "2026-12-15" → "December 15, 2026".
    static func longDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(MessageUnderstanding.months[parts[1] - 1].capitalized) \(parts[2]), \(parts[0])"
    }

    static func randomID() -> String {
        (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(16) }.joined()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
