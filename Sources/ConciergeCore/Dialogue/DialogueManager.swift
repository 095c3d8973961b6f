import Foundation

/// The dialogue manager: it owns the conversation state (the open payment form, the pending
/// confirmation, queued requests, the last intent and its filters) and is the only path to a
/// confirmation and to execution, for the local responder and the `openai` provider alike.
///
/// Turn classes and their effects (docs/concierge.md has the same table):
///
/// | state | turn | effect |
/// |---|---|---|
/// | confirmation pending | unqualified affirmation, no new content (or content equal to the summary) | execute exactly the summary shown |
/// | confirmation pending | names a slot (amount, payee, account, date), with or without yes/no | replace: a new summary, the old one cancelled |
/// | confirmation pending | a new, different payment request | keep the pending one, queue the new one, re-ask |
/// | confirmation pending | refusal ("no", "nah", "wait", "leave it" …) | cancel; nothing moves |
/// | confirmation pending | anything else (question, thanks, bye, "ok?", "ok but…", another request) | answer it, keep the confirmation, re-ask |
/// | form open | answers its question (amount, payee, account, date) | fill; ask the next question or propose |
/// | form open | refusal | drop the form |
/// | form open | a clear other intent | answer it, park the form, offer to resume |
/// | form open | a new payment request to someone else | replace the form |
/// | nothing pending | payment request | open a form: ask, refuse with a reason, or propose |
/// | nothing pending | follow-up ("what about savings", "and last week?") | the last question again with one thing changed |
extension ConciergeEngine {
    static let reaskSuffix = "Reply \"yes\" to confirm or \"no\" to cancel."

    func customerFacts(_ customer: String) async throws -> CustomerFacts {
        CustomerFacts(
            accounts: try await ledger.accounts(customerID: customer),
            payees: try await ledger.payees(customerID: customer),
            billers: try await ledger.billers(customerID: customer),
            merchants: try await ledger.merchants(customerID: customer)
        )
    }

    /// One customer message: split into requests when it holds several, each handled in order.
    func respond(to text: String, redacted: String, facts: CustomerFacts, session: inout ChatSession) async throws -> Draft {
        var draft = try await respondToParts(text, redacted: redacted, facts: facts, session: &session)
        draft.displaySafe = facts.displaySafe
        return draft
    }

    func respondToParts(_ text: String, redacted: String, facts: CustomerFacts, session: inout ChatSession) async throws -> Draft {
        let parts = RequestSplitter.segments(text)
        guard parts.count > 1 else { return try await respondToOne(text, redacted: redacted, facts: facts, session: &session, mayExecute: true) }
        let redactedParts = RequestSplitter.segments(redacted)
        var combined: Draft?
        for (index, part) in parts.enumerated() {
            let partRedacted = redactedParts.count == parts.count ? redactedParts[index] : redacted
            // Only one payment is offered per reply; later ones wait in the queue.
            if combined?.confirmation != nil || session.pending != nil, let (form, problem) = newForm(part, facts: facts), combined?.intent.isPayment == true {
                if problem == nil, (session.queued?.count ?? 0) < Self.maxQueued {
                    session.queued = (session.queued ?? []) + [form]
                    combined?.text += "\n\nAfter that, I'll set up your next request: \(describe(form, facts: facts))."
                } else {
                    combined?.text += "\n\nAsk me again about your other request (\(describe(form, facts: facts))) once this one is settled."
                }
                continue
            }
            // A yes inside a message of several requests never executes: it may answer a summary
            // made by this very message, which the customer has not seen yet.
            let draft = try await respondToOne(part, redacted: partRedacted, facts: facts, session: &session, mayExecute: false)
            if var sum = combined {
                sum.text += "\n\n" + draft.text
                sum.sources += draft.sources.filter { !sum.sources.contains($0) }
                if draft.confirmation != nil { sum.confirmation = draft.confirmation }
                if !sum.intent.isPayment { sum.intent = draft.intent }
                sum.degraded = sum.degraded || draft.degraded
                sum.transferExecuted = sum.transferExecuted ?? draft.transferExecuted
                combined = sum
            } else {
                combined = draft
            }
        }
        return combined!
    }

    /// Requests waiting behind the current payment, at most.
    static let maxQueued = 3

