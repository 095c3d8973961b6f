import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if _endian(big)
#error("safetensors data is little-endian; big-endian hosts would need a byte swap")
#endif

/// A read-only `.safetensors` file: an 8-byte little-endian header length, a JSON header naming
/// each tensor's dtype, shape and byte range, then the raw little-endian data.
///
/// Files are memory-mapped, so loading is instant and untouched tensors (the pooler, the unused
/// position ids) never occupy memory; the pages are the page cache's, shared between processes.
/// Every offset and shape is validated up front, so a truncated or corrupt file is an error, not
/// an out-of-bounds read later.
public struct SafetensorsFile: Sendable {
    public enum DType: String, Sendable, CaseIterable {
        case bool = "BOOL", u8 = "U8", i8 = "I8", f8e5m2 = "F8_E5M2", f8e4m3 = "F8_E4M3"
        case i16 = "I16", u16 = "U16", f16 = "F16", bf16 = "BF16"
        case i32 = "I32", u32 = "U32", f32 = "F32"
        case i64 = "I64", u64 = "U64", f64 = "F64"

        public var byteCount: Int {
            switch self {
            case .bool, .u8, .i8, .f8e5m2, .f8e4m3: 1
            case .i16, .u16, .f16, .bf16: 2
            case .i32, .u32, .f32: 4
            case .i64, .u64, .f64: 8
            }
        }
    }

    public struct TensorInfo: Sendable, Equatable {
        public let name: String
        public let dtype: DType
        public let shape: [Int]
        /// Byte range within the data section (after the header).
        public let dataOffsets: Range<Int>

        public var elementCount: Int { shape.reduce(1, *) }
    }

    public enum Error: Swift.Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case tooSmall(byteCount: Int)
        case headerOutOfBounds(headerLength: UInt64, fileSize: Int)
        case invalidHeader(String)
        case invalidTensor(name: String, reason: String)
        case missingTensor(String)
        case unsupportedDType(name: String, dtype: String, expected: String)
        case shapeMismatch(name: String, shape: [Int], expected: [Int])

        public var description: String {
            switch self {
            case let .unreadable(path, reason): "cannot read \(path): \(reason)"
            case let .tooSmall(count): "safetensors file too small (\(count) bytes; the header length alone is 8)"
            case let .headerOutOfBounds(length, size): "safetensors header length \(length) does not fit in a \(size)-byte file (truncated or not safetensors)"
            case let .invalidHeader(reason): "invalid safetensors header: \(reason)"
            case let .invalidTensor(name, reason): "invalid safetensors entry \(name): \(reason)"
            case let .missingTensor(name): "safetensors file has no tensor \(name)"
            case let .unsupportedDType(name, dtype, expected): "tensor \(name) is \(dtype), expected \(expected)"
            case let .shapeMismatch(name, shape, expected): "tensor \(name) has shape \(shape), expected \(expected)"
            }
        }
    }

    /// The safetensors reference implementation's limit; a larger value means a corrupt length.
    static let maxHeaderLength = 100_000_000

    public let tensors: [String: TensorInfo]
    /// The optional `__metadata__` string map.
    public let metadata: [String: String]
    private let storage: Storage
    private let dataStart: Int

    /// Maps the file at `url`.
    public init(contentsOf url: URL) throws {
        try self.init(storage: Storage(mapping: url))
    }

    /// Reads a safetensors image already in memory (copied).
    public init(data: Data) throws {
        try self.init(storage: data.withUnsafeBytes { Storage(copying: $0) })
    }

    private init(storage: Storage) throws {
        let bytes = storage.bytes
        guard bytes.count >= 8 else { throw Error.tooSmall(byteCount: bytes.count) }
        let headerLength = bytes.loadUnaligned(as: UInt64.self).littleEndian
        guard headerLength <= UInt64(Self.maxHeaderLength), 8 + Int(headerLength) <= bytes.count else {
            throw Error.headerOutOfBounds(headerLength: headerLength, fileSize: bytes.count)
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: bytes[8..<(8 + Int(headerLength))])
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(headerBytes))
        } catch let error as Error {
            throw error
        } catch {
            throw Error.invalidHeader(String(describing: error))
        }
        let dataStart = 8 + Int(headerLength)
        let dataSize = bytes.count - dataStart

        var tensors: [String: TensorInfo] = [:]
        for (name, entry) in header.tensors {
            guard let dtype = DType(rawValue: entry.dtype) else {
                throw Error.invalidTensor(name: name, reason: "unknown dtype \(entry.dtype)")
            }
            guard entry.shape.allSatisfy({ $0 >= 0 }) else {
                throw Error.invalidTensor(name: name, reason: "negative dimension in \(entry.shape)")
            }
            guard entry.dataOffsets.count == 2 else {
                throw Error.invalidTensor(name: name, reason: "data_offsets must be [begin, end]")
            }
            let (begin, end) = (entry.dataOffsets[0], entry.dataOffsets[1])
            guard 0 <= begin, begin <= end, end <= dataSize else {
                throw Error.invalidTensor(name: name, reason: "data_offsets [\(begin), \(end)] outside the \(dataSize)-byte data section (truncated file?)")
            }
            var (elements, overflow) = (1, false)
            for dimension in entry.shape where !overflow {
                (elements, overflow) = elements.multipliedReportingOverflow(by: dimension)
            }
            let (byteCount, overflow2) = elements.multipliedReportingOverflow(by: dtype.byteCount)
            guard !overflow, !overflow2, byteCount == end - begin else {
                throw Error.invalidTensor(name: name, reason: "shape \(entry.shape) of \(dtype.rawValue) needs \(overflow || overflow2 ? "too many" : String(byteCount)) bytes, data_offsets hold \(end - begin)")
            }
            tensors[name] = TensorInfo(name: name, dtype: dtype, shape: entry.shape, dataOffsets: begin..<end)
        }

        // As in the reference implementation: tensors tile the data section with no overlap.
        var expectedBegin = 0
        for info in tensors.values.sorted(by: { ($0.dataOffsets.lowerBound, $0.dataOffsets.upperBound) < ($1.dataOffsets.lowerBound, $1.dataOffsets.upperBound) }) {
            guard info.dataOffsets.lowerBound == expectedBegin else {
                throw Error.invalidTensor(name: info.name, reason: "data_offsets start at \(info.dataOffsets.lowerBound), expected \(expectedBegin) (overlap or gap)")
            }
            expectedBegin = info.dataOffsets.upperBound
        }
        guard expectedBegin == dataSize else {
            throw Error.invalidHeader("tensors cover \(expectedBegin) bytes of a \(dataSize)-byte data section")
        }

        self.tensors = tensors
        self.metadata = header.metadata
        self.storage = storage
        self.dataStart = dataStart
    }

    /// The F32 tensor `name`, checked against `shape` when given.
    public func floatTensor(_ name: String, shape: [Int]? = nil) throws -> FloatTensor {
        guard let info = tensors[name] else { throw Error.missingTensor(name) }
        guard info.dtype == .f32 else {
            throw Error.unsupportedDType(name: name, dtype: info.dtype.rawValue, expected: DType.f32.rawValue)
        }
        if let shape, shape != info.shape {
            throw Error.shapeMismatch(name: name, shape: info.shape, expected: shape)
        }
        let start = dataStart + info.dataOffsets.lowerBound
        let raw = storage.bytes.baseAddress! + start
        if Int(bitPattern: raw) % MemoryLayout<Float>.alignment == 0 {
            let pointer = raw.assumingMemoryBound(to: Float.self)
            return FloatTensor(shape: info.shape, pointer: pointer, owner: storage)
        }
        // Unaligned data (allowed by the format, not produced by the usual writers): copy it.
        let copy = Storage(copying: UnsafeRawBufferPointer(start: raw, count: info.dataOffsets.count))
        let pointer = copy.bytes.baseAddress!.assumingMemoryBound(to: Float.self)
        return FloatTensor(shape: info.shape, pointer: pointer, owner: copy)
    }
}

