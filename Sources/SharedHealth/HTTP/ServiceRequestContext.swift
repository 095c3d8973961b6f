import Foundation
import Hummingbird

/// The request context of every service: Hummingbird's core storage plus the request id and
/// the upload limit that the middleware sets.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `ServiceMiddleware` before any handler runs.
    public var requestID: String = ""
    /// Set by `ServiceMiddleware`; `request.decode` collects at most this many bytes.
    public var maxUploadSize: Int = 1024 * 1024

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Sorted keys, so responses read the same every time.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
