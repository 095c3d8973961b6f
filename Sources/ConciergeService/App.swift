import SharedHealth

@main
struct ConciergeServiceMain {
    static func main() async {
        await ServiceLauncher.run(service: "concierge", defaultPort: 8000) { runtime, environment in
            try await buildApplication(runtime: runtime, environment: environment)
        }
    }
}