    /// A form for a payment request found in a later part of a message and what is wrong with
    /// it, or nil when the part is not a payment request.
    func newForm(_ text: String, facts: CustomerFacts) -> (PendingPayment, FormProblem?)? {
        let reading = PaymentReader.read(text, facts: facts, today: today())
        let intent = Understanding.intent(text, reading: reading, model: intentModel)
        guard intent.isPayment else { return nil }
        var form = PendingPayment(for: intent)
        let problem = fill(&form, with: reading, facts: facts)
        return (form, problem)
    }

    func describe(_ form: PendingPayment, facts: CustomerFacts) -> String {
        let amount = form.amount.map { Money(minorUnits: $0).formatted + " " } ?? ""
        let verb = form.kind == .billPayment ? "pay" : "send"
        if let destination = form.destination {
            return "\(verb) \(amount)to \(facts.shortName(of: destination))"
        }
        return form.kind == .billPayment ? "a bill payment" : "a transfer"
    }

    /// - Parameter mayExecute: false for one part of a message holding several requests.
    func respondToOne(_ text: String, redacted: String, facts: CustomerFacts, session: inout ChatSession, mayExecute: Bool) async throws -> Draft {
        let customer = session.customerID
        var reading = PaymentReader.read(text, facts: facts, today: today())
        let reply = ConfirmationReply.classify(text)
        let intent = Understanding.intent(text, reading: reading, merchants: facts.merchants, model: intentModel)
        let otherIntent = ![.transfer, .billPayment, .unknown, .confirm, .cancel].contains(intent)

        // 1. A confirmation is waiting for an answer.
        var waiting: Confirmation?
        if let id = session.confirmationID { waiting = try await sessions.confirmation(id: id, customerID: customer) }
        if let expired = waiting, expired.state == .pending, now() > expired.expiresAt {
            // Expired while waiting: settled as expired, and the queue behind it dropped.
            _ = try await sessions.decide(id: expired.id, customerID: customer, to: .expired, receipt: nil, failure: nil)
            session.queued = nil
            waiting = nil
        }
        if let confirmation = waiting, confirmation.state == .pending {
            let id = confirmation.id
            let request = confirmation.request
            // "the other way round": the same transfer between own accounts, reversed.
            if Understanding.asksToSwap(text), case .account(let to) = request.destination, let from = facts.accounts.first(where: { $0.id == request.fromAccountID }),
               let toKind = facts.accounts.first(where: { $0.id == to })?.kind {
                reading.source = toKind
                reading.destination = from.kind
            }
            let restatesSummary = reading.hasSlots && matches(reading, request, facts: facts)
            if reading.hasSlots, !restatesSummary {
                let named = namedDestination(reading, facts: facts)
                let differentRequest = isPaymentRequest(reading, intent: intent) && named != nil && named != request.destination
                if reply == .refuse, differentRequest {
                    // "cancel that and send 20 to sam": the first is cancelled, the second set up.
                    let cancelled = try await cancelPending(id, customer: customer, session: &session)
                    var form = PendingPayment(for: intent)
                    var draft = try await advance(&form, with: reading, facts: facts, session: &session)
                    draft.text = cancelled.message + " " + draft.text
                    return draft
                }
                if differentRequest, !reading.correctionCue {
                    var form = PendingPayment(for: intent)
                    _ = fill(&form, with: reading, facts: facts)
                    session.queued = [form] + (session.queued ?? [])
                    return reask(confirmation, after: "One at a time: I'll set up \(describe(form, facts: facts)) next.", intent: intent)
                }
                if intent.isPayment || intent == .unknown || reading.correctionCue || reply != .other {
                    // A correction: the proposal is replaced by a new summary; the old one can
                    // no longer execute.
                    let cancelled = try await cancelPending(id, customer: customer, session: &session)
                    guard cancelled.wasPending else { return Draft(text: cancelled.message, intent: .confirm) }
                    var form = PendingPayment(request)
                    // "no, just do the comcast one": a request waiting in the queue is taken up
                    // whole instead of merging its destination into this one.
                    if let destination = named, destination != request.destination,
                       let index = session.queued?.firstIndex(where: { $0.destination == destination }) {
                        form = session.queued!.remove(at: index)
                        if session.queued?.isEmpty == true { session.queued = nil }
                    }
                    if reading.hasDestination || reading.source != nil { form.asking = nil }
                    var draft = try await advance(&form, with: reading, facts: facts, session: &session)
                    if draft.confirmation == nil { draft.text = cancelled.message + " " + draft.text }
                    return draft
                }
            }
            let answer = restatesSummary ? ConfirmationReply.classify(text, restatingAmount: true) : reply
            switch answer {
            case .affirm where mayExecute && (!reading.hasSlots || restatesSummary):
                session.confirmationID = nil
                var draft: Draft
                do {
                    draft = Draft(text: try await decide(id, decision: .confirm, customerID: customer).message, intent: .confirm)
                    draft.transferExecuted = true
                } catch let error as ConfirmationError {
                    draft = Draft(text: Self.refusal(error), intent: .confirm)
                    draft.transferExecuted = false
                }
                return try await continueQueue(after: draft, facts: facts, session: &session)
            case .refuse:
                let outcome = try await cancelPending(id, customer: customer, session: &session)
                let cancelled = Draft(text: outcome.wasPending ? "Cancelled. No money was moved." : outcome.message, intent: .cancel)
                return try await cancel(cancelled, answering: otherIntent ? intent : nil, text: text, redacted: redacted, reading: reading, facts: facts, session: &session)
            default:
                var answer = try await answerOther(intent, text: text, redacted: redacted, reading: reading, facts: facts, session: &session, payment: request.destination.kind)
                let lead = answer.text.isEmpty ? "" : answer.text + "\n\n"
                let still = intent == .greeting && SmallTalk.kind(text) == .goodbye
                    ? "Before you go: this payment is still waiting for your answer — \(confirmation.summary)? \(Self.reaskSuffix) If you don't answer, it expires and no money moves."
                    : "Still waiting for your answer: \(confirmation.summary)? \(Self.reaskSuffix)"
                answer.text = lead + still
                answer.confirmation = .init(confirmation)
                return answer
            }
        }
        session.confirmationID = nil

        // 2. A payment form is open.
        if var form = session.pending {
            if reply == .refuse, !reading.hasSlots || otherIntent {
                session.pending = nil
                let cancelled = Draft(text: "Okay, I've cancelled that. No money was moved.", intent: .cancel)
                return try await cancel(cancelled, answering: otherIntent ? intent : nil, text: text, redacted: redacted, reading: reading, facts: facts, session: &session)
            }
            if reading.hasSlots, form.destination != nil, isPaymentRequest(reading, intent: intent), !reading.correctionCue,
               let named = namedDestination(reading, facts: facts), named != form.destination {
                var fresh = PendingPayment(for: intent)
                return try await advance(&fresh, with: reading, facts: facts, session: &session)
            }
            // A short answer to the open question fills it; a question about something else
            // that happens to hold a number ("how do i set up 2 step login") does not.
            let short = ConfirmationReply.words(text).count <= 4
            if reading.hasSlots, !otherIntent || (answersOpenQuestion(reading, form) && short) {
                form.parked = nil
                return try await advance(&form, with: reading, facts: facts, session: &session)
            }
            if reply == .affirm || (!otherIntent && form.parked == true && intent != .unknown) {
                form.parked = nil
                return try await advance(&form, with: PaymentReading(), facts: facts, session: &session)
            }
            if otherIntent {
                var answer = try await answerOther(intent, text: text, redacted: redacted, reading: reading, facts: facts, session: &session, payment: form.kind ?? form.destination?.kind)
                form.parked = true
                session.pending = form
                let about = form.destination.map { (form.kind == .billPayment ? "pay " : "send money to ") + facts.shortName(of: $0) } ?? (form.kind == .billPayment ? "pay that bill" : "make that payment")
                answer.text += "\n\nDo you still want to \(about)? Just tell me what's missing, or say no to drop it."
                return answer
            }
            return try await advance(&form, with: reading, facts: facts, session: &session, preface: "I didn't catch that. ")
        }

        // 3. Nothing is pending. The `openai` responder drafts this turn when configured; its
        // money tools come back through `advance` like the local responder's. A model failure
        // falls back to the local answer, marked degraded.
        if let model {
            if let drafted = await modelTurn(model, raw: text, redacted: redacted, facts: facts, session: &session) { return drafted }
            var local = try await respondFresh(text, redacted: redacted, intent: intent, reply: reply, reading: reading, facts: facts, session: &session)
            local.degraded = true
            return local
        }
        return try await respondFresh(text, redacted: redacted, intent: intent, reply: reply, reading: reading, facts: facts, session: &session)
    }