/// Immutable float32 data inside a `SafetensorsFile`'s mapping, row-major with `shape`.
/// Keeps the mapping alive; safe to share because nothing ever writes through it.
public struct FloatTensor: @unchecked Sendable {
    public let shape: [Int]
    public let pointer: UnsafePointer<Float>
    private let owner: AnyObject

    init(shape: [Int], pointer: UnsafePointer<Float>, owner: AnyObject) {
        self.shape = shape
        self.pointer = pointer
        self.owner = owner
    }

    public var count: Int { shape.reduce(1, *) }

    /// Runs `body` with the elements; the buffer must not escape.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: pointer, count: count)) }
    }

    public var array: [Float] { withUnsafeBufferPointer { Array($0) } }
}

// MARK: - Header decoding

private struct Header: Decodable {
    struct Entry: Decodable {
        let dtype: String
        let shape: [Int]
        let dataOffsets: [Int]

        enum CodingKeys: String, CodingKey {
            case dtype, shape, dataOffsets = "data_offsets"
        }
    }

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    var tensors: [String: Entry] = [:]
    var metadata: [String: String] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            if key.stringValue == "__metadata__" {
                metadata = try container.decode([String: String].self, forKey: key)
            } else {
                do {
                    tensors[key.stringValue] = try container.decode(Entry.self, forKey: key)
                } catch {
                    throw SafetensorsFile.Error.invalidTensor(name: key.stringValue, reason: "\(error)")
                }
            }
        }
    }
}

// MARK: - Storage

/// The file's bytes: a private read-only mapping, or an owned copy.
private final class Storage: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    init(mapping url: URL) throws {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SafetensorsFile.Error.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SafetensorsFile.Error.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw SafetensorsFile.Error.unreadable(path: path, reason: "not a regular file")
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            // mmap rejects empty files; an empty copy gives the same "too small" error as any short file.
            self.bytes = UnsafeRawBufferPointer(UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 16))
            self.isMapped = false
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw SafetensorsFile.Error.unreadable(path: path, reason: "mmap: " + String(cString: strerror(errno)))
        }
        self.bytes = UnsafeRawBufferPointer(start: address, count: size)
        self.isMapped = true
    }

    init(copying source: UnsafeRawBufferPointer) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: source.count, alignment: 64)
        buffer.copyMemory(from: source)
        self.bytes = UnsafeRawBufferPointer(buffer)
        self.isMapped = false
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }
}
