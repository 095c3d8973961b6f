import Foundation
import Logging
import Testing
import TestSupport

@testable import SharedHealth

@Suite("PostgresPool", .enabled(if: TestDatabase.mustRun, "set TEST_DATABASE_URL (eval \"$(scripts/pg-test-server.sh start)\") to run"))
struct PostgresPoolTests {
    func withTable(_ pool: PostgresPool, _ body: (String) async throws -> Void) async throws {
        let table = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await pool.query("CREATE TABLE \(table) (id bigint PRIMARY KEY, name text, amount_cents bigint CHECK (amount_cents >= 0))")
        do {
            try await body(table)
        } catch {
            try? await pool.query("DROP TABLE \(table)")
            throw error
        }
        try await pool.query("DROP TABLE \(table)")
    }

    @Test func parametersRoundTripIncludingNullsAndHostileText() async throws {
        let pool = try TestDatabase.pool()
        defer { pool.shutdown() }
        try await withTable(pool) { table in
            let hostile = "Robert'); DROP TABLE \(table); --"
            let inserted = try await pool.query("INSERT INTO \(table) (id, name, amount_cents) VALUES ($1, $2, $3), ($4, $5, $6)", [1, hostile, 1250, 2, nil, 0])
            #expect(inserted.affectedRows == 2)
            let rows = try await pool.query("SELECT id, name, amount_cents FROM \(table) ORDER BY id").rows
            #expect(rows.count == 2)
            #expect(rows[0]["name"] == hostile)
            #expect(rows[0].int("amount_cents") == 1250)
            #expect(rows[1]["name"] == nil)
        }
    }

    @Test func transactionsCommitOrRollBackWhole() async throws {
        let pool = try TestDatabase.pool()
        defer { pool.shutdown() }
        try await withTable(pool) { table in
            try await pool.transaction { connection in
                try connection.query("INSERT INTO \(table) (id, amount_cents) VALUES (1, 100)")
                try connection.query("INSERT INTO \(table) (id, amount_cents) VALUES (2, 200)")
            }
            await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    try connection.query("INSERT INTO \(table) (id, amount_cents) VALUES (3, 300)")
                    try connection.query("INSERT INTO \(table) (id, amount_cents) VALUES (4, -1)")  // CHECK fails
                }
            }
            let count = try await pool.query("SELECT count(*) AS n FROM \(table)").rows.first?.int("n")
            #expect(count == 2)
        }
    }

    @Test func constraintViolationsCarryTheirSQLState() async throws {
        let pool = try TestDatabase.pool()
        defer { pool.shutdown() }
        try await withTable(pool) { table in
            try await pool.query("INSERT INTO \(table) (id) VALUES ($1)", [7])
            do {
                try await pool.query("INSERT INTO \(table) (id) VALUES ($1)", [7])
                Issue.record("duplicate key accepted")
            } catch let error as PostgresError {
                #expect(error.isUniqueViolation)
                #expect(error.kind == .query)
            }
            // The connection is still usable after a failed statement.
            #expect(try await pool.query("SELECT 1 AS one").rows.first?.int("one") == 1)
        }
    }

    @Test func concurrencyIsBoundedByThePoolSize() async throws {
        let name = "pool-bound-\(UUID().uuidString.prefix(8))"
        let metrics = ServiceMetrics()
        let pool = try TestDatabase.pool(maxConnections: 3, metrics: metrics, applicationName: name)
        defer { pool.shutdown() }
        let observer = try TestDatabase.pool(maxConnections: 1)
        defer { observer.shutdown() }
        let peak = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<30 {
                group.addTask { try await pool.query("SELECT pg_sleep(0.02)"); return 0 }
            }
            group.addTask {
                var peak = 0
                for _ in 0..<10 {
                    let rows = try await observer.query("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1", [name]).rows
                    peak = max(peak, rows.first?.int("n") ?? 0)
                    try await Task.sleep(for: .milliseconds(20))
                }
                return peak
            }
            var peak = 0
            for try await value in group { peak = max(peak, value) }
            return peak
        }
        #expect(peak >= 1)
        #expect(peak <= 3)
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"db_pool_connections{state="max"} 3"#))
        #expect(text.contains(#"db_pool_connections{state="in_use"} 0"#))
    }

    @Test func aKilledConnectionIsReplaced() async throws {
        let pool = try TestDatabase.pool(maxConnections: 1)
        defer { pool.shutdown() }
        let admin = try TestDatabase.pool(maxConnections: 1)
        defer { admin.shutdown() }
        let before = try await pool.query("SELECT pg_backend_pid() AS pid").rows.first?.int("pid")
        try await admin.query("SELECT pg_terminate_backend($1)", [before ?? 0])
        // The next statement may see the dead connection once; the one after reconnects.
        var after: Int?
        for _ in 0..<3 where after == nil {
            after = try? await pool.query("SELECT pg_backend_pid() AS pid").rows.first?.int("pid")
        }
        #expect(after != nil)
        #expect(after != before)
    }

    @Test func pgvectorIsAvailable() async throws {
        let pool = try TestDatabase.pool(maxConnections: 1)
        defer { pool.shutdown() }
        try await pool.query("CREATE EXTENSION IF NOT EXISTS vector")
        let distance = try await pool.query("SELECT ($1::vector <=> $2::vector) AS d", ["[1,0,0]", "[0,1,0]"]).rows.first?.double("d")
        #expect(distance == 1)
    }

    @Test func databaseDependencyIsUp() async throws {
        let pool = try TestDatabase.pool(maxConnections: 1)
        defer { pool.shutdown() }
        let monitor = ReadinessMonitor(dependencies: [.database(pool)], metrics: ServiceMetrics(), logger: Logger(label: "test"))
        #expect(await monitor.checkAll().status == .ready)
    }
}

