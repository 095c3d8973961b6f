import GuardrailsCore
import Hummingbird
import SharedHealth

struct GuardrailsConfiguration {
    var policy: GuardrailsPolicy
    var hashSecret: String
    var hashSecretConfigured: Bool

    init(environment env: EnvironmentReader) throws {
        if let path = env.string("GUARDRAILS_POLICY") {
            do {
                policy = try GuardrailsPolicy.load(path: path)
            } catch let error as GuardrailsPolicy.LoadError {
                throw ConfigurationError(variable: "GUARDRAILS_POLICY", expected: "a readable policy JSON file (\(error.reason))", got: path)
            }
        } else {
            policy = .builtIn
        }
        if let secret = try env.secret("GUARDRAILS_HASH_SECRET", minimumLength: 16) {
            hashSecret = secret
            hashSecretConfigured = true
        } else {
            // Without a configured secret, hashes are stable only within this process.
            hashSecret = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
            hashSecretConfigured = false
        }
    }
}

/// Guardrails needs nothing else to run, so it has no dependencies to wait for.
func buildApplication(runtime: ServiceRuntime, environment: EnvironmentReader) async throws -> some ApplicationProtocol {
    let configuration = try GuardrailsConfiguration(environment: environment)
    if !configuration.hashSecretConfigured {
        runtime.logger.notice("GUARDRAILS_HASH_SECRET is not set: hash redactions are stable only until restart")
    }
    let readiness = runtime.readinessMonitor(dependencies: [])
    let router = runtime.makeRouter(readiness: readiness)
    let api = router.group("/v1").add(middleware: InternalAPIKeyMiddleware(key: runtime.configuration.internalAPIKey))
    GuardrailsController(
        engine: GuardrailsEngine(policy: configuration.policy, hashSecret: configuration.hashSecret),
        metrics: runtime.metrics
    ).addRoutes(to: api)
    return runtime.makeApplication(router: router, readiness: readiness)
}
