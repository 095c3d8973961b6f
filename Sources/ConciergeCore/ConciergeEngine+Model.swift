import Foundation

/// The `openai` responder: the model sees the redacted conversation and the banking tools and
/// decides what to call. Tools that would move money only prepare a confirmation — the same
/// rule as the local responder, so the model can never move money by itself. Any model failure
/// (error, timeout, open breaker) falls back to the local responder and marks the reply degraded.
extension ConciergeEngine {
    static let systemPrompt = """
        You are Pennant's banking assistant. Use the tools for balances, transactions, help-center \
        answers, transfers, bill payments and handoff to a human. Never invent numbers: only state \
        amounts that tools returned. Transfers and bill payments are only prepared; the customer \
        confirms them. Do not give investment, tax or legal advice. Be brief.
        """

    static func toolDefinitions() -> [[String: Any]] {
        func tool(_ name: String, _ description: String, _ properties: [String: Any], required: [String] = []) -> [String: Any] {
            ["type": "function", "function": ["name": name, "description": description,
                                              "parameters": ["type": "object", "properties": properties, "required": required]]]
        }
        let text = ["type": "string"]
        return [
            tool("get_balances", "Balances of the customer's accounts.", [:]),
            tool("search_transactions", "The customer's transactions, newest first.", [
                "merchant": text, "category": text, "period": ["type": "string", "description": "e.g. last month, this month, last week, october"],
                "min_amount": ["type": "number"], "max_amount": ["type": "number"], "limit": ["type": "integer"],
            ]),
            tool("search_help_center", "Search the help center; cite the returned titles.", ["query": text], required: ["query"]),
            tool("prepare_transfer", "Prepare (not execute) a transfer to a saved payee or between own accounts.", [
                "to": ["type": "string", "description": "payee name, or checking/savings/credit card"], "amount": ["type": "number"],
                "from": ["type": "string", "description": "checking or savings"],
            ], required: ["to", "amount"]),
            tool("prepare_bill_payment", "Prepare (not execute) a payment to a saved biller.", [
                "biller": text, "amount": ["type": "number"], "date": ["type": "string", "description": "YYYY-MM-DD, optional"],
            ], required: ["biller", "amount"]),
            tool("handoff_to_human", "Open a ticket for a human agent.", [:]),
        ]
    }

    func modelTurn(_ model: any ChatModel, raw: String, redacted: String, facts: CustomerFacts, session: inout ChatSession) async -> Draft? {
        var messages = [LLMMessage(role: "system", content: Self.systemPrompt)]
        for turn in session.turns.suffix(8) {
            messages.append(LLMMessage(role: turn.role == "customer" ? "user" : "assistant", content: turn.text))
        }
        messages.append(LLMMessage(role: "user", content: redacted))
        let before = session
        var draft = Draft(text: "", intent: .unknown)
        var usedTools = false
        var reason = "no answer after 4 tool rounds"
        let deadline = ContinuousClock.now + modelTurnBudget
        for _ in 0..<4 {
            let reply: LLMMessage
            do {
                reply = try await Self.complete(model, messages, before: deadline)
            } catch is TurnBudgetExceeded {
                reason = "the turn's model budget (\(modelTurnBudget)) ran out"
                break
            } catch {
                reason = "the model call failed: \(error)"
                break
            }
            guard let calls = reply.tool_calls, !calls.isEmpty else {
                draft.text = reply.content ?? ""
                guard !draft.text.isEmpty else {
                    reason = "the model answered with no text and no tool call"
                    model.turnNotUsed(outcome: "empty", reason: reason)
                    break
                }
                // With a payment proposed, the customer reads only the summary the dialogue
                // manager made, never the model's own account of it.
                if let proposal = draft.proposalText { draft.text = proposal; return draft }
                // Account facts come from tools: an answer that states amounts or says money
                // moved, with no tool behind it, is not shown; the local answer is (degraded).
                if !usedTools, Self.claimsAccountFacts(draft.text) {
                    reason = "the answer stated account figures or a transfer with no tool result behind it"
                    model.turnNotUsed(outcome: "discarded", reason: reason)
                    break
                }
                // The model's words are untrusted too (a poisoned passage or a steered model):
                // an answer asking for credentials, linking off the allow-list, giving a phone
                // number or carrying orders is not shown. The reason names the rule, never the text.
                if let finding = Self.passageScreen.findings(draft.text).first {
                    reason = "the answer failed the untrusted-content screen (\(finding.reason.rawValue))"
                    model.turnNotUsed(outcome: "discarded", reason: reason)
                    break
                }
                return draft
            }
            messages.append(reply)
            usedTools = true
            for call in calls {
                let arguments = (try? JSONSerialization.jsonObject(with: Data(call.function.arguments.utf8))) as? [String: Any] ?? [:]
                let result = (try? await runTool(call.function.name, arguments, raw: raw, facts: facts, session: &session, draft: &draft)) ?? "The tool failed."
                messages.append(LLMMessage(role: "tool", content: result, tool_call_id: call.id))
            }
        }
        model.turnNotUsed(outcome: "fallback", reason: reason)
        // A turn that falls back discards anything proposed in it.
        if let id = session.confirmationID, id != before.confirmationID {
            _ = try? await decide(id, decision: .cancel, customerID: session.customerID)
        }
        session = before
        return nil
    }

    struct TurnBudgetExceeded: Error {}

