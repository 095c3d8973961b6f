import Foundation
import SharedHealth

/// The ledger in PostgreSQL. A transfer is one transaction that locks the customer row and then
/// the accounts involved in id order (one consistent order, so concurrent transfers cannot
/// deadlock), checks the idempotency key, limits and funds, records the transfer, moves the
/// balances and writes balanced postings. CHECK constraints back every rule (no deposit account
/// below zero, no card beyond its limit, positive amounts) and a unique index on
/// (customer, idempotency key) makes a second execution impossible even if the code were wrong.
public final class PostgresLedgerStore: LedgerStore {
    let pool: PostgresPool
    public let limits: TransferLimits

    public init(pool: PostgresPool, limits: TransferLimits = .standard) {
        self.pool = pool
        self.limits = limits
    }

    static let migrations = PostgresMigrations(table: "ledger_schema_migrations", advisoryLock: 7_234_002, versions: [
        (1, [
            "CREATE TABLE ledger_customers (id text PRIMARY KEY, name text NOT NULL, email text NOT NULL)",
            """
            CREATE TABLE ledger_accounts (
                id text PRIMARY KEY,
                customer_id text NOT NULL REFERENCES ledger_customers (id),
                kind text NOT NULL CHECK (kind IN ('checking', 'savings', 'credit_card')),
                name text NOT NULL,
                mask text NOT NULL CHECK (mask ~ '^[0-9]{4}$'),
                currency char(3) NOT NULL,
                balance bigint NOT NULL,
                credit_limit bigint CHECK (credit_limit >= 0),
                CHECK (balance >= CASE WHEN kind = 'credit_card' THEN -coalesce(credit_limit, 0) ELSE 0 END)
            )
            """,
            "CREATE INDEX ledger_accounts_customer_idx ON ledger_accounts (customer_id)",
            "CREATE TABLE ledger_payees (id text PRIMARY KEY, customer_id text NOT NULL REFERENCES ledger_customers (id), name text NOT NULL, bank text NOT NULL, mask text NOT NULL)",
            "CREATE TABLE ledger_billers (id text PRIMARY KEY, customer_id text NOT NULL REFERENCES ledger_customers (id), name text NOT NULL, category text NOT NULL, mask text NOT NULL)",
            """
            CREATE TABLE ledger_transfers (
                id bigserial PRIMARY KEY,
                customer_id text NOT NULL REFERENCES ledger_customers (id),
                idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
                request jsonb NOT NULL,
                kind text NOT NULL CHECK (kind IN ('own_accounts', 'payee', 'bill_payment')),
                amount bigint NOT NULL CHECK (amount > 0),
                status text NOT NULL CHECK (status IN ('completed', 'scheduled')),
                effective_date date NOT NULL,
                from_balance bigint NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (customer_id, idempotency_key)
            )
            """,
            "CREATE INDEX ledger_transfers_daily_idx ON ledger_transfers (customer_id, kind, effective_date)",
            """
            CREATE TABLE ledger_postings (
                id bigserial PRIMARY KEY,
                transfer_id bigint NOT NULL REFERENCES ledger_transfers (id),
                account text NOT NULL,
                amount bigint NOT NULL CHECK (amount <> 0)
            )
            """,
            """
            CREATE TABLE ledger_transactions (
                seq bigserial PRIMARY KEY,
                id text NOT NULL UNIQUE,
                customer_id text NOT NULL REFERENCES ledger_customers (id),
                account_id text NOT NULL REFERENCES ledger_accounts (id),
                date date NOT NULL,
                merchant text NOT NULL,
                category text NOT NULL,
                amount bigint NOT NULL,
                status text NOT NULL CHECK (status IN ('posted', 'pending'))
            )
            """,
            "CREATE INDEX ledger_transactions_customer_idx ON ledger_transactions (customer_id, date DESC, seq DESC)",
        ]),
    ])

