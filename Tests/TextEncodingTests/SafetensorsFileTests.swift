import Foundation
import Testing
@testable import TextEncoding

/// The reader on small files built here: valid ones load, damaged ones throw.
@Suite struct SafetensorsFileTests {
    /// A safetensors image: `header` as JSON, padded with spaces to a multiple of 8 (as the
    /// reference writer does), then `data`.
    static func image(header: String, data: [UInt8], headerLength: UInt64? = nil) -> Data {
        var json = Array(header.utf8)
        while (8 + json.count) % 8 != 0 { json.append(UInt8(ascii: " ")) }
        var bytes = withUnsafeBytes(of: (headerLength ?? UInt64(json.count)).littleEndian, Array.init)
        bytes += json + data
        return Data(bytes)
    }

    static let floats: [Float] = [1, -2, 3.5, 0.25, 7, 8]
    static var floatBytes: [UInt8] { floats.withUnsafeBytes(Array.init) }

    static let validHeader = """
        {"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},\
        "ids":{"dtype":"I64","shape":[2],"data_offsets":[24,40]}}
        """

    static var valid: Data {
        image(header: validHeader, data: floatBytes + [Int64(0), 1].withUnsafeBytes(Array.init))
    }

    @Test func readsAValidFile() throws {
        let file = try SafetensorsFile(data: Self.valid)
        #expect(file.metadata == ["format": "pt"])
        #expect(file.tensors["w"]?.shape == [2, 3])
        #expect(file.tensors["ids"]?.dtype == .i64)
        let tensor = try file.floatTensor("w", shape: [2, 3])
        #expect(tensor.array == Self.floats)
    }

    @Test func mapsAFileOnDisk() throws {
        let url = try Self.write(Self.valid)
        defer { try? FileManager.default.removeItem(at: url) }
        let tensor = try SafetensorsFile(contentsOf: url).floatTensor("w")
        #expect(tensor.array == Self.floats)
    }

    @Test func rejectsOtherDTypesAndShapes() throws {
        let file = try SafetensorsFile(data: Self.valid)
        #expect(throws: SafetensorsFile.Error.unsupportedDType(name: "ids", dtype: "I64", expected: "F32")) {
            try file.floatTensor("ids")
        }
        #expect(throws: SafetensorsFile.Error.shapeMismatch(name: "w", shape: [2, 3], expected: [3, 2])) {
            try file.floatTensor("w", shape: [3, 2])
        }
        #expect(throws: SafetensorsFile.Error.missingTensor("nope")) { try file.floatTensor("nope") }
    }

    @Test("damaged files throw", arguments: [
        ("empty", Data()),
        ("shorter than the length field", Data([1, 2, 3])),
        ("truncated data", Self.valid.prefix(Self.valid.count - 5)),
        ("truncated header", Self.valid.prefix(20)),
        ("header length past the end", image(header: validHeader, data: [], headerLength: 1 << 40)),
        ("header not JSON", image(header: "{\"w\":", data: [])),
        ("header not an object", image(header: "[1,2]", data: [])),
        ("unknown dtype", image(header: #"{"w":{"dtype":"F99","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("shape and offsets disagree", image(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("negative dimension", image(header: #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("offsets backwards", image(header: #"{"w":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}"#, data: [0, 0, 0, 0])),
        ("overlapping tensors", image(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("gap after the tensors", image(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0, 9])),
        ("overflowing shape", image(header: #"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])),
        ("missing data_offsets", image(header: #"{"w":{"dtype":"F32","shape":[1]}}"#, data: [0, 0, 0, 0])),
    ])
    func damaged(_ name: String, _ image: Data) throws {
        #expect(throws: SafetensorsFile.Error.self, "\(name)") { try SafetensorsFile(data: image) }
        let url = try Self.write(image)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SafetensorsFile.Error.self, "\(name) (mapped)") { try SafetensorsFile(contentsOf: url) }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: SafetensorsFile.Error.self) {
            try SafetensorsFile(contentsOf: URL(fileURLWithPath: "/nonexistent/model.safetensors"))
        }
    }

    static func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).safetensors")
        try data.write(to: url)
        return url
    }
}
