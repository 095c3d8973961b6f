import Foundation

/// The intent of one turn for the dialogue manager: the keyword understanding
/// (`MessageUnderstanding`) with payments decided by what the message names — a payment verb
/// and something to pay (an amount, a payee, a biller, an account direction) — and how-to
/// questions about payments left to the help center.
public enum Understanding {
    static let questionCues = [
        "how do", "how can", "how long", "how much does", "how much is the", "how many", "why", "what is", "what's the", "whats the",
        "what are", "when will", "when does", "is there", "are there", "do you", "does it", "fee", "fees", "limit", "limits", "where",
        "can i cancel", "how to", "what happens", "what if",
    ]
    static let followUpStarts = ["and", "what about", "how about", "same for", "same but", "ok and", "also", "now", "what abt", "n"]

    /// Words that make a question about an account a help-center question, not a balance.
    static let topicWords = [
        "interest", "rate", "apy", "fee", "fees", "open", "close", "statement", "statements", "work", "works", "overdraft", "raise",
        "routing", "number", "freeze", "lost", "stolen", "activate", "pin", "dispute", "rewards", "cashback", "increase", "joint",
        "how do", "how can", "how long", "why", "can i", "difference", "replace", "cancel",
    ]
    static let amountQuestion = ["how much", "what's", "whats", "wats", "what is", "left", "at now", "got", "have", "balance", "bal", "in my", "status"]
    static let howTo = ["how do", "how can", "how to", "why", "can i", "should i", "what is a", "what's a"]

    /// The turn's intent: the rules where they are sure (a payment with something to pay, an
    /// explicit request for a person), the trained model where they are not.
    public static func intent(_ text: String, reading: PaymentReading, merchants: [String] = [], model: IntentModel? = IntentModel.bundled) -> ChatIntent {
        let ruled = ruleIntent(text, reading: reading, merchants: merchants)
        // A bare "yes" or "no" is the dialogue's to read (the model has no such topic).
        if ruled == .unknown, ConfirmationReply.words(text).count <= 4, ConfirmationReply.classify(text) != .other { return ruled }
        guard let model else { return ruled }
        let readings = model.read(text, top: 2)
        guard let first = readings.first else { return ruled }
        if ruled == .unknown || ruled == .knowledge, let placed = placeable(readings).first { return refined(ruled, by: placed, text: text, reading: reading) }
        return refined(ruled, by: first, text: text, reading: reading)
    }

    /// Small talk the rules did not see is not the model's to start: when that is its first
    /// reading of a message the rules could not place and a support topic is its
    /// second, the second decides ("can you remove my account" — a capability question, or
    /// closing the account). The rest are renormalized: the chance of each, given that the
    /// message is not the reading set aside.
    static func placeable(_ readings: [IntentModel.Reading]) -> [IntentModel.Reading] {
        guard let first = readings.first, case .account(let label) = first.topic, label.intent == .greeting,
              readings.count > 1, case .support = readings[1].topic, first.probability < 1 else { return readings }
        return readings.dropFirst().map { IntentModel.Reading(topic: $0.topic, label: $0.label, probability: $0.probability / (1 - first.probability)) }
    }

    /// Above this the model's reading replaces the rules' for a topic the rules guessed from a
    /// word ("bought" → transactions for "the exchange rate was wrong when I bought…").
    static let overrideConfidence: Float = 0.6
    /// Above this the model places a message the rules could not.
    static let placeConfidence: Float = 0.4

    static func refined(_ ruled: ChatIntent, by reading: IntentModel.Reading, text: String, reading payment: PaymentReading) -> ChatIntent {
        switch ruled {
        case .transfer, .billPayment, .handoff, .confirm, .cancel, .blocked:
            // Payment-shaped or explicit: the rules' precision stands.
            return ruled
        case .balance, .transactions, .greeting:
            // A confident support topic wins over a keyword guess; an account reading keeps it.
            if case .support = reading.topic, reading.probability >= overrideConfidence { return .knowledge }
            return ruled
        case .knowledge, .unknown:
            // An amount, a payee or a direction ("and from savings pls") fills a payment's
            // slots: the dialogue reads it, not the model.
            if ruled == .unknown, payment.amount.isMentioned || payment.hasDestination || payment.source != nil,
               !MessageUnderstanding.has(text, questionCues + howTo) { return ruled }
            switch reading.topic {
            case .support:
                return ruled == .knowledge || reading.probability >= placeConfidence ? .knowledge : ruled
            case .account(let label):
                // Payments and small talk stay with the rules: a payment needs something to pay
                // from the message itself, and a short reply inside a conversation ("now
                // ravi") is the dialogue's to read, not a greeting.
                guard reading.probability >= placeConfidence, !label.intent.isPayment, label.intent != .greeting else { return ruled }
                return label.intent
            }
        }
    }

