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
        var builder = ScalarStringBuilder(capacity: scalars.underestimatedCount)
        for scalar in scalars { builder.append(scalar) }
        return builder.bytes
    }

    /// The common case, text that is all ASCII, is one pass with no growth checks.
    static func bytes(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        if let ascii = asciiBytes(scalars) { return ascii }
        var builder = ScalarStringBuilder(capacity: scalars.count + 16)
        for scalar in scalars { builder.append(scalar) }
        return builder.bytes
    }

    /// The scalars as bytes when they are all ASCII (scalar offsets are then byte offsets),
    /// else nil.
    static func asciiBytes(_ scalars: [Unicode.Scalar]) -> [UInt8]? {
        guard scalars.allSatisfy({ $0.value < 0x80 }) else { return nil }
        return [UInt8](unsafeUninitializedCapacity: scalars.count) { buffer, initialized in
            for (index, scalar) in scalars.enumerated() { buffer[index] = UInt8(truncatingIfNeeded: scalar.value) }
            initialized = scalars.count
        }
    }
}

extension String {
    init(scalars: some Sequence<Unicode.Scalar>) {
        var builder = ScalarStringBuilder(capacity: scalars.underestimatedCount)
        for scalar in scalars { builder.append(scalar) }
        self = builder.string
    }

    init(scalars: [Unicode.Scalar]) {
        self = String(decoding: ScalarStringBuilder.bytes(scalars), as: UTF8.self)
    }
}

extension String {
    /// `body` on the UTF-8 bytes, from the string's own contiguous storage when it has it:
    /// going through `String.UTF8View` byte by byte is several times slower.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every scalar is ASCII (most messages).
    var isASCII: Bool {
        withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    /// The Unicode scalars as an array: ASCII text is copied byte by byte instead of decoded
    /// twice (`Array(unicodeScalars)` counts, then copies).
    public var scalarArray: [Unicode.Scalar] {
        asciiScalars { $0 } ?? Array(unicodeScalars)
    }

    /// When the string is all ASCII, its scalars with each byte mapped by `transform` (one
    /// scalar per byte, offsets unchanged); else nil.
    @inline(__always)
    func asciiScalars(_ transform: (UInt8) -> UInt8) -> [Unicode.Scalar]? {
        withUTF8Bytes { bytes -> [Unicode.Scalar]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, initialized in
                for index in bytes.indices { scalars[index] = Unicode.Scalar(transform(bytes[index])) }
                initialized = bytes.count
            }
        }
    }

    /// `unicodeScalars.count` from the UTF-8 bytes (every byte but a continuation byte starts
    /// a scalar), without decoding.
    public var scalarCount: Int {
        withUTF8Bytes { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
