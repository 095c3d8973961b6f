import Foundation
import Synchronization
import GuardrailsCore
import Hummingbird
import SharedHealth

/// `/v1/check`, `/v1/check/batch`, `/v1/redact` and `/v1/policy`.
struct GuardrailsController: Sendable {
    let engine: GuardrailsEngine
    let metrics: ServiceMetrics
    /// Large texts are checked here, off the event loops: under a flood of maximal requests
    /// `/live` and other clients' short messages are still answered at once.
    let heavyWork: HeavyWork
    /// Requests with more text than this (in all, in Unicode scalars) go to `heavyWork`; a
    /// customer's message (at most 4,000 through the concierge) stays inline, where it is fastest.
    static let inlineCharacters = 4_000

    init(engine: GuardrailsEngine, metrics: ServiceMetrics, heavyWork: HeavyWork = HeavyWork()) {
        self.engine = engine
        self.metrics = metrics
        self.heavyWork = heavyWork
    }

    /// Runs `work` inline for small requests and on `heavyWork` for large ones.
    func run<T: Sendable>(characters: Int, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard characters > Self.inlineCharacters else { return try work() }
        return try await heavyWork.run(work)
    }
    /// Longest text accepted, in Unicode scalars.
    static let maxTextLength = 20_000
    static let maxBatchItems = 100
    /// The work one request may ask for, in characters of text to check. Every scanner is
    /// linear, at worst about 1.5 ms per 1,000 characters of the most adversarial shapes
    /// (docs/guardrails.md), so this bounds one request to a few hundred milliseconds of CPU;
    /// a batch past it is refused before any work, with a reason and a metric.
    static let maxBatchCharacters = 200_000

    struct CheckRequest: Decodable, Equatable {
        let text: String?
        let direction: String?
        let checks: [String]?
    }

    struct BatchRequest: Decodable {
        let items: [CheckRequest]?
    }

    struct RedactRequest: Decodable {
        let text: String?
        let `operator`: String?
        let entities: [String]?
    }

    struct RedactResponse: ResponseEncodable {
        let redacted_text: String
        let findings: [Finding]
    }

    func addRoutes(to group: RouterGroup<ServiceRequestContext>) {
        // Every direction × action series exists from the start at 0 (rates and ratios in
        // alerts and dashboards need the series, not just the first block).
        for direction in Direction.allCases {
            for action in GuardrailAction.allCases {
                _ = metrics.counter(.guardrailsChecks, [("direction", direction.rawValue), ("action", action.rawValue)])
            }
        }
        _ = metrics.counter(.guardrailsBudgetRefusals)
        group.post("/check") { request, context -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            let body: CheckRequest
            if let fast = CheckRequest.readFast(buffer) {
                body = fast
            } else {
                body = try await request.decode(as: CheckRequest.self, context: context)
            }
            let result = try await run(characters: body.text?.unicodeScalars.count ?? 0) { try check(body, field: "") }
            var writer = JSONWriter(capacity: 512)
            Self.write(result, to: &writer)
            return Self.jsonResponse(writer)
        }
        group.post("/check/batch") { request, context -> Response in
            let body = try await request.decode(as: BatchRequest.self, context: context)
            guard let items = body.items else { throw APIError.badRequest("Field 'items' is required.") }
            guard !items.isEmpty, items.count <= Self.maxBatchItems else {
                throw APIError.badRequest("Field 'items' must hold 1 to \(Self.maxBatchItems) items.")
            }
            let characters = items.reduce(0) { $0 + ($1.text?.unicodeScalars.count ?? 0) }
            guard characters <= Self.maxBatchCharacters else {
                metrics.counter(.guardrailsBudgetRefusals).increment()
                throw APIError(
                    .contentTooLarge, code: "work_budget_exceeded",
                    message: "The batch's texts hold \(characters) characters together; one request may check at most \(Self.maxBatchCharacters). Split it."
                )
            }
            let results = try await run(characters: characters) {
                try items.enumerated().map { index, item in try check(item, field: "items[\(index)].") }
            }
            var writer = JSONWriter(capacity: 512 * results.count)
            writer.beginObject()
            writer.key("results")
            writer.beginArray()
            for result in results { Self.write(result, to: &writer) }
            writer.endArray()
            writer.endObject()
            return Self.jsonResponse(writer)
        }
        group.post("/redact") { request, context -> RedactResponse in
            let body = try await request.decode(as: RedactRequest.self, context: context)
            let text = try validText(body.text, field: "text")
            let name = body.operator ?? "replace"
            guard let redaction = RedactionOperator(rawValue: name) else {
                throw APIError.badRequest("Field 'operator' must be one of mask, replace, hash.")
            }
            let entities: Set<PIIEntity> = try body.entities.map { try Self.parse($0, field: "entities") } ?? Set(PIIEntity.allCases)
            let result = try await run(characters: text.unicodeScalars.count) { engine.redact(text, operator: redaction, entities: entities) }
            record(result.findings)
            return RedactResponse(redacted_text: result.text, findings: result.findings)
        }
        group.get("/policy") { _, _ -> GuardrailsPolicy in
            engine.policy
        }
    }

