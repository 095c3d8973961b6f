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

    func modelTurn(_ model: any ChatModel, raw: String, redacted: String, session: inout ChatSession) async -> Draft? {
        var messages = [LLMMessage(role: "system", content: Self.systemPrompt)]
        for turn in session.turns.suffix(8) {
            messages.append(LLMMessage(role: turn.role == "customer" ? "user" : "assistant", content: turn.text))
        }
        messages.append(LLMMessage(role: "user", content: redacted))
        var draft = Draft(text: "", intent: .unknown)
        for _ in 0..<4 {
            let reply: LLMMessage
            do {
                reply = try await model.complete(messages, tools: Self.toolDefinitions())
            } catch {
                return nil
            }
            guard let calls = reply.tool_calls, !calls.isEmpty else {
                draft.text = reply.content ?? ""
                if let confirmation = draft.confirmation, !draft.text.lowercased().contains("yes") {
                    draft.text += (draft.text.isEmpty ? "" : "\n") + "\(confirmation.summary)? Reply \"yes\" to confirm or \"no\" to cancel. This request expires in 5 minutes."
                }
                return draft.text.isEmpty ? nil : draft
            }
            messages.append(reply)
            for call in calls {
                let arguments = (try? JSONSerialization.jsonObject(with: Data(call.function.arguments.utf8))) as? [String: Any] ?? [:]
                let result = (try? await runTool(call.function.name, arguments, raw: raw, session: &session, draft: &draft)) ?? "The tool failed."
                messages.append(LLMMessage(role: "tool", content: result, tool_call_id: call.id))
            }
        }
        return nil
    }

    private func amountText(_ value: Any?) -> String? {
        guard let number = value as? NSNumber else { return nil }
        let cents = Int64((number.doubleValue * 100).rounded())
        return cents > 0 ? Money(minorUnits: cents).formatted : nil
    }

    func runTool(_ name: String, _ arguments: [String: Any], raw: String, session: inout ChatSession, draft: inout Draft) async throws -> String {
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
            if let min = amountText(arguments["min_amount"]) { words.append("over \(min)") }
            if let max = amountText(arguments["max_amount"]) { words.append("under \(max)") }
            return try await transactions(customer, words.joined(separator: " ")).text
        case "search_help_center":
            draft.intent = .knowledge
            let answer = await self.answer(arguments["query"] as? String ?? "")
            draft.sources += answer.sources.filter { !draft.sources.contains($0) }
            draft.degraded = draft.degraded || answer.degraded
            return answer.text
        case "prepare_transfer", "prepare_bill_payment":
            guard let amount = amountText(arguments["amount"]) else { return "The amount must be a positive number." }
            let bill = name == "prepare_bill_payment"
            let target = (arguments[bill ? "biller" : "to"] as? String) ?? ""
            let from = (arguments["from"] as? String).map { " from \($0)" } ?? ""
            let date = (arguments["date"] as? String).map { " on \($0)" } ?? ""
            // Names are matched against the customer's own payees and billers using the raw
            // message too, since the model only saw the redacted one.
            let phrase = bill ? "pay \(target) bill \(amount)\(date) \(raw)" : "send \(amount)\(from) to \(target) \(raw)"
            session.pending = nil
            let prepared = try await payment(phrase, intent: bill ? .billPayment : .transfer, session: &session)
            draft.intent = prepared.intent
            if prepared.confirmation != nil { draft.confirmation = prepared.confirmation }
            return prepared.text
        case "handoff_to_human":
            draft.intent = .handoff
            let ticket = session.ticketID ?? "TKT-" + Self.randomID().prefix(8).uppercased()
            session.ticketID = ticket
            return "Ticket \(ticket) opened; an agent will reply in this chat."
        default:
            return "Unknown tool \(name)."
        }
    }
}
