#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus

/// Starts a service process: reads the configuration (a bad value exits 2 after one line on
/// stderr naming the variable), sets up JSON logging and the metrics system, builds the
/// application and runs it until SIGTERM or SIGINT, draining in-flight requests.
public enum ServiceLauncher {
    public static func run<App: ApplicationProtocol>(
        service: String,
        defaultPort: Int,
        environment: EnvironmentReader = .process(),
        build: @Sendable (ServiceRuntime, EnvironmentReader) async throws -> App
    ) async -> Never {
        if CommandLine.arguments.dropFirst().first == "healthcheck" {
            await healthcheck(service: service, defaultPort: defaultPort, environment: environment)
        }
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration(service: service, defaultPort: defaultPort, environment: environment)
        } catch {
            fail(service: service, error)
        }

        if let threads = configuration.eventLoopThreads {
            NIOSingletons.groupLoopCountSuggestion = threads
        }
        if configuration.concurrencyOnEventLoops {
            // Handlers then run on the thread that read the request, without executor switches
            // (see `EventLoopGlobalExecutor`). Safe because nothing here blocks on the global
            // executor: libcurl and libpq calls run on their own workers.
            EventLoopGlobalExecutor.install()
        }
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            JSONLogHandler(label: label, service: service, level: level)
        }
        let metrics = ServiceMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        var logger = Logger(label: service)
        logger.logLevel = level

        let runtime = ServiceRuntime(configuration: configuration, logger: logger, metrics: metrics)
        let app: App
        do {
            app = try await build(runtime, environment)
        } catch let error as ConfigurationError {
            fail(service: service, error)
        } catch {
            logger.critical("start-up failed", metadata: ["error": .string(String(describing: error))])
            exit(1)
        }

        do {
            try await app.runService()
            logger.notice("stopped")
            exit(0)
        } catch {
            logger.critical("service failed", metadata: ["error": .string(String(describing: error))])
            exit(1)
        }
    }

    /// `<executable> healthcheck [URL]`: exits 0 when the service's `/ready` answers 200, else 1.
    /// Lets a container check itself over libcurl with no curl binary in the image.
    static func healthcheck(service: String, defaultPort: Int, environment: EnvironmentReader) async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst(2))
        let url: String
        if let explicit = arguments.first {
            url = explicit
        } else {
            let port = (try? environment.int("PORT", default: defaultPort, range: 1...65535)) ?? defaultPort
            url = "http://127.0.0.1:\(port)/ready"
        }
        let client = CurlHTTPClient(configuration: .init(maxConnections: 1, connectTimeout: .seconds(1), requestTimeout: .seconds(3)))
        defer { client.shutdown() }
        do {
            let response = try await client.execute(HTTPClientRequest(url: url))
            let line = "\(service) healthcheck: \(url) answered \(response.status)\n"
            var bytes = Array(line.utf8)
            _ = write(1, &bytes, bytes.count)
            exit(response.status == 200 ? 0 : 1)
        } catch {
            let line = "\(service) healthcheck: \(url) failed: \(error)\n"
            var bytes = Array(line.utf8)
            _ = write(2, &bytes, bytes.count)
            exit(1)
        }
    }

    private static func fail(service: String, _ error: any Error) -> Never {
        let line = "\(service): \(error)\n"
        var bytes = Array(line.utf8)
        _ = write(2, &bytes, bytes.count)
        exit(2)
    }
}