    func respondFresh(_ text: String, redacted: String, intent: ChatIntent, reply: ConfirmationReply, reading: PaymentReading, facts: CustomerFacts, session: inout ChatSession) async throws -> Draft {
        if intent.isPayment {
            var form = PendingPayment(for: intent)
            return try await advance(&form, with: reading, facts: facts, session: &session)
        }
        if intent == .confirm || (intent == .unknown && reply == .affirm) {
            return Draft(text: "There's nothing waiting for your confirmation right now.", intent: .confirm)
        }
        if intent == .unknown && reply == .refuse {
            return Draft(text: "No problem — nothing is waiting for an answer. Anything else I can help with?", intent: .unknown)
        }
        // "and ravi another 100", "now jordan 20": a payment follow-up names what to change.
        if intent == .unknown, reading.hasDestination || reading.amount.isMentioned,
           let last = session.context?.lastIntent, last.isPayment {
            var form = PendingPayment(kind: last == .billPayment && reading.payees.isEmpty ? .billPayment : nil)
            return try await advance(&form, with: reading, facts: facts, session: &session)
        }
        return try await answerOther(intent, text: text, redacted: redacted, reading: reading, facts: facts, session: &session)
    }

    /// A payment request with a verb and somewhere to send the money — a new request rather
    /// than a correction when it names another destination and no correction cue.
    func isPaymentRequest(_ reading: PaymentReading, intent: ChatIntent) -> Bool {
        intent.isPayment && reading.hasPaymentVerb && reading.hasDestination
    }

