/// A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line must
/// be a comment, a `# HELP`/`# TYPE` line or a sample with a valid name, labels and value.
public struct PrometheusSample: Equatable, Sendable {
    public var name: String
    public var labels: [String: String]
    public var value: Double
}

public struct PrometheusParseError: Error, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}

public enum PrometheusText {
    public static func parse(_ text: String) throws -> [PrometheusSample] {
        var samples: [PrometheusSample] = []
        var types: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
                if parts.count >= 2, parts[1] == "TYPE" {
                    guard parts.count == 4, isMetricName(String(parts[2])),
                        ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3])
                    else { throw PrometheusParseError(line: number, reason: "bad TYPE line") }
                    guard types[String(parts[2])] == nil else {
                        throw PrometheusParseError(line: number, reason: "second TYPE for \(parts[2])")
                    }
                    types[String(parts[2])] = String(parts[3])
                } else if parts.count >= 2, parts[1] == "HELP" {
                    guard parts.count >= 3, isMetricName(String(parts[2])) else {
                        throw PrometheusParseError(line: number, reason: "bad HELP line")
                    }
                }
                continue
            }
            samples.append(try parseSample(line, number: number))
        }
        return samples
    }

    static func parseSample(_ line: String, number: Int) throws -> PrometheusSample {
        var scalars = Substring(line)
        let name = String(scalars.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" })
        guard isMetricName(name) else { throw PrometheusParseError(line: number, reason: "bad metric name") }
        scalars = scalars.dropFirst(name.count)
        var labels: [String: String] = [:]
        if scalars.first == "{" {
            scalars = scalars.dropFirst()
            while scalars.first != "}" {
                let key = String(scalars.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                guard !key.isEmpty, !(key.first!.isNumber) else { throw PrometheusParseError(line: number, reason: "bad label name") }
                scalars = scalars.dropFirst(key.count)
                guard scalars.hasPrefix("=\"") else { throw PrometheusParseError(line: number, reason: "expected =\" after label") }
                scalars = scalars.dropFirst(2)
                var value = ""
                while true {
                    guard let character = scalars.first else { throw PrometheusParseError(line: number, reason: "unterminated label value") }
                    scalars = scalars.dropFirst()
                    if character == "\\" {
                        guard let escaped = scalars.first else { throw PrometheusParseError(line: number, reason: "bad escape") }
                        scalars = scalars.dropFirst()
                        switch escaped {
                        case "n": value.append("\n")
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        default: throw PrometheusParseError(line: number, reason: "bad escape")
                        }
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                labels[key] = value
                if scalars.first == "," { scalars = scalars.dropFirst() }
            }
            scalars = scalars.dropFirst()
        }
        guard scalars.first == " " else { throw PrometheusParseError(line: number, reason: "expected space before value") }
        let fields = scalars.split(separator: " ")
        guard fields.count == 1 || fields.count == 2 else { throw PrometheusParseError(line: number, reason: "bad value field") }
        let valueText = String(fields[0])
        let value: Double
        switch valueText {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        case "NaN": value = .nan
        default:
            guard let parsed = Double(valueText) else { throw PrometheusParseError(line: number, reason: "bad value \(valueText)") }
            value = parsed
        }
        if fields.count == 2, Int64(fields[1]) == nil { throw PrometheusParseError(line: number, reason: "bad timestamp") }
        return PrometheusSample(name: name, labels: labels, value: value)
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == ":" }
    }
}
