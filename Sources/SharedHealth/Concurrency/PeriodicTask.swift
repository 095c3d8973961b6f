import Logging
import ServiceLifecycle

/// Housekeeping that runs every `interval` (the first run one interval after start) until
/// graceful shutdown; a failed run is logged and retried at the next tick.
public struct PeriodicTask: Service {
    public let name: String
    public let interval: Duration
    let logger: Logger
    let body: @Sendable () async throws -> Void

    public init(name: String, every interval: Duration, logger: Logger, _ body: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.body = body
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while true {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    try await body()
                } catch {
                    logger.warning("periodic task failed", metadata: ["task": .string(name), "error": .string(String(describing: error))])
                }
            }
        }
    }
}