    /// Migrates, then loads the demo bank if there are no customers yet.
    public func prepare(seed bank: @autoclosure () -> DemoBank) async throws {
        let bank = bank()
        try await pool.transaction { connection in
            try Self.migrations.apply(on: connection)
            guard try connection.query("SELECT 1 FROM ledger_customers LIMIT 1").rows.isEmpty else { return }
            for c in bank.customers {
                try connection.query("INSERT INTO ledger_customers (id, name, email) VALUES ($1, $2, $3)", [c.id, c.name, c.email])
            }
            for a in bank.accounts {
                try connection.query(
                    "INSERT INTO ledger_accounts (id, customer_id, kind, name, mask, currency, balance, credit_limit) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    [a.id, a.customerID, a.kind.rawValue, a.name, a.mask, a.currency, a.balance, a.creditLimit]
                )
            }
            for p in bank.payees {
                try connection.query("INSERT INTO ledger_payees (id, customer_id, name, bank, mask) VALUES ($1, $2, $3, $4, $5)", [p.id, p.customerID, p.name, p.bank, p.mask])
            }
            for b in bank.billers {
                try connection.query("INSERT INTO ledger_billers (id, customer_id, name, category, mask) VALUES ($1, $2, $3, $4, $5)", [b.id, b.customerID, b.name, b.category, b.mask])
            }
            let owners = Dictionary(uniqueKeysWithValues: bank.accounts.map { ($0.id, $0.customerID) })
            // Oldest first, so `seq` orders a day's entries as they happened.
            let ordered = bank.transactions.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            for start in stride(from: 0, to: ordered.count, by: 500) {
                var values: [String] = []
                var parameters: [(any PostgresBindable)?] = []
                for t in ordered[start..<min(start + 500, ordered.count)] {
                    let p = parameters.count
                    values.append("($\(p + 1), $\(p + 2), $\(p + 3), $\(p + 4)::date, $\(p + 5), $\(p + 6), $\(p + 7), $\(p + 8))")
                    parameters += [t.id, owners[t.accountID] ?? "", t.accountID, t.date, t.merchant, t.category, t.amount, t.status.rawValue]
                }
                try connection.query("INSERT INTO ledger_transactions (id, customer_id, account_id, date, merchant, category, amount, status) VALUES " + values.joined(separator: ", "), parameters)
            }
        }
    }

    public func customer(id: String) async throws -> Customer? {
        try await pool.query("SELECT id, name, email FROM ledger_customers WHERE id = $1", [id]).rows.first.map {
            Customer(id: $0["id"] ?? id, name: $0["name"] ?? "", email: $0["email"] ?? "")
        }
    }

    public func accounts(customerID: String) async throws -> [Account] {
        try await pool.query("SELECT * FROM ledger_accounts WHERE customer_id = $1 ORDER BY id", [customerID]).rows.map(Self.account)
    }

    static func account(_ row: PostgresRow) -> Account {
        Account(
            id: row["id"] ?? "", customerID: row["customer_id"] ?? "", kind: AccountKind(rawValue: row["kind"] ?? "") ?? .checking,
            name: row["name"] ?? "", mask: row["mask"] ?? "", currency: row["currency"] ?? "USD",
            balance: row.int("balance").map(Int64.init) ?? 0, creditLimit: row.int("credit_limit").map(Int64.init)
        )
    }

