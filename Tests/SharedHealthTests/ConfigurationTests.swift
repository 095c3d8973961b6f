import Testing

@testable import SharedHealth

@Suite("Configuration")
struct ConfigurationTests {
    func configuration(_ values: [String: String]) throws -> ServiceConfiguration {
        try ServiceConfiguration(service: "test", defaultPort: 8000, environment: EnvironmentReader(values))
    }

    @Test func defaultsApplyWhenNothingIsSet() throws {
        let config = try configuration([:])
        #expect(config.port == 8000)
        #expect(config.host == "127.0.0.1")
        #expect(config.logLevel == .info)
        #expect(config.internalAPIKey == nil)
        #expect(config.circuitBreaker == CircuitBreakerSettings())
        #expect(config.startupTimeout == .seconds(60))
    }

    /// .env.template's and the example Kubernetes secret's placeholders are public values:
    /// every secret refuses them, naming the variable and never echoing the value.
    @Test(arguments: ["change-me-internal-key-0000", "CHANGE_ME_0123456789abcdef", "please-changeme-0123456789", "replace-me-0123456789abcdef"])
    func placeholderSecretsAreRefused(_ value: String) throws {
        let error = #expect(throws: ConfigurationError.self) { try configuration(["INTERNAL_API_KEY": value]) }
        #expect(error?.variable == "INTERNAL_API_KEY")
        #expect(error?.description.contains(value) == false)
        #expect(try EnvironmentReader(["JWT_SECRET": "a-real-generated-secret-6f1c9e"]).secret("JWT_SECRET", minimumLength: 16) != nil)
    }

    @Test func aPlaceholderDatabasePasswordIsRefused() throws {
        let placeholder = EnvironmentReader(["DATABASE_URL": "postgresql://concierge:change-me@db.internal:5432/concierge?sslmode=require"])
        #expect(throws: ConfigurationError.self) { try PostgresPool.Configuration.fromEnvironment(placeholder, applicationName: "test") }
        let real = EnvironmentReader(["DATABASE_URL": "postgresql://concierge:9f2b7c41e0@db.internal:5432/concierge"])
        #expect(try PostgresPool.Configuration.fromEnvironment(real, applicationName: "test") != nil)
        // A database named like a placeholder is not a password.
        let named = EnvironmentReader(["DATABASE_URL": "postgresql://concierge:9f2b7c41e0@db.internal:5432/changeme"])
        #expect(try PostgresPool.Configuration.fromEnvironment(named, applicationName: "test") != nil)
        let noUser = EnvironmentReader(["DATABASE_URL": "postgresql://db.internal:5432/changeme"])
        #expect(try PostgresPool.Configuration.fromEnvironment(noUser, applicationName: "test") != nil)
    }

    @Test func valuesAreRead() throws {
        let config = try configuration([
            "PORT": "9001", "HOST": "127.0.0.1", "LOG_LEVEL": "DEBUG", "SERVICE_VERSION": "1.2.3",
            "CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD": "25", "CIRCUIT_BREAKER_WAIT_DURATION_MS": "1500",
            "INTERNAL_API_KEY": "0123456789abcdef0123",
        ])
        #expect(config.port == 9001)
        #expect(config.host == "127.0.0.1")
        #expect(config.logLevel == .debug)
        #expect(config.version == "1.2.3")
        #expect(config.circuitBreaker.failureRateThreshold == 25)
        #expect(config.circuitBreaker.waitDurationInOpenState == .milliseconds(1500))
        #expect(config.internalAPIKey == "0123456789abcdef0123")
    }

    @Test(arguments: [
        ("PORT", "eighty", "an integer from 0 to 65535"),
        ("PORT", "70000", "an integer from 0 to 65535"),
        ("LOG_LEVEL", "loud", "one of trace|debug|info|notice|warning|error|critical"),
        ("STARTUP_TIMEOUT_SECONDS", "-1", "an integer from 1 to 86400"),
        ("CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD", "150", "a number from 1.0 to 100.0"),
        ("CIRCUIT_BREAKER_MINIMUM_CALLS", "x", "an integer from 1 to 10000"),
        ("HTTP_CLIENT_MAX_CONNECTIONS", "0", "an integer from 1 to 1024"),
    ])
    func badValuesNameTheVariableAndWhatItExpects(variable: String, value: String, expected: String) {
        #expect(throws: ConfigurationError(variable: variable, expected: expected, got: value)) {
            try configuration([variable: value])
        }
    }

    @Test func aShortSecretIsRejectedWithoutEchoingIt() {
        do {
            _ = try configuration(["INTERNAL_API_KEY": "hunter2"])
            Issue.record("accepted a 7-character key")
        } catch let error as ConfigurationError {
            #expect(error.variable == "INTERNAL_API_KEY")
            #expect(!error.description.contains("hunter2"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func urlsMustBeHTTPWithAHost() throws {
        let env = EnvironmentReader(["RAG_URL": "ftp://x", "GUARDRAILS_URL": "http://guardrails:8002/", "X": "http://"])
        #expect(throws: ConfigurationError.self) { try env.url("RAG_URL", default: "") }
        #expect(throws: ConfigurationError.self) { try env.url("X", default: "") }
        #expect(try env.url("GUARDRAILS_URL", default: "") == "http://guardrails:8002")
        #expect(try env.url("UNSET", default: "http://127.0.0.1:8001") == "http://127.0.0.1:8001")
    }

    @Test func descriptionIsOneLine() {
        let error = ConfigurationError(variable: "PORT", expected: "an integer from 0 to 65535", got: "x")
        #expect(error.description == #"configuration error: PORT must be an integer from 0 to 65535 (got "x")"#)
        #expect(!error.description.contains("\n"))
    }
}
