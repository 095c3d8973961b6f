#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A snapshot of this process read from /proc (Linux). Fields are nil where /proc is missing.
public struct ProcessSnapshot: Sendable, Equatable {
    public var residentMemoryBytes: Double?
    public var virtualMemoryBytes: Double?
    public var cpuSeconds: Double?
    public var threads: Double?
    public var startTimeSeconds: Double?
    public var openFDs: Double?
    public var maxFDs: Double?

    public static func capture() -> ProcessSnapshot {
        var snapshot = ProcessSnapshot()
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        if let stat = readFile("/proc/self/stat"), let close = stat.lastIndex(of: ")") {
            // Fields after the command name (which may itself hold spaces and parentheses).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // fields[0] is field 3 (state); field N is fields[N - 3].
            func field(_ n: Int) -> Double? { fields.count > n - 3 ? Double(fields[n - 3]) : nil }
            if let utime = field(14), let stime = field(15) {
                snapshot.cpuSeconds = (utime + stime) / ticksPerSecond
            }
            snapshot.threads = field(20)
            snapshot.virtualMemoryBytes = field(23)
            snapshot.residentMemoryBytes = field(24).map { $0 * pageSize }
            if let startTicks = field(22), let bootTime = bootTimeSeconds() {
                snapshot.startTimeSeconds = bootTime + startTicks / ticksPerSecond
            }
        }
        snapshot.openFDs = countOpenFDs()
        var limit = rlimit()
        if getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 {
            snapshot.maxFDs = Double(limit.rlim_cur)
        }
        return snapshot
    }

    private static func bootTimeSeconds() -> Double? {
        guard let stat = readFile("/proc/stat") else { return nil }
        for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6))
        }
        return nil
    }

    private static func countOpenFDs() -> Double? {
        guard let dir = opendir("/proc/self/fd") else { return nil }
        defer { closedir(dir) }
        var count = 0
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.first.map { $0 == UInt8(ascii: ".") } ?? true
            }
            if !name { count += 1 }
        }
        // The directory stream itself holds one descriptor while we count.
        return Double(max(0, count - 1))
    }

    static func readFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The open-files resource for getrlimit/setrlimit, typed as each C library wants it.
#if canImport(Glibc)
let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
#endif

/// Copies a fresh `ProcessSnapshot` into the `process_*` families at each scrape.
final class ProcessMetricsCollector: Sendable {
    // CPU time is exported as a counter, which only moves forward: remember what was added.
    private let reportedCPUSeconds = Mutex<Double>(0)

    func update(_ metrics: ServiceMetrics) {
        let snapshot = ProcessSnapshot.capture()
        if let value = snapshot.residentMemoryBytes { metrics.gauge(.processResidentMemory).set(value) }
        if let value = snapshot.virtualMemoryBytes { metrics.gauge(.processVirtualMemory).set(value) }
        if let value = snapshot.threads { metrics.gauge(.processThreads).set(value) }
        if let value = snapshot.startTimeSeconds { metrics.gauge(.processStartTime).set(value) }
        if let value = snapshot.openFDs { metrics.gauge(.processOpenFDs).set(value) }
        if let value = snapshot.maxFDs { metrics.gauge(.processMaxFDs).set(value) }
        let counter = metrics.counter(.processCPUSeconds)
        if let cpu = snapshot.cpuSeconds {
            let delta = reportedCPUSeconds.withLock { reported -> Double in
                let delta = max(0, cpu - reported)
                reported += delta
                return delta
            }
            counter.increment(by: delta)
        }
    }
}
