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

    /// Every posting so far (tests check that each transfer's postings sum to zero).
    public func postings() -> [Posting] {
        state.withLock { $0.postings }
    }

    public func transfer(_ request: TransferRequest, on date: String) async throws -> TransferReceipt {
        try state.withLock { state in
            let receiptKey = request.customerID + "|" + request.idempotencyKey
            if let previous = state.receipts[receiptKey] {
                guard previous.request == request else { throw LedgerError.idempotencyConflict }
                return previous
            }
            guard request.amount > 0 else { throw LedgerError.invalidAmount }
            guard var from = state.accounts[request.fromAccountID], from.customerID == request.customerID else {
                throw LedgerError.notFound("account")
            }
            guard from.kind != .creditCard else { throw LedgerError.unsupported("money cannot be sent from a credit card account") }
            var to: Account?
            let counterparty: String
            let label: String
            switch request.destination {
            case .account(let id):
                guard let account = state.accounts[id], account.customerID == request.customerID else { throw LedgerError.notFound("account") }
                guard id != from.id else { throw LedgerError.sameAccount }
                to = account
                counterparty = id
                label = "Transfer to \(account.name)"
            case .payee(let id):
                guard let payee = state.payees[id], payee.customerID == request.customerID else { throw LedgerError.notFound("payee") }
                counterparty = "external:payee:\(id)"
                label = "Transfer to \(payee.name)"
            case .biller(let id):
                guard let biller = state.billers[id], biller.customerID == request.customerID else { throw LedgerError.notFound("biller") }
                counterparty = "external:biller:\(id)"
                label = "Bill payment to \(biller.name)"
            }
            let kind = request.destination.kind
            if let limit = limits.perTransfer[kind], request.amount > limit { throw LedgerError.perTransferLimit(kind: kind, limit: limit) }
            let day = request.scheduledFor.map { max($0, date) } ?? date
            let spentKey = "\(request.customerID)|\(day)|\(kind.rawValue)"
            let spent = state.spent[spentKey] ?? 0
            if let limit = limits.daily[kind], spent + request.amount > limit {
                throw LedgerError.dailyLimit(kind: kind, limit: limit, remaining: max(0, limit - spent))
            }
            let transferID = String(format: "tr_%08d", state.nextTransfer)
            let scheduled = request.scheduledFor.map { $0 > date } ?? false
            if !scheduled {
                guard from.balance - request.amount >= from.floor else { throw LedgerError.insufficientFunds(available: from.available) }
                from.balance -= request.amount
                state.accounts[from.id] = from
                state.postings.append(Posting(transferID: transferID, accountID: from.id, amount: -request.amount))
                state.postings.append(Posting(transferID: transferID, accountID: counterparty, amount: request.amount))
                state.transactions[request.customerID, default: []].insert(
                    BankTransaction(id: transferID + "-out", accountID: from.id, date: date, merchant: label, category: "transfer", amount: -request.amount, status: .posted), at: 0
                )
                if var destination = to {
                    destination.balance += request.amount
                    state.accounts[destination.id] = destination
                    state.transactions[request.customerID, default: []].insert(
                        BankTransaction(id: transferID + "-in", accountID: destination.id, date: date, merchant: "Transfer from \(from.name)", category: "transfer", amount: request.amount, status: .posted), at: 0
                    )
                }
            }
            state.nextTransfer += 1
            state.spent[spentKey] = spent + request.amount
            let receipt = TransferReceipt(transferID: transferID, request: request, status: scheduled ? .scheduled : .completed, fromBalance: from.balance)
            state.receipts[receiptKey] = receipt
            return receipt
        }
    }
}
