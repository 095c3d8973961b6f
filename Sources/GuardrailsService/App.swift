import SharedHealth

@main
struct GuardrailsServiceMain {
    static func main() async {
        await ServiceLauncher.run(service: "guardrails", defaultPort: 8002) { runtime, environment in
            try await buildApplication(runtime: runtime, environment: environment)
        }
    }
}