    /// The destination the message names, read as a form would be filled.
    func namedDestination(_ reading: PaymentReading, facts: CustomerFacts) -> TransferDestination? {
        var form = PendingPayment()
        _ = fill(&form, with: reading, facts: facts)
        return form.destination
    }

    func answersOpenQuestion(_ reading: PaymentReading, _ form: PendingPayment) -> Bool {
        switch form.asking {
        case .amount: reading.amount.isMentioned
        case .destination: reading.hasDestination || !reading.accounts.isEmpty
        case .source: reading.source != nil || !reading.accounts.isEmpty
        case nil: false
        }
    }

    /// Whether every slot the message names equals the request's ("yes, 50" to a $50 summary).
    func matches(_ reading: PaymentReading, _ request: TransferRequest, facts: CustomerFacts) -> Bool {
        var form = PendingPayment(request)
        let before = form
        let problem = fill(&form, with: reading, facts: facts)
        return problem == nil && form == before
    }

    /// Cancels the pending confirmation and says what happened: normally "I've cancelled …",
    /// but if it was settled meanwhile (by the API or another replica), what it became.
    func cancelPending(_ id: String, customer: String, session: inout ChatSession) async throws -> (wasPending: Bool, message: String) {
        session.confirmationID = nil
        let decision = try await decide(id, decision: .cancel, customerID: customer)
        let settled = decision.confirmation
        switch settled.state {
        case .executed: return (false, decision.message)
        case .cancelled, .pending: return (true, "I've cancelled the previous request (\(settled.summary)); no money was moved.")
        case .expired, .failed: return (false, "The previous request (\(settled.summary)) was \(settled.state.rawValue); no money was moved.")
        }
    }

    /// After a cancellation: a question in the same message is answered ("no — what's my
    /// balance?"), then the next queued request is offered.
    func cancel(_ cancelled: Draft, answering intent: ChatIntent?, text: String, redacted: String, reading: PaymentReading, facts: CustomerFacts, session: inout ChatSession) async throws -> Draft {
        var draft = cancelled
        if let intent {
            let answer = try await answerOther(intent, text: text, redacted: redacted, reading: reading, facts: facts, session: &session)
            draft.text += "\n\n" + answer.text
            draft.sources = answer.sources
        }
        return try await continueQueue(after: draft, facts: facts, session: &session)
    }

    /// Re-asks a pending confirmation after saying something else.
    func reask(_ confirmation: Confirmation, after text: String, intent: ChatIntent) -> Draft {
        Draft(
            text: "\(text)\n\nFirst, this payment is waiting for your answer: \(confirmation.summary)? \(Self.reaskSuffix)",
            intent: intent, confirmation: .init(confirmation)
        )
    }

    /// After a payment is settled, the next queued request is offered (parked): the customer
    /// says yes to set it up, and sees its own summary before anything moves.
    func continueQueue(after draft: Draft, facts: CustomerFacts, session: inout ChatSession) async throws -> Draft {
        guard var next = session.queued?.first else { return draft }
        session.queued?.removeFirst()
        if session.queued?.isEmpty == true { session.queued = nil }
        next.parked = true
        session.pending = next
        var combined = draft
        combined.text += "\n\nNext, you also asked to \(describe(next, facts: facts)). Shall I set that up?"
        return combined
    }

