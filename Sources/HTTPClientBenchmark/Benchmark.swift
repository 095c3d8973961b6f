import Foundation
import SharedHealth

/// Measures the libcurl client over loopback: sequential requests, then N concurrent callers.
/// Prints req/s, p50, p99 and connections opened for each phase. With `--bodies FILE` each
/// request POSTs the next line of FILE as JSON (for endpoint benchmarks such as /v1/check).
///
///     HTTPClientBenchmark --url http://127.0.0.1:8002/live [--requests 20000] [--concurrency 32]
///     HTTPClientBenchmark --url http://127.0.0.1:8002/v1/check --bodies checks.jsonl --concurrency 16
@main
struct HTTPClientBenchmark {
    static func main() async throws {
        var url = "http://127.0.0.1:8002/live"
        var requests = 20_000
        var concurrency = 32
        var bodies: [[UInt8]] = []
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--url": url = arguments.next() ?? url
            case "--requests": requests = arguments.next().flatMap(Int.init) ?? requests
            case "--concurrency": concurrency = arguments.next().flatMap(Int.init) ?? concurrency
            case "--bodies":
                guard let path = arguments.next(), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    print("--bodies needs a readable file with one JSON body per line")
                    exit(2)
                }
                bodies = text.split(separator: "\n").map { Array($0.utf8) }
            default:
                print("usage: HTTPClientBenchmark --url URL [--requests N] [--concurrency C] [--bodies FILE]")
                exit(2)
            }
        }
        print("target \(url), \(requests) requests per phase")
        let sequential = try await run(url: url, bodies: bodies, requests: max(1, requests / 4), concurrency: 1)
        print(sequential.line(name: "sequential"))
        let concurrent = try await run(url: url, bodies: bodies, requests: requests, concurrency: concurrency)
        print(concurrent.line(name: "concurrent-\(concurrency)"))
    }

    struct Result {
        var requests: Int
        var seconds: Double
        var latencies: [Double]
        var connections: Int
        var warmUpConnections: Int
        var failures: Int

        func line(name: String) -> String {
            let sorted = latencies.sorted()
            func percentile(_ p: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            }
            return String(
                format: "%@: %d requests in %.2f s = %.0f req/s, p50 %.3f ms, p99 %.3f ms, connections opened %d (warm-up %d), failures %d",
                name, requests, seconds, Double(requests) / seconds, percentile(0.50) * 1000, percentile(0.99) * 1000, connections, warmUpConnections, failures
            )
        }
    }

    static func request(_ url: String, _ bodies: [[UInt8]], _ index: Int) -> HTTPClientRequest {
        guard !bodies.isEmpty else { return HTTPClientRequest(url: url) }
        return HTTPClientRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: bodies[index % bodies.count])
    }

    static func run(url: String, bodies: [[UInt8]], requests: Int, concurrency: Int) async throws -> Result {
        let client = CurlHTTPClient(configuration: .init(maxConnections: concurrency))
        defer { client.shutdown() }
        // Warm-up from every caller at once, so the phase measures kept-alive reuse.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask { for index in 0..<10 { _ = try? await client.execute(request(url, bodies, index)) } }
            }
        }
        let warmUpConnections = client.connectionsOpened
        let before = warmUpConnections
        let started = ContinuousClock.now
        let perWorker = requests / concurrency
        let results = await withTaskGroup(of: ([Double], Int).self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    latencies.reserveCapacity(perWorker)
                    var failures = 0
                    for iteration in 0..<perWorker {
                        let start = ContinuousClock.now
                        do {
                            let response = try await client.execute(request(url, bodies, worker * perWorker + iteration))
                            if response.status != 200 { failures += 1 }
                        } catch {
                            failures += 1
                        }
                        let elapsed = ContinuousClock.now - start
                        latencies.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                    }
                    return (latencies, failures)
                }
            }
            var all: [Double] = []
            var failures = 0
            for await (latencies, failed) in group {
                all += latencies
                failures += failed
            }
            return (all, failures)
        }
        let elapsed = ContinuousClock.now - started
        return Result(
            requests: perWorker * concurrency,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            latencies: results.0,
            connections: client.connectionsOpened - before,
            warmUpConnections: warmUpConnections,
            failures: results.1
        )
    }
}
