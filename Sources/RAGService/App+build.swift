import Foundation
import GuardrailsCore
import Hummingbird
import Logging
import RAGCore
import ServiceLifecycle
import SharedHealth

/// RAG settings from the environment: which store, which embedder.
struct RAGConfiguration {
    /// `encoder`: the in-process sentence encoder (the default when its model is installed);
    /// `local`: the hashed n-gram embedder (the default without it); `openai`: an endpoint.
    enum EmbeddingProvider: String, CaseIterable { case encoder, local, openai }

    var database: PostgresPool.Configuration?
    var provider: EmbeddingProvider
    /// The installed encoder, loaded when the provider is `encoder`.
    var encoder: EncoderEmbedder?
    /// Why the installed encoder could not be loaded, if it is there but damaged.
    var encoderProblem: String?
    var embeddingBaseURL: String
    var embeddingModel: String
    var embeddingDimension: Int
    var embeddingAPIKey: String?
    /// Load the bundled help-center articles when the store is empty.
    var seedBundled: Bool
    /// pgvector HNSW `ef_search` (recall against latency).
    var efSearch: Int
    /// The editors' credential for document writes (`RAG_ADMIN_API_KEY`), distinct from the
    /// service-to-service key.
    var adminAPIKey: String?
    /// Domains help-center text may link to (`RAG_ALLOWED_LINK_DOMAINS`, comma-separated).
    var allowedLinkDomains: Set<String>
    /// All document bodies together, in characters (`RAG_MAX_TOTAL_CHARACTERS`, default 20 M):
    /// an editor key cannot grow the service's memory without bound.
    var maxTotalCharacters: Int

