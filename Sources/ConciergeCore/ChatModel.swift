import Foundation
import SharedHealth

/// One message in an OpenAI-style conversation.
public struct LLMMessage: Sendable, Codable, Equatable {
    public struct ToolCall: Sendable, Codable, Equatable {
        public struct Function: Sendable, Codable, Equatable {
            public let name: String
            public let arguments: String
        }
        public let id: String
        public let type: String
        public let function: Function
    }

    public let role: String
    public let content: String?
    public let tool_calls: [ToolCall]?
    public let tool_call_id: String?

    public init(role: String, content: String?, tool_calls: [ToolCall]? = nil, tool_call_id: String? = nil) {
        self.role = role
        self.content = content
        self.tool_calls = tool_calls
        self.tool_call_id = tool_call_id
    }
}

/// A language model that can answer or ask for tools.
public protocol ChatModel: Sendable {
    var provider: String { get }
    func complete(_ messages: [LLMMessage], tools: [[String: Any]]) async throws -> LLMMessage
}

public struct ChatModelError: Error, CustomStringConvertible {
    public let description: String
}

/// Any OpenAI-compatible `/chat/completions` endpoint (Together.AI by default) over the shared
/// libcurl client: its breaker, a timeout, no retries (a completion is not idempotent), and the
/// `llm_*` metrics.
public struct OpenAIChatModel: ChatModel {
    public static let defaultBaseURL = "https://api.together.xyz/v1"
    public static let defaultModel = "meta-llama/Llama-3.3-70B-Instruct-Turbo"
    public var provider: String { "openai" }
    let client: ServiceClient
    let model: String
    let apiKey: String?
    let timeout: Duration
    let metrics: ServiceMetrics

    public init(client: ServiceClient, model: String, apiKey: String?, timeout: Duration, metrics: ServiceMetrics) {
        self.client = client
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.metrics = metrics
        for outcome in ["ok", "error"] { _ = metrics.counter(.llmRequests, [("provider", provider), ("outcome", outcome)]) }
    }

    struct Response: Decodable {
        struct Choice: Decodable { let message: LLMMessage }
        let choices: [Choice]
    }

    public func complete(_ messages: [LLMMessage], tools: [[String: Any]]) async throws -> LLMMessage {
        let started = ContinuousClock.now
        var outcome = "error"
        defer {
            metrics.durationHistogram(.llmRequestDuration, [("provider", provider)]).record(ContinuousClock.now - started)
            metrics.counter(.llmRequests, [("provider", provider), ("outcome", outcome)]).increment()
        }
        let encodedMessages = try JSONSerialization.jsonObject(with: JSONEncoder().encode(messages))
        var body: [String: Any] = ["model": model, "messages": encodedMessages, "temperature": 0]
        if !tools.isEmpty { body["tools"] = tools; body["tool_choice"] = "auto" }
        var headers = [("Content-Type", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let response = try await client.send("POST", "/chat/completions", headers: headers, body: Array(try JSONSerialization.data(withJSONObject: body)), timeout: timeout, idempotent: false)
        guard response.status == 200 else { throw ChatModelError(description: "status \(response.status)") }
        guard let message = (try? JSONDecoder().decode(Response.self, from: Data(response.body)))?.choices.first?.message else {
            throw ChatModelError(description: "not a chat completion")
        }
        outcome = "ok"
        return message
    }
}
