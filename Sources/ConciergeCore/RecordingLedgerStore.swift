import Synchronization

/// A ledger that records every transfer it executed, in order, in front of another ledger:
/// the conversation evaluation and the dialogue property test compare what moved with what
/// the customer was shown.
public final class RecordingLedgerStore: LedgerStore {
    public let base: any LedgerStore
    private let executed = Mutex<[TransferReceipt]>([])

    public init(_ base: any LedgerStore) {
        self.base = base
    }

    /// Every receipt `transfer` returned, including idempotent repeats.
    public var receipts: [TransferReceipt] { executed.withLock { $0 } }

    public var limits: TransferLimits { base.limits }
    public func customer(id: String) async throws -> Customer? { try await base.customer(id: id) }
    public func accounts(customerID: String) async throws -> [Account] { try await base.accounts(customerID: customerID) }
    public func transactions(customerID: String, query: TransactionQuery) async throws -> [BankTransaction] {
        try await base.transactions(customerID: customerID, query: query)
    }
    public func payees(customerID: String) async throws -> [Payee] { try await base.payees(customerID: customerID) }
    public func billers(customerID: String) async throws -> [Biller] { try await base.billers(customerID: customerID) }
    public func merchants(customerID: String) async throws -> [String] { try await base.merchants(customerID: customerID) }
    public func preview(_ request: TransferRequest, on date: String) async throws -> TransferPlan { try await base.preview(request, on: date) }

    public func transfer(_ request: TransferRequest, on date: String) async throws -> TransferReceipt {
        let receipt = try await base.transfer(request, on: date)
        executed.withLock { $0.append(receipt) }
        return receipt
    }
}
