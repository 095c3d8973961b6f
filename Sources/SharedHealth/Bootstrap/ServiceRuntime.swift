import Hummingbird
import Logging
import ServiceLifecycle

/// What every service is made of: configuration, logger, metrics, the shared libcurl client.
/// A service's `buildApplication` takes one, declares its dependencies and adds its routes.
public struct ServiceRuntime: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let metrics: ServiceMetrics
    public let httpClient: CurlHTTPClient
    /// Filled by `makeApplication` from the router.
    public let routes = RouteTable()

    public init(configuration: ServiceConfiguration, logger: Logger, metrics: ServiceMetrics = ServiceMetrics()) {
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
        self.httpClient = CurlHTTPClient(configuration: configuration.httpClient)
    }

    /// A client for another of the project's services, with its own instrumented breaker; it
    /// forwards the request id and the internal API key.
    public func serviceClient(
        target: String, baseURL: String, retry: RetryPolicy = RetryPolicy(), headers: [(String, String)] = [],
        audience: ServiceClient.Audience = .internalService
    ) -> ServiceClient {
        ServiceClient(
            target: target,
            baseURL: baseURL,
            http: httpClient,
            breaker: .instrumented(target: target, settings: configuration.circuitBreaker, metrics: metrics, logger: logger),
            metrics: metrics,
            retry: retry,
            internalAPIKey: configuration.internalAPIKey,
            headers: headers,
            audience: audience
        )
    }

    /// A client for a third-party endpoint (an LLM or embeddings provider): its own breaker,
    /// and only the headers the caller gives it (its `Authorization`) — never the internal API
    /// key or the request id.
    public func thirdPartyClient(target: String, baseURL: String, retry: RetryPolicy = RetryPolicy()) -> ServiceClient {
        serviceClient(target: target, baseURL: baseURL, retry: retry, audience: .thirdParty)
    }

    public func readinessMonitor(dependencies: [Dependency]) -> ReadinessMonitor {
        ReadinessMonitor(dependencies: dependencies, settings: configuration.readiness, metrics: metrics, logger: logger)
    }

    /// A router with the common middleware (request id, access log and metrics, error mapping,
    /// body limit) and the health endpoints. Services add their `/v1` routes to it.
    /// - Parameter components: what `/health` names the service as running with (RAG's embedder).
    public func makeRouter(readiness: ReadinessMonitor, components: [String: String] = [:]) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: ServiceMiddleware(metrics: metrics, bodyLimit: configuration.maxBodyBytes))
        HealthController(
            service: configuration.service,
            version: configuration.version,
            readiness: readiness,
            metrics: metrics,
            components: components
        ).addRoutes(to: router)
        return router
    }

    /// The application: server plus the long-lived services (readiness polling, HTTP client
    /// workers, and any the caller adds). On shutdown the server drains first, then the others
    /// stop in reverse order.
    public func makeApplication(
        router: Router<ServiceRequestContext>,
        readiness: ReadinessMonitor,
        services: [any Service] = []
    ) -> some ApplicationProtocol {
        let configuration = self.configuration
        let logger = self.logger
        routes.record(router)
        logger.debug("routes", metadata: ["routes": .array(routes.operations.map { .string($0) })])
        FileDescriptorHeadroom.ensure(forConnections: configuration.maxConnections, logger: logger)
        return Application(
            router: router,
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [QuiesceGraceHandler()],
                    idleTimeout: .seconds(configuration.idleTimeout.components.seconds)  // whole seconds by configuration
                )
            ),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: configuration.service,
                availableConnectionsDelegate: .maximum(configuration.maxConnections, logger: logger)
            ),
            services: [httpClient] + services + [readiness],
            onServerRunning: { channel in
                logger.notice(
                    "server started",
                    metadata: [
                        "address": .string(configuration.host),
                        "port": .stringConvertible(channel.localAddress?.port ?? configuration.port),
                        "version": .string(configuration.version),
                    ]
                )
            },
            logger: logger
        )
    }
}
