import Foundation

/// Why what the customer said cannot go into the payment as it stands. Each becomes a clear
/// sentence and a question back; none becomes a guess.
enum FormProblem: Equatable {
    case foreignCurrency(String)
    case unclearAmount(String)
    case notPositive
    case unknownPayee(String)
    case notYourAccount(String)
    case fromCreditCard
    case severalPayees([String])
    case severalBillers([String])
    case datePast(String)
    case dateTooFar(String)
    case dateUnclear
}

extension ConciergeEngine {
    /// Puts what the message says into the form. Later words replace earlier values; a payee
    /// replaces an account destination and the other way round (never merged). Returns the
    /// first problem found; the form keeps everything that was clear.
    func fill(_ form: inout PendingPayment, with reading: PaymentReading, facts: CustomerFacts) -> FormProblem? {
        var problem: FormProblem?
        func note(_ p: FormProblem) { if problem == nil { problem = p } }

        switch reading.amount {
        case .none: break
        case .value(let cents): form.amount = cents
        case .foreign(let code): form.amount = nil; note(.foreignCurrency(code))
        case .unclear(let text): form.amount = nil; note(.unclearAmount(text))
        case .notPositive: form.amount = nil; note(.notPositive)
        }
        if let owner = reading.foreignSource {
            form.fromAccountID = nil
            note(.notYourAccount(owner))
        }
        // Where the money goes.
        if reading.payees.count > 1 {
            note(.severalPayees(reading.payees.map(\.name)))
        } else if let payee = reading.payees.first {
            form.destination = .payee(payee.id)
            form.kind = .payee
        } else if reading.billers.count > 1 {
            form.kind = .billPayment
            note(.severalBillers(reading.billers.map(\.name)))
        } else if let biller = reading.billers.first {
            form.destination = .biller(biller.id)
            form.kind = .billPayment
        } else if let name = reading.unknownPayee {
            form.destination = nil
            note(.unknownPayee(name))
        }
        var placed = reading.accounts
        if let kind = reading.destination {
            if let account = facts.account(kind) { form.destination = .account(account.id); form.kind = .ownAccounts }
        } else if reading.payees.isEmpty, reading.billers.isEmpty, !placed.isEmpty, form.kind != .billPayment,
                  form.asking == .destination || (form.destination == nil && form.asking != .source && (reading.source != nil || placed.count == 1 && form.fromAccountID == nil && reading.hasPaymentVerb)) {
            // "move 300 from savings, checking" / "checking" as the answer to "to where?".
            let kind = placed.removeFirst()
            if let account = facts.account(kind) { form.destination = .account(account.id); form.kind = .ownAccounts }
        }
        if let kind = reading.source ?? placed.first {
            if kind == .creditCard {
                form.fromAccountID = nil
                note(.fromCreditCard)
            } else if let account = facts.account(kind) {
                form.fromAccountID = account.id
            }
        }
        switch reading.date {
        case .none: break
        case .date(let date): form.scheduledFor = date
        case .past(let date): note(.datePast(date))
        case .tooFar(let date): note(.dateTooFar(date))
        case .unclear: note(.dateUnclear)
        }
        return problem
    }

