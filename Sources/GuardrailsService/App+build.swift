import Hummingbird
import SharedHealth

/// Guardrails needs nothing else to run, so it has no dependencies to wait for.
func buildApplication(runtime: ServiceRuntime, environment: EnvironmentReader) async throws -> some ApplicationProtocol {
    let readiness = runtime.readinessMonitor(dependencies: [])
    let router = runtime.makeRouter(readiness: readiness)
    return runtime.makeApplication(router: router, readiness: readiness)
}
