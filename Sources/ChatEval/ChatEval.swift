import ConciergeCore
import Foundation
import GuardrailsCore
import RAGCore

/// `make eval-chat`: replays the conversation sets in eval/chat/ through the concierge's
/// dialogue (local responder, guardrails and the bundled help center in process, a fresh demo
/// bank per conversation, "today" fixed at 2026-11-18) and prints the share of turns handled
/// as expected per category, per file, and every turn that moved money it should not have.
///
///     swift run ChatEval [--verbose] [FILE.jsonl ...]
@main
struct ChatEval {
    static let today = "2026-11-18"

    struct Conversation: Decodable {
        struct Turn: Decodable {
            let user: String
            let expect: Expectation
        }
        let id: String
        let customer: String
        let category: String
        let turns: [Turn]
    }

    struct Fields: Decodable {
        let amount: Int64?
        let to: String?
        let from: String?
        let date: String?
    }

    struct Expectation: Decodable {
        let outcome: [String]
        let proposal: Fields?
        let executed: Fields?
        let reason: String?
        let pendingAfter: Bool?
        let replyAny: [String]?
        let replyNone: [String]?
        let accounts: [String]?
        let only: Bool?
        let merchant: String?
        let period: [String: String]?
        let articles: [String]?

        enum CodingKeys: String, CodingKey {
            case outcome, proposal, executed, reason, accounts, only, merchant, period, articles
            case pendingAfter = "pending_after", replyAny = "reply_any", replyNone = "reply_none"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let one = try? c.decode(String.self, forKey: .outcome) { outcome = [one] } else { outcome = try c.decode([String].self, forKey: .outcome) }
            proposal = try c.decodeIfPresent(Fields.self, forKey: .proposal)
            executed = try c.decodeIfPresent(Fields.self, forKey: .executed)
            reason = try c.decodeIfPresent(String.self, forKey: .reason)
            pendingAfter = try c.decodeIfPresent(Bool.self, forKey: .pendingAfter)
            replyAny = try c.decodeIfPresent([String].self, forKey: .replyAny)
            replyNone = try c.decodeIfPresent([String].self, forKey: .replyNone)
            accounts = try c.decodeIfPresent([String].self, forKey: .accounts)
            only = try c.decodeIfPresent(Bool.self, forKey: .only)
            merchant = try c.decodeIfPresent(String.self, forKey: .merchant)
            period = try c.decodeIfPresent([String: String].self, forKey: .period)
            articles = try c.decodeIfPresent([String].self, forKey: .articles)
        }
    }

    /// Words a refusal must contain to name its reason.
    static let reasonWords: [String: [String]] = [
        "per_transfer_limit": ["per-transfer limit"], "daily_limit": ["daily limit"], "funds": ["available"],
        "unknown_payee": ["not one of your saved payees"], "same_account": ["same account"], "from_credit_card": ["credit card"],
        "currency": ["us dollars"], "date": ["in the past", "too far", "one year"], "invalid_amount": ["more than zero", "right amount"],
        "not_your_account": ["your own accounts"],
    ]
    static let accountNames = ["checking": "Everyday Checking", "savings": "High-Yield Savings", "credit_card": "Rewards Card"]

    struct InProcessGuardrails: GuardrailsGateway {
        let engine = GuardrailsEngine(hashSecret: "chat-eval-hash-secret-0123456789")
        func check(_ text: String, direction: Direction) async -> GuardVerdict {
            GuardVerdict(result: engine.check(text, direction: direction), degraded: false)
        }
    }

    struct InProcessKnowledge: KnowledgeGateway {
        let base: KnowledgeBase
        func search(_ query: String, topK: Int, documents: [String]?) async throws -> [KnowledgePassage] {
            let filters = SearchFilters(documents.map { ["document_id": $0] } ?? [:])
            return try await base.search(query, topK: topK, mode: .hybrid, filters: filters).map {
                KnowledgePassage(documentID: $0.documentID, title: $0.title, text: $0.text, score: $0.score)
            }
        }
    }

