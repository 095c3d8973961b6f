#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix
import Synchronization

/// Runs Swift Concurrency's global jobs on the NIO event loops, as the generic executor.
///
/// NIO's own take-over (`unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor`)
/// runs each job with the loop as its *serial* executor. Code that is not isolated to an actor
/// runs on the *generic* executor, so every nonisolated async call then began with a switch
/// from "the loop" to "generic": the task suspended, was enqueued on the same loop and ran again
/// later — 64 enqueues per `/v1/check` request (a uprobe on `swift_task_enqueue`). Run as the
/// generic executor, as the runtime's own pool runs them, those switches continue inline: one
/// enqueue per request is left, when the request arrives (and one for `yieldToLoop`).
///
/// Jobs go to the loop of the enqueuing thread (a request stays on the thread that read it), or
/// to the next loop from other threads. Nothing may block a loop: libcurl and libpq calls run
/// on their own worker threads. Delayed jobs (`Task.sleep`) still go to the runtime's pool.
enum EventLoopGlobalExecutor {
    private typealias EnqueueHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    private static let installed = Atomic<Bool>(false)

    /// Installs the hook once per process; false when the runtime has no hook to install or
    /// another one is installed already.
    @discardableResult
    static func install() -> Bool {
        // The hook's signature is the runtime's, not a public API: only on the toolchains NIO's
        // own take-over also supports (6.3 here).
        #if compiler(<6.6)
        guard installed.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return true }
        // At launch, before any other thread exists: nobody else can be installing a hook now,
        // and one already installed (by whatever put it there) is left alone.
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "swift_task_enqueueGlobal_hook"),
            symbol.assumingMemoryBound(to: UnsafeRawPointer?.self).pointee == nil
        else {
            installed.store(false, ordering: .relaxed)  // jobs stay where they were; no yields
            return false
        }
        withUnsafeTemporaryAllocation(of: EnqueueHook.self, capacity: 1) { hook in
            hook.baseAddress!.initialize(to: { job, _ in EventLoopGlobalExecutor.enqueue(job) })
            hook.baseAddress!.withMemoryRebound(to: UnsafeRawPointer.self, capacity: 1) { function in
                symbol.assumingMemoryBound(to: UnsafeRawPointer?.self).pointee = function.pointee
            }
        }
        return true
        #else
        return false
        #endif
    }

    private static func enqueue(_ job: UnownedJob) {
        MultiThreadedEventLoopGroup.singleton.any().execute {
            job.runSynchronously(on: genericExecutor)
        }
    }

    /// Lets the rest of the current loop pass run before the caller continues.
    ///
    /// `ServiceMiddleware` calls this before a response goes out, so the requests one loop
    /// read together are all answered, and their responses written, at the end of the pass:
    /// the peer is woken once per batch, not once per response. Without it, answering each
    /// request in turn woke a load generator on the same two cores 40 % more often, and the
    /// preemptions cost more CPU than the executor switches saved. A no-op off the loops.
    static func yieldToLoop() async {
        guard installed.load(ordering: .relaxed), let loop = MultiThreadedEventLoopGroup.currentEventLoop else { return }
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            loop.execute { continuation.resume() }
        }
    }

    /// The runtime's "generic executor": a null identity and no implementation.
    private static let genericExecutor = unsafeBitCast((UInt(0), UInt(0)), to: UnownedSerialExecutor.self)
}
