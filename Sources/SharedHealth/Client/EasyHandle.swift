import CCurl
import Foundation

/// One curl easy handle, used by one thread at a time. `curl_easy_reset` between transfers
/// clears the options but keeps live connections and the DNS cache, which is the point.
final class EasyHandle {
    private let handle: UnsafeMutableRawPointer

    init() {
        guard let handle = curl_easy_init() else {
            fatalError("curl_easy_init failed: libcurl is unusable")
        }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// What a transfer gathers through curl's callbacks.
    final class Accumulator {
        var body: [UInt8] = []
        var headers: [(String, String)] = []
        var limitExceeded = false
        let limit: Int
        let cancelled: CancellationFlag

        init(limit: Int, cancelled: CancellationFlag) {
            self.limit = limit
            self.cancelled = cancelled
        }
    }

    func perform(
        _ request: HTTPClientRequest,
        configuration: CurlHTTPClient.Configuration,
        cancelled: CancellationFlag
    ) -> Result<HTTPClientResponse, any Error> {
        curl_easy_reset(handle)
        let accumulator = Accumulator(limit: configuration.maxResponseBytes, cancelled: cancelled)
        let context = Unmanaged.passRetained(accumulator)
        defer { context.release() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers {
            // A header line may not carry CR or LF: that would let a value forge another header.
            guard !name.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" }),
                !value.contains(where: { $0 == "\r" || $0 == "\n" })
            else {
                return .failure(HTTPClientError.invalidRequest("header \(name) contains a line break"))
            }
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        // No "Expect: 100-continue" round trip before bodies.
        headerList = curl_slist_append(headerList, "Expect:")

        let timeout = request.timeout ?? configuration.requestTimeout
        ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout))
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(timeout))
        ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)

        let method = request.method.uppercased()
        switch method {
        case "GET" where request.body == nil:
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case "HEAD":
            ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
        default:
            let body = request.body ?? []
            ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // COPYPOSTFIELDS copies, so the bytes need not outlive the call. An empty body still
            // needs a non-NULL pointer (NULL would make curl read the body from a callback).
            if body.isEmpty {
                ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                body.withUnsafeBytes { raw in
                    _ = ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress!))
                }
            }
            if method != "POST" {
                ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
            }
        }

        ccurl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, writeBody)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque())
        ccurl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, writeHeader)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context.toOpaque())
        ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        ccurl_setopt_xferinfo_callback(handle, checkCancelled)
        ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context.toOpaque())

        let code = curl_easy_perform(handle)
        var connects = 0
        ccurl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)

        guard code == CURLE_OK else {
            switch code {
            case CURLE_ABORTED_BY_CALLBACK:
                return .failure(CancellationError())
            case CURLE_WRITE_ERROR where accumulator.limitExceeded:
                return .failure(HTTPClientError.responseTooLarge(limit: accumulator.limit))
            case CURLE_OPERATION_TIMEDOUT:
                return .failure(HTTPClientError.timedOut)
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
                return .failure(HTTPClientError.connectFailed(String(cString: curl_easy_strerror(code))))
            case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
                return .failure(HTTPClientError.invalidRequest(String(cString: curl_easy_strerror(code))))
            default:
                return .failure(HTTPClientError.transport(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code))))
            }
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(
            HTTPClientResponse(status: status, headers: accumulator.headers, body: accumulator.body, connectionsOpened: connects)
        )
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

private let writeBody: ccurl_data_callback = { pointer, size, count, userdata in
    let accumulator = Unmanaged<EasyHandle.Accumulator>.fromOpaque(userdata!).takeUnretainedValue()
    let length = size * count
    guard accumulator.body.count + length <= accumulator.limit else {
        accumulator.limitExceeded = true
        return 0
    }
    if let pointer, length > 0 {
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            accumulator.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        }
    }
    return length
}

private let writeHeader: ccurl_data_callback = { pointer, size, count, userdata in
    let accumulator = Unmanaged<EasyHandle.Accumulator>.fromOpaque(userdata!).takeUnretainedValue()
    let length = size * count
    guard let pointer, length > 0 else { return length }
    let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        // A new status line (after 100 Continue or a redirect) starts a new header block.
        accumulator.headers.removeAll()
    } else if let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        accumulator.headers.append((name, value))
    }
    return length
}

private let checkCancelled: ccurl_xferinfo_callback = { userdata, _, _, _, _ in
    let accumulator = Unmanaged<EasyHandle.Accumulator>.fromOpaque(userdata!).takeUnretainedValue()
    return accumulator.cancelled.isCancelled ? 1 : 0
}
