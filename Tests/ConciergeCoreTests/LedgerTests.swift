import Foundation
import SharedHealth
import Synchronization
import TestSupport
import Testing

@testable import ConciergeCore

@Suite("Money")
struct MoneyTests {
    @Test(arguments: [
        ("$40", Int64(4_000)), ("40", 4_000), ("40.5", 4_050), ("$1,200.00", 120_000), ("40 dollars", 4_000),
        ("12 bucks", 1_200), ("0.99", 99), ("usd 15", 1_500), ("$ 7.25", 725),
    ])
    func parsesTypedAmounts(_ text: String, _ cents: Int64) {
        #expect(Money.parse(text) == cents)
    }

    @Test(arguments: ["", "-5", "$", "1.234", "12,34", "abc", "1e5", "$40.", "1,2345", "9999999999999"])
    func rejectsEverythingElse(_ text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test func formats() {
        #expect(Money(minorUnits: 123_456).formatted == "$1,234.56")
        #expect(Money(minorUnits: -1_200).formatted == "-$12.00")
        #expect(Money(minorUnits: 5).formatted == "$0.05")
        #expect(Money(minorUnits: 100_000_000).formatted == "$1,000,000.00")
        #expect(Money(minorUnits: 250, currency: "EUR").formatted == "2.50 EUR")
    }
}

@Suite("Bearer tokens")
struct BearerTokenTests {
    let verifier = BearerTokenVerifier(secret: "test-secret-0123456789abcdef")
    let now: Int64 = 1_800_000_000

    @Test func mintedTokensVerify() throws {
        let token = verifier.mint(subject: "cust_alex", lifetime: 600, now: now)
        #expect(try verifier.verify(token, now: now + 10) == .init(subject: "cust_alex", expiresAt: now + 600))
    }

    @Test func expiredTokensFailAfterLeeway() throws {
        let token = verifier.mint(subject: "cust_alex", lifetime: 60, now: now)
        _ = try verifier.verify(token, now: now + 80)  // within 30 s leeway
        #expect(throws: BearerTokenVerifier.Failure.expired) { try verifier.verify(token, now: now + 91) }
    }