    init(environment env: EnvironmentReader) throws {
        database = try PostgresPool.Configuration.fromEnvironment(env, applicationName: "rag")
        let requested = env.string("EMBEDDING_PROVIDER", default: "")
        var installed: EncoderEmbedder?
        if requested.isEmpty || requested == EmbeddingProvider.encoder.rawValue {
            do { installed = try EncoderEmbedder.installed(environment: env.values) } catch { encoderProblem = "\(error)" }
        }
        provider = try env.choice("EMBEDDING_PROVIDER", default: installed == nil ? EmbeddingProvider.local : .encoder)
        if provider == .encoder {
            guard let installed else {
                throw ConfigurationError(
                    variable: "EMBEDDING_PROVIDER",
                    expected: "the encoder's model in \(EncoderEmbedder.modelDirectory(environment: env.values).path) (scripts/fetch-model.sh)\(encoderProblem.map { ": \($0)" } ?? ""), or local/openai",
                    got: "encoder")
            }
            encoder = installed
        }
        embeddingBaseURL = try env.url("EMBEDDING_BASE_URL", default: OpenAIEmbedder.defaultBaseURL)
        embeddingModel = env.string("EMBEDDING_MODEL", default: OpenAIEmbedder.defaultModel)
        embeddingDimension = try env.int(
            "EMBEDDING_DIMENSION", default: encoder?.dimension ?? (provider == .local ? 512 : OpenAIEmbedder.defaultDimension), range: 8...16000
        )
        if let encoder, embeddingDimension != encoder.dimension {
            throw ConfigurationError(variable: "EMBEDDING_DIMENSION", expected: "\(encoder.dimension), the encoder's width", got: String(embeddingDimension))
        }
        embeddingAPIKey = try env.secret("EMBEDDING_API_KEY") ?? env.secret("TOGETHER_API_KEY")
        seedBundled = try env.bool("RAG_SEED_BUNDLED", default: true)
        efSearch = try env.int("RAG_HNSW_EF_SEARCH", default: PostgresKnowledgeStore.defaultEFSearch, range: 10...1000)
        adminAPIKey = try env.secret("RAG_ADMIN_API_KEY", minimumLength: 16)
        let domains = env.string("RAG_ALLOWED_LINK_DOMAINS", default: UntrustedContentScreen.defaultAllowedDomains.sorted().joined(separator: ","))
        allowedLinkDomains = Set(domains.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        maxTotalCharacters = try env.int("RAG_MAX_TOTAL_CHARACTERS", default: 20_000_000, range: 100_000...2_000_000_000)
        if provider == .openai, embeddingAPIKey == nil, embeddingBaseURL == OpenAIEmbedder.defaultBaseURL {
            throw ConfigurationError(variable: "EMBEDDING_API_KEY", expected: "set (or TOGETHER_API_KEY) when EMBEDDING_PROVIDER=openai uses Together.AI", got: nil)
        }
    }
}

func buildApplication(runtime: ServiceRuntime, environment: EnvironmentReader) async throws -> some ApplicationProtocol {
    let configuration = try RAGConfiguration(environment: environment)
    let logger = runtime.logger

    let embedder = try makeEmbedder(configuration, runtime: runtime, environment: environment)

    var dependencies: [Dependency] = []
    var services: [any Service] = []
    let store: any KnowledgeStore
    if let database = configuration.database {
        let pool = PostgresPool(configuration: database, metrics: runtime.metrics)
        store = PostgresKnowledgeStore(pool: pool, efSearch: configuration.efSearch)
        dependencies.append(.database(pool))
        services.append(pool)
    } else {
        store = MemoryKnowledgeStore()
    }
    let knowledgeBase = KnowledgeBase(store: store, embedder: embedder)

    try await prepare(knowledgeBase, configuration: configuration, runtime: runtime)
    let chunks = try await store.chunkCount()
    runtime.metrics.gauge(.ragChunks).set(Int64(chunks))
    logger.notice("knowledge base ready", metadata: [
        "store": .string(configuration.database == nil ? "memory" : "postgres"),
        "embedder": .string(embedder.model), "dimension": .stringConvertible(embedder.dimension), "chunks": .stringConvertible(chunks),
    ])

    let readiness = runtime.readinessMonitor(dependencies: dependencies)
    let router = runtime.makeRouter(readiness: readiness, components: ["embedder": embedder.model])
    let api = router.group("/v1").add(middleware: InternalAPIKeyMiddleware(key: runtime.configuration.internalAPIKey))
    let editors = EditorKeyMiddleware(key: configuration.adminAPIKey, host: runtime.configuration.host)
    if configuration.adminAPIKey == nil, !editors.isLoopback {
        logger.warning("document writes are disabled: RAG listens on a non-loopback address and RAG_ADMIN_API_KEY is not set")
    }
    RAGController(
        knowledgeBase: knowledgeBase, metrics: runtime.metrics, screen: UntrustedContentScreen(allowedDomains: configuration.allowedLinkDomains),
        maxTotalCharacters: configuration.maxTotalCharacters, logger: logger
    )
        .addRoutes(to: api, editors: editors)
    return runtime.makeApplication(router: router, readiness: readiness, services: services)
}

/// The configured embedder. Falling back to the hashed one because the encoder's model is not
/// installed is said in one warning line.
func makeEmbedder(_ configuration: RAGConfiguration, runtime: ServiceRuntime, environment: EnvironmentReader) throws -> any Embedder {
    switch configuration.provider {
    case .encoder:
        return configuration.encoder!
    case .local:
        if environment.string("EMBEDDING_PROVIDER", default: "").isEmpty {
            runtime.logger.warning("sentence encoder not available; using the hashed local embedder (run scripts/fetch-model.sh)", metadata: [
                "model_dir": .string(EncoderEmbedder.modelDirectory(environment: environment.values).path),
                "reason": .string(configuration.encoderProblem ?? "not installed"),
            ])
        }
        return try BundledKnowledgeBase.localEmbedder(dimension: configuration.embeddingDimension)
    case .openai:
        return OpenAIEmbedder(
            client: runtime.thirdPartyClient(target: "embeddings", baseURL: configuration.embeddingBaseURL),
            model: configuration.embeddingModel,
            dimension: configuration.embeddingDimension,
            apiKey: configuration.embeddingAPIKey
        )
    }
}

/// `RAGService reindex`: re-embeds every chunk of the PostgreSQL store with the configured
/// embedder — after installing the encoder, or changing `EMBEDDING_PROVIDER` — while running
/// services keep searching the old vectors; the swap is one transaction. Then restart RAG with
/// the same settings. One line on success (exit 0), on bad settings (exit 2) or on failure (1).
enum ReindexCommand {
    static func run(environment: EnvironmentReader = .process()) async -> Never {
        do {
            let configuration = try RAGConfiguration(environment: environment)
            guard let database = configuration.database else {
                say("rag reindex: no DATABASE_URL; the memory store is built afresh at every start, nothing to do", to: 1)
                exit(0)
            }
            let service = try ServiceConfiguration(service: "rag", defaultPort: 8001, environment: environment)
            var logger = Logger(label: "rag")
            logger.logLevel = .warning
            let runtime = ServiceRuntime(configuration: service, logger: logger)
            let embedder = try makeEmbedder(configuration, runtime: runtime, environment: environment)
            let pool = PostgresPool(configuration: database, metrics: runtime.metrics)
            defer { pool.shutdown() }
            let count = try await PostgresKnowledgeStore(pool: pool, efSearch: configuration.efSearch).reindex(with: embedder)
            say("rag reindex: \(count) chunks embedded with \(embedder.model) (\(embedder.dimension) dimensions); restart RAG with the same settings", to: 1)
            exit(0)
        } catch let error as ConfigurationError {
            say("rag reindex: \(error)", to: 2)
            exit(2)
        } catch {
            say("rag reindex failed: \(error)", to: 2)
            exit(1)
        }
    }