    /// Fills the form and takes it one step further: a problem is explained and asked about, a
    /// missing piece is asked for, and a complete request the ledger would accept now becomes
    /// a confirmation. Nothing else ever creates one.
    func advance(_ form: inout PendingPayment, with reading: PaymentReading, facts: CustomerFacts, session: inout ChatSession, preface: String = "") async throws -> Draft {
        let problem = fill(&form, with: reading, facts: facts)
        let intent: ChatIntent = form.kind == .billPayment ? .billPayment : .transfer
        defer {
            session.pending = session.confirmationID == nil ? form : nil
            session.context = session.context ?? DialogueContext()
            session.context?.lastIntent = intent
        }
        func ask(_ slot: PaymentSlot, _ text: String) -> Draft {
            form.asking = slot
            return Draft(text: preface + text, intent: intent)
        }
        let payeeNames = facts.payees.map(\.name).joined(separator: ", ")
        let billerNames = facts.billers.map(\.name).joined(separator: ", ")
        let verb = form.kind == .billPayment ? "pay" : "send"
        if let problem {
            switch problem {
            case .foreignCurrency(let code):
                return ask(.amount, "I can only send US dollars from your accounts, so I can't send an amount in \(code). How much would you like to \(verb) in US dollars? (For money in another currency, see \"Sending money abroad\" in the help center.)")
            case .unclearAmount(let text):
                let what = text.isEmpty ? "the amount" : "\"\(text)\""
                return ask(.amount, "I want to be sure I have the right amount — I couldn't read \(what) as one amount. How much would you like to \(verb)? (For example: $1,500.)")
            case .notPositive:
                return ask(.amount, "The amount must be more than zero. How much would you like to \(verb)?")
            case .unknownPayee(let name):
                return ask(.destination, "\(name) is not one of your saved payees; your saved payees are \(payeeNames). To send to someone new, add them as a payee in the app first (Payments → Payees). Who would you like to send money to?")
            case .notYourAccount(let owner):
                return ask(.source, "I can only move money out of your own accounts — not \(owner)'s. Which of your accounts should it come from: checking or savings?")
            case .fromCreditCard:
                return ask(.source, "Money can't be sent from a credit card account. Which account should it come from: checking or savings?")
            case .severalPayees(let names):
                return ask(.destination, "Who should it go to: \(names.joined(separator: " or "))?")
            case .severalBillers(let names):
                return ask(.destination, "Which bill: \(names.joined(separator: " or "))?")
            case .datePast(let date):
                form.scheduledFor = nil
                return Draft(text: preface + "\(DialogueDates.longDate(date)) is in the past. I can pay now or on a future date — when should it go?", intent: intent)
            case .dateUnclear:
                return Draft(text: preface + "Which date should the payment go on? Please give a date such as December 15, or say \"now\".", intent: intent)
            case .dateTooFar(let date):
                form.scheduledFor = nil
                return Draft(text: preface + "I can schedule a payment up to one year ahead; \(DialogueDates.longDate(date)) is too far. Which date should it be, or should it go now?", intent: intent)
            }
        }
        guard let destination = form.destination else {
            if form.kind == .billPayment { return ask(.destination, "Which bill would you like to pay? Your saved billers are: \(billerNames).") }
            return ask(.destination, "Who would you like to send money to? Your saved payees are \(payeeNames), or one of your own accounts.")
        }
        guard let amount = form.amount else {
            return ask(.amount, "How much would you like to \(verb) to \(facts.name(of: destination))?")
        }
        if form.fromAccountID == nil {
            // Checking pays by default; money into checking comes from savings.
            let checking = facts.account(.checking)
            if case .account(let id) = destination, id == checking?.id {
                form.fromAccountID = facts.account(.savings)?.id
            } else {
                form.fromAccountID = checking?.id
            }
        }
        guard let fromID = form.fromAccountID, let from = facts.accounts.first(where: { $0.id == fromID }) else {
            return ask(.source, "Which account should the money come from?")
        }
        let kind = destination.kind
        form.kind = kind
        let confirmationID = "cnf_" + Self.randomID()
        let request = TransferRequest(
            customerID: session.customerID, fromAccountID: from.id, destination: destination, amount: amount, memo: "",
            idempotencyKey: confirmationID, scheduledFor: form.scheduledFor
        )
        // Refuse now what the ledger would refuse at "yes": no confirmation is offered that
        // cannot execute. The piece at fault is asked again; the rest of the request is kept.
        do {
            _ = try await ledger.preview(request, on: today())
        } catch let error as LedgerError {
            let formatted = Money(minorUnits: amount).formatted
            switch error {
            case .perTransferLimit(_, let limit):
                form.amount = nil
                return ask(.amount, "\(formatted) is over the \(Money(minorUnits: limit).formatted) per-transfer limit for \(Self.kindName(kind)). No money was moved. How much would you like to \(verb) instead?")
            case .dailyLimit(_, let limit, let remaining):
                form.amount = nil
                let left = remaining > 0 ? "\(Money(minorUnits: remaining).formatted) is left today" : "nothing is left today"
                return ask(.amount, "\(formatted) would go over the \(Money(minorUnits: limit).formatted) daily limit for \(Self.kindName(kind)): \(left). No money was moved. How much would you like to \(verb) instead?")
            case .insufficientFunds(let available):
                form.amount = nil
                return ask(.amount, "\(from.name) (…\(from.mask)) has \(Money(minorUnits: max(0, available)).formatted) available, less than \(formatted). No money was moved. How much would you like to \(verb) instead, or from which other account?")
            case .sameAccount:
                form.fromAccountID = nil
                return ask(.source, "That's the same account on both sides — \(from.name) (…\(from.mask)). Which account should the money come from?")
            case .unsupported(let reason):
                form.fromAccountID = nil
                return ask(.source, "That can't be done: \(reason). Which account should the money come from: checking or savings?")
            case .invalidAmount:
                form.amount = nil
                return ask(.amount, "The amount must be more than zero. How much would you like to \(verb)?")
            case .notFound, .idempotencyConflict:
                form.destination = nil
                return ask(.destination, "I couldn't find that \(kind == .billPayment ? "biller" : "payee") among yours. Who would you like to \(verb)?")
            }
        }
        var warning = ""
        if form.scheduledFor != nil, amount > from.available {
            warning = "\nNote: \(from.name) has \(Money(minorUnits: max(0, from.available)).formatted) available today; make sure the money is there on that date, or the payment will fail."
        }
        let summary = facts.summary(of: request)
        let expiresAt = now() + confirmationLifetime
        let confirmation = Confirmation(id: confirmationID, customerID: session.customerID, sessionID: session.id, request: request, summary: summary, expiresAt: expiresAt, state: .pending)
        try await sessions.save(confirmation)
        session.confirmationID = confirmationID
        form.asking = nil
        return Draft(
            text: preface + "\(summary)? \(Self.reaskSuffix) This request expires in 5 minutes." + warning,
            intent: intent, confirmation: .init(confirmation)
        )
    }
}
