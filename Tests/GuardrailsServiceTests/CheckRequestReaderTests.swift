import Foundation
import NIOCore
import Testing

@testable import GuardrailsService

/// The hand reader of `/v1/check` bodies either gives exactly what `JSONDecoder` gives or
/// declines (nil), leaving the body to the decoder.
@Suite("Check request reader")
struct CheckRequestReaderTests {
    typealias CheckRequest = GuardrailsController.CheckRequest

    static let read: [String] = [
        #"{"text":"Hi, my card 4111 1111 1111 1111","direction":"input"}"#,
        #"  { "direction" : "output" , "text" : "x" }  "#,
        "{\"text\":\"two\\nlines\\tand \\\"quotes\\\" \\\\ \\/ \\b\\f\\r\",\"direction\":\"input\"}",
        #"{"text":"😀 café ünïcode","direction":"input","checks":["pii","injection"]}"#,
        #"{"text":"a","direction":"input","checks":[]}"#,
        #"{"text":null,"direction":"input","checks":null}"#,
        #"{"text":"","direction":""}"#,
        #"{}"#,
        "{\n\t\"text\": \"spaced\",\r\n\t\"direction\": \"input\"\n}\n",
    ]

    static let declined: [String] = [
        #"{"text":"\u0041 escaped","direction":"input"}"#,  // \u escapes: the decoder's
        #"{"text":"a","direction":"input","extra":1}"#,  // another key
        #"{"text":"a","text":"b"}"#,  // a duplicate
        #"{"text":5,"direction":"input"}"#,  // a wrong type
        #"{"text":"a","direction":"input","checks":[1]}"#,
        #"{"text":"a","direction":"input","checks":"pii"}"#,
        #"{"text":"a","direction":"input",}"#,  // trailing comma
        #"{"text":"a" "direction":"input"}"#,
        #"{"text":"a","direction":"input"} trailing"#,
        #"["text"]"#,
        #""text""#,
        "",
        #"{"text":"unterminated"#,
        "{\"text\":\"raw\u{01}control\"}",
        #"{"text":"bad \x escape"}"#,
        #"{"te\u0078t":"escaped key"}"#,
        #"{"text":"a","direction":nul}"#,
    ]

    static func buffer(_ body: String) -> ByteBuffer { ByteBuffer(string: body) }

    @Test(arguments: read)
    func readsWhatTheDecoderReads(body: String) throws {
        let fast = try #require(CheckRequest.readFast(Self.buffer(body)), "declined: \(body)")
        let decoded = try JSONDecoder().decode(CheckRequest.self, from: Data(body.utf8))
        #expect(fast == decoded)
    }

    @Test(arguments: declined)
    func declinesWhatItDoesNotHandle(body: String) {
        #expect(CheckRequest.readFast(Self.buffer(body)) == nil)
    }

    @Test func declinesInvalidUTF8() {
        var buffer = ByteBuffer(string: #"{"text":""#)
        buffer.writeBytes([0xC3, 0x28, 0xFF])
        buffer.writeString(#"","direction":"input"}"#)
        #expect(CheckRequest.readFast(buffer) == nil)
    }
}
