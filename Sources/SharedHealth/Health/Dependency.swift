/// Something a service needs: another service's `/ready`, a database, an LLM endpoint.
/// Required dependencies gate `/ready`; optional ones only make the service `degraded`.
public struct Dependency: Sendable {
    public let name: String
    public let required: Bool
    /// The breaker whose state `/ready` shows next to the dependency, if calls go through one.
    public let breaker: CircuitBreaker?
    /// Returns when the dependency is usable; throws (or times out) when it is not.
    public let check: @Sendable () async throws -> Void

    public init(name: String, required: Bool, breaker: CircuitBreaker? = nil, check: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.required = required
        self.breaker = breaker
        self.check = check
    }

    /// Another service, ready when its `/ready` answers 200. Goes through the client's breaker.
    public static func service(_ client: ServiceClient, required: Bool = true, timeout: Duration = .seconds(1)) -> Dependency {
        Dependency(name: client.target, required: required, breaker: client.breaker) {
            // A single attempt: the readiness loop has its own backoff.
            let response = try await client.send("GET", "/ready", timeout: timeout, idempotent: false)
            guard response.status == 200 else {
                throw DependencyNotReady(status: response.status)
            }
        }
    }
}

public struct DependencyNotReady: Error, CustomStringConvertible {
    public let status: Int
    public var description: String { "answered \(status)" }
}
