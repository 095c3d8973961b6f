import Foundation
import SharedHealth
import TestSupport
import Testing

@testable import ConciergeCore

/// Random conversations drawn from every turn class, on both stores. The invariant: every
/// executed transfer equals, field for field, the last confirmation shown to the customer, and
/// the turn that executed it is an unqualified affirmation. A counterexample is shrunk (turns
/// dropped while it still fails) and printed.
@Suite("Dialogue: property")
struct DialoguePropertyTests {
    enum TurnClass: String, CaseIterable {
        case affirm, refuse, other, correction, request, slot, interruption, oddAmount
        /// Several requests in one message, some holding a yes: never an execution.
        case compound
    }

    struct Turn: CustomStringConvertible {
        let kind: TurnClass
        let text: String
        var description: String { "[\(kind.rawValue)] \(text)" }
    }

    /// SplitMix64: small, fast, and the same sequence for the same seed everywhere.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func amount() -> String { pick(["5", "20", "40", "75.50", "300", "1,200", "2500", "9000", "0", "45"]) }
    }

    static let phrases: [TurnClass: [String]] = [
        .affirm: ["yes", "yes please", "confirm", "do it", "go ahead", "send it", "👍", "yep", "ok", "Yes!", "yeah go for it", "y"],
        .refuse: ["no", "nah", "leave it", "wait", "hold on", "not now", "stop", "forget it", "cancel", "nope", "nah leave it", "I'm not ok with this"],
        .other: [
            "ok thanks bye", "thanks", "ok?", "sure?", "not sure yet", "hmm ok let me think", "is this ok?", "what's my balance?", "y?",
            "how long does a transfer take?", "ok but…", "who is Jordan?", "can you confirm the exchange rate first?", "ok thanks",
        ],
        .correction: [
            "actually make it $#", "make it # instead", "no, to Sam", "actually to Jordan", "from savings instead", "yes but make it $#",
            "to checking instead", "no wait, to Priya", "the other way round", "sorry, $#", "yes, #", "actually to Lena",
        ],
        .request: [
            "send $# to Sam", "send # to jordan", "move $# from savings to checking", "pay my verizon bill $#", "pay $# to metro water on the 15th",
            "transfer # to savings", "send # to sam and pay my verizon bill", "send money to jordan", "pay my water bill", "$# to Jordan",
            "send # to Ravi", "send # to Maria", "pay comcast #", "move # into savings from checking", "pay off my card $#",
        ],
        .slot: ["$#", "#", "Sam", "to jordan", "from savings", "checking", "savings", "on the 20th", "Lena", "tomorrow"],
        .interruption: ["how do i turn on 2fa", "show my last 5 transactions", "what about savings", "help", "and last week?", "talk to a human"],
        .compound: [
            "send $# to Sam. yes thanks", "what's my balance? yes", "send # to jordan and send it please", "yes thanks. send # to jordan. yes thanks",
            "cancel that and send # to sam", "send $# to Sam instead of $#", "send $# instead. yes thanks", "pay verizon # and yes", "yes. no. yes",
            "send # to sam and # to jordan", "ok thanks bye. yes",
        ],
        .oddAmount: ["send 99999999999 million to Sam", "send one thousand thousand thousand thousand thousand thousand dollars to Jordan", "send €# to Sam", "send # EUR to Jordan", "move $1 500 to savings", "send 40 dollars, sorry 400 dollars to Sam", "send $1_000 to Jordan", "send -# to Sam", "send $9,999,999,999 to Sam", "pay verizon $9000 in the year 2999"],
    ]

    static func conversation(seed: UInt64) -> (customer: String, turns: [Turn]) {
        var random = Generator(state: seed)
        let customer = random.pick(["cust_alex", "cust_alex", "cust_sam", "cust_priya"])
        let count = 1 + Int(random.next() % 8)
        var turns: [Turn] = []
        for index in 0..<count {
            // Conversations mostly start with a request, so that confirmations are in play.
            let kind: TurnClass = index == 0 && random.next() % 4 != 0 ? .request : random.pick(TurnClass.allCases)
            let text = random.pick(phrases[kind]!).replacingOccurrences(of: "#", with: random.amount())
            turns.append(Turn(kind: kind, text: text))
        }
        return (customer, turns)
    }

    /// Runs one conversation; returns the first violation, if any.
    static func violation(customer: String, turns: [Turn], ledger base: any LedgerStore, sessions: any SessionStore) async throws -> String? {
        let ledger = RecordingLedgerStore(base)
        var engine = ConciergeEngine(ledger: ledger, sessions: sessions, guardrails: InProcessGuardrails(), knowledge: FakeKnowledge())
        engine.today = { Dialogue.today }
        let facts = try await engine.customerFacts(customer)
        var sessionID: String?
        var lastShown: ChatReply.PendingConfirmation?
        for (index, turn) in turns.enumerated() {
            let before = ledger.receipts.count
            let reply = try await engine.chat(customerID: customer, message: turn.text, sessionID: sessionID)
            sessionID = reply.session_id
            let executed = ledger.receipts[before...]
            if !executed.isEmpty {
                guard executed.count == 1, let receipt = executed.first else { return "turn \(index + 1) executed \(executed.count) transfers" }
                guard let shown = lastShown, turn.kind == .affirm && ConfirmationReply.classify(turn.text) == .affirm || restates(turn, shown) else {
                    return "turn \(index + 1) (\(turn)) executed without an unqualified yes"
                }
                guard receipt.request.idempotencyKey == shown.id else {
                    return "turn \(index + 1) executed \(receipt.request.idempotencyKey), not the last confirmation shown (\(lastShown?.id ?? "none"))"
                }
                guard let stored = try await engine.sessions.confirmation(id: shown.id, customerID: customer), stored.request == receipt.request else {
                    return "turn \(index + 1) executed a request that differs from the stored confirmation"
                }
                guard facts.summary(of: receipt.request) == shown.summary, stored.summary == shown.summary else {
                    return "turn \(index + 1) executed \"\(facts.summary(of: receipt.request))\" but showed \"\(shown.summary)\""
                }
            }
            if let confirmation = reply.confirmation { lastShown = confirmation }
        }
        return nil
    }

    /// "yes, 75.50" to "Send $75.50 …?": a yes that only repeats the amount shown.
    static func restates(_ turn: Turn, _ shown: ChatReply.PendingConfirmation) -> Bool {
        guard turn.text.hasPrefix("yes, "), let cents = AmountReader.read(String(turn.text.dropFirst(5))).cents else { return false }
        let amount = Money(minorUnits: cents).formatted
        return shown.summary.hasPrefix("Send \(amount) from") || shown.summary.hasPrefix("Pay \(amount) from")
    }

    /// Drops turns one at a time while the conversation still fails.
    static func shrink(customer: String, turns: [Turn], fresh: () -> (any LedgerStore, any SessionStore)) async throws -> ([Turn], String) {
        var current = turns
        let (ledger, sessions) = fresh()
        var reason = try await violation(customer: customer, turns: current, ledger: ledger, sessions: sessions) ?? "?"
        var shrunk = true
        while shrunk {
            shrunk = false
            for index in current.indices {
                var candidate = current
                candidate.remove(at: index)
                let (ledger, sessions) = fresh()
                if let failure = try await violation(customer: customer, turns: candidate, ledger: ledger, sessions: sessions) {
                    current = candidate
                    reason = failure
                    shrunk = true
                    break
                }
            }
        }
        return (current, reason)
    }

    static func seeds(_ count: Int, base: UInt64) -> [UInt64] {
        (0..<UInt64(count)).map { base &+ $0 &* 7919 }
    }

    /// CHAT_PROPERTY_CONVERSATIONS overrides the count (10,000 by default).
    static let conversations = ProcessInfo.processInfo.environment["CHAT_PROPERTY_CONVERSATIONS"].flatMap(Int.init) ?? 10_000

    @Test func executedTransfersAreExactlyWhatWasAffirmedInMemory() async throws {
        let bank = DemoBank.generate(asOf: Dialogue.today)
        let fresh: () -> (any LedgerStore, any SessionStore) = { (MemoryLedgerStore(bank: bank), MemorySessionStore()) }
        var executedTurns = 0
        for seed in Self.seeds(Self.conversations, base: 0x5EED) {
            let (customer, turns) = Self.conversation(seed: seed)
            let (ledger, sessions) = fresh()
            let recording = RecordingLedgerStore(ledger)
            if let failure = try await Self.violation(customer: customer, turns: turns, ledger: recording, sessions: sessions) {
                let (shrunk, reason) = try await Self.shrink(customer: customer, turns: turns, fresh: fresh)
                let lines = shrunk.map { "  \($0)" }.joined(separator: "\n")
                Issue.record("seed \(seed), \(customer): \(reason)\nshrunk conversation:\n\(lines)\n(first failure: \(failure))")
                return
            }
            executedTurns += recording.receipts.count
        }
        // The generator must actually exercise execution, or the property says nothing.
        #expect(executedTurns > Self.conversations / 20, "only \(executedTurns) transfers executed")
    }

    @Test func executedTransfersAreExactlyWhatWasAffirmedOnPostgres() async throws {
        guard TestDatabase.mustRun else { return }
        try await TestDatabase.withFreshDatabase { url in
            let pool = PostgresPool(configuration: .init(url: url, maxConnections: 4, applicationName: "dialogue-property"), metrics: ServiceMetrics())
            defer { pool.shutdown() }
            let ledger = PostgresLedgerStore(pool: pool)
            try await ledger.prepare(seed: DemoBank.generate(asOf: Dialogue.today))
            let sessions = PostgresSessionStore(pool: pool)
            try await sessions.prepare()
            // One shared database: balances and daily limits carry over between conversations,
            // so later ones also exercise refusals. A failure is shrunk on the memory store.
            let count = ProcessInfo.processInfo.environment["CHAT_PROPERTY_POSTGRES_CONVERSATIONS"].flatMap(Int.init) ?? 1_000
            let bank = DemoBank.generate(asOf: Dialogue.today)
            for seed in Self.seeds(count, base: 0xB0B) {
                let (customer, turns) = Self.conversation(seed: seed)
                if let failure = try await Self.violation(customer: customer, turns: turns, ledger: ledger, sessions: sessions) {
                    let (shrunk, reason) = try await Self.shrink(customer: customer, turns: turns) { (MemoryLedgerStore(bank: bank), MemorySessionStore()) }
                    let all = turns.map { "  \($0)" }.joined(separator: "\n")
                    let lines = shrunk.map { "  \($0)" }.joined(separator: "\n")
                    Issue.record("PostgreSQL, seed \(seed), \(customer): \(failure)\nconversation:\n\(all)\nshrunk on the memory store (\(reason)):\n\(lines)")
                    return
                }
            }
        }
    }
}
