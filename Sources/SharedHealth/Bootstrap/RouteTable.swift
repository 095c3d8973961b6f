import Hummingbird
import Synchronization

/// The routes a service registered, as OpenAPI writes them ("POST /v1/documents",
/// "GET /v1/documents/{id}"): logged at start-up and checked against `docs/api/` by the tests,
/// so the published API and the served one cannot drift apart.
public final class RouteTable: Sendable {
    private let entries = Mutex<[String]>([])

    public init() {}

    public var operations: [String] { entries.withLock { $0 } }

    func record(_ router: Router<ServiceRequestContext>) {
        // RouterPath prints captures as OpenAPI does: "/v1/documents/{id}".
        let operations = router.routes.map { "\($0.method.rawValue) \($0.path)" }.sorted()
        entries.withLock { $0 = operations }
    }
}