    public func transactions(customerID: String, query: TransactionQuery) async throws -> [BankTransaction] {
        var conditions = ["customer_id = $1"]
        var parameters: [(any PostgresBindable)?] = [customerID]
        func add(_ sql: String, _ value: any PostgresBindable) {
            parameters.append(value)
            conditions.append(sql.replacingOccurrences(of: "?", with: "$\(parameters.count)"))
        }
        if let v = query.accountID { add("account_id = ?", v) }
        if let v = query.from { add("date >= ?::date", v) }
        if let v = query.to { add("date <= ?::date", v) }
        if let v = query.merchant { add("merchant ILIKE '%' || ? || '%'", v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")) }
        if let v = query.category { add("category = ?", v) }
        if let v = query.minAmount { add("abs(amount) >= ?", Int64(v.magnitude)) }
        if let v = query.maxAmount { add("abs(amount) <= ?", Int64(v.magnitude)) }
        parameters.append(query.limit)
        let sql = "SELECT id, account_id, date::text AS date, merchant, category, amount, status FROM ledger_transactions WHERE "
            + conditions.joined(separator: " AND ") + " ORDER BY date DESC, seq DESC LIMIT $\(parameters.count)"
        return try await pool.query(sql, parameters).rows.map { row in
            BankTransaction(
                id: row["id"] ?? "", accountID: row["account_id"] ?? "", date: row["date"] ?? "", merchant: row["merchant"] ?? "",
                category: row["category"] ?? "", amount: row.int("amount").map(Int64.init) ?? 0,
                status: TransactionStatus(rawValue: row["status"] ?? "") ?? .posted
            )
        }
    }

    public func payees(customerID: String) async throws -> [Payee] {
        try await pool.query("SELECT * FROM ledger_payees WHERE customer_id = $1 ORDER BY name", [customerID]).rows.map {
            Payee(id: $0["id"] ?? "", customerID: customerID, name: $0["name"] ?? "", bank: $0["bank"] ?? "", mask: $0["mask"] ?? "")
        }
    }

    public func billers(customerID: String) async throws -> [Biller] {
        try await pool.query("SELECT * FROM ledger_billers WHERE customer_id = $1 ORDER BY name", [customerID]).rows.map {
            Biller(id: $0["id"] ?? "", customerID: customerID, name: $0["name"] ?? "", category: $0["category"] ?? "", mask: $0["mask"] ?? "")
        }
    }

    public func merchants(customerID: String) async throws -> [String] {
        try await pool.query("SELECT DISTINCT merchant FROM ledger_transactions WHERE customer_id = $1 ORDER BY merchant", [customerID]).rows.compactMap { $0["merchant"] }
    }

    /// Every posting (tests check that each transfer's postings sum to zero).
    public func postings() async throws -> [(transferID: Int, account: String, amount: Int64)] {
        try await pool.query("SELECT transfer_id, account, amount FROM ledger_postings ORDER BY id").rows.map {
            ($0.int("transfer_id") ?? 0, $0["account"] ?? "", $0.int("amount").map(Int64.init) ?? 0)
        }
    }

    public func preview(_ request: TransferRequest, on date: String) async throws -> TransferPlan {
        let customer = request.customerID
        let accounts = try await accounts(customerID: customer)
        let payees = try await payees(customerID: customer)
        let billers = try await billers(customerID: customer)
        let day = request.scheduledFor.map { max($0, date) } ?? date
        let kind = request.destination.kind
        let spent = Int64(try await pool.query(
            "SELECT coalesce(sum(amount), 0) AS spent FROM ledger_transfers WHERE customer_id = $1 AND kind = $2 AND effective_date = $3::date",
            [customer, kind.rawValue, day]
        ).rows.first?.int("spent") ?? 0)
        return try TransferPlan.make(
            request, on: date, limits: limits,
            account: { id in accounts.first { $0.id == id } },
            payeeName: { id in payees.first { $0.id == id }?.name },
            billerName: { id in billers.first { $0.id == id }?.name },
            spent: { _, _ in spent }
        )
    }

    public func transfer(_ request: TransferRequest, on date: String) async throws -> TransferReceipt {
        let requestJSON = String(decoding: try JSONEncoder.sorted.encode(request), as: UTF8.self)
        let limits = self.limits
        return try await pool.transaction { connection in
            // Lock order: customer, then accounts by id.
            guard try connection.query("SELECT id FROM ledger_customers WHERE id = $1 FOR UPDATE", [request.customerID]).rows.first != nil else {
                throw LedgerError.notFound("account")
            }
            if let previous = try connection.query(
                "SELECT id, request::text AS request, status, from_balance FROM ledger_transfers WHERE customer_id = $1 AND idempotency_key = $2",
                [request.customerID, request.idempotencyKey]
            ).rows.first {
                guard let stored = previous["request"].flatMap({ try? JSONDecoder().decode(TransferRequest.self, from: Data($0.utf8)) }), stored == request else {
                    throw LedgerError.idempotencyConflict
                }
                return TransferReceipt(
                    transferID: String(format: "tr_%08d", previous.int("id") ?? 0), request: request,
                    status: TransferStatus(rawValue: previous["status"] ?? "") ?? .completed, fromBalance: previous.int("from_balance").map(Int64.init) ?? 0
                )
            }
            var ids = [request.fromAccountID]
            if case .account(let id) = request.destination { ids.append(id) }
            let locked = try connection.query(
                "SELECT * FROM ledger_accounts WHERE id = ANY($1::text[]) AND customer_id = $2 ORDER BY id FOR UPDATE",
                ["{" + ids.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: ",") + "}", request.customerID]
            ).rows.map(Self.account)
            let plan = try TransferPlan.make(
                request, on: date, limits: limits,
                account: { id in locked.first { $0.id == id } },
                payeeName: { id in try connection.query("SELECT name FROM ledger_payees WHERE id = $1 AND customer_id = $2", [id, request.customerID]).rows.first?["name"] },
                billerName: { id in try connection.query("SELECT name FROM ledger_billers WHERE id = $1 AND customer_id = $2", [id, request.customerID]).rows.first?["name"] },
                spent: { day, kind in
                    Int64(try connection.query(
                        "SELECT coalesce(sum(amount), 0) AS spent FROM ledger_transfers WHERE customer_id = $1 AND kind = $2 AND effective_date = $3::date",
                        [request.customerID, kind.rawValue, day]
                    ).rows.first?.int("spent") ?? 0)
                }
            )
            let transferID = try connection.query(
                """
                INSERT INTO ledger_transfers (customer_id, idempotency_key, request, kind, amount, status, effective_date, from_balance)
                VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::date, $8) RETURNING id
                """,
                [request.customerID, request.idempotencyKey, requestJSON, plan.kind.rawValue, plan.amount, plan.scheduled ? "scheduled" : "completed", plan.day, plan.fromBalanceAfter]
            ).rows.first?.int("id") ?? 0
            let name = String(format: "tr_%08d", transferID)
            let from = plan.from, counterparty = plan.counterparty, label = plan.label
            if !plan.scheduled {
                try connection.query("UPDATE ledger_accounts SET balance = balance - $1 WHERE id = $2", [request.amount, from.id])
                if let to = plan.to { try connection.query("UPDATE ledger_accounts SET balance = balance + $1 WHERE id = $2", [request.amount, to.id]) }
                try connection.query(
                    "INSERT INTO ledger_postings (transfer_id, account, amount) VALUES ($1, $2, $3), ($1, $4, $5)",
                    [transferID, from.id, -request.amount, counterparty, request.amount]
                )
                try connection.query(
                    "INSERT INTO ledger_transactions (id, customer_id, account_id, date, merchant, category, amount, status) VALUES ($1, $2, $3, $4::date, $5, 'transfer', $6, 'posted')",
                    [name + "-out", request.customerID, from.id, date, label, -request.amount]
                )
                if let to = plan.to {
                    try connection.query(
                        "INSERT INTO ledger_transactions (id, customer_id, account_id, date, merchant, category, amount, status) VALUES ($1, $2, $3, $4::date, $5, 'transfer', $6, 'posted')",
                        [name + "-in", request.customerID, to.id, date, "Transfer from \(from.name)", request.amount]
                    )
                }
            }
            return TransferReceipt(transferID: name, request: request, status: plan.scheduled ? .scheduled : .completed, fromBalance: plan.fromBalanceAfter)
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

