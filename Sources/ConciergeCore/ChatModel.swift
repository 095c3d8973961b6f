import Foundation
import Logging
import SharedHealth

/// One message in an OpenAI-style conversation.
public struct LLMMessage: Sendable, Codable, Equatable {
    public struct ToolCall: Sendable, Codable, Equatable {
        public struct Function: Sendable, Codable, Equatable {
            public let name: String
            /// JSON text. Servers that send an object instead get it re-encoded as text.
            public let arguments: String

            public init(name: String, arguments: String) {
                self.name = name
                self.arguments = arguments
            }

            enum CodingKeys: String, CodingKey { case name, arguments }

            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try container.decode(String.self, forKey: .name)
                if let text = try? container.decode(String.self, forKey: .arguments) {
                    arguments = text
                } else if let object = try? container.decode(JSONValue.self, forKey: .arguments) {
                    arguments = String(decoding: try JSONEncoder().encode(object), as: UTF8.self)
                } else {
                    arguments = "{}"
                }
            }
        }
        public let id: String
        public let type: String
        public let function: Function

        public init(id: String, type: String = "function", function: Function) {
            self.id = id
            self.type = type
            self.function = function
        }

        enum CodingKeys: String, CodingKey { case id, type, function }

        /// A missing `type` is "function" (the only kind), and a missing id is made up.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id) ?? "call_" + String(UInt32.random(in: .min ... .max), radix: 16)
            type = try container.decodeIfPresent(String.self, forKey: .type) ?? "function"
            function = try container.decode(Function.self, forKey: .function)
        }
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

    enum CodingKeys: String, CodingKey { case role, content, tool_calls, tool_call_id }

    /// An assistant message that calls tools is sent with `"content": ""`: servers such as
    /// llama-cpp-python reject it without the key and with `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(content ?? "", forKey: .content)
        try container.encodeIfPresent(tool_calls, forKey: .tool_calls)
        try container.encodeIfPresent(tool_call_id, forKey: .tool_call_id)
    }
}

/// Any JSON value, to carry tool arguments a server sent as an object.
indirect enum JSONValue: Codable, Equatable, Sendable {
    case string(String), number(Double), bool(Bool), null, array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null
        } else if let value = try? container.decode(Bool.self) { self = .bool(value)
        } else if let value = try? container.decode(Double.self) { self = .number(value)
        } else if let value = try? container.decode(String.self) { self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) { self = .array(value)
        } else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// A language model that can answer or ask for tools.
public protocol ChatModel: Sendable {
    var provider: String { get }
    func complete(_ messages: [LLMMessage], tools: [[String: Any]]) async throws -> LLMMessage
    /// A turn whose answer was not used: `outcome` is `empty` or `discarded` for an answer
    /// that came back but could not be shown, `fallback` for every turn the local responder
    /// answered instead; `reason` says why, for the log.
    func turnNotUsed(outcome: String, reason: String)
}

extension ChatModel {
    public func turnNotUsed(outcome: String, reason: String) {}
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
    /// The longest answer asked for (`LLM_MAX_TOKENS`): a cut-off answer is a failure, not a reply.
    let maxTokens: Int
    let logger: Logger

    /// Every value `llm_requests_total{outcome}` takes: per request `ok`, `error`, `timeout`,
    /// `truncated`; per turn whose answer was not used `empty`, `discarded`, `fallback`.
    public static let outcomes = ["ok", "error", "timeout", "truncated", "empty", "discarded", "fallback"]

    public init(client: ServiceClient, model: String, apiKey: String?, timeout: Duration, metrics: ServiceMetrics, maxTokens: Int = 512,
                logger: Logger = Logger(label: "llm")) {
        self.client = client
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.metrics = metrics
        self.maxTokens = maxTokens
        self.logger = logger
        for outcome in Self.outcomes { _ = metrics.counter(.llmRequests, [("provider", provider), ("outcome", outcome)]) }
    }

    public func turnNotUsed(outcome: String, reason: String) {
        metrics.counter(.llmRequests, [("provider", provider), ("outcome", outcome)]).increment()
        if outcome == "fallback" {
            logger.warning("model turn fell back to the local responder", metadata: ["provider": .string(provider), "reason": .string(reason)])
        }
    }

    struct Response: Decodable {
        struct Choice: Decodable {
            let message: LLMMessage
            let finishReason: String?
            enum CodingKeys: String, CodingKey { case message, finishReason = "finish_reason" }
        }
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
        var body: [String: Any] = ["model": model, "messages": encodedMessages, "temperature": 0, "max_tokens": maxTokens]
        if !tools.isEmpty { body["tools"] = tools; body["tool_choice"] = "auto" }
        var headers = [("Content-Type", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let response: HTTPClientResponse
        do {
            response = try await client.send("POST", "/chat/completions", headers: headers, body: Array(try JSONSerialization.data(withJSONObject: body)), timeout: timeout, idempotent: false)
        } catch HTTPClientError.timedOut {
            outcome = "timeout"
            throw HTTPClientError.timedOut
        }
        guard response.status == 200 else { throw ChatModelError(description: "status \(response.status)") }
        guard let choice = (try? JSONDecoder().decode(Response.self, from: Data(response.body)))?.choices.first else {
            throw ChatModelError(description: "not a chat completion")
        }
        if choice.finishReason == "length" {
            outcome = "truncated"
            throw ChatModelError(description: "the answer was cut off at \(maxTokens) tokens")
        }
        outcome = "ok"
        return choice.message
    }
}
