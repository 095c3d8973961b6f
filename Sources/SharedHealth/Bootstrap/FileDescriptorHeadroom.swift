#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// Checks at start that the process may open enough descriptors for `HTTP_MAX_CONNECTIONS`
/// plus its own files, pools and client connections, raising the soft limit toward the hard
/// one when it is short; when even the hard limit is short it says so once, with the numbers.
enum FileDescriptorHeadroom {
    /// Descriptors besides client connections: logs, the database pool, outgoing HTTP, the model.
    static let reserve = 256

    static func ensure(forConnections connections: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return }
        let needed = rlim_t(connections + reserve)
        if limit.rlim_cur < needed, limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(needed, limit.rlim_max)
            if setrlimit(RLIMIT_NOFILE_VALUE, &raised) == 0 { limit = raised }
        }
        if limit.rlim_cur < needed {
            logger.warning(
                "open-file limit is below HTTP_MAX_CONNECTIONS plus headroom: connections past the limit will fail to open",
                metadata: ["limit": "\(limit.rlim_cur)", "needed": "\(needed)", "maxConnections": "\(connections)"]
            )
        }
    }
}
