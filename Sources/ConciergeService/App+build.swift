import Hummingbird
import SharedHealth

struct ConciergeConfiguration {
    var guardrailsURL: String
    var ragURL: String

    init(environment env: EnvironmentReader) throws {
        guardrailsURL = try env.url("GUARDRAILS_URL", default: "http://127.0.0.1:8002")
        ragURL = try env.url("RAG_URL", default: "http://127.0.0.1:8001")
    }
}

/// The concierge cannot answer safely without guardrails, nor cite without RAG: both are
/// required dependencies, polled through the libcurl client and their circuit breakers.
func buildApplication(runtime: ServiceRuntime, environment: EnvironmentReader) async throws -> some ApplicationProtocol {
    let configuration = try ConciergeConfiguration(environment: environment)
    let guardrails = runtime.serviceClient(target: "guardrails", baseURL: configuration.guardrailsURL)
    let rag = runtime.serviceClient(target: "rag", baseURL: configuration.ragURL)
    let readiness = runtime.readinessMonitor(dependencies: [
        .service(guardrails, required: true, timeout: runtime.configuration.readiness.checkTimeout),
        .service(rag, required: true, timeout: runtime.configuration.readiness.checkTimeout),
    ])
    let router = runtime.makeRouter(readiness: readiness)
    return runtime.makeApplication(router: router, readiness: readiness)
}
