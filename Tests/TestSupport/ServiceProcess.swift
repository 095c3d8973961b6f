import Foundation

/// One of the project's executables started as a real process on loopback, its stdout (JSON
/// logs) and stderr captured to files, for integration tests.
public final class ServiceProcess: @unchecked Sendable {
    public let executable: String
    public let port: Int
    public let process: Process
    public let stdoutURL: URL
    public let stderrURL: URL

    public enum LaunchError: Error, CustomStringConvertible {
        case executableNotFound(String, searched: [String])
        public var description: String {
            switch self {
            case .executableNotFound(let name, let searched):
                "\(name) not found in \(searched); build it first (swift build)"
            }
        }
    }

    /// Where the built executables are: `SERVICE_BIN_DIR`, else next to the test binary, else
    /// the package's `.build/debug`.
    public static func locate(_ name: String) throws -> String {
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["SERVICE_BIN_DIR"] { candidates.append(dir) }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(testBinary.deletingLastPathComponent().path)
        candidates.append(testBinary.deletingLastPathComponent().deletingLastPathComponent().path)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug").path)
        for dir in candidates {
            let path = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw LaunchError.executableNotFound(name, searched: candidates)
    }

    public init(_ name: String, port: Int, environment: [String: String]) throws {
        self.executable = name
        self.port = port
        let path = try Self.locate(name)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutURL = directory.appendingPathComponent("\(name).stdout")
        stderrURL = directory.appendingPathComponent("\(name).stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOST": "127.0.0.1", "PORT": String(port)]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM (graceful shutdown).
    public func terminate() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    }

    /// Waits for the process to end; nil if it is still running after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(10)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// SIGTERM, then SIGKILL if it has not stopped within `grace`. Returns the exit status.
    @discardableResult
    public func stop(grace: Duration = .seconds(10)) async -> Int32? {
        terminate()
        if let status = await waitForExit(timeout: grace) { return status }
        kill(process.processIdentifier, SIGKILL)
        return await waitForExit(timeout: .seconds(5))
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
