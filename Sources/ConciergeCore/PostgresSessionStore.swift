import Foundation
import SharedHealth

/// Sessions and confirmations in PostgreSQL, so every concierge replica sees the same
/// conversation and the same pending confirmation. A decision is one conditional UPDATE
/// (`WHERE state = 'pending'`), so two replicas deciding at once agree on one outcome.
public final class PostgresSessionStore: SessionStore {
    let pool: PostgresPool

    public init(pool: PostgresPool) {
        self.pool = pool
    }

    static let migrations = PostgresMigrations(table: "concierge_schema_migrations", advisoryLock: 7_234_003, versions: [
        (1, [
            """
            CREATE TABLE concierge_sessions (
                id text PRIMARY KEY,
                customer_id text NOT NULL,
                data jsonb NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX concierge_sessions_updated_idx ON concierge_sessions (updated_at)",
            """
            CREATE TABLE concierge_confirmations (
                id text PRIMARY KEY,
                customer_id text NOT NULL,
                state text NOT NULL CHECK (state IN ('pending', 'executed', 'cancelled', 'expired', 'failed')),
                data jsonb NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]),
    ])

    public func prepare() async throws {
        try await pool.transaction { connection in try Self.migrations.apply(on: connection) }
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        text.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    public func session(id: String, customerID: String) async throws -> ChatSession? {
        let row = try await pool.query("SELECT data::text AS data FROM concierge_sessions WHERE id = $1 AND customer_id = $2", [id, customerID]).rows.first
        return Self.decode(ChatSession.self, row?["data"])
    }

    public func save(_ session: ChatSession) async throws {
        try await pool.query(
            """
            INSERT INTO concierge_sessions (id, customer_id, data) VALUES ($1, $2, $3::jsonb)
            ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, updated_at = now() WHERE concierge_sessions.customer_id = EXCLUDED.customer_id
            """,
            [session.id, session.customerID, try Self.encode(session)]
        )
    }

    public func confirmation(id: String, customerID: String) async throws -> Confirmation? {
        let row = try await pool.query("SELECT data::text AS data FROM concierge_confirmations WHERE id = $1 AND customer_id = $2", [id, customerID]).rows.first
        return Self.decode(Confirmation.self, row?["data"])
    }

    public func save(_ confirmation: Confirmation) async throws {
        try await pool.query(
            """
            INSERT INTO concierge_confirmations (id, customer_id, state, data) VALUES ($1, $2, $3, $4::jsonb)
            ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, data = EXCLUDED.data, updated_at = now()
            WHERE concierge_confirmations.customer_id = EXCLUDED.customer_id
            """,
            [confirmation.id, confirmation.customerID, confirmation.state.rawValue, try Self.encode(confirmation)]
        )
    }

    /// Deletes sessions and confirmations not written for `seconds` (a confirmation expires
    /// minutes after it is offered, so an old pending one is long dead). Returns rows deleted.
    public func prune(olderThanSeconds seconds: Int) async throws -> Int {
        try await pool.transaction { connection in
            let sessions = try connection.query("DELETE FROM concierge_sessions WHERE updated_at < now() - make_interval(secs => $1)", [seconds])
            let confirmations = try connection.query("DELETE FROM concierge_confirmations WHERE updated_at < now() - make_interval(secs => $1)", [seconds])
            return sessions.affectedRows + confirmations.affectedRows
        }
    }

    public func decide(id: String, customerID: String, to state: ConfirmationState, receipt: TransferReceipt?, failure: String?) async throws -> Confirmation? {
        try await pool.transaction { connection in
            guard let current = Self.decode(Confirmation.self, try connection.query(
                "SELECT data::text AS data FROM concierge_confirmations WHERE id = $1 AND customer_id = $2 FOR UPDATE", [id, customerID]
            ).rows.first?["data"]) else { return nil }
            guard current.state == .pending else { return current }
            var decided = current
            decided.state = state
            decided.receipt = receipt
            decided.failure = failure
            try connection.query(
                "UPDATE concierge_confirmations SET state = $1, data = $2::jsonb, updated_at = now() WHERE id = $3",
                [state.rawValue, try Self.encode(decided), id]
            )
            return decided
        }
    }
}
