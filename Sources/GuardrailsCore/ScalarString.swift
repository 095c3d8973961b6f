/// Builds a `String` from Unicode scalars through UTF-8 bytes: appending to a
/// `String.UnicodeScalarView` one scalar at a time is several times slower, and the detectors
/// build many short strings per message.
struct ScalarStringBuilder {
    var bytes: [UInt8] = []

    init(capacity: Int = 16) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    static func bytes(_ scalars: some Sequence<Unicode.Scalar>) -> [UInt8] {
        var builder = ScalarStringBuilder()
        for scalar in scalars { builder.append(scalar) }
        return builder.bytes
    }
}

extension String {
    init(scalars: some Sequence<Unicode.Scalar>) {
        var builder = ScalarStringBuilder()
        for scalar in scalars { builder.append(scalar) }
        self = builder.string
    }
}
