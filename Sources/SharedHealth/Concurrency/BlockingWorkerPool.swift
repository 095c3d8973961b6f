import Foundation
import Synchronization

/// Threads for blocking C libraries (libcurl, libpq), so their calls never block Swift's
/// cooperative pool. Each worker thread owns one `Resource` (a curl handle, a database
/// connection) for its whole life; a job runs on whichever worker is free, with that worker's
/// resource. Workers start on demand up to `maxWorkers`; jobs beyond that wait in FIFO order.
/// Also the pool for CPU-heavy work (the sentence encoder), bounded by the number of cores.
public final class BlockingWorkerPool<Resource>: Sendable {
    private struct Job: Sendable {
        /// Does the blocking work and returns how to deliver its result. The worker counts
        /// itself idle before delivering, so a caller that sends its next job at once finds
        /// this worker free instead of starting another (and opening another connection).
        let run: @Sendable (Resource) -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
        let enqueued: ContinuousClock.Instant
    }

    private struct State {
        var jobs: [Job] = []
        var head = 0
        var workers = 0
        var idle = 0
        var shutDown = false
    }

    let name: String
    let maxWorkers: Int
    /// A job that waited longer than this for a worker fails with `WorkerPoolWaitTimeout`
    /// instead of running (nil: it waits as long as it takes).
    let maxWait: Duration?
    private let makeResource: @Sendable () -> Resource
    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let busyCount = Atomic<Int>(0)

    public init(name: String, maxWorkers: Int, maxWait: Duration? = nil, makeResource: @escaping @Sendable () -> Resource) {
        self.name = name
        self.maxWorkers = max(1, maxWorkers)
        self.maxWait = maxWait
        self.makeResource = makeResource
    }

    /// Workers started so far, and how many are running a job now.
    var workers: Int { state.withLock { $0.workers } }
    var busy: Int { busyCount.load(ordering: .relaxed) }

    /// Runs `body` on a worker with its resource and returns its result. If the calling task is
    /// cancelled before a worker picks the job up, it fails with `CancellationError`; once
    /// running, `body` can watch `cancelled` itself.
    public func run<T: Sendable>(
        cancelled: CancellationFlag = CancellationFlag(),
        _ body: @escaping @Sendable (Resource) -> Result<T, any Error>
    ) async throws -> T {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let job = Job(
                    run: { resource in
                        if cancelled.isCancelled {
                            return { continuation.resume(throwing: CancellationError()) }
                        }
                        let result = body(resource)
                        return { continuation.resume(with: result) }
                    },
                    fail: { continuation.resume(throwing: $0) },
                    enqueued: .now
                )
                if !enqueue(job) {
                    continuation.resume(throwing: WorkerPoolShutDown())
                }
            }
        } onCancel: {
            cancelled.cancel()
        }
    }

    private func enqueue(_ job: Job) -> Bool {
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
            thread.name = name
            thread.stackSize = 512 * 1024
            thread.start()
        }
        available.signal()
        return true
    }

    /// Stops the workers after their current job; queued jobs fail. Idempotent.
    public func shutdown() {
        let (pending, workers): ([Job], Int) = state.withLock { state in
            guard !state.shutDown else { return ([], 0) }
            state.shutDown = true
            let pending = Array(state.jobs[state.head...])
            state.jobs.removeAll()
            state.head = 0
            return (pending, state.workers)
        }
        for job in pending { job.fail(WorkerPoolShutDown()) }
        for _ in 0..<workers { available.signal() }
    }

    /// Waits for a job; the caller has counted itself idle.
    private func next() -> Job? {
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
        let resource = makeResource()
        state.withLock { $0.idle += 1 }
        while let job = next() {
            if let maxWait, ContinuousClock.now - job.enqueued > maxWait {
                state.withLock { $0.idle += 1 }
                job.fail(WorkerPoolWaitTimeout(pool: name, waited: maxWait))
                continue
            }
            busyCount.add(1, ordering: .relaxed)
            let deliver = job.run(resource)
            busyCount.subtract(1, ordering: .relaxed)
            state.withLock { $0.idle += 1 }
            deliver()
        }
    }
}

/// A job waited longer than the pool's `maxWait` for a worker: every worker was busy (a slow
/// or blocked dependency). Callers answer 503 with Retry-After.
public struct WorkerPoolWaitTimeout: Error, CustomStringConvertible {
    public let pool: String
    public let waited: Duration
    public var description: String { "no \(pool) worker free within \(waited)" }
}

public struct WorkerPoolShutDown: Error, CustomStringConvertible {
    public var description: String { "worker pool is shut down" }
}

/// Set from a task's cancellation handler, read by blocking code on a worker thread.
public final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    public init() {}
    public func cancel() { value.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { value.load(ordering: .relaxed) }
}
