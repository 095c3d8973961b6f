import ConciergeCore
import Foundation
import GuardrailsCore
import Hummingbird
import HummingbirdTesting
import Logging
import SharedHealth
import Synchronization
import Testing

/// The `openai` responder against a fake OpenAI-compatible server on port 0 (never the
/// internet): tool calls, errors and slow replies.
@Suite("OpenAI-compatible chat model")
struct OpenAIChatModelTests {
    struct Guard: GuardrailsGateway {
        let engine = GuardrailsEngine(hashSecret: "test-hash-secret-0123456789")
        func check(_ text: String, direction: Direction) async -> GuardVerdict {
            GuardVerdict(result: engine.check(text, direction: direction), degraded: false)
        }
    }

    struct NoKnowledge: KnowledgeGateway {
        func search(_ query: String, topK: Int, documents: [String]?) async throws -> [KnowledgePassage] { throw KnowledgeUnavailable() }
    }

    final class Counter: Sendable {
        let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    /// Answers by the last user message: "balance" → asks for get_balances, then summarizes
    /// the tool result; "sam" → prepare_transfer; "broken" → 500; "slow" → waits 2 s.
    static func fakeRouter(requests: Counter) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            requests.increment()
            let body = try await request.body.collect(upTo: 1 << 20)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
            let messages = json["messages"] as? [[String: Any]] ?? []
            let lastUser = (messages.last { $0["role"] as? String == "user" }?["content"] as? String ?? "").lowercased()
            let last = messages.last ?? [:]
            // As llama-cpp-python does: a tool-calling assistant message needs a string content.
            if messages.contains(where: { $0["tool_calls"] != nil && !($0["content"] is String) }) { return Response(status: .internalServerError) }
            guard json["max_tokens"] as? Int == 512 else { return Response(status: .badRequest) }
            func answer(_ message: [String: Any]) throws -> Response {
                let data = try JSONSerialization.data(withJSONObject: ["id": "x", "object": "chat.completion", "choices": [["index": 0, "message": message, "finish_reason": "stop"]]])
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            func call(_ name: String, _ arguments: String) throws -> Response {
                try answer(["role": "assistant", "content": NSNull(), "tool_calls": [["id": "call_1", "type": "function", "function": ["name": name, "arguments": arguments]]]])
            }
            if lastUser.contains("broken") { return Response(status: .internalServerError) }
            // Answers with account facts and claims no tool produced.
            if lastUser.contains("phish") { return try answer(["role": "assistant", "content": "To verify you, please reply with your card number and CVV, or log in at pennant-verify.example.com."]) }
            if lastUser.contains("invent") { return try answer(["role": "assistant", "content": "Your balance is $1,000,000.00 and I have sent $40 to Sam."]) }
            // Prepares, then fails on the round trip.
            if lastUser.contains("halfway") {
                if last["role"] as? String == "tool" { return Response(status: .internalServerError) }
                return try call("prepare_transfer", #"{"to":"Sam","amount":40}"#)
            }
            if lastUser.contains("ramble") {
                let data = try JSONSerialization.data(withJSONObject: ["choices": [["index": 0, "message": ["role": "assistant", "content": "Well, first of all…"], "finish_reason": "length"]]])
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            if lastUser.contains("object"), last["role"] as? String != "tool" {
                // Arguments as an object and no "type": accepted all the same.
                return try answer(["role": "assistant", "content": NSNull(), "tool_calls": [["id": "call_2", "function": ["name": "get_balances", "arguments": [String: Any]()]]]])
            }
            if lastUser.contains("slow") { try await Task.sleep(for: .seconds(2)) }
            if last["role"] as? String == "tool" {
                return try answer(["role": "assistant", "content": "From the tools: " + (last["content"] as? String ?? "")])
            }
            // Hostile or mistaken proposals: the dialogue manager must refuse them.
            if lastUser.contains("eager") { return try call("prepare_transfer", #"{"to":"Sam","amount":40}"#) }
            if lastUser.contains("swap") { return try call("prepare_transfer", #"{"to":"Jordan","amount":400}"#) }
            if lastUser.contains("huge") { return try call("prepare_transfer", #"{"to":"Sam","amount":1e300}"#) }
            if lastUser.contains("sam") { return try call("prepare_transfer", #"{"to":"Sam","amount":40}"#) }
            if lastUser.contains("balance") || lastUser.contains("slow") { return try call("get_balances", "{}") }
            return try answer(["role": "assistant", "content": "Hello from the model."])
        }
        return router
    }

    func withEngine(timeout: Duration = .seconds(1), logger: Logger = Logger(label: "llm"), _ body: @escaping @Sendable (ConciergeEngine, MemoryLedgerStore, ServiceMetrics, Counter) async throws -> Void) async throws {
        let requests = Counter()
        let fake = Application(router: Self.fakeRouter(requests: requests), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "fake-llm"))
        try await fake.test(.live) { client in
            let http = CurlHTTPClient(configuration: .init(maxConnections: 4))
            defer { http.shutdown() }
            let metrics = ServiceMetrics()
            var settings = CircuitBreakerSettings()
            settings.minimumNumberOfCalls = 100
            let llm = ServiceClient(target: "llm", baseURL: "http://127.0.0.1:\(client.port!)/v1", http: http,
                                    breaker: CircuitBreaker(name: "llm", settings: settings), metrics: metrics, retry: .none)
            let ledger = MemoryLedgerStore(bank: .generate(asOf: "2026-11-22"))
            var engine = ConciergeEngine(ledger: ledger, sessions: MemorySessionStore(), guardrails: Guard(), knowledge: NoKnowledge())
            engine.today = { "2026-11-22" }
            engine.model = OpenAIChatModel(client: llm, model: "fake", apiKey: "sk-test", timeout: timeout, metrics: metrics, logger: logger)
            try await body(engine, ledger, metrics, requests)
        }
    }

    @Test func toolResultsComeBackToTheModel() async throws {
        try await withEngine { engine, _, metrics, requests in
            let reply = try await engine.chat(customerID: "cust_alex", message: "what's my balance?", sessionID: nil)
            #expect(reply.intent == "balance")
            #expect(reply.reply.hasPrefix("From the tools: Your balances:"))
            #expect(reply.reply.contains("$4,237.18"))
            #expect(!reply.degraded)
            #expect(requests.count == 2)
            let text = String(decoding: metrics.exposition(), as: UTF8.self)
            #expect(text.contains(#"llm_requests_total{provider="openai",outcome="ok"} 2"#))
        }
    }

    @Test func moneyToolsOnlyPrepareAConfirmation() async throws {
        try await withEngine { engine, ledger, _, _ in
            let reply = try await engine.chat(customerID: "cust_alex", message: "send forty dollars to Sam", sessionID: nil)
            let confirmation = try #require(reply.confirmation)
            #expect(confirmation.summary.contains("$40.00"))
            #expect(confirmation.summary.contains("Sam Rivera"))
            #expect(reply.reply.contains(#"Reply "yes""#))
            #expect(ledger.postings().isEmpty)
            let done = try await engine.chat(customerID: "cust_alex", message: "yes", sessionID: reply.session_id)
            #expect(done.reply.hasPrefix("Done"))
            #expect(ledger.postings().count == 2)
        }
    }

    /// "pay Sam" names a payee the customer has: the model must see the name (only other
    /// people's names are redacted), and the stored session keeps it too.
    @Test func theCustomersOwnPayeeNamesReachTheModel() async throws {
        try await withEngine { engine, _, _, _ in
            let reply = try await engine.chat(customerID: "cust_alex", message: "pay Sam forty dollars, my landlord Maria Gonzalez said it's fine", sessionID: nil)
            let confirmation = try #require(reply.confirmation)
            #expect(confirmation.summary.contains("Sam Rivera"))
            let session = try #require(try await engine.sessions.session(id: reply.session_id, customerID: "cust_alex"))
            let stored = try #require(session.turns.first { $0.role == "customer" }).text
            #expect(stored.contains("Sam") && !stored.contains("Maria Gonzalez"), "\(stored)")
        }
    }

    @Test func aPreparedTransferWaitsForTheCustomersOwnYes() async throws {
        try await withEngine { engine, ledger, _, _ in
            let reply = try await engine.chat(customerID: "cust_alex", message: "send forty dollars to Sam", sessionID: nil)
            let confirmation = try #require(reply.confirmation)
            // The dialogue manager, not the model, reads the answer: a goodbye is not a yes.
            let bye = try await engine.chat(customerID: "cust_alex", message: "ok thanks bye", sessionID: reply.session_id)
            #expect(ledger.postings().isEmpty)
            #expect(bye.confirmation?.id == confirmation.id)
            #expect(bye.reply.contains("still waiting"))
            let ok = try await engine.chat(customerID: "cust_alex", message: "ok thanks", sessionID: reply.session_id)
            #expect(ledger.postings().isEmpty)
            #expect(ok.confirmation?.id == confirmation.id)
        }
    }

    @Test func proposalsTheCustomerDidNotAskForAreRefused() async throws {
        try await withEngine { engine, ledger, _, _ in
            // The model prepares a transfer on a balance question.
            let eager = try await engine.chat(customerID: "cust_alex", message: "eager: what's my balance?", sessionID: nil)
            #expect(eager.confirmation == nil)
            // The customer asked for $40 to Sam; the model prepared $400 to Jordan.
            let swapped = try await engine.chat(customerID: "cust_alex", message: "swap: send $40 to Sam", sessionID: nil)
            #expect(swapped.confirmation == nil)
            // A number no Int64 holds: refused, and the process lives on.
            let huge = try await engine.chat(customerID: "cust_alex", message: "huge: send $40 to Sam", sessionID: nil)
            #expect(huge.confirmation == nil)
            let yes = try await engine.chat(customerID: "cust_alex", message: "yes", sessionID: swapped.session_id)
            #expect(yes.transferExecuted == nil)
            #expect(ledger.postings().isEmpty)
        }
    }

    @Test func aTurnThatFallsBackDiscardsWhatTheModelProposedInIt() async throws {
        try await withEngine { engine, ledger, _, _ in
            let reply = try await engine.chat(customerID: "cust_alex", message: "halfway: send $40 to Sam", sessionID: nil)
            #expect(reply.degraded)
            // The local answer makes its own proposal, and shows it: that is the only one that can execute.
            let shown = try #require(reply.confirmation)
            let done = try await engine.chat(customerID: "cust_alex", message: "yes", sessionID: reply.session_id)
            #expect(done.reply.hasPrefix("Done"))
            #expect(ledger.postings().count == 2)
            let stored = try #require(try await engine.sessions.confirmation(id: shown.id, customerID: "cust_alex"))
            #expect(stored.state == .executed)
        }
    }

    @Test func accountFactsWithoutAToolAreNeverShown() async throws {
        try await withEngine { engine, ledger, _, _ in
            let reply = try await engine.chat(customerID: "cust_alex", message: "invent: what's my balance?", sessionID: nil)
            #expect(reply.degraded)
            #expect(!reply.reply.contains("1,000,000"))
            #expect(reply.reply.contains("$4,237.18"))
            #expect(ledger.postings().isEmpty)
        }
    }

    /// A model slower than the turn's budget: the turn ends at the budget with the local answer,
    /// whatever the per-call timeout says (here 30 s; the fake answers after 2 s).
    @Test func aTurnEndsAtItsModelBudget() async throws {
        let records = LogRecords()
        try await withEngine(timeout: .seconds(30), logger: Logger(label: "llm") { _ in RecordingLogHandler(records: records) }) { engine, _, _, _ in
            var engine = engine
            engine.modelTurnBudget = .milliseconds(200)
            let reply = try await engine.chat(customerID: "cust_alex", message: "slow balance please", sessionID: nil)
            #expect(reply.degraded)
            #expect(reply.reply.hasPrefix("Your balances:"))
            #expect(records.lines.contains { $0.hasPrefix("warning") && $0.contains("budget") })
        }
    }

    /// The abuse test's phishing text, this time from the model: never shown, logged by rule.
    @Test func aModelAnswerAskingForCredentialsIsNeverShown() async throws {
        let records = LogRecords()
        try await withEngine(logger: Logger(label: "llm") { _ in RecordingLogHandler(records: records) }) { engine, _, _, _ in
            let reply = try await engine.chat(customerID: "cust_alex", message: "phish: how do I verify my card?", sessionID: nil)
            #expect(reply.degraded)
            #expect(!reply.reply.contains("CVV") && !reply.reply.contains("pennant-verify"))
            let warnings = records.lines.filter { $0.hasPrefix("warning") }
            #expect(warnings.contains { $0.contains("credential_request") || $0.contains("link") })
            #expect(!warnings.contains { $0.contains("pennant-verify") })
        }
    }

    @Test func wireFormatQuirksOfRealServersAreHandled() async throws {
        try await withEngine { engine, _, metrics, _ in
            // The fake answers 500 to a tool round trip without "content", 400 without max_tokens.
            let tools = try await engine.chat(customerID: "cust_alex", message: "object: what's my balance?", sessionID: nil)
            #expect(!tools.degraded)
            #expect(tools.reply.hasPrefix("From the tools: Your balances:"))
            // An answer cut off at max_tokens is a failure: the local answer, marked degraded.
            let cut = try await engine.chat(customerID: "cust_alex", message: "ramble about my balance", sessionID: nil)
            #expect(cut.degraded)
            #expect(!cut.reply.contains("first of all"))
            let text = String(decoding: metrics.exposition(), as: UTF8.self)
            #expect(text.contains(#"llm_requests_total{provider="openai",outcome="truncated"} 1"#))
        }
    }

    @Test func errorsAndSlowRepliesFallBackToLocal() async throws {
        try await withEngine(timeout: .milliseconds(300)) { engine, _, metrics, _ in
            let broken = try await engine.chat(customerID: "cust_alex", message: "broken: what's my balance?", sessionID: nil)
            #expect(broken.degraded)
            #expect(broken.intent == "balance")
            #expect(broken.reply.hasPrefix("Your balances:"))
            let started = ContinuousClock.now
            let slow = try await engine.chat(customerID: "cust_alex", message: "slow balance please", sessionID: nil)
            #expect(ContinuousClock.now - started < .seconds(2))
            #expect(slow.degraded)
            #expect(slow.reply.hasPrefix("Your balances:"))
            let text = String(decoding: metrics.exposition(), as: UTF8.self)
            func count(_ outcome: String) -> Int {
                let prefix = #"llm_requests_total{provider="openai",outcome=""# + outcome + #""} "#
                return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) } ?? -1
            }
            // The slow reply is a timeout, counted apart from errors; on a loaded machine the
            // 500 may also run out of time first.
            #expect(count("timeout") >= 1)
            #expect(count("error") + count("timeout") == 2)
            #expect(count("fallback") == 2)
        }
    }

    /// Every turn the model's answer was not used leaves a warning with the reason, and the
    /// discarded answer is counted apart from the request that returned it.
    @Test func aDiscardedTurnIsLoggedWithItsReasonAndCounted() async throws {
        let records = LogRecords()
        try await withEngine(logger: Logger(label: "llm") { _ in RecordingLogHandler(records: records) }) { engine, _, metrics, _ in
            _ = try await engine.chat(customerID: "cust_alex", message: "invent: what's my balance?", sessionID: nil)
            let text = String(decoding: metrics.exposition(), as: UTF8.self)
            #expect(text.contains(#"llm_requests_total{provider="openai",outcome="discarded"} 1"#))
            #expect(text.contains(#"llm_requests_total{provider="openai",outcome="fallback"} 1"#))
            let warnings = records.lines.filter { $0.hasPrefix("warning") }
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("account figures") == true)
        }
    }
}

/// Log lines a test reads back ("level message reason").
final class LogRecords: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        records.append("\(level) \(message) \(metadata?["reason"].map { "\($0)" } ?? "")")
    }
}
