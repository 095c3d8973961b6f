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

    public static func intent(_ text: String, reading: PaymentReading) -> ChatIntent {
        let base = MessageUnderstanding.intent(text)
        if base == .handoff { return .handoff }
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
        if base == .transfer || base == .billPayment { return question ? .knowledge : .unknown }
        return base
    }

    /// The accounts a message names, in any role ("what about savings", "my card balance").
    static func namedAccounts(_ reading: PaymentReading) -> [AccountKind] {
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

    /// "how long does that take", "is there a fee for it".
    static func refersBack(_ text: String) -> Bool {
        let words = ConfirmationReply.words(text)
        return words.count <= 10 && words.contains { ["that", "it", "this", "those", "they"].contains($0) }
    }
}

/// Greetings, thanks, goodbyes and "what can you do".
public enum SmallTalk {
    public enum Kind { case greeting, thanks, goodbye, help }

    static func kind(_ text: String) -> Kind {
        if MessageUnderstanding.has(text, ["bye", "goodbye", "good bye", "bye bye", "see ya", "see you", "later", "that's all", "thats all", "that is all", "i'm done", "im done", "nothing else", "cya", "ttyl", "have a good"]) {
            return .goodbye
        }
        if MessageUnderstanding.has(text, ["help", "what can you do", "what can u do", "what do you do", "options", "menu", "what can i ask", "how does this work"]) { return .help }
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
        case .help:
            "I can show your balances, find and total your transactions (by merchant, category, date or amount), move money between your accounts, send money to your saved payees, pay your saved billers now or on a date, answer questions about Pennant's services, and connect you with a person."
        }
    }
}
