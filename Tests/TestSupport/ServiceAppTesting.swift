import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SharedHealth

/// Builds a service's application the way `ServiceLauncher` does, from explicit environment
/// values instead of the process environment, for `app.test(.router)`.
public func makeServiceApp<App: ApplicationProtocol>(
    service: String,
    _ values: [String: String],
    build: (ServiceRuntime, EnvironmentReader) async throws -> App
) async throws -> App {
    let environment = EnvironmentReader(values)
    let configuration = try ServiceConfiguration(service: service, defaultPort: 0, environment: environment)
    return try await build(ServiceRuntime(configuration: configuration, logger: Logger(label: "test")), environment)
}

extension TestResponse {
    /// The body as a JSON object ([:] when it is not one).
    public var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }
}

extension TestClientProtocol {
    /// POSTs a JSON body.
    public func postJSON(_ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
    }
}