    static func say(_ line: String, to descriptor: Int32) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

/// Migrates the store and seeds it, waiting for the database up to STARTUP_TIMEOUT_SECONDS
/// (compose starts RAG when PostgreSQL answers, but a restart may race it). An embedder that
/// does not match the stored vectors stops start-up: mixing them would return nonsense.
func prepare(_ knowledgeBase: KnowledgeBase, configuration: RAGConfiguration, runtime: ServiceRuntime) async throws {
    let deadline = ContinuousClock.now + runtime.configuration.startupTimeout
    var delay = Duration.milliseconds(250)
    while true {
        do {
            try await knowledgeBase.prepare()
            break
        } catch let error as KnowledgeStoreError {
            if case .embeddingMismatch = error {
                throw ConfigurationError(
                    variable: "EMBEDDING_PROVIDER",
                    expected: "the embedder the store was built with (\(error)); to change it, run `RAGService reindex` with the new settings",
                    got: knowledgeBase.embedder.model)
            }
            throw error
        } catch let error as PostgresError where error.kind == .connection && ContinuousClock.now < deadline {
            runtime.logger.warning("database not reachable yet; retrying", metadata: ["error": .string(error.description)])
            try await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }
    if configuration.seedBundled {
        let seeded = try await knowledgeBase.seedIfEmpty(with: BundledKnowledgeBase.documents())
        if seeded > 0 { runtime.logger.notice("loaded the bundled knowledge base", metadata: ["documents": .stringConvertible(seeded)]) }
    }
}

/// Document writes (`POST`/`DELETE /v1/documents`) are for the help center's editors: with
/// `RAG_ADMIN_API_KEY` set they need it as `Authorization: Bearer <key>` (compared in constant
/// time); without it they are open only on a loopback address, and refused (403) on any other,
/// so a deployment that forgot the key serves search but cannot be written to.
struct EditorKeyMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let key: [UInt8]?
    let isLoopback: Bool

    init(key: String?, host: String) {
        self.key = key.map { Array($0.utf8) }
        self.isLoopback = host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let key {
            let header = request.headers[.authorization] ?? ""
            let presented = header.prefix(7).lowercased() == "bearer " ? Array(header.dropFirst(7).utf8) : []
            guard constantTimeEqual(presented, key) else {
                throw APIError(.unauthorized, code: "unauthorized", message: "Document writes need the editors' key (RAG_ADMIN_API_KEY) as a bearer token.")
            }
        } else if !isLoopback {
            throw APIError(.forbidden, code: "forbidden", message: "Document writes are disabled: set RAG_ADMIN_API_KEY to allow editors to change the knowledge base.")
        }
        return try await next(request, context)
    }
}
