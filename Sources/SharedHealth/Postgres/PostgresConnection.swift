import CLibPQ
import Foundation

/// A value bound to a query parameter, sent as text (libpq's text format).
public protocol PostgresBindable: Sendable {
    var postgresText: String { get }
}

extension String: PostgresBindable { public var postgresText: String { self } }
extension Int: PostgresBindable { public var postgresText: String { String(self) } }
extension Int64: PostgresBindable { public var postgresText: String { String(self) } }
extension Int32: PostgresBindable { public var postgresText: String { String(self) } }
extension Double: PostgresBindable { public var postgresText: String { String(self) } }
extension Bool: PostgresBindable { public var postgresText: String { self ? "true" : "false" } }

public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// `invalidText`: a parameter held a NUL character, which PostgreSQL text cannot store
    /// (libpq would silently cut the value there); nothing was sent.
    public enum Kind: Sendable { case connection, query, invalidText }
    public let kind: Kind
    /// The five-character SQLSTATE, e.g. `23505` for a unique violation.
    public let sqlState: String?
    public let message: String

    public var description: String {
        "postgres \(kind == .connection ? "connection" : kind == .query ? "query" : "parameter") error\(sqlState.map { " \($0)" } ?? ""): \(message)"
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
}

/// One row of a result; values are libpq's text form, nil for SQL NULL.
public struct PostgresRow: Sendable {
    public let columns: [String]
    public let values: [String?]

    public subscript(_ column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return values[index]
    }

    public func int(_ column: String) -> Int? { self[column].flatMap { Int($0) } }
    public func double(_ column: String) -> Double? { self[column].flatMap { Double($0) } }
    public func bool(_ column: String) -> Bool? { self[column].map { $0 == "t" || $0 == "true" } }
}

public struct PostgresResult: Sendable {
    public let rows: [PostgresRow]
    /// Rows affected by INSERT/UPDATE/DELETE.
    public let affectedRows: Int
}

/// One libpq connection, used by one worker thread at a time. Connects lazily and again after
/// the connection was lost; queries are always parameterized (`$1`, `$2`, …).
public final class PostgresConnection {
    private let conninfo: String
    private var connection: OpaquePointer?

    init(conninfo: String) {
        self.conninfo = conninfo
    }

    deinit {
        if let connection { PQfinish(connection) }
    }

    var isConnected: Bool {
        guard let connection else { return false }
        return PQstatus(connection) == CONNECTION_OK
    }

    private func connected() throws -> OpaquePointer {
        if let connection, PQstatus(connection) == CONNECTION_OK {
            return connection
        }
        if let connection {
            PQfinish(connection)
            self.connection = nil
        }
        guard let fresh = PQconnectdb(conninfo) else {
            throw PostgresError(kind: .connection, sqlState: nil, message: "out of memory")
        }
        guard PQstatus(fresh) == CONNECTION_OK else {
            let message = Self.clean(PQerrorMessage(fresh))
            PQfinish(fresh)
            throw PostgresError(kind: .connection, sqlState: nil, message: message)
        }
        // libpq prints NOTICEs ("table does not exist, skipping") raw on stderr, which would
        // break the JSON log stream; they carry nothing an operator needs.
        PQsetNoticeProcessor(fresh, { _, _ in }, nil)
        connection = fresh
        return fresh
    }

    /// Runs one statement with text parameters.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) throws -> PostgresResult {
        let connection = try connected()
        let texts = parameters.map { $0?.postgresText }
        if texts.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(kind: .invalidText, sqlState: "22021", message: "a parameter contains a NUL character")
        }
        let result = try withCStrings(texts) { pointers in
            PQexecParams(connection, sql, Int32(texts.count), nil, pointers, nil, nil, 0)
        }
        guard let result else {
            throw PostgresError(kind: PQstatus(connection) == CONNECTION_OK ? .query : .connection, sqlState: nil, message: Self.clean(PQerrorMessage(connection)))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            break
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let lost = PQstatus(connection) != CONNECTION_OK
            throw PostgresError(kind: lost ? .connection : .query, sqlState: state, message: Self.clean(PQresultErrorMessage(result)))
        }
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [PostgresRow] = []
        let rowCount = Int(PQntuples(result))
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresResult(rows: rows, affectedRows: affected)
    }

    /// Runs `body` between BEGIN and COMMIT; any error rolls back and is rethrown.
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try query("BEGIN")
        do {
            let value = try body(self)
            try query("COMMIT")
            return value
        } catch {
            if isConnected { _ = try? query("ROLLBACK") }
            throw error
        }
    }

    private static func clean(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Passes `strings` to C as an array of NUL-terminated strings (NULL for nil) that lives for
/// the duration of `body`.
private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> R) rethrows -> R {
    var buffers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
    defer { for buffer in buffers { free(buffer) } }
    return try buffers.withUnsafeMutableBufferPointer { pointer in
        try body(pointer.map { $0.map { UnsafePointer($0) } })
    }
}
