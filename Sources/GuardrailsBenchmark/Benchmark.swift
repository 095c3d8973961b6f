import Foundation
import GuardrailsCore

/// In-process throughput of the guardrails engine (no HTTP): runs every message of a JSONL
/// file (`{"text": …}` per line) through each check and the full input policy, and prints
/// microseconds per message and messages per second on one core.
///
///     GuardrailsBenchmark [eval/guardrails/pii_corpus.jsonl] [--rounds 5] [--length 200] [--only full]
///     GuardrailsBenchmark --adversarial [--max-kb 1000]
///
/// `--adversarial` prints the full input policy's time per kB on shapes built to be slow
/// (spaced, dotted and dashed digits, separator runs, repeated cue words, combining marks, one
/// character) at 1, 10, 100 and 1,000 kB: a linear scanner shows a flat line.
@main
struct GuardrailsBenchmark {
    static func main() {
        var path = "eval/guardrails/pii_corpus.jsonl"
        var rounds = 5
        var length: Int?
        var only: String?
        var adversarial = false
        var maxKB = 1_000
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--adversarial": adversarial = true
            case "--max-kb": maxKB = arguments.next().flatMap(Int.init) ?? maxKB
            case "--rounds": rounds = arguments.next().flatMap(Int.init) ?? rounds
            case "--length": length = arguments.next().flatMap(Int.init)
            case "--only": only = arguments.next()
            case let option where option.hasPrefix("--"): fail("unknown option \(option)")
            default: path = argument
            }
        }
        if adversarial { return adversarialShapes(maxKB: maxKB) }
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
        // The learned attack model alone (part of the injection check).
        if let model = AttackModel.bundled, only.map({ "attack model".hasPrefix($0) }) ?? true {
            var best = Double.infinity
            var sink = 0.0
            for _ in 0..<rounds {
                let started = ContinuousClock.now
                for text in texts { sink += model.attackProbability(text) }
                let elapsed = ContinuousClock.now - started
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let micros = best / Double(texts.count) * 1e6
            print("attack model".padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: " %7.1f µs/message  %8.0f messages/s  (mean %.3f)", micros, 1e6 / micros, sink / Double(rounds * texts.count)))
        }
    }

    static let shapes: [(String, String)] = [
        ("spaced digits", "1 "), ("dotted digits", "1."), ("dashed digits", "1-"), ("card-like groups", "4111 1111 1111 1111 "),
        ("separator run", "- . "), ("repeated cue words", "ssn account routing ignore previous instructions "),
        ("combining marks", "e\u{0301}\u{0302}\u{0303} "), ("one character", "a"), ("digits only", "7"),
    ]

    static func adversarialShapes(maxKB: Int) {
        let engine = GuardrailsEngine(hashSecret: "benchmark")
        let sizes = [1, 10, 100, 1_000].filter { $0 <= maxKB }
        print("full input policy, µs per kB (UTF-8), one thread, one run per size")
        print("shape".padding(toLength: 20, withPad: " ", startingAt: 0) + sizes.map { String(repeating: " ", count: max(0, 10 - "\($0) kB".count)) + "\($0) kB" }.joined())
        for (name, unit) in shapes {
            var line = name.padding(toLength: 20, withPad: " ", startingAt: 0)
            for kilobytes in sizes {
                var text = ""
                while text.utf8.count < kilobytes * 1_000 { text += unit }
                let started = ContinuousClock.now
                _ = engine.check(text, direction: .input)
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                line += String(format: "%10.1f", seconds * 1e6 / Double(text.utf8.count) * 1_000)
            }
            print(line)
        }
    }

    /// A missing or malformed corpus file, or an unknown option: one line, not a trap.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("GuardrailsBenchmark: \(message)\n".utf8))
        exit(1)
    }
}
