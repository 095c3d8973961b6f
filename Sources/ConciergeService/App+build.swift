import ConciergeCore
import GuardrailsCore
import Hummingbird
import ServiceLifecycle
import SharedHealth

struct ConciergeConfiguration {
    var guardrailsURL: String
    var ragURL: String
    /// Nil when JWT_SECRET is unset: a random per-process key is used, so no token verifies
    /// until an operator sets one (never a built-in default secret).
    var jwtSecret: String?
    var database: PostgresPool.Configuration?
    /// Requests per customer per minute; 0 turns limiting off.
    var rateLimitPerMinute: Int
    enum LLMProvider: String, CaseIterable { case local, openai }
    var llmProvider: LLMProvider
    var llmBaseURL: String
    var llmModel: String
    var llmAPIKey: String?
    var llmTimeout: Duration
    var llmMaxTokens: Int
    /// All model calls of one chat turn together (tool round trips included) get at most this
    /// (`LLM_TURN_BUDGET_MS`); past it the turn falls back to the local answer.
    var llmTurnBudget: Duration
    /// Sessions and confirmations untouched this long are deleted from PostgreSQL.
    var sessionRetentionHours: Int

    init(environment env: EnvironmentReader) throws {
        guardrailsURL = try env.url("GUARDRAILS_URL", default: "http://127.0.0.1:8002")
        ragURL = try env.url("RAG_URL", default: "http://127.0.0.1:8001")
        jwtSecret = try env.secret("JWT_SECRET", minimumLength: 16)
        database = try PostgresPool.Configuration.fromEnvironment(env, applicationName: "concierge")
        rateLimitPerMinute = try env.int("RATE_LIMIT_PER_MINUTE", default: 60, range: 0...1_000_000)
        llmProvider = try env.choice("LLM_PROVIDER", default: LLMProvider.local)
        llmBaseURL = try env.url("LLM_BASE_URL", default: OpenAIChatModel.defaultBaseURL)
        llmModel = env.string("LLM_MODEL", default: OpenAIChatModel.defaultModel)
        llmAPIKey = try env.secret("LLM_API_KEY") ?? env.secret("TOGETHER_API_KEY")
        llmTimeout = .milliseconds(try env.int("LLM_TIMEOUT_MS", default: 10_000, range: 100...120_000))
        llmMaxTokens = try env.int("LLM_MAX_TOKENS", default: 512, range: 16...32_768)
        llmTurnBudget = .milliseconds(try env.int("LLM_TURN_BUDGET_MS", default: 15_000, range: 100...600_000))
        sessionRetentionHours = try env.int("SESSION_RETENTION_HOURS", default: 720, range: 1...87_600)
        _ = try BearerTokenVerifier(secret: "configuration-check", environment: env)
        if llmProvider == .openai, llmAPIKey == nil, llmBaseURL == OpenAIChatModel.defaultBaseURL {
            throw ConfigurationError(variable: "LLM_API_KEY", expected: "set (or TOGETHER_API_KEY) when LLM_PROVIDER=openai uses Together.AI", got: nil)
        }
    }
}

/// The concierge cannot answer safely without guardrails, nor cite without RAG: both are
/// required dependencies, polled through the libcurl client and their circuit breakers.
/// At request time either may fail anyway: guardrails then runs in process, knowledge
/// questions say search is unavailable, and the reply is marked degraded.
func buildApplication(runtime: ServiceRuntime, environment: EnvironmentReader) async throws -> some ApplicationProtocol {
    let configuration = try ConciergeConfiguration(environment: environment)
    let guardrails = runtime.serviceClient(target: "guardrails", baseURL: configuration.guardrailsURL)
    let rag = runtime.serviceClient(target: "rag", baseURL: configuration.ragURL)
    var dependencies: [Dependency] = [
        .service(guardrails, required: true, timeout: runtime.configuration.readiness.checkTimeout),
        .service(rag, required: true, timeout: runtime.configuration.readiness.checkTimeout),
    ]
    var services: [any Service] = []

    let ledger: any LedgerStore
    let sessions: any SessionStore
    if let database = configuration.database {
        let pool = PostgresPool(configuration: database, metrics: runtime.metrics)
        let store = PostgresLedgerStore(pool: pool)
        try await store.prepare(seed: DemoBank.generate(asOf: DemoBank.today()))
        let sessionStore = PostgresSessionStore(pool: pool)
        try await sessionStore.prepare()
        ledger = store
        sessions = sessionStore
        dependencies.append(.database(pool))
        services.append(pool)
        // Every replica prunes; the deletes are idempotent, and cheap with nothing to delete.
        let retention = configuration.sessionRetentionHours * 3600
        let logger = runtime.logger
        services.append(PeriodicTask(name: "session-retention", every: .seconds(600), logger: runtime.logger) {
            let deleted = try await sessionStore.prune(olderThanSeconds: retention)
            if deleted > 0 { logger.info("pruned old sessions and confirmations", metadata: ["rows": .stringConvertible(deleted)]) }
        })
    } else {
        ledger = MemoryLedgerStore()
        sessions = MemorySessionStore()
    }
    if configuration.jwtSecret == nil {
        runtime.logger.notice("JWT_SECRET is not set: no bearer token will verify until it is")
    }
    let secret = configuration.jwtSecret ?? (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
    var engine = ConciergeEngine(
        ledger: ledger,
        sessions: sessions,
        guardrails: HTTPGuardrailsGateway(client: guardrails, fallback: GuardrailsEngine(hashSecret: secret)),
        knowledge: HTTPKnowledgeGateway(client: rag)
    )
    if configuration.llmProvider == .openai {
        // Optional: without the model the local responder answers (degraded), so the LLM
        // endpoint is not a readiness dependency.
        engine.model = OpenAIChatModel(
            client: runtime.thirdPartyClient(target: "llm", baseURL: configuration.llmBaseURL, retry: .none),
            model: configuration.llmModel, apiKey: configuration.llmAPIKey,
            timeout: configuration.llmTimeout, metrics: runtime.metrics, maxTokens: configuration.llmMaxTokens,
            logger: runtime.logger
        )
        engine.modelTurnBudget = configuration.llmTurnBudget
    }

    let readiness = runtime.readinessMonitor(dependencies: dependencies)
    let router = runtime.makeRouter(readiness: readiness)
    ConciergeController(
        engine: engine, verifier: try BearerTokenVerifier(secret: secret, environment: environment),
        limiter: RateLimiter(perMinute: configuration.rateLimitPerMinute), metrics: runtime.metrics
    )
        .addRoutes(to: router.group("/v1"))
    return runtime.makeApplication(router: router, readiness: readiness, services: services)
}

extension BearerTokenVerifier {
    /// The token rules from the environment: `JWT_MAX_LIFETIME_SECONDS` (default 24 h),
    /// `JWT_AUDIENCE` and `JWT_ISSUER` (checked, and put in minted tokens, when set).
    init(secret: String, environment env: EnvironmentReader) throws {
        let lifetime = try env.int("JWT_MAX_LIFETIME_SECONDS", default: Int(Self.defaultMaximumLifetime), range: 60...31_536_000)
        let audience = env.string("JWT_AUDIENCE").flatMap { $0.isEmpty ? nil : $0 }
        let issuer = env.string("JWT_ISSUER").flatMap { $0.isEmpty ? nil : $0 }
        self.init(secret: secret, maximumLifetime: Int64(lifetime), audience: audience, issuer: issuer)
    }
}
