/// The rules every ledger store applies to a transfer, in one place: amount, ownership,
/// destination, per-transfer and daily limits, funds. A store supplies the lookups (under its
/// own locks) and applies the resulting plan.
public struct TransferPlan: Sendable {
    public let from: Account
    /// The destination when it is one of the customer's own accounts.
    public let to: Account?
    /// The other side of the double entry: an account id or an external clearing account.
    public let counterparty: String
    /// How the transfer reads in the source account's history.
    public let label: String
    public let kind: TransferKind
    /// The day it counts against the daily limit (a scheduled payment's date).
    public let day: String
    /// A future-dated payment: recorded now, no money moves today.
    public let scheduled: Bool

    /// The source balance after the transfer.
    public var fromBalanceAfter: Int64 { scheduled ? from.balance : from.balance - amount }
    public let amount: Int64

    /// Lookups return nil for anything that does not exist or belongs to another customer.
    public static func make(
        _ request: TransferRequest,
        on date: String,
        limits: TransferLimits,
        account: (String) throws -> Account?,
        payeeName: (String) throws -> String?,
        billerName: (String) throws -> String?,
        spent: (_ day: String, _ kind: TransferKind) throws -> Int64
    ) throws -> TransferPlan {
        guard request.amount > 0 else { throw LedgerError.invalidAmount }
        guard let from = try account(request.fromAccountID) else { throw LedgerError.notFound("account") }
        guard from.kind != .creditCard else { throw LedgerError.unsupported("money cannot be sent from a credit card account") }
        var to: Account?
        let counterparty: String
        let label: String
        switch request.destination {
        case .account(let id):
            guard let destination = try account(id) else { throw LedgerError.notFound("account") }
            guard id != from.id else { throw LedgerError.sameAccount }
            to = destination
            counterparty = id
            label = "Transfer to \(destination.name)"
        case .payee(let id):
            guard let name = try payeeName(id) else { throw LedgerError.notFound("payee") }
            counterparty = "external:payee:\(id)"
            label = "Transfer to \(name)"
        case .biller(let id):
            guard let name = try billerName(id) else { throw LedgerError.notFound("biller") }
            counterparty = "external:biller:\(id)"
            label = "Bill payment to \(name)"
        }
        let kind = request.destination.kind
        if let limit = limits.perTransfer[kind], request.amount > limit { throw LedgerError.perTransferLimit(kind: kind, limit: limit) }
        let day = request.scheduledFor.map { max($0, date) } ?? date
        let spentToday = try spent(day, kind)
        if let limit = limits.daily[kind], spentToday + request.amount > limit {
            throw LedgerError.dailyLimit(kind: kind, limit: limit, remaining: max(0, limit - spentToday))
        }
        let scheduled = request.scheduledFor.map { $0 > date } ?? false
        if !scheduled, from.balance - request.amount < from.floor { throw LedgerError.insufficientFunds(available: from.available) }
        return TransferPlan(from: from, to: to, counterparty: counterparty, label: label, kind: kind, day: day, scheduled: scheduled, amount: request.amount)
    }
}
