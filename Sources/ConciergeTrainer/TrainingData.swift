import Foundation
import ConciergeCore
import TextClassification

/// The labeled data of the intent model and its splits. BANKING77's train split is cut into
/// training, validation and held-out parts by a stable hash of the text (identical texts land in
/// the same part); the account intents' training file is all training, and their validation and
/// held-out files were written separately, blind (eval/understanding/README.md).
struct TrainingData {
    var training: [LabeledText] = []
    var validation: [LabeledText] = []
    var heldOut: [LabeledText] = []
    /// Which labels come from BANKING77, for per-part figures.
    var bankingLabels: Set<String> = []

    static let bankingFile = "training/intents/banking77-train.csv"
    static let accountTrainingFile = "training/intents/account-intents.jsonl"
    static let articleQuestionsFile = "training/intents/article-questions.jsonl"
    static let accountValidationFile = "eval/understanding/account-intents-validation.jsonl"
    static let accountHeldOutFile = "eval/understanding/account-intents-heldout.jsonl"

    static let knowledgeBaseDirectory = "Sources/RAGCore/Resources/KnowledgeBase"

    enum Part { case training, validation, heldOut }

    /// Every help-center article as a topic of its own, so questions about topics BANKING77
    /// lacks (two-step login, freezing a card, transfer limits) have somewhere to go: its
    /// title, its section headings with their first sentences and its front-matter keywords, labeled `IntentModel.articleLabel`.
    static func articleExamples(in directory: URL) throws -> [LabeledText] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.flatMap { file -> [LabeledText] in
            let id = file.deletingPathExtension().lastPathComponent
            var texts: [String] = []
            var sectionStarted = false
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if line.hasPrefix("title:") {
                    texts.append(String(line.dropFirst(6)))
                } else if line.hasPrefix("keywords:") {
                    texts += line.dropFirst(9).split(separator: ",").map(String.init)
                } else if line.hasPrefix("## ") {
                    texts.append(String(line.dropFirst(3)))
                    sectionStarted = true
                } else if sectionStarted, !line.hasPrefix("#"), let sentence = line.split(separator: ".").first {
                    // The first sentence of each section: it answers the heading's question.
                    texts.append(String(sentence).replacingOccurrences(of: "**", with: ""))
                    sectionStarted = false
                }
            }
            return texts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { LabeledText(text: $0, label: IntentModel.articleLabel(id)) }
        }
    }

    /// 80 / 10 / 10 by FNV-1a of the lower-cased text.
    static func part(of text: String) -> Part {
        switch HashedFeatures.stableHash(text.lowercased().utf8) % 10 {
        case 0: return .validation
        case 1: return .heldOut
        default: return .training
        }
    }

    static func load(root: URL) throws -> TrainingData {
        var data = TrainingData()
        for example in try bankingExamples(at: root.appendingPathComponent(bankingFile)) {
            data.bankingLabels.insert(example.label)
            switch part(of: example.text) {
            case .training: data.training.append(example)
            case .validation: data.validation.append(example)
            case .heldOut: data.heldOut.append(example)
            }
        }
        data.training += try jsonLines(at: root.appendingPathComponent(accountTrainingFile))
        data.training += try jsonLines(at: root.appendingPathComponent(articleQuestionsFile))
        data.training += try articleExamples(in: root.appendingPathComponent(knowledgeBaseDirectory))
        data.validation += try jsonLines(at: root.appendingPathComponent(accountValidationFile))
        data.heldOut += try jsonLines(at: root.appendingPathComponent(accountHeldOutFile))
        return data
    }

    /// `text,category` with RFC 4180 quoting.
    static func bankingExamples(at url: URL) throws -> [LabeledText] {
        let rows = CSV.rows(try String(contentsOf: url, encoding: .utf8))
        guard rows.first == ["text", "category"] else { throw TrainerError.unexpected("\(url.path): no text,category header") }
        return try rows.dropFirst().map { row in
            guard row.count == 2 else { throw TrainerError.unexpected("\(url.path): a row with \(row.count) fields") }
            return LabeledText(text: row[0], label: row[1])
        }
    }

    static func jsonLines(at url: URL) throws -> [LabeledText] {
        struct Line: Decodable { let text: String; let intent: String }
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            let decoded = try decoder.decode(Line.self, from: Data(line.utf8))
            return LabeledText(text: decoded.text, label: decoded.intent)
        }
    }
}

enum TrainerError: Error, CustomStringConvertible {
    case unexpected(String)
    var description: String {
        switch self { case .unexpected(let reason): reason }
    }
}

enum CSV {
    /// Rows of fields; quoted fields may hold commas, newlines and doubled quotes.
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else if character != "\r" {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
