import NIOCore

extension GuardrailsController.CheckRequest {
    /// Reads the common shape of a `/v1/check` body by hand: one flat object whose keys are
    /// `text`, `direction` and `checks`, each at most once, with plain strings (escapes other
    /// than `\uXXXX` allowed), `null`, or for `checks` an array of such strings. Anything else
    /// — another key, a nested value, a `\u` escape, invalid UTF-8, a control character, a
    /// malformed body — returns nil, and the caller decodes with `JSONDecoder`, so errors and
    /// every unusual input are handled exactly as everywhere else. `JSONDecoder` cost about as
    /// much as a twentieth of the whole request.
    static func readFast(_ buffer: ByteBuffer) -> Self? {
        buffer.withUnsafeReadableBytes { bytes -> Self? in
            var reader = FlatJSONReader(bytes: bytes)
            return reader.readCheckRequest()
        }
    }
}

/// A cursor over the bytes of a small flat JSON object, giving up (nil) at the first thing it
/// does not handle.
struct FlatJSONReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func readCheckRequest() -> GuardrailsController.CheckRequest? {
        var text: String?
        var direction: String?
        var checks: [String]?
        var seen: (text: Bool, direction: Bool, checks: Bool) = (false, false, false)
        guard consume(UInt8(ascii: "{")) else { return nil }
        if !consume(UInt8(ascii: "}")) {
            repeat {
                guard let key = readString(), consume(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "text":
                    guard !seen.text, let value = readNullableString() else { return nil }
                    seen.text = true
                    text = value
                case "direction":
                    guard !seen.direction, let value = readNullableString() else { return nil }
                    seen.direction = true
                    direction = value
                case "checks":
                    guard !seen.checks else { return nil }
                    seen.checks = true
                    if consumeNull() {
                        checks = nil
                    } else {
                        guard consume(UInt8(ascii: "[")) else { return nil }
                        var names: [String] = []
                        if !consume(UInt8(ascii: "]")) {
                            repeat {
                                guard let name = readString() else { return nil }
                                names.append(name)
                            } while consume(UInt8(ascii: ","))
                            guard consume(UInt8(ascii: "]")) else { return nil }
                        }
                        checks = names
                    }
                default:
                    return nil
                }
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        return GuardrailsController.CheckRequest(text: text, direction: direction, checks: checks)
    }

    /// Skips whitespace, then takes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// A string or `null` (the outer optional is nil when it is neither).
    mutating func readNullableString() -> String?? {
        if consumeNull() { return .some(nil) }
        return readString().map { .some($0) }
    }

    /// A JSON string without `\u` escapes, as valid UTF-8.
    mutating func readString() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { return nil }
            }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1  // the closing quote
        guard escaped else { return String(validating: raw, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            var byte = raw[position]
            if byte == UInt8(ascii: "\\") {
                position += 1
                switch raw[position] {
                case UInt8(ascii: "\""): byte = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): byte = UInt8(ascii: "\\")
                case UInt8(ascii: "/"): byte = UInt8(ascii: "/")
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                case UInt8(ascii: "t"): byte = 0x09
                case UInt8(ascii: "b"): byte = 0x08
                case UInt8(ascii: "f"): byte = 0x0C
                default: return nil  // \u and anything invalid: the decoder decides
                }
            }
            unescaped.append(byte)
            position += 1
        }
        return String(validating: unescaped, as: UTF8.self)
    }
}
