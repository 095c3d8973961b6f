import ConciergeCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SharedHealth
import TestSupport
import Testing

@testable import ConciergeService

/// The concierge API in process. Guardrails and RAG point at closed ports, so guardrails runs
/// in process (replies marked degraded) and knowledge search is unavailable.
@Suite("Concierge API")
struct ConciergeAPITests {
    static let secret = "api-test-secret-0123456789abcdef"
    static let closed = "http://127.0.0.1:\(freePort())"

    func app(_ extra: [String: String] = [:]) async throws -> some ApplicationProtocol {
        try await makeServiceApp(
            service: "concierge",
            ["JWT_SECRET": Self.secret, "GUARDRAILS_URL": Self.closed, "RAG_URL": Self.closed].merging(extra) { $1 },
            build: buildApplication
        )
    }

    func token(_ customer: String = "cust_alex", secret: String = ConciergeAPITests.secret, lifetime: Int64 = 600) -> String {
        BearerTokenVerifier(secret: secret).mint(subject: customer, lifetime: lifetime)
    }

    func chat(_ client: some TestClientProtocol, _ body: String, token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.postJSON("/v1/chat", body, headers: headers)
    }

    /// docs/api/concierge.yaml documents exactly the routes the service registers.
    @Test func theOpenAPISpecDocumentsEveryRegisteredRoute() async throws {
        let registered = try await registeredRoutes(service: "concierge", build: buildApplication)
        let documented = try OpenAPISpec.operations(in: "concierge.yaml")
        #expect(registered.contains("GET /health"))
        #expect(registered == documented)
    }

    @Test func tokensAreRequiredAndChecked() async throws {
        try await app().test(.router) { client in
            let expired = BearerTokenVerifier(secret: Self.secret).mint(subject: "cust_alex", lifetime: 1, now: 1_000_000)
            let none = "eyJhbGciOiJub25lIn0." + token().split(separator: ".")[1] + "."
            for bad in [nil, "garbage", token(secret: "another-secret-0123456789abc"), expired, none, token("cust_nobody")] {
                let response = try await chat(client, #"{"message":"balance"}"#, token: bad)
                #expect(response.status == .unauthorized, "\(bad ?? "no token")")
                #expect((response.jsonObject["error"] as? [String: Any])?["code"] as? String == "unauthorized")
            }
            // The scheme is case-insensitive.
            let lower = try await client.postJSON("/v1/chat", #"{"message":"balance"}"#, headers: [.authorization: "bearer \(token())"])
            #expect(lower.status == .ok)
        }
    }

    @Test func chatAnswersWithTheContractFields() async throws {
        try await app().test(.router) { client in
            let response = try await chat(client, #"{"message":"what is my balance?"}"#, token: token())
            #expect(response.status == .ok)
            let body = response.jsonObject
            #expect(body["intent"] as? String == "balance")
            #expect((body["reply"] as? String)?.contains("Everyday Checking") == true)
            #expect(body["degraded"] as? Bool == true)  // guardrails fell back in process
            #expect((body["session_id"] as? String)?.hasPrefix("ses_") == true)
            #expect(body["request_id"] as? String == response.headers[HTTPField.Name("X-Request-ID")!])
            #expect(body["sources"] as? [Any] != nil)
            let knowledge = try await chat(client, #"{"message":"how do I dispute a charge?"}"#, token: token())
            #expect(knowledge.status == .ok)
            #expect(knowledge.jsonObject["degraded"] as? Bool == true)
        }
    }

    @Test(arguments: [#"{}"#, #"{"message":""}"#, #"{"message":"   "}"#, #"{"message":5}"#, #"not json"#])
    func badChatBodiesAre400(_ body: String) async throws {
        try await app().test(.router) { client in
            let response = try await chat(client, body, token: token())
            #expect(response.status == .badRequest)
        }
    }

    @Test func confirmationsByAPIExecuteOnceAndOnlyForTheirOwner() async throws {
        try await app().test(.router) { client in
            let offer = try await chat(client, #"{"message":"send $12.50 to Sam"}"#, token: token())
            let confirmation = try #require(offer.jsonObject["confirmation"] as? [String: Any])
            let id = try #require(confirmation["id"] as? String)
            let sam = try await client.postJSON("/v1/confirmations/\(id)", #"{"decision":"confirm"}"#, headers: [.authorization: "Bearer \(token("cust_sam"))"])
            #expect(sam.status == .notFound)
            let bad = try await client.postJSON("/v1/confirmations/\(id)", #"{"decision":"maybe"}"#, headers: [.authorization: "Bearer \(token())"])
            #expect(bad.status == .badRequest)
            let first = try await client.postJSON("/v1/confirmations/\(id)", #"{"decision":"confirm"}"#, headers: [.authorization: "Bearer \(token())"])
            #expect(first.status == .ok)
            #expect(first.jsonObject["status"] as? String == "executed")
            let second = try await client.postJSON("/v1/confirmations/\(id)", #"{"decision":"confirm"}"#, headers: [.authorization: "Bearer \(token())"])
            #expect(second.jsonObject["transfer_id"] as? String == first.jsonObject["transfer_id"] as? String)
            let cancelLate = try await client.postJSON("/v1/confirmations/\(id)", #"{"decision":"cancel"}"#, headers: [.authorization: "Bearer \(token())"])
            #expect(cancelLate.jsonObject["status"] as? String == "executed")

            let session = try #require(offer.jsonObject["session_id"] as? String)
            let own = try await client.execute(uri: "/v1/sessions/\(session)", method: .get, headers: [.authorization: "Bearer \(token())"])
            #expect(own.status == .ok)
            #expect((own.jsonObject["turns"] as? [Any])?.count == 2)
            let theirs = try await client.execute(uri: "/v1/sessions/\(session)", method: .get, headers: [.authorization: "Bearer \(token("cust_sam"))"])
            #expect(theirs.status == .notFound)
            let unknown = try await client.postJSON("/v1/confirmations/cnf_nope", #"{"decision":"confirm"}"#, headers: [.authorization: "Bearer \(token())"])
            #expect(unknown.status == .notFound)
        }
    }

    @Test func customersAreRateLimited() async throws {
        try await app(["RATE_LIMIT_PER_MINUTE": "3"]).test(.router) { client in
            for _ in 0..<3 {
                let ok = try await chat(client, #"{"message":"hi"}"#, token: token())
                #expect(ok.status == .ok)
            }
            let limited = try await chat(client, #"{"message":"hi"}"#, token: token())
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect((limited.jsonObject["error"] as? [String: Any])?["code"] as? String == "rate_limited")
            // Another customer has their own bucket.
            let other = try await chat(client, #"{"message":"hi"}"#, token: token("cust_sam"))
            #expect(other.status == .ok)
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(try PrometheusText.parse(text).contains { $0.name == "rate_limit_rejections_total" && $0.value == 1 })
        }
    }

    @Test func metricsCountChatsByIntent() async throws {
        try await app().test(.router) { client in
            _ = try await chat(client, #"{"message":"hello"}"#, token: token())
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            let samples = try PrometheusText.parse(text)
            #expect(samples.contains { $0.name == "concierge_chat_requests_total" && $0.labels["intent"] == "greeting" && $0.value == 1 })
        }
    }
}
