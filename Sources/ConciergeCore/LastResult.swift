import Synchronization

/// The result for the last text asked about, computed once.
final class LastResult<Value: Sendable>: Sendable {
    private let last = Mutex<(text: String, value: Value)?>(nil)

    func of(_ text: String, _ compute: (String) -> Value) -> Value {
        if let hit = last.withLock({ $0?.text == text ? $0?.value : nil }) { return hit }
        let value = compute(text)
        last.withLock { $0 = (text, value) }
        return value
    }
}