    /// The keyword rules. `merchants` are the customer's own, so "and at chipotle?" or "how
    /// much did i blow at starbucks" read as transaction questions.
    static func ruleIntent(_ text: String, reading: PaymentReading, merchants: [String] = []) -> ChatIntent {
        let base = MessageUnderstanding.intent(text)
        if base == .handoff || base == .greeting && !reading.hasPaymentVerb { return base }
        let question = MessageUnderstanding.has(text, questionCues)
        if reading.hasPaymentVerb, !question {
            let shaped = reading.amount.isMentioned || !reading.payees.isEmpty || !reading.billers.isEmpty || reading.destination != nil
                || reading.source != nil || reading.unknownPayee != nil || reading.foreignSource != nil || reading.mentionsBill
                || MessageUnderstanding.has(text, ["money", "cash", "funds", "a payment", "someone", "a transfer"])
                || ConfirmationReply.words(text).count <= 2
            if shaped {
                if (reading.mentionsBill || !reading.billers.isEmpty), reading.payees.isEmpty, reading.destination == nil { return .billPayment }
                return .transfer
            }
        }
        if base == .transfer || base == .billPayment { return question ? .knowledge : base }
        // "$50 to Sam", "40 bucks to jordan": an amount and a recipient are a payment request.
        if !question, reading.amount.isMentioned, !reading.payees.isEmpty || reading.destination != nil || reading.unknownPayee != nil || !reading.billers.isEmpty {
            return !reading.billers.isEmpty && reading.payees.isEmpty ? .billPayment : .transfer
        }
        if base == .unknown || base == .knowledge {
            // "whats my checking at now", "wats in savings rn", "how much in checking".
            if !namedAccounts(reading).isEmpty, !reading.hasPaymentVerb, MessageUnderstanding.has(text, amountQuestion), !MessageUnderstanding.has(text, topicWords) {
                return .balance
            }
            // A merchant or a spending category of the customer's own, not a how-to question.
            // One pass over the words, then byte searches: no per-merchant tokenizing.
            let padded = MessageUnderstanding.paddedWords(text)
            let lower = Array(text.lowercased().utf8)
            let namesMerchant = merchants.contains { merchant in
                let name = merchant.lowercased()
                let key = name.split(separator: " ").first.map(String.init) ?? name
                if lower.containsBytes(Array(name.utf8)) { return true }
                guard key.count >= 3 else { return false }
                return MessageUnderstanding.containsPhrase(padded, key) || MessageUnderstanding.containsPhrase(padded, key.filter { $0 != "'" })
            }
            let namesCategory = MessageUnderstanding.words(text).contains { MessageUnderstanding.categoryWords[$0] != nil }
            if namesMerchant || (namesCategory && base == .unknown) || (namesCategory && MessageUnderstanding.has(text, ["did", "was", "last", "this month", "last month", "go out", "went"])),
               !MessageUnderstanding.has(text, howTo) {
                return .transactions
            }
        }
        return base
    }

    /// The accounts a message names, in any role ("what about savings", "my card balance").
    public static func namedAccounts(_ reading: PaymentReading) -> [AccountKind] {
        var kinds = reading.accounts
        for kind in [reading.source, reading.destination].compactMap({ $0 }) where !kinds.contains(kind) { kinds.append(kind) }
        return kinds
    }

    /// "and last week?", "what about savings", "how about chipotle".
    static func isFollowUp(_ text: String) -> Bool {
        let words = ConfirmationReply.words(text).filter { $0 != "?" }
        guard words.count <= 7 else { return false }
        let joined = words.joined(separator: " ")
        return followUpStarts.contains { joined == $0 || joined.hasPrefix($0 + " ") }
    }

    /// "the other way round", "reverse it".
    static func asksToSwap(_ text: String) -> Bool {
        MessageUnderstanding.has(text, ["other way", "other way round", "other way around", "the other direction", "reverse it", "the opposite", "opposite way", "swap them", "backwards"])
    }

    /// "how long does that take", "is there a fee for it".
    static func refersBack(_ text: String) -> Bool {
        let words = ConfirmationReply.words(text)
        return words.count <= 10 && words.contains { ["that", "it", "this", "those", "they"].contains($0) }
    }
}

/// Greetings, thanks, goodbyes and "what can you do".
public enum SmallTalk {
    public enum Kind { case greeting, thanks, goodbye, help, identity }

    static func kind(_ text: String) -> Kind {
        if MessageUnderstanding.has(text, ["bye", "goodbye", "good bye", "bye bye", "see ya", "see you", "later", "that's all", "thats all", "that is all", "i'm done", "im done", "nothing else", "cya", "ttyl", "have a good"]) {
            return .goodbye
        }
        if MessageUnderstanding.has(text, ["are you a bot", "are you a real person", "are you human", "are you a robot", "are you real", "are you a person", "is this a bot", "who are you"]) {
            return .identity
        }
        if MessageUnderstanding.has(text, ["help", "what can you do", "what can u do", "what do you do", "options", "menu", "what can i ask", "how does this work", "what can you help", "can you help me with", "what kinds of things", "what kind of things"]) { return .help }
        if MessageUnderstanding.has(text, ["thanks", "thank you", "thank u", "thx", "ty", "tysm", "cheers", "appreciate it", "appreciated", "great", "awesome", "perfect"]) {
            return .thanks
        }
        return .greeting
    }

    static func reply(_ kind: Kind) -> String {
        switch kind {
        case .greeting:
            "Hi! I can check balances, find transactions, move money between your accounts, pay saved payees and billers, and answer questions about Pennant."
        case .thanks:
            "You're welcome! Is there anything else I can help with?"
        case .goodbye:
            "Thanks for chatting with Pennant. Have a good day!"
        case .identity:
            "I'm Pennant's virtual assistant, not a person. I can help with balances, transactions, transfers, bill payments and questions about Pennant — or connect you with someone from our support team if you'd like."
        case .help:
            "I can show your balances, find and total your transactions (by merchant, category, date or amount), move money between your accounts, send money to your saved payees, pay your saved billers now or on a date, answer questions about Pennant's services, and connect you with a person."
        }
    }
}
