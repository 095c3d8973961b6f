import ConciergeCore
import Foundation
import Hummingbird
import SharedHealth

/// `/v1/chat`, `/v1/confirmations/{id}`, `/v1/sessions/{id}`; every route needs a bearer token
/// and counts against the customer's rate limit (429 with Retry-After).
struct ConciergeController: Sendable {
    let engine: ConciergeEngine
    let verifier: BearerTokenVerifier
    let limiter: RateLimiter
    let metrics: ServiceMetrics
    static let maxMessageLength = 4_000

    struct ChatRequest: Decodable {
        let message: String?
        let session_id: String?
    }

    struct ChatResponse: ResponseEncodable {
        let session_id: String
        let reply: String
        let intent: String
        let sources: [ChatReply.Source]
        let confirmation: ChatReply.PendingConfirmation?
        let degraded: Bool
        let request_id: String
    }

    struct DecisionRequest: Decodable {
        let decision: String?
    }

    struct DecisionResponse: ResponseEncodable {
        let id: String
        let status: String
        let message: String
        let transfer_id: String?
    }

    struct SessionResponse: ResponseEncodable {
        let session_id: String
        let turns: [ChatTurn]
        let pending_confirmation: String?
        let ticket_id: String?
    }

    func customer(_ request: Request) async throws -> String {
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        guard let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer " else {
            throw APIError.unauthorized("A bearer token is required.")
        }
        let claims: BearerTokenVerifier.Claims
        do {
            claims = try verifier.verify(String(header.dropFirst(7)))
        } catch let failure as BearerTokenVerifier.Failure {
            throw APIError.unauthorized("The bearer token is not valid: \(failure).")
        }
        guard try await engine.ledger.customer(id: claims.subject) != nil else {
            throw APIError.unauthorized("The bearer token names no customer.")
        }
        if let wait = limiter.acquire(claims.subject) {
            metrics.counter(.rateLimitRejections).increment()
            throw APIError.rateLimited(retryAfterSeconds: wait)
        }
        return claims.subject
    }

    func addRoutes(to group: RouterGroup<ServiceRequestContext>) {
        // Counters exist from the start at 0, so alerts and dashboards see their first increase.
        _ = metrics.counter(.rateLimitRejections)
        for outcome in ["completed", "failed"] { _ = metrics.counter(.conciergeTransfers, [("outcome", outcome)]) }
        group.post("/chat") { request, context -> ChatResponse in
            let customer = try await customer(request)
            let body = try await request.decode(as: ChatRequest.self, context: context)
            guard let message = body.message, !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.badRequest("Field 'message' is required and must not be empty.")
            }
            guard message.unicodeScalars.count <= Self.maxMessageLength else {
                throw APIError.badRequest("Field 'message' must be at most \(Self.maxMessageLength) characters.")
            }
            // Rejected before anything runs: a message that could not be stored must not move money.
            guard !message.utf8.contains(0), body.session_id?.utf8.contains(0) != true else {
                throw APIError.badRequest("Text must not contain NUL (U+0000) characters.")
            }
            if let id = body.session_id, !(1...80).contains(id.count) { throw APIError.notFound("No such session.") }
            do {
                let reply = try await engine.chat(customerID: customer, message: message, sessionID: body.session_id)
                metrics.counter(.conciergeChatRequests, [("intent", reply.intent), ("outcome", reply.degraded ? "degraded" : "ok")]).increment()
                if let executed = reply.transferExecuted {
                    metrics.counter(.conciergeTransfers, [("outcome", executed ? "completed" : "failed")]).increment()
                }
                return ChatResponse(
                    session_id: reply.session_id, reply: reply.reply, intent: reply.intent, sources: reply.sources,
                    confirmation: reply.confirmation, degraded: reply.degraded, request_id: context.requestID
                )
            } catch ConfirmationError.notFound {
                throw APIError.notFound("No such session.")
            }
        }
        group.post("/confirmations/:id") { request, context -> DecisionResponse in
            let customer = try await customer(request)
            let id = context.parameters.get("id") ?? ""
            let body = try await request.decode(as: DecisionRequest.self, context: context)
            guard let name = body.decision, let decision = ConfirmationDecision(rawValue: name) else {
                throw APIError.badRequest("Field 'decision' must be 'confirm' or 'cancel'.")
            }
            do {
                let result = try await engine.decide(id, decision: decision, customerID: customer)
                if decision == .confirm { metrics.counter(.conciergeTransfers, [("outcome", "completed")]).increment() }
                return DecisionResponse(id: id, status: result.confirmation.state.rawValue, message: result.message, transfer_id: result.confirmation.receipt?.transferID)
            } catch let error as ConfirmationError {
                switch error {
                case .notFound: throw APIError.notFound("No such confirmation.")
                case .expired: throw APIError(.gone, code: "expired", message: "The confirmation expired; no money was moved.")
                case .alreadyCancelled: throw APIError.conflict("The confirmation was cancelled; no money was moved.")
                case .failed(let reason):
                    metrics.counter(.conciergeTransfers, [("outcome", "failed")]).increment()
                    throw APIError.unprocessable("The transfer was not made: \(reason).")
                }
            }
        }
        group.get("/sessions/:id") { request, context -> SessionResponse in
            let customer = try await customer(request)
            guard let id = context.parameters.get("id"), let session = try await engine.sessions.session(id: id, customerID: customer) else {
                throw APIError.notFound("No such session.")
            }
            return SessionResponse(session_id: session.id, turns: session.turns, pending_confirmation: session.confirmationID, ticket_id: session.ticketID)
        }
    }
}

extension ChatTurn: ResponseEncodable {}
