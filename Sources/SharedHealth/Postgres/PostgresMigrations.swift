/// Versioned schema migrations: each version's statements run once, in order, recorded in a
/// per-component table, inside the caller's transaction and under an advisory lock so that
/// replicas starting together do not race.
public struct PostgresMigrations: Sendable {
    public let table: String
    public let advisoryLock: Int64
    public let versions: [(version: Int, statements: [String])]

    /// `table` is a constant identifier chosen by the component (never user input).
    public init(table: String, advisoryLock: Int64, versions: [(version: Int, statements: [String])]) {
        precondition(table.allSatisfy { $0.isLetter || $0 == "_" }, "migration table must be a plain identifier")
        self.table = table
        self.advisoryLock = advisoryLock
        self.versions = versions
    }

    /// Applies the missing versions on `connection`, which must be inside a transaction.
    /// Returns the versions applied now.
    @discardableResult
    public func apply(on connection: PostgresConnection) throws -> [Int] {
        try connection.query("SELECT pg_advisory_xact_lock($1)", [advisoryLock])
        try connection.query("CREATE TABLE IF NOT EXISTS \(table) (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        let applied = Set(try connection.query("SELECT version FROM \(table)").rows.compactMap { $0.int("version") })
        var now: [Int] = []
        for migration in versions where !applied.contains(migration.version) {
            for statement in migration.statements { try connection.query(statement) }
            try connection.query("INSERT INTO \(table) (version) VALUES ($1)", [migration.version])
            now.append(migration.version)
        }
        return now
    }
}