    /// One model call, raced against the turn's deadline: a model that hangs, or tool rounds
    /// that each take the full timeout, cannot hold the customer longer than the budget.
    static func complete(_ model: any ChatModel, _ messages: [LLMMessage], before deadline: ContinuousClock.Instant) async throws -> LLMMessage {
        guard deadline > ContinuousClock.now else { throw TurnBudgetExceeded() }
        return try await withThrowingTaskGroup(of: LLMMessage?.self) { group in
            group.addTask { try await model.complete(messages, tools: toolDefinitions()) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let reply = first else { throw TurnBudgetExceeded() }
            return reply
        }
    }

    /// "$1,000,000.00", "I have sent $40 to Sam", "the transfer is done": what only a tool's
    /// result may say.
    static func claimsAccountFacts(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.contains("$"), lower.contains(where: \.isNumber) { return true }
        return MessageUnderstanding.has(text, ["i have sent", "i've sent", "has been sent", "was sent", "have transferred", "has been transferred", "transfer is done", "payment is done", "all done", "i sent", "i paid", "has been paid", "your balance is"])
    }

    /// A number from a model's tool arguments as cents: finite, positive, at most a billion
    /// dollars, else nil (never a trap on 1e300 or NaN).
    static func cents(_ value: Any?) -> Int64? {
        if let text = value as? String { return AmountReader.read(text).cents }
        guard let number = value as? NSNumber else { return nil }
        let dollars = number.doubleValue
        guard dollars.isFinite, dollars > 0, dollars <= 1_000_000_000 else { return nil }
        let cents = (dollars * 100).rounded()
        return cents >= 1 ? Int64(cents) : nil
    }

    func runTool(_ name: String, _ arguments: [String: Any], raw: String, facts: CustomerFacts, session: inout ChatSession, draft: inout Draft) async throws -> String {
        let customer = session.customerID
        switch name {
        case "get_balances":
            draft.intent = .balance
            return try await balances(customer).text
        case "search_transactions":
            draft.intent = .transactions
            var words: [String] = []
            if let limit = arguments["limit"] as? Int { words.append("last \(limit)") }
            for key in ["merchant", "category", "period"] { if let value = arguments[key] as? String { words.append(value) } }
            if let min = Self.cents(arguments["min_amount"]) { words.append("over \(Money(minorUnits: min).formatted)") }
            if let max = Self.cents(arguments["max_amount"]) { words.append("under \(Money(minorUnits: max).formatted)") }
            let merchants = try await ledger.merchants(customerID: customer).sorted { $0.count > $1.count }
            let query = MessageUnderstanding.transactionQuery(words.joined(separator: " "), today: today(), merchants: merchants)
            return try await transactions(customer, query: query, facts: facts).text
        case "search_help_center":
            draft.intent = .knowledge
            let answer = await self.answer(arguments["query"] as? String ?? "")
            draft.sources += answer.sources.filter { !draft.sources.contains($0) }
            draft.degraded = draft.degraded || answer.degraded
            return answer.text
        case "prepare_transfer", "prepare_bill_payment":
            return try await proposeFromModel(name == "prepare_bill_payment", arguments, raw: raw, facts: facts, session: &session, draft: &draft)
        case "handoff_to_human":
            draft.intent = .handoff
            let ticket = openTicket(&session)
            return "Ticket \(ticket) opened; an agent will reply in this chat."
        default:
            return "Unknown tool \(name)."
        }
    }

    /// The model proposes; the dialogue manager decides. A proposal goes forward only when the
    /// customer's own message in this turn asks for a payment and names the same amount and
    /// destination; it then takes the same path as the local responder (validation, summary).
    func proposeFromModel(_ bill: Bool, _ arguments: [String: Any], raw: String, facts: CustomerFacts, session: inout ChatSession, draft: inout Draft) async throws -> String {
        guard session.confirmationID == nil else { return "A payment is already waiting for the customer's answer; do not prepare another." }
        let said = PaymentReader.read(raw, facts: facts, today: today())
        let intent = Understanding.intent(raw, reading: said, model: intentModel)
        guard intent.isPayment else {
            return "Not prepared: the customer did not ask to move money in this message."
        }
        var customerForm = PendingPayment(for: intent)
        let problem = fill(&customerForm, with: said, facts: facts)
        var modelForm = customerForm
        let target = (arguments[bill ? "biller" : "to"] as? String) ?? ""
        let named = PaymentReader.read((bill ? "pay " : "send to ") + target, facts: facts, today: today())
        modelForm.destination = nil
        _ = fill(&modelForm, with: named, facts: facts)
        let amount = Self.cents(arguments["amount"])
        guard let amount, customerForm.amount == nil || customerForm.amount == amount else {
            return "Not prepared: the amount must be the one the customer said; ask the customer."
        }
        guard customerForm.amount != nil else { return "Not prepared: the customer has not said an amount; ask them how much." }
        guard let destination = modelForm.destination, customerForm.destination == nil || customerForm.destination == destination else {
            return "Not prepared: the recipient must be one the customer named from their own payees, billers or accounts; ask the customer."
        }
        guard customerForm.destination != nil else { return "Not prepared: the customer has not said who to pay; ask them." }
        // The same path as the local responder, from what the customer said: a problem in it
        // (someone else's account, a date too far ahead …) is explained, not dropped.
        var form = PendingPayment(for: intent)
        let prepared = try await advance(&form, with: said, facts: facts, session: &session)
        draft.intent = prepared.intent
        if prepared.confirmation != nil {
            draft.confirmation = prepared.confirmation
            draft.proposalText = prepared.text
        } else if problem != nil {
            draft.proposalText = prepared.text
        }
        return prepared.text
    }
}