    @Test func otherSecretsTamperingAndAlgNoneFail() throws {
        let token = verifier.mint(subject: "cust_alex", now: now)
        #expect(throws: BearerTokenVerifier.Failure.badSignature) {
            try BearerTokenVerifier(secret: "another-secret-0123456789").verify(token, now: now)
        }
        // Same signature, payload changed to another customer.
        let parts = token.split(separator: ".").map(String.init)
        let forged = BearerTokenVerifier.base64URLEncode(Data(#"{"exp":1900000000,"sub":"cust_sam"}"#.utf8))
        #expect(throws: BearerTokenVerifier.Failure.badSignature) { try verifier.verify(parts[0] + "." + forged + "." + parts[2], now: now) }
        // alg none with an empty signature, and alg none with the original signature.
        let none = BearerTokenVerifier.base64URLEncode(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
        #expect(throws: BearerTokenVerifier.Failure.malformed) { try verifier.verify(none + "." + parts[1] + ".", now: now) }
        #expect(throws: BearerTokenVerifier.Failure.unsupportedAlgorithm) { try verifier.verify(none + "." + parts[1] + "." + parts[2], now: now) }
        let hs512 = BearerTokenVerifier.base64URLEncode(Data(#"{"alg":"HS512","typ":"JWT"}"#.utf8))
        #expect(throws: BearerTokenVerifier.Failure.unsupportedAlgorithm) { try verifier.verify(hs512 + "." + parts[1] + "." + parts[2], now: now) }
    }

    @Test(arguments: ["", "abc", "a.b", "a.b.c.d", "!!.??.**", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA"])
    func garbageIsMalformedOrUnsigned(_ token: String) {
        #expect(throws: BearerTokenVerifier.Failure.self) { try verifier.verify(token, now: now) }
    }

    @Test func claimsAreRequired() throws {
        let header = BearerTokenVerifier.base64URLEncode(Data(#"{"alg":"HS256"}"#.utf8))
        func signed(_ payload: String) -> String {
            let body = BearerTokenVerifier.base64URLEncode(Data(payload.utf8))
            let mac = HMACSigner.sign(header + "." + body, secret: "test-secret-0123456789abcdef")
            return header + "." + body + "." + mac
        }
        #expect(throws: BearerTokenVerifier.Failure.missingClaim("sub")) { try verifier.verify(signed(#"{"exp":1800000600}"#), now: now) }
        #expect(throws: BearerTokenVerifier.Failure.missingClaim("exp")) { try verifier.verify(signed(#"{"sub":"cust_alex"}"#), now: now) }
        #expect(try verifier.verify(signed(#"{"sub":"cust_alex","exp":1800000600}"#), now: now).subject == "cust_alex")
        // Out-of-range claims are refused, not trapped on (Int64 conversion or overflow).
        for exp in ["9223372036854775807", "1e300", "-9223372036854775808", "\"soon\"", "null"] {
            #expect(throws: BearerTokenVerifier.Failure.self) { try verifier.verify(signed(#"{"sub":"cust_alex","exp":\#(exp)}"#), now: now) }
        }
    }
}

import Crypto

enum HMACSigner {
    static func sign(_ text: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return BearerTokenVerifier.base64URLEncode(Data(mac))
    }
}

/// The ledger tests run on memory and, when TEST_DATABASE_URL is set (always in CI), on a
/// fresh PostgreSQL database.
enum LedgerKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, postgres
    var testDescription: String { rawValue }
    static var available: [LedgerKind] { TestDatabase.mustRun ? allCases : [.memory] }

    /// The store, and a reader of its postings as (transfer, amount).
    func withLedger(_ body: (any LedgerStore, @escaping @Sendable () async throws -> [(String, Int64)]) async throws -> Void) async throws {
        let bank = DemoBank.generate(asOf: LedgerTests.today)
        switch self {
        case .memory:
            let store = MemoryLedgerStore(bank: bank)
            try await body(store, { store.postings().map { ($0.transferID, $0.amount) } })
        case .postgres:
            try await TestDatabase.withFreshDatabase { url in
                let pool = PostgresPool(configuration: .init(url: url, maxConnections: 8, applicationName: "ledger-tests"), metrics: ServiceMetrics())
                defer { pool.shutdown() }
                let store = PostgresLedgerStore(pool: pool)
                try await store.prepare(seed: bank)
                try await body(store, { try await store.postings().map { (String($0.transferID), $0.amount) } })
            }
        }
    }
}

@Suite("Demo bank and ledger")
struct LedgerTests {
    static let today = "2026-11-22"

    @Test func demoBankIsDeterministicAndRealistic() {
        let bank = DemoBank.generate(asOf: Self.today)
        #expect(bank.customers.count >= 3)
        #expect(bank.accounts.count == 9)
        #expect(bank.transactions.map(\.id) == DemoBank.generate(asOf: Self.today).transactions.map(\.id))
        #expect(Set(bank.transactions.map(\.id)).count == bank.transactions.count)
        for customer in bank.customers {
            let accounts = Set(bank.accounts.filter { $0.customerID == customer.id }.map(\.id))
            let theirs = bank.transactions.filter { accounts.contains($0.accountID) }
            #expect(theirs.count > 150, "\(customer.id) has \(theirs.count) transactions")
            #expect(theirs.map(\.date).min()! <= "2026-05-23")
            #expect(theirs.map(\.date).max()! <= Self.today)
            #expect(Set(theirs.map(\.category)).isSuperset(of: ["groceries", "dining", "income", "rent"]))
        }
        #expect(bank.transactions.contains { $0.status == .pending })
    }

    @Test(arguments: LedgerKind.available)
    func ownTransferMovesMoneyWithBalancedPostings(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            let before = try await ledger.accounts(customerID: "cust_alex")
            let receipt = try await ledger.transfer(.init(customerID: "cust_alex", fromAccountID: "acc_alex_chk", destination: .account("acc_alex_sav"), amount: 12_345, idempotencyKey: "k1"), on: Self.today)
            #expect(receipt.status == .completed)
            let after = try await ledger.accounts(customerID: "cust_alex")
            func balance(_ accounts: [Account], _ id: String) -> Int64 { accounts.first { $0.id == id }!.balance }
            #expect(balance(after, "acc_alex_chk") == balance(before, "acc_alex_chk") - 12_345)
            #expect(balance(after, "acc_alex_sav") == balance(before, "acc_alex_sav") + 12_345)
            #expect(receipt.fromBalance == balance(after, "acc_alex_chk"))
            let written = try await postings()
            #expect(written.count == 2)
            #expect(written.map(\.1).reduce(0, +) == 0)
            let latest = try await ledger.transactions(customerID: "cust_alex", query: .init(limit: 2))
            #expect(Set(latest.map(\.amount)) == [-12_345, 12_345])
        }
    }

    @Test(arguments: LedgerKind.available)
    func refusalsChangeNothing(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            let before = try await ledger.accounts(customerID: "cust_sam")
            let checking = before.first { $0.id == "acc_sam_chk" }!
            func attempt(_ destination: TransferDestination, _ amount: Int64, from: String = "acc_sam_chk", customer: String = "cust_sam") async -> LedgerError? {
                do {
                    _ = try await ledger.transfer(.init(customerID: customer, fromAccountID: from, destination: destination, amount: amount, idempotencyKey: UUID().uuidString), on: Self.today)
                    return nil
                } catch { return error as? LedgerError }
            }
            #expect(await attempt(.account("acc_sam_sav"), checking.balance + 1) == .insufficientFunds(available: checking.balance))
            #expect(await attempt(.payee("pay_sam_1"), 250_001) == .perTransferLimit(kind: .payee, limit: 250_000))
            #expect(await attempt(.account("acc_sam_sav"), 0) == .invalidAmount)
            #expect(await attempt(.account("acc_sam_sav"), -5) == .invalidAmount)
            #expect(await attempt(.account("acc_sam_chk"), 100) == .sameAccount)
            // Someone else's accounts, payees and billers do not exist for this customer.
            #expect(await attempt(.account("acc_alex_sav"), 100) == .notFound("account"))
            #expect(await attempt(.payee("pay_alex_1"), 100) == .notFound("payee"))
            #expect(await attempt(.biller("bil_alex_1"), 100) == .notFound("biller"))
            #expect(await attempt(.account("acc_sam_sav"), 100, from: "acc_alex_chk") == .notFound("account"))
            #expect(await attempt(.account("acc_sam_chk"), 100, from: "acc_sam_cc") == .unsupported("money cannot be sent from a credit card account"))
            #expect(try await ledger.accounts(customerID: "cust_sam") == before)
            let none = try await postings()
            #expect(none.isEmpty)
        }
    }

    @Test(arguments: LedgerKind.available)
    func dailyLimitCountsEarlierTransfers(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            for i in 0..<2 {
                _ = try await ledger.transfer(.init(customerID: "cust_priya", fromAccountID: "acc_priya_chk", destination: .payee("pay_priya_1"), amount: 200_000, idempotencyKey: "d\(i)"), on: Self.today)
            }
            await #expect(throws: LedgerError.dailyLimit(kind: .payee, limit: 500_000, remaining: 100_000)) {
                _ = try await ledger.transfer(.init(customerID: "cust_priya", fromAccountID: "acc_priya_chk", destination: .payee("pay_priya_2"), amount: 150_000, idempotencyKey: "d3"), on: Self.today)
            }
            // A new day has a new allowance.
            _ = try await ledger.transfer(.init(customerID: "cust_priya", fromAccountID: "acc_priya_chk", destination: .payee("pay_priya_2"), amount: 150_000, idempotencyKey: "d4"), on: "2026-11-23")
        }
    }

    @Test(arguments: LedgerKind.available)
    func retriesAndConcurrentConfirmationsPostOnce(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            let request = TransferRequest(customerID: "cust_alex", fromAccountID: "acc_alex_chk", destination: .biller("bil_alex_1"), amount: 8_000, idempotencyKey: "confirm-abc")
            let receipts = try await withThrowingTaskGroup(of: TransferReceipt.self) { group in
                for _ in 0..<50 { group.addTask { try await ledger.transfer(request, on: Self.today) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(receipts).count == 1)
            let two = try await postings()
            #expect(two.count == 2)
            let again = try await ledger.transfer(request, on: Self.today)
            #expect(again == receipts[0])
            // The same key for a different transfer is refused, not silently answered.
            let other = TransferRequest(customerID: "cust_alex", fromAccountID: "acc_alex_chk", destination: .biller("bil_alex_1"), amount: 9_000, idempotencyKey: "confirm-abc")
            await #expect(throws: LedgerError.idempotencyConflict) { _ = try await ledger.transfer(other, on: Self.today) }
        }
    }

    @Test(arguments: LedgerKind.available)
    func scheduledBillPaymentsMoveNoMoneyToday(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            let before = try await ledger.accounts(customerID: "cust_alex")
            let receipt = try await ledger.transfer(.init(customerID: "cust_alex", fromAccountID: "acc_alex_chk", destination: .biller("bil_alex_2"), amount: 4_500, idempotencyKey: "s1", scheduledFor: "2026-12-01"), on: Self.today)
            #expect(receipt.status == .scheduled)
            #expect(try await ledger.accounts(customerID: "cust_alex") == before)
        }
    }

    @Test(arguments: LedgerKind.available)
    func thousandConcurrentTransfersKeepTheTotal(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            let customers = ["cust_alex", "cust_sam", "cust_priya"]
            func total() async throws -> Int64 {
                var sum: Int64 = 0
                for customer in customers { sum += try await ledger.accounts(customerID: customer).map(\.balance).reduce(0, +) }
                return sum
            }
            let before = try await total()
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<1_000 {
                    group.addTask {
                        var random = SeededRandom(seed: UInt64(i) + 99)
                        let customer = customers[Int(random.next() % 3)]
                        let suffix = customer.dropFirst(5)
                        let accounts = ["acc_\(suffix)_chk", "acc_\(suffix)_sav", "acc_\(suffix)_cc"]
                        let from = Int(random.next() % 2), to = (from + 1 + Int(random.next() % 2)) % 3
                        do {
                            _ = try await ledger.transfer(.init(customerID: customer, fromAccountID: accounts[from], destination: .account(accounts[to]), amount: Int64(1 + random.next() % 400_000), idempotencyKey: "c\(i)"), on: Self.today)
                            return true
                        } catch let error as LedgerError {
                            if case .insufficientFunds = error { return false }
                            if case .dailyLimit = error { return false }
                            throw error
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.contains(true))
            #expect(try await total() == before)
            for customer in customers {
                for account in try await ledger.accounts(customerID: customer) { #expect(account.balance >= account.floor) }
            }
            let byTransfer = Dictionary(grouping: try await postings(), by: \.0)
            #expect(byTransfer.count == outcomes.filter { $0 }.count)
            #expect(byTransfer.values.allSatisfy { $0.map(\.1).reduce(0, +) == 0 })
        }
    }

    @Test(arguments: LedgerKind.available)
    func transactionQueriesFilter(_ kind: LedgerKind) async throws {
        try await kind.withLedger { ledger, postings in
            let coffee = try await ledger.transactions(customerID: "cust_alex", query: .init(merchant: "starbucks", limit: 100))
            #expect(!coffee.isEmpty)
            #expect(coffee.allSatisfy { $0.merchant == "Starbucks" })
            let october = try await ledger.transactions(customerID: "cust_alex", query: .init(from: "2026-10-01", to: "2026-10-31", category: "groceries", limit: 100))
            #expect(!october.isEmpty)
            #expect(october.allSatisfy { $0.date.hasPrefix("2026-10") && $0.category == "groceries" })
            let big = try await ledger.transactions(customerID: "cust_alex", query: .init(minAmount: 100_000, limit: 100))
            #expect(big.allSatisfy { $0.amount.magnitude >= 100_000 })
            let five = try await ledger.transactions(customerID: "cust_alex", query: .init(limit: 5))
            #expect(five.count == 5)
            #expect(five.map(\.date) == five.map(\.date).sorted(by: >))
            #expect(try await ledger.transactions(customerID: "cust_nobody", query: .init()).isEmpty)
        }
    }


    @Test func aConnectionKilledMidTransferLeavesNoHalfPosting() async throws {
        guard TestDatabase.mustRun else { return }
        try await TestDatabase.withFreshDatabase { url in
            let pool = PostgresPool(configuration: .init(url: url, maxConnections: 2, applicationName: "ledger-victim"), metrics: ServiceMetrics())
            let admin = PostgresPool(configuration: .init(url: url, maxConnections: 1, applicationName: "ledger-admin"), metrics: ServiceMetrics())
            defer { pool.shutdown(); admin.shutdown() }
            let store = PostgresLedgerStore(pool: pool)
            try await store.prepare(seed: DemoBank.generate(asOf: Self.today))
            let before = try await store.accounts(customerID: "cust_alex")
            let request = TransferRequest(customerID: "cust_alex", fromAccountID: "acc_alex_chk", destination: .account("acc_alex_sav"), amount: 5_000, idempotencyKey: "killed")

            // Hold a lock the transfer needs late (after it has recorded the transfer and moved
            // the balances), then kill its backend while it waits.
            let locked = Mutex(false)
            let killer = Task {
                try await admin.transaction { connection -> Bool in
                    try connection.query("LOCK TABLE ledger_postings IN EXCLUSIVE MODE")
                    locked.withLock { $0 = true }
                    for _ in 0..<500 {
                    let waiting = try connection.query(
                        "SELECT pid FROM pg_stat_activity WHERE application_name = 'ledger-victim' AND wait_event_type = 'Lock'"
                    ).rows
                        if let pid = waiting.first?.int("pid") {
                            return try connection.query("SELECT pg_terminate_backend($1) AS ok", [pid]).rows.first?.bool("ok") ?? false
                        }
                        usleep(10_000)
                    }
                    return false
                }
            }
            while !locked.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            let transfer = Task { try await store.transfer(request, on: Self.today) }
            #expect(try await killer.value)
            await #expect(throws: PostgresError.self) { _ = try await transfer.value }

            #expect(try await store.accounts(customerID: "cust_alex") == before)
            let written = try await store.postings()
            #expect(written.isEmpty)
            let transfers = try await admin.query("SELECT count(*) AS n FROM ledger_transfers").rows.first?.int("n")
            #expect(transfers == 0)
            // The pool reconnects and the retried transfer posts once.
            let receipt = try await store.transfer(request, on: Self.today)
            #expect(receipt.status == .completed)
            let again = try await store.transfer(request, on: Self.today)
            #expect(again == receipt)
            let after = try await store.postings()
            #expect(after.count == 2)
        }
    }
}
