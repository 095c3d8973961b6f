import Foundation
import Synchronization

/// The embedded ledger: the demo bank in memory, double-entry postings, every transfer applied
/// whole under one lock (so concurrent transfers serialize and never see a half-applied one).
public final class MemoryLedgerStore: LedgerStore {
    /// One side of a transfer. The postings of a transfer sum to zero; money leaving the bank
    /// posts to an external clearing account (`external:payee:…`, `external:biller:…`).
    public struct Posting: Sendable, Hashable {
        public let transferID: String
        public let accountID: String
        public let amount: Int64
    }

    struct State {
        var customers: [String: Customer]
        var accounts: [String: Account]
        var transactions: [String: [BankTransaction]]  // by customer, newest first
        var payees: [String: Payee]
        var billers: [String: Biller]
        var postings: [Posting] = []
        var receipts: [String: TransferReceipt] = [:]  // "customer|key"
        var spent: [String: Int64] = [:]  // "customer|date|kind" → minor units
        var nextTransfer = 1
    }

    private let state: Mutex<State>
    public let limits: TransferLimits

    public init(bank: DemoBank = .generate(asOf: DemoBank.today()), limits: TransferLimits = .standard) {
        self.limits = limits
        let owners = Dictionary(uniqueKeysWithValues: bank.accounts.map { ($0.id, $0.customerID) })
        var transactions: [String: [BankTransaction]] = [:]
        for t in bank.transactions { transactions[owners[t.accountID] ?? "", default: []].append(t) }
        for key in transactions.keys { transactions[key]!.sort { ($0.date, $0.id) > ($1.date, $1.id) } }
        state = Mutex(State(
            customers: Dictionary(uniqueKeysWithValues: bank.customers.map { ($0.id, $0) }),
            accounts: Dictionary(uniqueKeysWithValues: bank.accounts.map { ($0.id, $0) }),
            transactions: transactions,
            payees: Dictionary(uniqueKeysWithValues: bank.payees.map { ($0.id, $0) }),
            billers: Dictionary(uniqueKeysWithValues: bank.billers.map { ($0.id, $0) })
        ))
    }

    public func customer(id: String) async throws -> Customer? {
        state.withLock { $0.customers[id] }
    }

    public func accounts(customerID: String) async throws -> [Account] {
        state.withLock { $0.accounts.values.filter { $0.customerID == customerID }.sorted { $0.id < $1.id } }
    }

    public func transactions(customerID: String, query: TransactionQuery) async throws -> [BankTransaction] {
        state.withLock { state in
            Array((state.transactions[customerID] ?? []).lazy.filter(query.matches).prefix(query.limit))
        }
    }

    public func payees(customerID: String) async throws -> [Payee] {
        state.withLock { $0.payees.values.filter { $0.customerID == customerID }.sorted { $0.name < $1.name } }
    }

    public func billers(customerID: String) async throws -> [Biller] {
        state.withLock { $0.billers.values.filter { $0.customerID == customerID }.sorted { $0.name < $1.name } }
    }

    public func merchants(customerID: String) async throws -> [String] {
        state.withLock { Array(Set(($0.transactions[customerID] ?? []).map(\.merchant))).sorted() }
    }

    /// Every posting so far (tests check that each transfer's postings sum to zero).
    public func postings() -> [Posting] {
        state.withLock { $0.postings }
    }

    func plan(_ request: TransferRequest, on date: String, in state: State) throws -> TransferPlan {
        let customer = request.customerID
        return try TransferPlan.make(
            request, on: date, limits: limits,
            account: { id in state.accounts[id].flatMap { $0.customerID == customer ? $0 : nil } },
            payeeName: { id in state.payees[id].flatMap { $0.customerID == customer ? $0.name : nil } },
            billerName: { id in state.billers[id].flatMap { $0.customerID == customer ? $0.name : nil } },
            spent: { day, kind in state.spent["\(customer)|\(day)|\(kind.rawValue)"] ?? 0 }
        )
    }

    public func preview(_ request: TransferRequest, on date: String) async throws -> TransferPlan {
        try state.withLock { try plan(request, on: date, in: $0) }
    }

    public func transfer(_ request: TransferRequest, on date: String) async throws -> TransferReceipt {
        try state.withLock { state in
            let receiptKey = request.customerID + "|" + request.idempotencyKey
            if let previous = state.receipts[receiptKey] {
                guard previous.request == request else { throw LedgerError.idempotencyConflict }
                return previous
            }
            let customer = request.customerID
            let plan = try plan(request, on: date, in: state)
            let transferID = String(format: "tr_%08d", state.nextTransfer)
            if !plan.scheduled {
                state.accounts[plan.from.id]?.balance -= plan.amount
                state.postings.append(Posting(transferID: transferID, accountID: plan.from.id, amount: -plan.amount))
                state.postings.append(Posting(transferID: transferID, accountID: plan.counterparty, amount: plan.amount))
                state.transactions[customer, default: []].insert(
                    BankTransaction(id: transferID + "-out", accountID: plan.from.id, date: date, merchant: plan.label, category: "transfer", amount: -plan.amount, status: .posted), at: 0
                )
                if let to = plan.to {
                    state.accounts[to.id]?.balance += plan.amount
                    state.transactions[customer, default: []].insert(
                        BankTransaction(id: transferID + "-in", accountID: to.id, date: date, merchant: "Transfer from \(plan.from.name)", category: "transfer", amount: plan.amount, status: .posted), at: 0
                    )
                }
            }
            state.nextTransfer += 1
            state.spent["\(customer)|\(plan.day)|\(plan.kind.rawValue)", default: 0] += plan.amount
            let receipt = TransferReceipt(transferID: transferID, request: request, status: plan.scheduled ? .scheduled : .completed, fromBalance: plan.fromBalanceAfter)
            state.receipts[receiptKey] = receipt
            return receipt
        }
    }
}
