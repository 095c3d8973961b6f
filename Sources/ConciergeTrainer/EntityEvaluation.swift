import ConciergeCore
import Foundation

/// Entity exact match on the expression tables in eval/understanding/ (written blind; their
/// conventions are in its README): amounts, transaction periods, payment dates, payees and
/// billers matched against the customer's own, and account references — each read by the same
/// readers the dialogue uses, against the demo bank as of the tables' fixed today.
enum EntityEvaluation {
    static let today = "2026-11-20"

    struct Line: Decodable {
        let kind: String
        let text: String
        let customer: String?
        let cents: Int64?
        let from: String?
        let to: String?
        let date: String?
        let payee: String?
        let biller: String?
        let accounts: [String]?
    }

    static func run(root: URL, heldOut: Bool, verbose: Bool) async throws {
        let file = heldOut ? "eval/understanding/entities-heldout.jsonl" : "eval/understanding/entities.jsonl"
        let url = root.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { print("\n(no \(file))"); return }
        let decoder = JSONDecoder()
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            .map { try decoder.decode(Line.self, from: Data($0.utf8)) }
        let ledger = MemoryLedgerStore(bank: .generate(asOf: today))
        var facts: [String: CustomerFacts] = [:]
        for customer in ["cust_alex", "cust_sam", "cust_priya"] {
            facts[customer] = CustomerFacts(
                accounts: try await ledger.accounts(customerID: customer), payees: try await ledger.payees(customerID: customer),
                billers: try await ledger.billers(customerID: customer), merchants: try await ledger.merchants(customerID: customer))
        }
        var tallies: [String: (right: Int, total: Int)] = [:]
        var misses: [String] = []
        for line in lines {
            let customerFacts = facts[line.customer ?? "cust_alex"] ?? facts["cust_alex"]!
            let reading = PaymentReader.read(line.text, facts: customerFacts, today: today)
            let got: String, want: String
            switch line.kind {
            case "amount":
                got = reading.amount.cents.map(String.init) ?? "none"
                want = line.cents.map(String.init) ?? "none"
            case "period":
                let query = MessageUnderstanding.transactionQuery(line.text, today: today, merchants: customerFacts.merchants)
                got = "\(query.from ?? "-")…\(query.to ?? "-")"
                want = "\(line.from ?? "-")…\(line.to ?? "-")"
            case "payment_date":
                if case .date(let date) = reading.date { got = date } else if reading.date == .none { got = "none" } else { got = "\(reading.date)" }
                want = line.date ?? "none"
            case "payee":
                got = "payee \(reading.payees.count == 1 ? reading.payees[0].name : reading.payees.isEmpty ? "-" : "ambiguous"), biller \(reading.billers.count == 1 ? reading.billers[0].name : reading.billers.isEmpty ? "-" : "ambiguous")"
                want = "payee \(line.payee ?? "-"), biller \(line.biller ?? "-")"
            case "account":
                got = Understanding.namedAccounts(reading).map(\.rawValue).sorted().joined(separator: ",")
                want = (line.accounts ?? []).sorted().joined(separator: ",")
            default:
                continue
            }
            let right = got == want
            tallies[line.kind, default: (0, 0)].total += 1
            if right { tallies[line.kind, default: (0, 0)].right += 1 } else { misses.append("  ✗ [\(line.kind)] \(line.text)\n      got \(got), want \(want)") }
        }
        let right = tallies.values.reduce(0) { $0 + $1.right }, total = tallies.values.reduce(0) { $0 + $1.total }
        print("\nEntities, \(heldOut ? "held-out" : "validation") table (\(file), today \(today))")
        for (kind, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            print(String(format: "  %-14@ %5.1f %%  (%d/%d)", kind, 100 * Double(tally.right) / Double(tally.total), tally.right, tally.total))
        }
        print(String(format: "  %-14@ %5.1f %%  (%d/%d) exact match", "all", 100 * Double(right) / Double(max(total, 1)), right, total))
        if verbose { misses.forEach { print($0) } }
    }
}
