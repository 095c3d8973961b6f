import Foundation

public struct Customer: Sendable, Hashable, Codable {
    public let id: String
    public let name: String
    public let email: String
}

public enum AccountKind: String, Sendable, Codable, CaseIterable {
    case checking, savings
    case creditCard = "credit_card"

    public var displayName: String {
        switch self {
        case .checking: "checking"
        case .savings: "savings"
        case .creditCard: "credit card"
        }
    }
}

/// Balances are signed minor units. Deposit accounts may not go below zero; a credit card's
/// balance is what is owed, negative, down to minus its credit limit.
public struct Account: Sendable, Hashable, Codable {
    public let id: String
    public let customerID: String
    public let kind: AccountKind
    public let name: String
    /// Last four digits shown to the customer.
    public let mask: String
    public let currency: String
    public var balance: Int64
    public let creditLimit: Int64?

    /// The lowest balance this account may reach.
    public var floor: Int64 { kind == .creditCard ? -(creditLimit ?? 0) : 0 }
    /// What can be spent or moved out now.
    public var available: Int64 { balance - floor }
}

public enum TransactionStatus: String, Sendable, Codable { case posted, pending }

public struct BankTransaction: Sendable, Hashable, Codable {
    public let id: String
    public let accountID: String
    /// ISO date, YYYY-MM-DD.
    public let date: String
    public let merchant: String
    public let category: String
    /// Negative for money out, positive for money in.
    public let amount: Int64
    public let status: TransactionStatus
}

public struct Payee: Sendable, Hashable, Codable {
    public let id: String
    public let customerID: String
    public let name: String
    public let bank: String
    public let mask: String
}

public struct Biller: Sendable, Hashable, Codable {
    public let id: String
    public let customerID: String
    public let name: String
    public let category: String
    public let mask: String
}

/// Where a transfer goes.
public enum TransferDestination: Sendable, Hashable, Codable {
    case account(String)
    case payee(String)
    case biller(String)

    public var kind: TransferKind {
        switch self {
        case .account: .ownAccounts
        case .payee: .payee
        case .biller: .billPayment
        }
    }
}

public enum TransferKind: String, Sendable, Codable, CaseIterable {
    case ownAccounts = "own_accounts"
    case payee
    case billPayment = "bill_payment"

    /// How a customer would name it.
    var topic: String {
        switch self {
        case .ownAccounts: "transfer between my accounts"
        case .payee: "transfer"
        case .billPayment: "bill payment"
        }
    }
}

/// Per-transfer and daily limits by kind (the help center's "Transfer limits" article).
public struct TransferLimits: Sendable, Equatable {
    public var perTransfer: [TransferKind: Int64]
    public var daily: [TransferKind: Int64]

    public static let standard = TransferLimits(
        perTransfer: [.ownAccounts: 2_500_000, .payee: 250_000, .billPayment: 1_000_000],
        daily: [.ownAccounts: 5_000_000, .payee: 500_000, .billPayment: 1_500_000]
    )
}

public struct TransferRequest: Sendable, Hashable, Codable {
    public let customerID: String
    public let fromAccountID: String
    public let destination: TransferDestination
    public let amount: Int64
    public let memo: String
    /// The same key always means the same transfer: a retry returns the first receipt.
    public let idempotencyKey: String
    /// ISO date for a scheduled bill payment; nil for now.
    public let scheduledFor: String?

    public init(customerID: String, fromAccountID: String, destination: TransferDestination, amount: Int64, memo: String = "", idempotencyKey: String, scheduledFor: String? = nil) {
        self.customerID = customerID
        self.fromAccountID = fromAccountID
        self.destination = destination
        self.amount = amount
        self.memo = memo
        self.idempotencyKey = idempotencyKey
        self.scheduledFor = scheduledFor
    }
}

public enum TransferStatus: String, Sendable, Codable { case completed, scheduled }