@Suite("PostgresPool without a server")
struct PostgresUnreachableTests {
    @Test func anUnreachableDatabaseIsAConnectionErrorAndMakesTheServiceUnready() async throws {
        let pool = PostgresPool(
            configuration: .init(url: "postgresql://nobody:secret@127.0.0.1:1/none", maxConnections: 1, connectTimeoutSeconds: 1),
            metrics: ServiceMetrics()
        )
        defer { pool.shutdown() }
        do {
            try await pool.query("SELECT 1")
            Issue.record("connected to port 1")
        } catch let error as PostgresError {
            #expect(error.kind == .connection)
            #expect(!error.description.contains("secret"))
        }
        let monitor = ReadinessMonitor(dependencies: [.database(pool)], metrics: ServiceMetrics(), logger: Logger(label: "test"))
        let report = await monitor.checkAll()
        #expect(report.status == .notReady)
        #expect(report.missing == ["postgres"])
    }

    @Test func configurationComesFromDatabaseURL() throws {
        #expect(try PostgresPool.Configuration.fromEnvironment(EnvironmentReader([:]), applicationName: "x") == nil)
        let config = try PostgresPool.Configuration.fromEnvironment(
            EnvironmentReader(["DATABASE_URL": "postgresql://u:p@db:5432/app?sslmode=disable", "DATABASE_POOL_SIZE": "20"]),
            applicationName: "concierge"
        )
        #expect(config?.maxConnections == 20)
        #expect(
            config?.conninfo == "postgresql://u:p@db:5432/app?sslmode=disable&connect_timeout=5&application_name=concierge"
                + "&keepalives=1&keepalives_idle=30&keepalives_interval=10&keepalives_count=3&tcp_user_timeout=30000"
                + "&options=-c%20statement_timeout%3D10000%20-c%20idle_in_transaction_session_timeout%3D30000"
        )
        // A key=value string gets the same bounds; the URL's own settings win.
        let keyValue = PostgresPool.Configuration(url: "host=db dbname=app connect_timeout=2", statementTimeoutMilliseconds: 2_000)
        #expect(keyValue.conninfo.hasPrefix("host=db dbname=app connect_timeout=2 application_name='fintech-concierge'"))
        #expect(keyValue.conninfo.hasSuffix("options='-c statement_timeout=2000 -c idle_in_transaction_session_timeout=6000'"))
        #expect(throws: ConfigurationError.self) {
            try PostgresPool.Configuration.fromEnvironment(EnvironmentReader(["DATABASE_URL": "mysql://x"]), applicationName: "x")
        }
    }
}
