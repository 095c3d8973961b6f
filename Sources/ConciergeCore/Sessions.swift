import Foundation
import Synchronization

public struct ChatTurn: Sendable, Codable, Equatable {
    public let role: String  // "customer" or "assistant"
    /// Redacted text: raw PII never reaches the session store.
    public let text: String
    public let intent: String?
}

/// A payment being put together across turns (an open form).
public struct PendingPayment: Sendable, Codable, Equatable {
    public var kind: TransferKind?
    public var fromAccountID: String?
    public var destination: TransferDestination?
    public var amount: Int64?
    public var scheduledFor: String?
    /// The customer turned to something else while this form was open; the concierge offered
    /// to resume it.
    public var parked: Bool?
    /// What the concierge last asked for.
    public var asking: PaymentSlot?

    public init(kind: TransferKind? = nil, fromAccountID: String? = nil, destination: TransferDestination? = nil, amount: Int64? = nil, scheduledFor: String? = nil) {
        self.kind = kind
        self.fromAccountID = fromAccountID
        self.destination = destination
        self.amount = amount
        self.scheduledFor = scheduledFor
    }
}

extension PendingPayment {
    /// An empty form for a payment intent: a bill payment, or a transfer whose kind the
    /// destination will tell.
    init(for intent: ChatIntent) {
        self.init(kind: intent == .billPayment ? .billPayment : nil)
    }

    /// The form a proposed request was made from, to change one of its slots.
    init(_ request: TransferRequest) {
        self.init(
            kind: request.destination.kind, fromAccountID: request.fromAccountID, destination: request.destination,
            amount: request.amount, scheduledFor: request.scheduledFor
        )
    }
}

/// The pieces of a payment the concierge may ask for.
public enum PaymentSlot: String, Sendable, Codable { case destination, amount, source }

/// What the conversation was about, so follow-ups resolve ("what about savings", "and last
/// week?", "how long does that take").
public struct DialogueContext: Sendable, Codable, Equatable {
    public var lastIntent: ChatIntent?
    /// The accounts the last balance answer was about (nil: all).
    public var lastAccounts: [AccountKind]?
    public var lastQuery: TransactionQuery?
    /// The redacted text of the last help-center question.
    public var lastTopic: String?
}

public enum ConfirmationState: String, Sendable, Codable { case pending, executed, cancelled, expired, failed }

public struct Confirmation: Sendable, Codable, Equatable {
    public let id: String
    public let customerID: String
    public let sessionID: String
    public let request: TransferRequest
    public let summary: String
    public let expiresAt: Int64
    public var state: ConfirmationState
    public var receipt: TransferReceipt?
    public var failure: String?
}

public struct ChatSession: Sendable, Codable, Equatable {
    public let id: String
    public let customerID: String
    public var turns: [ChatTurn] = []
    public var pending: PendingPayment?
    public var confirmationID: String?
    public var ticketID: String?
    /// Further payments asked for in the same message, taken up in order once the current
    /// one is settled (structured, never raw text).
    public var queued: [PendingPayment]?
    public var context: DialogueContext?
}

/// Sessions and confirmations. The memory store serves one process; with `DATABASE_URL`
/// replicas share them in PostgreSQL.
public protocol SessionStore: Sendable {
    /// The session if it exists and belongs to the customer.
    func session(id: String, customerID: String) async throws -> ChatSession?
    func save(_ session: ChatSession) async throws
    func confirmation(id: String, customerID: String) async throws -> Confirmation?
    func save(_ confirmation: Confirmation) async throws
    /// Moves a confirmation from `pending` to `state` if it is still pending; returns the
    /// confirmation as it is afterwards (so two racing decisions agree on one outcome).
    func decide(id: String, customerID: String, to state: ConfirmationState, receipt: TransferReceipt?, failure: String?) async throws -> Confirmation?
}

/// A dictionary that keeps at most `capacity` entries: when full, the tenth least recently
/// written are dropped (amortized, so a write stays O(1) on average).
struct RecentlyWritten<Value> {
    private var entries: [String: (value: Value, written: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { entries.count }

    subscript(key: String) -> Value? { entries[key]?.value }

    mutating func write(_ value: Value, for key: String) {
        if entries.count >= capacity, entries[key] == nil {
            let drop = max(1, capacity / 10)
            for victim in entries.sorted(by: { $0.value.written < $1.value.written }).prefix(drop) {
                entries[victim.key] = nil
            }
        }
        clock += 1
        entries[key] = (value, clock)
    }
}

/// In one process. Memory stays bounded over any run: beyond `capacity` sessions (and as many
/// confirmations, which expire after minutes anyway) the least recently written are dropped.
public final class MemorySessionStore: SessionStore {
    private let sessions: Mutex<RecentlyWritten<ChatSession>>
    private let confirmations: Mutex<RecentlyWritten<Confirmation>>

    public init(capacity: Int = 10_000) {
        sessions = Mutex(RecentlyWritten(capacity: capacity))
        confirmations = Mutex(RecentlyWritten(capacity: capacity))
    }

    var counts: (sessions: Int, confirmations: Int) {
        (sessions.withLock { $0.count }, confirmations.withLock { $0.count })
    }

    public func session(id: String, customerID: String) async throws -> ChatSession? {
        sessions.withLock { $0[id] }.flatMap { $0.customerID == customerID ? $0 : nil }
    }

    public func save(_ session: ChatSession) async throws {
        sessions.withLock { $0.write(session, for: session.id) }
    }

    public func confirmation(id: String, customerID: String) async throws -> Confirmation? {
        confirmations.withLock { $0[id] }.flatMap { $0.customerID == customerID ? $0 : nil }
    }

    public func save(_ confirmation: Confirmation) async throws {
        confirmations.withLock { $0.write(confirmation, for: confirmation.id) }
    }

    public func decide(id: String, customerID: String, to state: ConfirmationState, receipt: TransferReceipt?, failure: String?) async throws -> Confirmation? {
        confirmations.withLock { all in
            guard var confirmation = all[id], confirmation.customerID == customerID else { return nil }
            if confirmation.state == .pending {
                confirmation.state = state
                confirmation.receipt = receipt
                confirmation.failure = failure
                all.write(confirmation, for: id)
            }
            return confirmation
        }
    }
}
