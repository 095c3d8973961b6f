import CCurl
import Foundation
import ServiceLifecycle
import Synchronization

/// An async HTTP/1.1 client over libcurl.
///
/// Each worker thread owns one curl easy handle for its whole life, so its connection (and DNS)
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
    private let queue: JobQueue
    private let connectionsOpenedTotal = Atomic<Int>(0)

    public init(configuration: Configuration = Configuration()) {
        _ = curlGlobalInit
        self.configuration = configuration
        self.queue = JobQueue(maxWorkers: configuration.maxConnections)
    }

    deinit {
        queue.shutdown()
    }

    /// Connections opened by all transfers so far.
    public var connectionsOpened: Int { connectionsOpenedTotal.load(ordering: .relaxed) }

    public func execute(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let cancelled = CancellationFlag()
        let response = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPClientResponse, any Error>) in
                let job = Job(request: request, configuration: configuration, cancelled: cancelled, continuation: continuation)
                if !queue.enqueue(job) {
                    continuation.resume(throwing: HTTPClientError.shutDown)
                }
            }
        } onCancel: {
            cancelled.cancel()
        }
        connectionsOpenedTotal.add(response.connectionsOpened, ordering: .relaxed)
        return response
    }

    public func run() async throws {
        // Keep connections until the group shuts down; then stop the workers.
        try? await gracefulShutdown()
        queue.shutdown()
    }

    /// Stops the workers; queued requests fail with `shutDown`. Idempotent.
    public func shutdown() {
        queue.shutdown()
    }
}

private let curlGlobalInit: Void = {
    curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}()

final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func cancel() { value.store(true, ordering: .relaxed) }
    var isCancelled: Bool { value.load(ordering: .relaxed) }
}

private struct Job: Sendable {
    let request: HTTPClientRequest
    let configuration: CurlHTTPClient.Configuration
    let cancelled: CancellationFlag
    let continuation: CheckedContinuation<HTTPClientResponse, any Error>
}

/// A FIFO of jobs served by worker threads that are started on demand.
private final class JobQueue: Sendable {
    private struct State {
        var jobs: [Job] = []
        var head = 0
        var workers = 0
        var idle = 0
        var shutDown = false
    }

    private let maxWorkers: Int
    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    init(maxWorkers: Int) {
        self.maxWorkers = maxWorkers
    }

    /// Queues a job; false once shut down.
    func enqueue(_ job: Job) -> Bool {
        let startWorker: Bool? = state.withLock { state in
            guard !state.shutDown else { return nil }
            state.jobs.append(job)
            let waiting = state.jobs.count - state.head
            if waiting > state.idle, state.workers < maxWorkers {
                state.workers += 1
                return true
            }
            return false
        }
        guard let startWorker else { return false }
        if startWorker {
            let thread = Thread { [self] in self.work() }
            thread.name = "curl-http-worker"
            thread.stackSize = 512 * 1024
            thread.start()
        }
        available.signal()
        return true
    }

    func shutdown() {
        let (pending, workers): ([Job], Int) = state.withLock { state in
            guard !state.shutDown else { return ([], 0) }
            state.shutDown = true
            let pending = Array(state.jobs[state.head...])
            state.jobs.removeAll()
            state.head = 0
            return (pending, state.workers)
        }
        for job in pending {
            job.continuation.resume(throwing: HTTPClientError.shutDown)
        }
        // Wake every worker so it sees the shutdown and exits.
        for _ in 0..<workers { available.signal() }
    }

    private func next() -> Job? {
        state.withLock { state in
            state.idle += 1
        }
        while true {
            available.wait()
            let (job, exit): (Job?, Bool) = state.withLock { state in
                if state.shutDown {
                    state.idle -= 1
                    return (nil, true)
                }
                guard state.head < state.jobs.count else { return (nil, false) }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head > 64, state.head * 2 > state.jobs.count {
                    state.jobs.removeFirst(state.head)
                    state.head = 0
                }
                state.idle -= 1
                return (job, false)
            }
            if exit { return nil }
            if let job { return job }
        }
    }

    private func work() {
        let handle = EasyHandle()
        while let job = next() {
            if job.cancelled.isCancelled {
                job.continuation.resume(throwing: CancellationError())
                continue
            }
            job.continuation.resume(with: handle.perform(job.request, configuration: job.configuration, cancelled: job.cancelled))
        }
    }
}
