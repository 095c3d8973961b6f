import CCurl
import Foundation
import ServiceLifecycle
import Synchronization

/// An async HTTP/1.1 client over libcurl.
///
/// Each worker thread (a `BlockingWorkerPool`) owns one curl easy handle for its whole life, so its connection (and DNS)
/// cache survives from one request to the next and connections are kept alive. Transfers block
/// on those threads, never on Swift's cooperative pool. Workers start on demand, up to
/// `maxConnections`; requests beyond that wait in a FIFO queue.
///
/// As a `Service` it shuts its workers down when the service group stops.
public final class CurlHTTPClient: Service, Sendable {
    public struct Configuration: Sendable {
        /// Worker threads, and so the most connections open at once.
        public var maxConnections: Int = 32
        public var connectTimeout: Duration = .seconds(1)
        public var requestTimeout: Duration = .seconds(10)
        public var maxResponseBytes: Int = 32 * 1024 * 1024

        public init(maxConnections: Int = 32, connectTimeout: Duration = .seconds(1), requestTimeout: Duration = .seconds(10), maxResponseBytes: Int = 32 * 1024 * 1024) {
            self.maxConnections = max(1, maxConnections)
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxResponseBytes = maxResponseBytes
        }

        public init(environment env: EnvironmentReader) throws {
            self.init(
                maxConnections: try env.int("HTTP_CLIENT_MAX_CONNECTIONS", default: 32, range: 1...1024),
                connectTimeout: .milliseconds(try env.int("HTTP_CLIENT_CONNECT_TIMEOUT_MS", default: 1000, range: 1...600_000)),
                requestTimeout: .milliseconds(try env.int("HTTP_CLIENT_TIMEOUT_MS", default: 10_000, range: 1...3_600_000))
            )
        }
    }

    public let configuration: Configuration
    private let workers: BlockingWorkerPool<EasyHandle>
    private let connectionsOpenedTotal = Atomic<Int>(0)

    public init(configuration: Configuration = Configuration()) {
        _ = curlGlobalInit
        self.configuration = configuration
        self.workers = BlockingWorkerPool(name: "curl-http-worker", maxWorkers: configuration.maxConnections) { EasyHandle() }
    }

    deinit {
        workers.shutdown()
    }

    /// Connections opened by all transfers so far.
    public var connectionsOpened: Int { connectionsOpenedTotal.load(ordering: .relaxed) }

    public func execute(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let configuration = self.configuration
        let cancelled = CancellationFlag()
        let response: HTTPClientResponse
        do {
            response = try await workers.run(cancelled: cancelled) { handle in
                handle.perform(request, configuration: configuration, cancelled: cancelled)
            }
        } catch is WorkerPoolShutDown {
            throw HTTPClientError.shutDown
        }
        connectionsOpenedTotal.add(response.connectionsOpened, ordering: .relaxed)
        return response
    }

    public func run() async throws {
        // Keep connections until the group shuts down; then stop the workers.
        try? await gracefulShutdown()
        workers.shutdown()
    }

    /// Stops the workers; queued requests fail with `shutDown`. Idempotent.
    public func shutdown() {
        workers.shutdown()
    }
}

private let curlGlobalInit: Void = {
    curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}()
