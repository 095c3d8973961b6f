import Foundation
import GuardrailsCore
import Testing

@testable import ConciergeCore

/// The in-process engine, recording every output check it answers.
final class RecordingGuardrails: GuardrailsGateway, @unchecked Sendable {
    let engine = GuardrailsEngine(hashSecret: "test-hash-secret-0123456789")
    private let lock = NSLock()
    private var outputs: [CheckResult] = []

    func check(_ text: String, direction: Direction) async -> GuardVerdict {
        let result = engine.check(text, direction: direction)
        if direction == .output { lock.withLock { outputs.append(result) } }
        return GuardVerdict(result: result, degraded: false)
    }

    var lastOutput: CheckResult? { lock.withLock { outputs.last } }
}

/// The concierge's own statement lines read cleanly after the output check (dates, account
/// nicknames, masked suffixes, payee and merchant names), for every demo customer; other
/// people's data and full card numbers or SSNs are still masked.
@Suite("Output policy: the customer's own data reads cleanly")
struct OutputPolicyTests {
    static let customers = ["cust_alex", "cust_sam", "cust_priya"]

    func engine(_ guardrails: RecordingGuardrails) -> ConciergeEngine {
        var engine = ConciergeEngine(
            ledger: MemoryLedgerStore(bank: .generate(asOf: Dialogue.today)), sessions: MemorySessionStore(), guardrails: guardrails,
            knowledge: FakeKnowledge())
        engine.today = { Dialogue.today }
        return engine
    }

    @Test(arguments: customers)
    func balancesAndTransactionsPassUnchanged(_ customer: String) async throws {
        let guardrails = RecordingGuardrails()
        let engine = engine(guardrails)
        for message in ["what are my balances", "show my recent transactions", "what did I spend last month"] {
            let reply = try await engine.chat(customerID: customer, message: message, sessionID: nil)
            let output = try #require(guardrails.lastOutput)
            #expect(output.allowed, "\(customer): \(message)")
            #expect(output.findings.filter { $0.category == .pii }.isEmpty, "\(customer): \(message) → \(output.findings.map(\.type))")
            #expect(!reply.reply.contains("****") && !reply.reply.contains("<"), "\(customer): \(reply.reply)")
        }
        let transactions = try await engine.chat(customerID: customer, message: "show my recent transactions", sessionID: nil)
        #expect(transactions.reply.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil, "dates stay readable: \(transactions.reply)")
    }

    @Test func aFullCardNumberOrSSNIsStillMasked() async {
        let guardrails = RecordingGuardrails()
        for text in ["Your card 4111 1111 1111 1111 is active.", "The SSN on file is 483-37-5515."] {
            let verdict = await guardrails.check(text, direction: .output)
            #expect(!verdict.result.redacted_text.contains("4111 1111 1111 1111") && !verdict.result.redacted_text.contains("483-37-5515"), "\(verdict.result.redacted_text)")
        }
        // And through the shield the concierge uses: set-aside values come back, the rest is masked.
        let shield = DisplaySafeShield("Sent $40.00 to Sam Rivera on 2026-11-20 from card 4111 1111 1111 1111", safe: ["Sam Rivera"])
        let checked = await guardrails.check(shield.text, direction: .output)
        let reply = shield.restore(checked.result.redacted_text)
        #expect(reply.contains("Sam Rivera") && reply.contains("2026-11-20") && !reply.contains("4111 1111 1111 1111"), "\(reply)")
    }
}
