#if canImport(Glibc)
import Glibc
#endif
import ConciergeCore
import SharedHealth

@main
struct ConciergeServiceMain {
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "token" { mintToken() }
        await ServiceLauncher.run(service: "concierge", defaultPort: 8000) { runtime, environment in
            try await buildApplication(runtime: runtime, environment: environment)
        }
    }

    /// `ConciergeService token <customer id> [lifetime seconds]`: prints a bearer token signed
    /// with JWT_SECRET, for the demo customers (cust_alex, cust_sam, cust_priya).
    static func mintToken() -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst(2))
        let environment = EnvironmentReader.process()
        guard let subject = arguments.first, let secret = try? environment.secret("JWT_SECRET", minimumLength: 16) else {
            let usage = "usage: JWT_SECRET=<16+ characters> ConciergeService token <customer id> [lifetime seconds]\n"
            _ = usage.withCString { write(2, $0, strlen($0)) }
            exit(2)
        }
        let lifetime = arguments.dropFirst().first.flatMap { Int64($0) } ?? 3600
        guard let verifier = try? BearerTokenVerifier(secret: secret, environment: environment), (1...verifier.maximumLifetime).contains(lifetime) else {
            let reason = "token: the lifetime must be 1 to JWT_MAX_LIFETIME_SECONDS seconds (default 86400), and the JWT_* settings valid\n"
            _ = reason.withCString { write(2, $0, strlen($0)) }
            exit(2)
        }
        let token = verifier.mint(subject: subject, lifetime: lifetime) + "\n"
        _ = token.withCString { write(1, $0, strlen($0)) }
        exit(0)
    }
}
