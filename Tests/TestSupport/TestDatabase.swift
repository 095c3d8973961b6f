import Foundation
import SharedHealth

/// The database the PostgreSQL tests use: `TEST_DATABASE_URL`, which `.ci/run` sets after
/// starting `scripts/pg-test-server.sh`. Locally the tests skip when it is unset; in CI
/// (`CI` set) they run and fail if it is missing or unreachable.
public enum TestDatabase {
    public static let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    public static let mustRun = url != nil || ProcessInfo.processInfo.environment["CI"] != nil

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "TEST_DATABASE_URL is not set; CI must start scripts/pg-test-server.sh" }
    }

    public static func pool(maxConnections: Int = 4, metrics: ServiceMetrics = ServiceMetrics(), applicationName: String = "shared-health-tests") throws -> PostgresPool {
        guard let url else { throw Missing() }
        return PostgresPool(configuration: .init(url: url, maxConnections: maxConnections, applicationName: applicationName), metrics: metrics)
    }
}


extension TestDatabase {
    /// A new, empty database on the test server for `body`, dropped afterwards: tests that need
    /// a schema of their own run in parallel without seeing each other's tables.
    public static func withFreshDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let url else { throw Missing() }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = PostgresPool(configuration: .init(url: url, maxConnections: 1, applicationName: "test-admin"), metrics: ServiceMetrics())
        defer { admin.shutdown() }
        try await admin.query("CREATE DATABASE \(name)")
        let base = url.split(separator: "?", maxSplits: 1)
        var fresh = String(base[0])
        if let slash = fresh.lastIndex(of: "/") { fresh = String(fresh[..<slash]) }
        fresh += "/" + name + (base.count > 1 ? "?" + base[1] : "")
        do {
            let value = try await body(fresh)
            try await admin.query("DROP DATABASE \(name) WITH (FORCE)")
            return value
        } catch {
            _ = try? await admin.query("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }
}
