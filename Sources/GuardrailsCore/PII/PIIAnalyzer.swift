/// Finds PII in a text with every recognizer and resolves overlaps: of two overlapping
/// findings the higher score wins, then the longer, then the more specific type — so an IBAN
/// is not also a phone number and a routing number is not also an SSN.
public struct PIIAnalyzer: Sendable {
    public init() {}

    public func analyze(_ text: String, entities: Set<PIIEntity> = Set(PIIEntity.allCases), minimumScore: Double = 0) -> [Finding] {
        let scanned = ScannedText(text)
        var candidates: [Finding] = []
        let spans = NumberSpanScanner.scan(scanned)
        NumericRecognizers().recognize(scanned, spans: spans, into: &candidates)
        TextRecognizers().recognize(scanned, spans: spans, into: &candidates)
        let wanted = candidates.filter { finding in
            finding.score >= minimumScore && PIIEntity(rawValue: finding.type).map { entities.contains($0) } ?? false
        }
        return Self.resolveOverlaps(wanted)
    }

    static func resolveOverlaps(_ findings: [Finding]) -> [Finding] {
        let ranked = findings.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.length != b.length { return a.length > b.length }
            return (PIIEntity(rawValue: a.type)?.priority ?? 0) > (PIIEntity(rawValue: b.type)?.priority ?? 0)
        }
        var kept: [Finding] = []
        for finding in ranked where !kept.contains(where: { $0.overlaps(finding) }) {
            kept.append(finding)
        }
        return kept.sorted { $0.start < $1.start }
    }
}
