import Foundation
import SharedHealth

/// The demo bank's customers, accounts, six months of transactions, payees and billers.
/// Deterministic: the same `asOf` date gives the same data in every process and replica.
public struct DemoBank: Sendable {
    public var customers: [Customer]
    public var accounts: [Account]
    public var transactions: [BankTransaction]
    public var payees: [Payee]
    public var billers: [Biller]

    /// Today's date (UTC), ISO.
    public static func today() -> String { isoDate(Date()) }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    public static func isoDate(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    public static func date(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    public static func adding(days: Int, to iso: String) -> String {
        guard let date = date(iso), let moved = calendar.date(byAdding: .day, value: days, to: date) else { return iso }
        return isoDate(moved)
    }

    struct Profile {
        let customer: Customer
        let salary: Int64  // per paycheck, twice a month
        let rent: Int64
        let checking: Int64
        let savings: Int64
        let cardOwed: Int64
        let cardLimit: Int64
        let payees: [(String, String)]
        let billers: [(String, String)]
    }

    static let profiles: [Profile] = [
        Profile(customer: Customer(id: "cust_alex", name: "Alex Morgan", email: "alex@example.com"),
                salary: 285_000, rent: 185_000, checking: 423_718, savings: 1_250_000, cardOwed: 64_233, cardLimit: 800_000,
                payees: [("Sam Rivera", "Chase"), ("Jordan Lee", "Pennant")],
                billers: [("Pacific Power & Light", "utilities"), ("Metro Water", "utilities"), ("Verizon Wireless", "phone")]),
        Profile(customer: Customer(id: "cust_sam", name: "Sam Rivera", email: "sam@example.com"),
                salary: 198_000, rent: 142_500, checking: 187_455, savings: 310_000, cardOwed: 121_870, cardLimit: 500_000,
                payees: [("Alex Morgan", "Pennant"), ("Maria Rivera", "Wells Fargo")],
                billers: [("City Electric", "utilities"), ("Comcast Xfinity", "internet")]),
        Profile(customer: Customer(id: "cust_priya", name: "Priya Shah", email: "priya@example.com"),
                salary: 412_000, rent: 265_000, checking: 915_020, savings: 4_380_000, cardOwed: 23_410, cardLimit: 1_500_000,
                payees: [("Ravi Shah", "Bank of America"), ("Lena Park", "Pennant")],
                billers: [("Pacific Gas & Electric", "utilities"), ("AT&T", "phone"), ("State Farm Insurance", "insurance")]),
    ]

    /// (merchant, category, typical amount in cents, per-month frequency)
    static let spending: [(String, String, Int64, Int)] = [
        ("Whole Foods Market", "groceries", 8_400, 4), ("Trader Joe's", "groceries", 5_600, 3),
        ("Safeway", "groceries", 4_300, 2), ("Starbucks", "dining", 650, 8), ("Blue Bottle Coffee", "dining", 780, 3),
        ("Chipotle", "dining", 1_450, 3), ("Sweetgreen", "dining", 1_650, 2), ("Uber", "transport", 2_300, 3),
        ("Lyft", "transport", 1_900, 1), ("Shell", "transport", 4_800, 2), ("Amazon", "shopping", 3_900, 4),
        ("Target", "shopping", 6_200, 1), ("Best Buy", "shopping", 12_900, 0), ("Netflix", "entertainment", 1_549, 1),
        ("Spotify", "entertainment", 1_199, 1), ("AMC Theatres", "entertainment", 3_200, 1), ("CVS Pharmacy", "health", 2_400, 1),
    ]

    public static func generate(asOf today: String) -> DemoBank {
        var bank = DemoBank(customers: [], accounts: [], transactions: [], payees: [], billers: [])
        for (customerIndex, profile) in profiles.enumerated() {
            let c = profile.customer
            let suffix = c.id.replacingOccurrences(of: "cust_", with: "")
            var random = SeededRandom(seed: UInt64(customerIndex + 1) * 0x9E37_79B9)
            func mask() -> String { String(format: "%04d", Int(random.next() % 10_000)) }
            let checking = Account(id: "acc_\(suffix)_chk", customerID: c.id, kind: .checking, name: "Everyday Checking", mask: mask(), currency: "USD", balance: profile.checking, creditLimit: nil)
            let savings = Account(id: "acc_\(suffix)_sav", customerID: c.id, kind: .savings, name: "High-Yield Savings", mask: mask(), currency: "USD", balance: profile.savings, creditLimit: nil)
            let card = Account(id: "acc_\(suffix)_cc", customerID: c.id, kind: .creditCard, name: "Pennant Rewards Card", mask: mask(), currency: "USD", balance: -profile.cardOwed, creditLimit: profile.cardLimit)
            bank.customers.append(c)
            bank.accounts += [checking, savings, card]
            for (i, payee) in profile.payees.enumerated() {
                bank.payees.append(Payee(id: "pay_\(suffix)_\(i + 1)", customerID: c.id, name: payee.0, bank: payee.1, mask: mask()))
            }
            for (i, biller) in profile.billers.enumerated() {
                bank.billers.append(Biller(id: "bil_\(suffix)_\(i + 1)", customerID: c.id, name: biller.0, category: biller.1, mask: mask()))
            }

            var serial = 0
            func add(_ account: Account, _ day: String, _ merchant: String, _ category: String, _ amount: Int64, _ status: TransactionStatus = .posted) {
                serial += 1
                bank.transactions.append(BankTransaction(id: "txn_\(suffix)_\(String(format: "%05d", serial))", accountID: account.id, date: day, merchant: merchant, category: category, amount: amount, status: status))
            }
            // 183 days back to today.
            for back in stride(from: 183, through: 0, by: -1) {
                let day = adding(days: -back, to: today)
                let dayOfMonth = Int(day.suffix(2))!
                if dayOfMonth == 1 || dayOfMonth == 15 { add(checking, day, "Acme Corp Payroll", "income", profile.salary) }
                if dayOfMonth == 1 { add(checking, day, "Parkview Apartments", "rent", -profile.rent) }
                if dayOfMonth == 3 { add(checking, day, "Transfer to High-Yield Savings", "transfer", -20_000); add(savings, day, "Transfer from Everyday Checking", "transfer", 20_000) }
                if dayOfMonth == 28 { add(savings, day, "Interest earned", "interest", profile.savings * 37 / 12_000) }
                if dayOfMonth == 20 {
                    let payment = 30_000 + Int64(random.next() % 40_000)
                    add(checking, day, "Payment to Pennant Rewards Card", "transfer", -payment)
                    add(card, day, "Payment received", "transfer", payment)
                }
                if dayOfMonth == 12, let biller = profile.billers.first {
                    add(checking, day, biller.0, biller.1, -(6_000 + Int64(random.next() % 9_000)))
                }
                for (merchant, category, typical, perMonth) in spending where perMonth > 0 {
                    // About perMonth purchases a month, on seeded days; amounts ±40 %.
                    guard random.next() % 30 < UInt64(perMonth) else { continue }
                    let amount = typical * Int64(60 + random.next() % 81) / 100
                    let onCard = random.next() % 3 != 0
                    add(onCard ? card : checking, day, merchant, category, -amount, back < 2 ? .pending : .posted)
                }
            }
        }
        return bank
    }
}
