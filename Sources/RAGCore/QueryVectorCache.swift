import Synchronization

/// The vectors of recent queries. Customers ask the same questions again and again, and one
/// pass of the sentence encoder costs milliseconds of CPU; a hit costs a dictionary lookup.
/// Bounded: past `capacity` the oldest entry goes (first in, first out).
final class QueryVectorCache: Sendable {
    private struct State {
        var vectors: [String: [Float]] = [:]
        var order: [String] = []
        var next = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func vector(for query: String) -> [Float]? {
        state.withLock { $0.vectors[query] }
    }

    func store(_ vector: [Float], for query: String) {
        state.withLock { state in
            guard state.vectors[query] == nil else { return }
            if state.order.count < capacity {
                state.order.append(query)
            } else {
                state.vectors[state.order[state.next]] = nil
                state.order[state.next] = query
                state.next = (state.next + 1) % capacity
            }
            state.vectors[query] = vector
        }
    }
}
