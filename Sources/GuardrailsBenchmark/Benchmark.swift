import Foundation
import GuardrailsCore

/// In-process throughput of the guardrails engine (no HTTP): runs every message of a JSONL
/// file (`{"text": …}` per line) through each check and the full input policy, and prints
/// microseconds per message and messages per second on one core.
///
///     GuardrailsBenchmark [eval/guardrails/pii_corpus.jsonl] [--rounds 5] [--length 200] [--only full]
@main
struct GuardrailsBenchmark {
    static func main() {
        var path = "eval/guardrails/pii_corpus.jsonl"
        var rounds = 5
        var length: Int?
        var only: String?
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--rounds": rounds = arguments.next().flatMap(Int.init) ?? rounds
            case "--length": length = arguments.next().flatMap(Int.init)
            case "--only": only = arguments.next()
            case let option where option.hasPrefix("--"): fail("unknown option \(option)")
            default: path = argument
            }
        }
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
        struct Line: Decodable { let text: String }
        let decoder = JSONDecoder()
        var texts: [String]
        do {
            texts = try contents.split(separator: "\n").map { try decoder.decode(Line.self, from: Data($0.utf8)).text }
        } catch {
            fail("\(error)")
        }
        if let length {
            texts = texts.enumerated().map { index, text in
                String((text + " " + texts[(index + 7) % texts.count] + String(repeating: " ", count: length)).prefix(length))
            }
        }
        let engine = GuardrailsEngine(hashSecret: "benchmark")
        print("\(texts.count) messages\(length.map { " of \($0) characters" } ?? ""), \(rounds) rounds, one thread")
        let cases: [(String, Set<CheckKind>?)] = [("pii", [.pii]), ("injection", [.injection]), ("toxicity", [.toxicity]), ("advice", [.advice]), ("full input policy", nil)]
        for (name, checks) in cases where only.map({ name.hasPrefix($0) }) ?? true {
            var best = Double.infinity
            var sink = 0
            for _ in 0..<rounds {
                let started = ContinuousClock.now
                for text in texts {
                    sink &+= engine.check(text, direction: .input, checks: checks).findings.count
                }
                let elapsed = ContinuousClock.now - started
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let micros = best / Double(texts.count) * 1e6
            let label = name.padding(toLength: 18, withPad: " ", startingAt: 0)
            print(label + String(format: " %7.1f µs/message  %8.0f messages/s  (findings %d)", micros, 1e6 / micros, sink / rounds))
        }
    }

    /// A missing or malformed corpus file, or an unknown option: one line, not a trap.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("GuardrailsBenchmark: \(message)\n".utf8))
        exit(1)
    }
}
