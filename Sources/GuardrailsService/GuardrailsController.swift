import Foundation
import GuardrailsCore
import Hummingbird
import SharedHealth

/// `/v1/check`, `/v1/check/batch`, `/v1/redact` and `/v1/policy`.
struct GuardrailsController: Sendable {
    let engine: GuardrailsEngine
    let metrics: ServiceMetrics
    /// Longest text accepted, in Unicode scalars.
    static let maxTextLength = 20_000
    static let maxBatchItems = 100

    struct CheckRequest: Decodable {
        let text: String?
        let direction: String?
        let checks: [String]?
    }

    struct BatchRequest: Decodable {
        let items: [CheckRequest]?
    }

    struct BatchResponse: ResponseEncodable {
        let results: [CheckResult]
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
        group.post("/check") { request, context -> CheckResult in
            let body = try await request.decode(as: CheckRequest.self, context: context)
            return try check(body, field: "")
        }
        group.post("/check/batch") { request, context -> BatchResponse in
            let body = try await request.decode(as: BatchRequest.self, context: context)
            guard let items = body.items else { throw APIError.badRequest("Field 'items' is required.") }
            guard !items.isEmpty, items.count <= Self.maxBatchItems else {
                throw APIError.badRequest("Field 'items' must hold 1 to \(Self.maxBatchItems) items.")
            }
            return BatchResponse(results: try items.enumerated().map { index, item in try check(item, field: "items[\(index)].") })
        }
        group.post("/redact") { request, context -> RedactResponse in
            let body = try await request.decode(as: RedactRequest.self, context: context)
            let text = try validText(body.text, field: "text")
            let name = body.operator ?? "replace"
            guard let redaction = RedactionOperator(rawValue: name) else {
                throw APIError.badRequest("Field 'operator' must be one of mask, replace, hash.")
            }
            let entities: Set<PIIEntity> = try body.entities.map { try Self.parse($0, field: "entities") } ?? Set(PIIEntity.allCases)
            let result = engine.redact(text, operator: redaction, entities: entities)
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
        guard text.unicodeScalars.count <= Self.maxTextLength else {
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

extension CheckResult: ResponseEncodable {}
extension GuardrailsPolicy: ResponseEncodable {}