    private func check(_ body: CheckRequest, field prefix: String) throws -> CheckResult {
        let text = try validText(body.text, field: prefix + "text")
        guard let name = body.direction else { throw APIError.badRequest("Field '\(prefix)direction' is required (input or output).") }
        guard let direction = Direction(rawValue: name) else {
            throw APIError.badRequest("Field '\(prefix)direction' must be input or output.")
        }
        let checks: Set<CheckKind>? = try body.checks.map { try Self.parse($0, field: prefix + "checks") }
        let result = engine.check(text, direction: direction, checks: checks)
        metrics.counter(.guardrailsChecks, [("direction", direction.rawValue), ("action", result.action.rawValue)]).increment()
        record(result.findings)
        return result
    }

    /// The check answer as JSON, written by hand: Foundation's encoder cost more than the
    /// checks themselves. Keys sorted, as the service's encoder sorts them elsewhere.
    static func write(_ result: CheckResult, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("action")
        writer.value(result.action.rawValue)
        writer.key("allowed")
        writer.value(result.allowed)
        writer.key("findings")
        writer.beginArray()
        for finding in result.findings {
            writer.beginObject()
            writer.key("category")
            writer.value(finding.category.rawValue)
            writer.key("end")
            writer.value(finding.end)
            if let evidence = finding.evidence {
                writer.key("evidence")
                writer.value(evidence)
            }
            writer.key("recognizer")
            writer.value(finding.recognizer)
            writer.key("score")
            writer.value(finding.score)
            writer.key("start")
            writer.value(finding.start)
            writer.key("type")
            writer.value(finding.type)
            writer.endObject()
        }
        writer.endArray()
        writer.key("redacted_text")
        writer.value(result.redacted_text)
        writer.key("scores")
        writer.beginObject()
        // The engine's score names are known: written in their sorted order, no sort per answer.
        let names = result.scores.keys.allSatisfy(Self.scoreNames.contains) ? Self.scoreNames : result.scores.keys.sorted()
        for name in names {
            guard let score = result.scores[name] else { continue }
            writer.key(name)
            writer.value(score)
        }
        writer.endObject()
        writer.endObject()
    }

    /// The engine scores each check under its name.
    static let scoreNames = CheckKind.allCases.map(\.rawValue).sorted()

    static func jsonResponse(_ writer: JSONWriter) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes))
        )
    }

    /// Names to enum cases; an unknown name is a 400 that lists the known ones.
    static func parse<T: RawRepresentable & CaseIterable & Hashable>(_ names: [String], field: String) throws -> Set<T> where T.RawValue == String {
        try Set(names.map { name in
            guard let value = T(rawValue: name) else {
                let known = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.badRequest("Unknown value '\(name.prefix(40))' in '\(field)'; known: \(known).")
            }
            return value
        })
    }

    private func validText(_ text: String?, field: String) throws -> String {
        guard let text else { throw APIError.badRequest("Field '\(field)' is required.") }
        guard text.scalarCount <= Self.maxTextLength else {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "Field '\(field)' is longer than \(Self.maxTextLength) characters.")
        }
        return text
    }

    private func record(_ findings: [Finding]) {
        for finding in findings {
            metrics.counter(.guardrailsFindings, [("type", finding.type)]).increment()
        }
    }
}

extension GuardrailsPolicy: ResponseEncodable {}

/// The worker threads for large checks — one fewer than the cores, so the event loops always
/// have one — and a bound on what may wait for them: past `maxQueued` a request is answered 503
/// at once instead of waiting behind minutes of work.
final class HeavyWork: Sendable {
    let pool: BlockingWorkerPool<Void>
    let maxQueued: Int
    private let queued = Atomic<Int>(0)

    init(workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), maxQueued: Int = 32) {
        self.pool = BlockingWorkerPool(name: "guardrails-heavy-check", maxWorkers: workers) {}
        self.maxQueued = maxQueued
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard queued.add(1, ordering: .relaxed).newValue <= maxQueued else {
            queued.subtract(1, ordering: .relaxed)
            throw APIError(.serviceUnavailable, code: "overloaded", message: "Too many large checks are waiting; retry shortly.", headers: [.retryAfter: "1"])
        }
        defer { queued.subtract(1, ordering: .relaxed) }
        return try await pool.run { _ in Result { try work() } }
    }
}
