import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SharedHealth

/// A service's runtime and environment from explicit values instead of the process
/// environment, as `ServiceLauncher` makes them.
func makeServiceRuntime(service: String, _ values: [String: String]) throws -> (ServiceRuntime, EnvironmentReader) {
    let environment = EnvironmentReader(values)
    let configuration = try ServiceConfiguration(service: service, defaultPort: 0, environment: environment)
    return (ServiceRuntime(configuration: configuration, logger: Logger(label: "test")), environment)
}

/// Builds a service's application the way `ServiceLauncher` does, for `app.test(.router)`.
public func makeServiceApp<App: ApplicationProtocol>(
    service: String,
    _ values: [String: String],
    build: (ServiceRuntime, EnvironmentReader) async throws -> App
) async throws -> App {
    let (runtime, environment) = try makeServiceRuntime(service: service, values)
    return try await build(runtime, environment)
}

/// The routes a service's `buildApplication` registers ("GET /v1/documents/{id}"), sorted.
public func registeredRoutes<App: ApplicationProtocol>(
    service: String,
    _ values: [String: String] = [:],
    build: (ServiceRuntime, EnvironmentReader) async throws -> App
) async throws -> [String] {
    let (runtime, environment) = try makeServiceRuntime(service: service, values)
    _ = try await build(runtime, environment)
    return runtime.routes.operations
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
