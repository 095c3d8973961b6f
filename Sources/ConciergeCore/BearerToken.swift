import Crypto
import Foundation

/// HS256 JSON Web Tokens: verification of `Authorization: Bearer …` and minting for the demo
/// customers. Only `alg: HS256` is accepted (never `none`, never another algorithm chosen by
/// the token); `sub` and `exp` are required; the signature is compared in constant time. A
/// token is refused before its `nbf`, when it lives longer than `maximumLifetime` (an `exp` in
/// the year 5138 is a forgery or a leak waiting to happen), and — when they are configured —
/// unless its `aud` names this service and its `iss` is the expected issuer.
public struct BearerTokenVerifier: Sendable {
    public struct Claims: Sendable, Equatable {
        public let subject: String
        public let expiresAt: Int64
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed, badSignature, unsupportedAlgorithm, expired, missingClaim(String)
        case notYetValid, tooLongLived, wrongAudience, wrongIssuer

        public var description: String {
            switch self {
            case .malformed: "the token is not a JWT"
            case .badSignature: "the token's signature is not valid"
            case .unsupportedAlgorithm: "the token must be signed with HS256"
            case .expired: "the token has expired"
            case .missingClaim(let name): "the token has no '\(name)' claim"
            case .notYetValid: "the token is not valid yet"
            case .tooLongLived: "the token lives longer than allowed"
            case .wrongAudience: "the token is not meant for this service"
            case .wrongIssuer: "the token was not issued by the expected issuer"
            }
        }
    }

    private let key: SymmetricKey
    /// Seconds of clock difference tolerated on `exp` and `nbf`.
    public let leeway: Int64
    /// The longest a token may live, from `iat` (or now) to `exp` (`JWT_MAX_LIFETIME_SECONDS`).
    public let maximumLifetime: Int64
    /// When set, `aud` must name it (`JWT_AUDIENCE`) and `iss` must equal `issuer` (`JWT_ISSUER`).
    public let audience: String?
    public let issuer: String?

    public static let defaultMaximumLifetime: Int64 = 86_400

    public init(secret: String, leeway: Int64 = 30, maximumLifetime: Int64 = defaultMaximumLifetime, audience: String? = nil, issuer: String? = nil) {
        key = SymmetricKey(data: Data(secret.utf8))
        self.leeway = leeway
        self.maximumLifetime = maximumLifetime
        self.audience = audience
        self.issuer = issuer
    }

    /// A whole number of seconds in a sane range, if the claim is one: a huge or fractional
    /// claim must not trap in a conversion or an addition.
    static func seconds(_ value: Any?) -> Int64?? {
        guard let value else { return .some(nil) }
        guard let number = value as? NSNumber, number.doubleValue.isFinite, abs(number.doubleValue) < 1e12 else { return nil }
        return .some(Int64(number.doubleValue))
    }

    public func verify(_ token: String, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> Claims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.utf8.count <= 4096,
              let headerData = Self.base64URLDecode(parts[0]),
              let payloadData = Self.base64URLDecode(parts[1]),
              let signature = Self.base64URLDecode(parts[2]),
              let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
              let payload = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any]
        else { throw Failure.malformed }
        guard header["alg"] as? String == "HS256" else { throw Failure.unsupportedAlgorithm }
        let signed = Data((parts[0] + "." + parts[1]).utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: key) else { throw Failure.badSignature }
        guard let subject = payload["sub"] as? String, !subject.isEmpty else { throw Failure.missingClaim("sub") }
        guard let expClaim = Self.seconds(payload["exp"]), let exp = expClaim else { throw Failure.missingClaim("exp") }
        guard let notBefore = Self.seconds(payload["nbf"]), let issuedAt = Self.seconds(payload["iat"]) else { throw Failure.malformed }
        guard exp > now - leeway else { throw Failure.expired }
        if let notBefore, notBefore > now + leeway { throw Failure.notYetValid }
        guard exp - max(issuedAt ?? now, now - maximumLifetime) <= maximumLifetime + leeway, exp - now <= maximumLifetime + leeway else {
            throw Failure.tooLongLived
        }
        if let audience {
            let named = (payload["aud"] as? String).map { [$0] } ?? (payload["aud"] as? [Any])?.compactMap { $0 as? String } ?? []
            guard named.contains(audience) else { throw Failure.wrongAudience }
        }
        if let issuer, payload["iss"] as? String != issuer { throw Failure.wrongIssuer }
        return Claims(subject: subject, expiresAt: exp)
    }

    /// A signed token for `subject`, valid for `lifetime` seconds.
    public func mint(subject: String, lifetime: Int64 = 3600, now: Int64 = Int64(Date().timeIntervalSince1970)) -> String {
        let header = Self.base64URLEncode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        var claims: [String: Any] = ["sub": subject, "iat": now, "exp": now + lifetime]
        if let audience { claims["aud"] = audience }
        if let issuer { claims["iss"] = issuer }
        let payload = Self.base64URLEncode((try? JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys])) ?? Data())
        let signature = HMAC<SHA256>.authenticationCode(for: Data((header + "." + payload).utf8), using: key)
        return header + "." + payload + "." + Self.base64URLEncode(Data(signature))
    }

    static func base64URLEncode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), text.allSatisfy(\.isASCII) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
