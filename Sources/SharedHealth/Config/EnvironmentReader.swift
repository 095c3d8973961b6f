#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A configuration value that cannot be used. Its description is the one line a service prints
/// before it exits: the variable, what it expects and what it got (never the value of a secret).
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let variable: String
    public let expected: String
    public let got: String?

    public init(variable: String, expected: String, got: String?) {
        self.variable = variable
        self.expected = expected
        self.got = got
    }

    public var description: String {
        if let got {
            return "configuration error: \(variable) must be \(expected) (got \"\(got)\")"
        }
        return "configuration error: \(variable) must be \(expected)"
    }
}

/// Typed reads of environment variables. Unset or empty means "use the default"; a value that is
/// set but malformed is a `ConfigurationError`, never silently replaced by the default.
public struct EnvironmentReader: Sendable {
    public let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The process environment.
    public static func process() -> EnvironmentReader {
        var values: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let separator = pair.firstIndex(of: "=") {
                values[String(pair[..<separator])] = String(pair[pair.index(after: separator)...])
            }
            pointer += 1
        }
        return EnvironmentReader(values)
    }

    public func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingSpaces(), !value.isEmpty else { return nil }
        return value
    }

    public func string(_ name: String, default defaultValue: String) -> String {
        string(name) ?? defaultValue
    }

    public func int(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = string(name) else { return defaultValue }
        guard let value = Int(raw), range.contains(value) else {
            throw ConfigurationError(
                variable: name,
                expected: "an integer from \(range.lowerBound) to \(range.upperBound)",
                got: raw
            )
        }
        return value
    }

    public func double(_ name: String, default defaultValue: Double, range: ClosedRange<Double>) throws -> Double {
        guard let raw = string(name) else { return defaultValue }
        guard let value = Double(raw), value.isFinite, range.contains(value) else {
            throw ConfigurationError(
                variable: name,
                expected: "a number from \(range.lowerBound) to \(range.upperBound)",
                got: raw
            )
        }
        return value
    }

    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let raw = string(name) else { return defaultValue }
        switch raw.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            throw ConfigurationError(variable: name, expected: "true or false", got: raw)
        }
    }

    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: T) throws -> T
    where T.RawValue == String {
        guard let raw = string(name) else { return defaultValue }
        guard let value = T(rawValue: raw.lowercased()) else {
            let options = T.allCases.map(\.rawValue).joined(separator: "|")
            throw ConfigurationError(variable: name, expected: "one of \(options)", got: raw)
        }
        return value
    }

    /// An absolute http(s) URL with a host; a trailing slash is removed so paths can be appended.
    public func url(_ name: String, default defaultValue: String) throws -> String {
        let raw = string(name) ?? defaultValue
        let lower = raw.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw ConfigurationError(variable: name, expected: "an http:// or https:// URL", got: raw)
        }
        let afterScheme = raw.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard afterScheme.count >= 3, !afterScheme[2].isEmpty, !raw.contains(" ") else {
            throw ConfigurationError(variable: name, expected: "an http:// or https:// URL with a host", got: raw)
        }
        var url = raw
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A secret: like `string`, but a bad value is never echoed back in the error.
    public func secret(_ name: String, minimumLength: Int = 1) throws -> String? {
        guard let value = string(name) else { return nil }
        guard value.count >= minimumLength else {
            throw ConfigurationError(
                variable: name,
                expected: "at least \(minimumLength) characters",
                got: nil
            )
        }
        // The template's values are public: a service started with one is a service anyone
        // can forge tokens for or call as a peer. The value itself is never echoed.
        guard !Self.isPlaceholder(value) else {
            throw ConfigurationError(variable: name, expected: "a generated secret, not a placeholder like .env.template's change-me… (openssl rand -hex 24)", got: nil)
        }
        return value
    }

    /// Whether a secret is a placeholder (`change-me…` as in `.env.template` and the example
    /// Kubernetes secret, or a close spelling of it).
    public static func isPlaceholder(_ value: String) -> Bool {
        let folded = value.lowercased().filter { $0.isLetter }
        return ["changeme", "replaceme", "yoursecrethere", "placeholder"].contains { folded.contains($0) }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