    struct Tally {
        var passed = 0, total = 0
        mutating func add(_ ok: Bool) { total += 1; if ok { passed += 1 } }
        var percent: String { total == 0 ? "-" : String(format: "%5.1f %%", Double(passed) * 100 / Double(total)) }
    }

    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let verbose = arguments.contains("--verbose")
        arguments.removeAll { $0 == "--verbose" }
        let files = arguments.isEmpty ? ["eval/chat/conversations.jsonl", "eval/chat/conversations-heldout.jsonl"] : arguments
        let base = KnowledgeBase(store: MemoryKnowledgeStore(), embedder: try BundledKnowledgeBase.localEmbedder())
        try await base.prepare()
        _ = try await base.seedIfEmpty(with: try BundledKnowledgeBase.documents())
        let knowledge = InProcessKnowledge(base: base)
        let bank = DemoBank.generate(asOf: today)

        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8)); exit(2)
            }
            var byCategory: [String: Tally] = [:]
            var overall = Tally()
            var wrongMoney = 0
            var conversations = 0
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let conversation = try JSONDecoder().decode(Conversation.self, from: Data(line.utf8))
                conversations += 1
                let ledger = RecordingLedgerStore(MemoryLedgerStore(bank: bank))
                var engine = ConciergeEngine(ledger: ledger, sessions: MemorySessionStore(), guardrails: InProcessGuardrails(), knowledge: knowledge)
                engine.today = { today }
                let facts = CustomerFacts(
                    accounts: try await ledger.accounts(customerID: conversation.customer),
                    payees: try await ledger.payees(customerID: conversation.customer),
                    billers: try await ledger.billers(customerID: conversation.customer)
                )
                var sessionID: String?
                var shownConfirmation: String?
                for (index, turn) in conversation.turns.enumerated() {
                    let executedBefore = ledger.receipts.count
                    let reply = try await engine.chat(customerID: conversation.customer, message: turn.user, sessionID: sessionID)
                    sessionID = reply.session_id
                    let moved = ledger.receipts[executedBefore...]
                    let executed = moved.last
                    var problems: [String] = []
                    let expect = turn.expect

                    // What happened, as the labels the set uses.
                    var labels = Set<String>()
                    let isNew = reply.confirmation != nil && reply.confirmation?.id != shownConfirmation
                    if executed != nil { labels.insert("execute") }
                    if isNew { labels.insert("propose") }
                    if reply.confirmation != nil, !isNew { labels.insert("propose") }
                    switch reply.intent {
                    case "cancel": labels.insert("cancel")
                    case "balance": labels.insert("balance")
                    case "transactions": labels.insert("transactions")
                    case "knowledge": labels.insert("knowledge")
                    case "handoff": labels.insert("handoff")
                    case "greeting": labels.insert("smalltalk")
                    case "unknown" where executed == nil, "confirm" where executed == nil: labels.insert("clarify"); labels.insert("smalltalk")
                    case "transfer" where reply.confirmation == nil, "bill_payment" where reply.confirmation == nil:
                        labels.insert("ask")
                        labels.insert("refuse")
                    default: break
                    }
                    let lowered = reply.reply.lowercased()
                    let matched = expect.outcome.filter { labels.contains($0) }
                    if matched.isEmpty { problems.append("outcome \(labels.sorted()) not \(expect.outcome)") }
                    if !moved.isEmpty, !expect.outcome.contains("execute") || moved.count > 1 { wrongMoney += 1; problems.append("MONEY MOVED") }

                    func check(_ fields: Fields, _ request: TransferRequest, _ what: String) {
                        if let amount = fields.amount, amount != request.amount { problems.append("\(what) amount \(request.amount) not \(amount)") }
                        if let to = fields.to {
                            let actual: String
                            switch request.destination {
                            case .account(let id): actual = facts.accounts.first { $0.id == id }?.kind.rawValue ?? id
                            case .payee(let id): actual = facts.payees.first { $0.id == id }?.name ?? id
                            case .biller(let id): actual = facts.billers.first { $0.id == id }?.name ?? id
                            }
                            if actual != to { problems.append("\(what) to \(actual) not \(to)") }
                        }
                        if let from = fields.from {
                            let actual = facts.accounts.first { $0.id == request.fromAccountID }?.kind.rawValue ?? ""
                            if actual != from { problems.append("\(what) from \(actual) not \(from)") }
                        }
                        if let date = fields.date, request.scheduledFor != date { problems.append("\(what) date \(request.scheduledFor ?? "now") not \(date)") }
                    }
                    if matched.contains("execute"), let executed, let fields = expect.executed {
                        let before = problems.count
                        check(fields, executed.request, "executed")
                        // The right turn, the wrong transfer: money moved wrongly too.
                        if problems.count > before { wrongMoney += 1; problems.append("WRONG TRANSFER") }
                    }
                    if matched.contains("propose"), let confirmation = reply.confirmation, let fields = expect.proposal,
                       let stored = try await engine.sessions.confirmation(id: confirmation.id, customerID: conversation.customer) {
                        check(fields, stored.request, "proposal")
                    }
                    if matched == ["refuse"] || (matched.contains("refuse") && !matched.contains("ask")), let reason = expect.reason {
                        if !(reasonWords[reason] ?? []).contains(where: lowered.contains) { problems.append("reason \(reason) not said") }
                    }
                    if let pendingAfter = expect.pendingAfter {
                        let session = try await engine.sessions.session(id: reply.session_id, customerID: conversation.customer)
                        var pending = false
                        if let id = session?.confirmationID, let stored = try await engine.sessions.confirmation(id: id, customerID: conversation.customer) {
                            pending = stored.state == .pending
                        }
                        if pending != pendingAfter { problems.append("pending after: \(pending)") }
                    }
                    if let any = expect.replyAny, !any.contains(where: { lowered.contains($0) }) { problems.append("reply lacks any of \(any)") }
                    if let none = expect.replyNone, let found = none.first(where: { lowered.contains($0) }) { problems.append("reply has \(found)") }
                    if matched.contains("balance"), let kinds = expect.accounts {
                        for kind in kinds where !reply.reply.contains(accountNames[kind] ?? "~") { problems.append("balance lacks \(kind)") }
                        if expect.only == true {
                            for (kind, name) in accountNames where !kinds.contains(kind) && reply.reply.contains(name) { problems.append("balance shows \(kind)") }
                        }
                    }
                    if matched.contains("transactions") {
                        let rows = reply.reply.split(separator: "\n").filter { $0.contains(" · ") }.map { $0.components(separatedBy: " · ") }
                        if let merchant = expect.merchant, !rows.allSatisfy({ $0.count > 1 && $0[1].contains(merchant) }) { problems.append("rows not all \(merchant)") }
                        if let from = expect.period?["from"], let to = expect.period?["to"], !rows.allSatisfy({ $0[0] >= from && $0[0] <= to }) {
                            problems.append("rows outside \(from)…\(to)")
                        }
                    }
                    if matched.contains("knowledge"), let articles = expect.articles, !articles.contains(reply.sources.first?.document_id ?? "") {
                        problems.append("cited \(reply.sources.first?.document_id ?? "nothing")")
                    }
                    if reply.confirmation != nil { shownConfirmation = reply.confirmation?.id }
                    let ok = problems.isEmpty
                    byCategory[conversation.category, default: Tally()].add(ok)
                    overall.add(ok)
                    if !ok && verbose {
                        print("✗ \(conversation.id)#\(index + 1) [\(conversation.category)] \(turn.user)\n    → \(reply.reply.replacingOccurrences(of: "\n", with: " ⏎ ").prefix(220))\n    \(problems.joined(separator: "; "))")
                    }
                }
            }
            print("\n\(file): \(conversations) conversations, \(overall.total) turns")
            for (category, tally) in byCategory.sorted(by: { $0.key < $1.key }) {
                print("  \(category.padding(toLength: 16, withPad: " ", startingAt: 0)) \(tally.percent)  (\(tally.passed)/\(tally.total))")
            }
            print("  \("all turns".padding(toLength: 16, withPad: " ", startingAt: 0)) \(overall.percent)  (\(overall.passed)/\(overall.total))")
            print("  turns that moved money wrongly: \(wrongMoney)")
        }
    }
}
