import Hummingbird
import SharedHealth

/// With the embedded (in-memory) default store RAG has no dependencies to wait for.
func buildApplication(runtime: ServiceRuntime, environment: EnvironmentReader) async throws -> some ApplicationProtocol {
    let readiness = runtime.readinessMonitor(dependencies: [])
    let router = runtime.makeRouter(readiness: readiness)
    return runtime.makeApplication(router: router, readiness: readiness)
}
