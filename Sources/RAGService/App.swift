import SharedHealth

@main
struct RAGServiceMain {
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "reindex" { await ReindexCommand.run() }
        await ServiceLauncher.run(service: "rag", defaultPort: 8001) { runtime, environment in
            try await buildApplication(runtime: runtime, environment: environment)
        }
    }
}
