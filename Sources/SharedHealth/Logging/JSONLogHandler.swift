#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// swift-log handler writing one JSON object per line to standard output:
/// `{"ts":"…","level":"info","service":"concierge","msg":"…", …metadata}`.
/// Lines go out with a single write(2), so concurrent lines never interleave and nothing is
/// lost in a buffer when the process is killed.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let service: String
    private let fileDescriptor: Int32

    public init(label: String, service: String, level: Logger.Level, fileDescriptor: Int32 = 1) {
        self.label = label
        self.service = service
        self.logLevel = level
        self.fileDescriptor = fileDescriptor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let extra = event.metadata {
            merged.merge(extra) { _, new in new }
        }
        let line = Self.render(
            timestamp: Self.timestamp(),
            level: event.level,
            service: service,
            logger: label,
            message: event.message.description,
            metadata: merged
        )
        line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    static func render(
        timestamp: String,
        level: Logger.Level,
        service: String,
        logger: String,
        message: String,
        metadata: Logger.Metadata
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"ts":""#.utf8)
        out.append(contentsOf: timestamp.utf8)
        out.append(contentsOf: #"","level":""#.utf8)
        out.append(contentsOf: level.rawValue.utf8)
        out.append(contentsOf: #"","service":"#.utf8)
        appendJSONString(service, to: &out)
        out.append(contentsOf: #","logger":"#.utf8)
        appendJSONString(logger, to: &out)
        out.append(contentsOf: #","msg":"#.utf8)
        appendJSONString(message, to: &out)
        for key in metadata.keys.sorted() where !reservedKeys.contains(key) {
            out.append(UInt8(ascii: ","))
            appendJSONString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendValue(metadata[key]!, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    private static let reservedKeys: Set<String> = ["ts", "level", "service", "logger", "msg"]

    private static func appendValue(_ value: Logger.Metadata.Value, to out: inout [UInt8]) {
        switch value {
        case .string(let string):
            appendJSONString(string, to: &out)
        case .stringConvertible(let convertible):
            // Numbers and booleans stay JSON numbers and booleans; everything else is a string.
            switch convertible {
            case let int as any BinaryInteger: out.append(contentsOf: "\(int)".utf8)
            case let double as Double where double.isFinite: out.append(contentsOf: "\(double)".utf8)
            case let bool as Bool: out.append(contentsOf: (bool ? "true" : "false").utf8)
            default: appendJSONString(convertible.description, to: &out)
            }
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendValue(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            out.append(UInt8(ascii: "{"))
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendValue(dictionary[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func appendJSONString(_ string: String, to out: inout [UInt8]) {
        JSONWriter.appendString(string, to: &out)
    }

    /// RFC 3339 UTC with milliseconds, formatted by hand: this runs for every log line.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let millis = Int32(now.tv_nsec / 1_000_000)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(millis, 3))Z"
    }
}