    /// Answers a turn that is not about the payment in progress.
    /// - Parameter payment: the kind of payment waiting for an answer or being filled in, which
    ///   a short question ("is there a fee for that?") is about.
    func answerOther(_ intent: ChatIntent, text: String, redacted: String, reading: PaymentReading, facts: CustomerFacts, session: inout ChatSession, payment: TransferKind? = nil) async throws -> Draft {
        var context = session.context ?? DialogueContext()
        defer { session.context = context }
        let named = Understanding.namedAccounts(reading)
        let followUp = Understanding.isFollowUp(text)
        // Follow-ups: the last question again with one thing changed. A short message that
        // only names an account or a filter ("the card?", "and savings?") follows up too.
        let bare = ConfirmationReply.words(text).filter { $0 != "?" }.count <= 4
        let total = MessageUnderstanding.has(text, ["total", "all together", "altogether", "in total", "sum", "add up", "adds up"])
        let follows = intent == .unknown || intent == context.lastIntent && (followUp || bare) || (followUp || bare) && intent == .knowledge
            || total && context.lastIntent == .transactions || intent == .transactions && followUp
        if follows && intent != .handoff {
            if context.lastIntent == .balance, !named.isEmpty {
                context.lastAccounts = named
                return try await balances(session.customerID, only: named)
            }
            if context.lastIntent == .transactions || intent == .transactions, var query = context.lastQuery {
                let change = MessageUnderstanding.transactionQuery(text, today: today(), merchants: facts.merchantsLongestFirst)
                if change.from != nil || change.merchant != nil || change.category != nil || change.minAmount != nil || change.maxAmount != nil || !named.isEmpty || total {
                    if change.from != nil { (query.from, query.to) = (change.from, change.to); query.limit = max(query.limit, change.limit) }
                    if change.merchant != nil { query.merchant = change.merchant; query.category = nil }
                    if change.category != nil { query.category = change.category; query.merchant = nil }
                    if change.minAmount != nil || change.maxAmount != nil { (query.minAmount, query.maxAmount) = (change.minAmount, change.maxAmount) }
                    if let kind = named.first { query.accountID = facts.account(kind)?.id }
                    context.lastQuery = query
                    return try await transactions(session.customerID, query: query, facts: facts)
                }
            }
        }
        // "savings now?": a bare account name is a balance question.
        if intent == .unknown, bare, !named.isEmpty, !reading.hasPaymentVerb {
            context.lastIntent = .balance
            context.lastAccounts = named
            return try await balances(session.customerID, only: named)
        }
        if intent == .knowledge || intent == .unknown, Understanding.refersBack(text) || followUp {
            // "how long does that take", "how do i get the limit on it raised": the last
            // topic, or the account last talked about, fills in "that" and "it".
            if context.lastIntent == .knowledge, let topic = context.lastTopic {
                return await answer(topic + " " + redacted)
            }
            if let kinds = context.lastAccounts, kinds.count == 1, intent == .knowledge {
                context.lastIntent = .knowledge
                context.lastTopic = redacted + " " + kinds[0].displayName
                return await answer(redacted + " " + kinds[0].displayName)
            }
        }
        switch intent {
        case .balance:
            context.lastIntent = .balance
            context.lastAccounts = named.isEmpty ? nil : named
            return try await balances(session.customerID, only: named)
        case .transactions:
            let merchants = facts.merchantsLongestFirst
            var query = MessageUnderstanding.transactionQuery(text, today: today(), merchants: merchants)
            if let kind = named.first { query.accountID = facts.account(kind)?.id }
            context.lastIntent = .transactions
            context.lastQuery = query
            if let comparison = try await compareSpending(text, first: query, merchants: merchants, customer: session.customerID) { return comparison }
            return try await transactions(session.customerID, query: query, facts: facts)
        case .knowledge:
            context.lastIntent = .knowledge
            context.lastTopic = redacted
            return await answerSupport(text, redacted: redacted, about: payment.map { " (" + $0.topic + ")" }, session: &session)
        case .handoff:
            let ticket = openTicket(&session)
            return Draft(text: "I've asked a member of our support team to join. Your ticket is \(ticket); an agent usually replies in this chat within 5 minutes.", intent: .handoff)
        case .greeting:
            return Draft(text: SmallTalk.reply(SmallTalk.kind(text)), intent: .greeting)
        case .confirm, .cancel:
            return Draft(text: "", intent: intent)
        case .transfer, .billPayment, .unknown, .blocked:
            return Draft(text: "I'm not sure I understood. Do you want to check a balance, look at transactions, send money, pay a bill, or ask a question about your account?", intent: .unknown)
        }
    }
}

