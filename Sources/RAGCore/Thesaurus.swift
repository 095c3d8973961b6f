/// Customers and help articles name the same things differently ("shut my account" / "close
/// your account", "my salary" / "direct deposit"). Purely lexical retrieval misses those, so
/// both documents and queries get a concept term for every word in a synonym group: the word
/// "shut" adds `zqclose`, and so does "closing" in an article. Groups are general consumer-
/// banking vocabulary, matched on stems; a word can belong to several groups.
public enum Thesaurus {
    static let groups: [String: [String]] = [
        "open": ["open", "opening", "signup", "enroll", "enrol", "join", "start", "create", "apply", "application", "become", "new"],
        "close": ["close", "closing", "closed", "shut", "cancel", "terminate", "leave", "leaving", "quit", "end"],
        "joint": ["joint", "shared", "share", "co-owner", "coowner", "owner", "wife", "husband", "spouse", "partner", "together", "both"],
        "salary": ["salary", "paycheck", "payroll", "wage", "wages", "pay", "employer", "benefits", "income"],
        "deposit": ["deposit", "deposited", "deposits", "credited", "arrive", "arrived", "incoming", "receive", "received"],
        "stolen": ["stolen", "stole", "steal", "theft", "thief", "robbed", "took", "taken", "pickpocketed"],
        "lost": ["lost", "lose", "missing", "misplaced", "find", "left", "gone"],
        "freeze": ["freeze", "frozen", "lock", "locked", "pause", "paused", "block", "blocked", "suspend", "disable", "temporarily"],
        "decline": ["decline", "declined", "reject", "rejected", "refused", "denied", "failed", "fail", "through", "work", "working"],
        "card": ["card", "debit", "credit", "visa", "mastercard", "plastic"],
        "pin": ["pin", "code", "passcode", "digit", "digits"],
        "password": ["password", "passcode", "login", "log", "signin", "sign", "credentials"],
        "limit": ["limit", "limits", "maximum", "max", "most", "cap", "capped", "allowed", "ceiling", "much"],
        "increase": ["increase", "raise", "higher", "more", "boost", "extend"],
        "transfer": ["transfer", "transfers", "send", "sent", "move", "moving", "zelle", "wire", "pay"],
        "payee": ["payee", "recipient", "beneficiary", "friend", "person", "someone", "family", "landlord"],
        "biller": ["biller", "bill", "bills", "utility", "electric", "electricity", "water", "phone", "company", "provider"],
        "schedule": ["schedule", "scheduled", "recurring", "repeat", "repeating", "automatic", "automatically", "autopay", "every", "monthly", "weekly", "standing"],
        "cancel": ["cancel", "cancelled", "canceled", "undo", "stop", "reverse", "recall", "revoke", "skip"],
        "wrong": ["wrong", "mistake", "mistaken", "error", "incorrect", "accidentally", "typo"],
        "late": ["late", "delayed", "slow", "overdue", "never", "yet", "still"],
        "time": ["time", "long", "when", "days", "hours", "arrive", "timing", "quickly", "fast", "soon", "until"],
        "cutoff": ["cutoff", "cut-off", "deadline", "weekend", "saturday", "sunday", "holiday", "business"],
        "fee": ["fee", "fees", "charge", "charges", "cost", "costs", "price", "prices", "pricing", "pay", "free"],
        "atm": ["atm", "atms", "cash", "machine", "withdraw", "withdrawal", "dispense", "dispensed"],
        "abroad": ["abroad", "foreign", "international", "overseas", "travel", "traveling", "travelling", "europe", "mexico", "uk", "germany", "india", "country", "countries", "currency"],
        "iban": ["iban", "swift", "bic", "sort"],
        "dispute": ["dispute", "disputes", "contest", "chargeback", "chargebacks", "claim", "refund", "refunds", "return", "returned", "merchant"],
        "duplicate": ["duplicate", "twice", "double", "doubled", "two"],
        "pending": ["pending", "hold", "holds", "held", "authorization", "authorisation"],
        "fraud": ["fraud", "fraudulent", "unauthorized", "unrecognized", "recognize", "suspicious", "unknown", "scam", "scams", "scammer"],
        "phishing": ["phishing", "phish", "scam", "scammer", "fake", "impersonate", "caller", "called", "call", "email", "text", "link", "gift"],
        "hacked": ["hacked", "hacker", "compromised", "takeover", "accessed", "breach", "breached", "intruder", "someone"],
        "device": ["device", "devices", "phone", "session", "sessions", "logged", "signed", "everywhere"],
        "twofactor": ["two-step", "two-factor", "2fa", "mfa", "authenticator", "verification", "otp", "sms", "code"],
        "reward": ["reward", "rewards", "points", "point", "cashback", "cash-back", "offer", "offers", "redeem", "miles"],
        "app": ["app", "application", "mobile", "phone", "iphone", "android", "software"],
        "crash": ["crash", "crashes", "crashing", "closing", "freezes", "frozen", "stuck", "loading", "load", "broken", "bug", "reinstall", "delete"],
        "notification": ["notification", "notifications", "notify", "notified", "alert", "alerts", "push", "message", "messages"],
        "identity": ["identity", "id", "verify", "verification", "verified", "selfie", "license", "passport", "kyc", "proof", "document", "documents"],
        "address": ["address", "moved", "move", "relocate", "home"],
        "name": ["name", "surname", "married", "marriage", "divorce", "maiden"],
        "contact": ["contact", "phone", "email", "number"],
        "statement": ["statement", "statements", "document", "documents", "pdf", "1099", "tax", "letter", "proof"],
        "interest": ["interest", "apy", "apr", "rate", "yield", "earn", "earning", "earns"],
        "minimum": ["minimum", "smallest", "least", "min", "lowest"],
        "overdraft": ["overdraft", "overdraw", "overdrawn", "overdrafts", "cover", "coverage", "short", "insufficient", "nsf"],
        "negative": ["negative", "minus", "below", "zero", "overdrawn", "owe", "bounced", "bounce"],
        "privacy": ["privacy", "private", "data", "information", "info", "personal", "sell", "share", "safe", "protect"],
        "delete": ["delete", "deletion", "erase", "remove", "forget", "wipe"],
        "export": ["export", "download", "copy", "archive"],
        "chat": ["chat", "chatbot", "bot", "assistant", "conversation", "transcript", "transcripts", "logs"],
        "human": ["human", "person", "agent", "representative", "someone", "real", "speak", "talk", "support"],
        "complaint": ["complaint", "complain", "unhappy", "dissatisfied", "escalate", "cfpb", "regulator", "handled"],
        "accessibility": ["accessibility", "deaf", "blind", "relay", "braille", "hearing", "disability"],
        "check": ["check", "cheque", "checks", "endorse", "endorsement", "camera", "photo"],
        "available": ["available", "availability", "spend", "usable", "hold", "cleared"],
        "death": ["death", "deceased", "died", "passed", "bereavement", "estate", "executor", "late", "probate", "inheritance"],
        "creditlimit": ["credit", "limit", "spending", "line"],
        "score": ["score", "bureau", "bureaus", "report", "inquiry"],
        "advice": ["advice", "invest", "investment", "investing", "tax", "legal"],
        "confirm": ["confirm", "confirmation", "approve", "yes", "expire", "expires"],
    ]

    /// Concept terms are plain lower-case letters (so PostgreSQL's `simple` text-search
    /// configuration keeps them whole) with a prefix no English word has.
    public static let conceptPrefix = "zq"

    /// stem → concept terms.
    static let index: [String: [String]] = {
        var index: [String: [String]] = [:]
        for (concept, words) in groups {
            for word in words {
                let stem = TextAnalyzer.stem(word.replacingOccurrences(of: "-", with: ""))
                index[stem, default: []].append(conceptPrefix + concept)
            }
        }
        return index.mapValues { Array(Set($0)).sorted() }
    }()

    /// The concept terms of a stemmed word (empty for most words).
    public static func concepts(ofStem stem: String) -> [String] {
        index[stem] ?? []
    }
}