public struct TransferReceipt: Sendable, Hashable, Codable {
    public let transferID: String
    public let request: TransferRequest
    public let status: TransferStatus
    /// The source account's balance after the transfer (unchanged for a scheduled payment).
    public let fromBalance: Int64
}

public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case invalidAmount
    case sameAccount
    case insufficientFunds(available: Int64)
    case perTransferLimit(kind: TransferKind, limit: Int64)
    case dailyLimit(kind: TransferKind, limit: Int64, remaining: Int64)
    /// The idempotency key was used before for a different transfer.
    case idempotencyConflict
    case unsupported(String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) not found"
        case .invalidAmount: "the amount must be more than zero"
        case .sameAccount: "the source and destination are the same account"
        case .insufficientFunds(let available): "insufficient funds: \(Money(minorUnits: available).formatted) available"
        case .perTransferLimit(let kind, let limit): "over the \(Money(minorUnits: limit).formatted) per-transfer limit for \(kind.rawValue)"
        case .dailyLimit(let kind, let limit, let remaining): "over the \(Money(minorUnits: limit).formatted) daily limit for \(kind.rawValue); \(Money(minorUnits: remaining).formatted) left today"
        case .idempotencyConflict: "the idempotency key was already used for a different transfer"
        case .unsupported(let reason): reason
        }
    }
}

/// Filters for a transaction search.
public struct TransactionQuery: Sendable, Equatable, Codable {
    public var accountID: String?
    /// Inclusive ISO dates.
    public var from: String?
    public var to: String?
    public var merchant: String?
    public var category: String?
    /// Bounds on the absolute amount, minor units.
    public var minAmount: Int64?
    public var maxAmount: Int64?
    public var limit: Int

    public init(accountID: String? = nil, from: String? = nil, to: String? = nil, merchant: String? = nil, category: String? = nil, minAmount: Int64? = nil, maxAmount: Int64? = nil, limit: Int = 10) {
        self.accountID = accountID
        self.from = from
        self.to = to
        self.merchant = merchant
        self.category = category
        self.minAmount = minAmount
        self.maxAmount = maxAmount
        self.limit = limit
    }

    func matches(_ t: BankTransaction) -> Bool {
        if let accountID, t.accountID != accountID { return false }
        if let from, t.date < from { return false }
        if let to, t.date > to { return false }
        if let merchant, !t.merchant.lowercased().contains(merchant.lowercased()) { return false }
        if let category, t.category != category { return false }
        if let minAmount, t.amount.magnitude < minAmount.magnitude { return false }
        if let maxAmount, t.amount.magnitude > maxAmount.magnitude { return false }
        return true
    }
}

/// The bank's books. Implementations: `MemoryLedgerStore` (embedded default) and, with
/// `DATABASE_URL`, PostgreSQL. Every method takes the customer: nobody reads or moves anyone
/// else's money, and someone else's id is simply "not found".
public protocol LedgerStore: Sendable {
    func customer(id: String) async throws -> Customer?
    func accounts(customerID: String) async throws -> [Account]
    func transactions(customerID: String, query: TransactionQuery) async throws -> [BankTransaction]
    func payees(customerID: String) async throws -> [Payee]
    func billers(customerID: String) async throws -> [Biller]
    /// The distinct merchant names in the customer's history (for matching names in messages).
    func merchants(customerID: String) async throws -> [String]
    /// The limits `transfer` enforces (so a request over them is refused before it is offered).
    var limits: TransferLimits { get }
    /// What `transfer` would do with the request now, or the `LedgerError` it would throw;
    /// changes nothing. A confirmation is offered only for a request that passes.
    func preview(_ request: TransferRequest, on date: String) async throws -> TransferPlan
    /// Moves money exactly once per idempotency key, or throws `LedgerError` and changes nothing.
    func transfer(_ request: TransferRequest, on date: String) async throws -> TransferReceipt
}