extension ConciergeEngine {
    static let comparisonWords = [" vs. ", " vs ", " versus ", " compared to ", " compared with ", " against "]

    /// "groceries this month vs last month": the same question for two periods (or merchants),
    /// answered with both totals, not one merged query.
    func compareSpending(_ text: String, first: TransactionQuery, merchants: [String], customer: String) async throws -> Draft? {
        let lower = text.lowercased()
        guard let joiner = Self.comparisonWords.first(where: lower.contains), let range = lower.range(of: joiner) else { return nil }
        let left = MessageUnderstanding.transactionQuery(String(lower[..<range.lowerBound]), today: today(), merchants: merchants)
        let change = MessageUnderstanding.transactionQuery(String(lower[range.upperBound...]), today: today(), merchants: merchants)
        var right = left
        if change.from != nil { (right.from, right.to) = (change.from, change.to) }
        if change.merchant != nil { right.merchant = change.merchant; right.category = nil }
        if change.category != nil { right.category = change.category; right.merchant = nil }
        guard right != left else { return nil }
        var lines: [String] = []
        for query in [left, right] {
            var all = query
            all.limit = 1_000
            let found = try await ledger.transactions(customerID: customer, query: all)
            let spent = found.filter { $0.amount < 0 }.reduce(Int64(0)) { $0 - $1.amount }
            let what = query.merchant ?? query.category ?? "everything"
            let when = query.from.map { from in " from \(from) to \(query.to ?? today())" } ?? ""
            lines.append("\(what.capitalized)\(when): \(Money(minorUnits: spent).formatted) spent in \(found.filter { $0.amount < 0 }.count) transactions")
        }
        return Draft(text: "Here's the comparison:\n" + lines.joined(separator: "\n"), intent: .transactions)
    }
}

/// Splits a message that holds several requests ("send 50 to sam and pay my verizon bill",
/// "what's my balance? also show my last 5 transactions") at a joining word, when each side
/// has its own intent. A side without one ("between $20 and $100", "checking and savings")
/// is not a request of its own.
public enum RequestSplitter {
    static let joiners = [" and then ", " and also ", " and ", " & ", " then ", " also ", " plus ", "; ", ". ", "? ", "! "]
    /// Requests in one message worth splitting: a few short ones. Longer text is one request,
    /// which also keeps the work per message linear in its length.
    static let maxSplitLength = 300, maxSegments = 4

    public static func segments(_ text: String) -> [String] {
        guard text.count <= maxSplitLength else { return [text] }
        return Array(split(text).prefix(maxSegments))
    }

    static func split(_ text: String) -> [String] {
        for joiner in joiners {
            var searchStart = text.startIndex
            while let range = text.range(of: joiner, options: .caseInsensitive, range: searchStart..<text.endIndex) {
                let left = String(text[..<range.lowerBound]) + (joiner.first == "?" || joiner.first == "!" ? String(joiner.first!) : "")
                let right = String(text[range.upperBound...])
                if standsAlone(left), standsAlone(right) {
                    return split(left) + split(right)
                }
                // "pay at&t 65 and state farm 180", "send lena 100 and ravi 200": the second
                // payment shares the first one's verb.
                let leftWords = ConfirmationReply.words(left)
                if joiner == " and " || joiner == " & " || joiner == " then " || joiner == " plus ",
                   let verb = leftWords.first(where: { PaymentReader.verbs.contains($0) }), right.contains(where: \.isNumber), left.contains(where: \.isNumber),
                   !ConfirmationReply.words(right).contains(where: { PaymentReader.verbs.contains($0) }), ConfirmationReply.words(right).count >= 2 {
                    return split(left) + split(verb + " " + right)
                }
                searchStart = range.upperBound
            }
        }
        return [text]
    }

    static func standsAlone(_ text: String) -> Bool {
        let words = ConfirmationReply.words(text).filter { $0 != "?" && $0 != "!" }
        guard words.count >= 2 || ["balance", "balances", "transactions", "bye", "thanks"].contains(words.first ?? "") else { return false }
        return words.contains { PaymentReader.verbs.contains($0) } || MessageUnderstanding.intent(text) != .unknown
    }
}
