import Crypto
import Foundation
import Testing

@testable import ConciergeCore

/// The token rules the abuse test found missing: `nbf`, a maximum lifetime (an `exp` in the
/// year 5138 was accepted), and `aud`/`iss` when configured.
@Suite("Bearer tokens: lifetime, audience, issuer")
struct TokenLifetimeTests {
    static let secret = "token-test-secret-0123456789"
    static let now: Int64 = 1_800_000_000

    /// A token with exactly these claims, signed with the test secret.
    static func signed(_ claims: [String: Any]) -> String {
        let header = BearerTokenVerifier.base64URLEncode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = BearerTokenVerifier.base64URLEncode(try! JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let signature = HMAC<SHA256>.authenticationCode(for: Data((header + "." + payload).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return header + "." + payload + "." + BearerTokenVerifier.base64URLEncode(Data(signature))
    }

    @Test func aTokenFromTheFutureIsRefusedUntilItsNotBefore() throws {
        let verifier = BearerTokenVerifier(secret: Self.secret)
        let early = Self.signed(["sub": "cust_alex", "nbf": Self.now + 600, "exp": Self.now + 1200])
        #expect(throws: BearerTokenVerifier.Failure.notYetValid) { try verifier.verify(early, now: Self.now) }
        #expect(try verifier.verify(early, now: Self.now + 601).subject == "cust_alex")
        let odd = Self.signed(["sub": "cust_alex", "nbf": "tomorrow", "exp": Self.now + 60])
        #expect(throws: BearerTokenVerifier.Failure.malformed) { try verifier.verify(odd, now: Self.now) }
    }

    @Test func aTokenLivingLongerThanTheMaximumIsRefused() throws {
        let verifier = BearerTokenVerifier(secret: Self.secret, maximumLifetime: 86_400)
        // exp in the year 5138, as in the abuse test.
        let forever = Self.signed(["sub": "cust_alex", "exp": 99_999_999_999])
        #expect(throws: BearerTokenVerifier.Failure.tooLongLived) { try verifier.verify(forever, now: Self.now) }
        let longIssued = Self.signed(["sub": "cust_alex", "iat": Self.now - 60, "exp": Self.now - 60 + 2 * 86_400])
        #expect(throws: BearerTokenVerifier.Failure.tooLongLived) { try verifier.verify(longIssued, now: Self.now) }
        let day = verifier.mint(subject: "cust_alex", lifetime: 86_400, now: Self.now)
        #expect(try verifier.verify(day, now: Self.now + 10).subject == "cust_alex")
    }

    @Test func audienceAndIssuerAreCheckedWhenConfigured() throws {
        let verifier = BearerTokenVerifier(secret: Self.secret, audience: "concierge", issuer: "https://auth.pennant.example")
        let minted = verifier.mint(subject: "cust_alex", now: Self.now)
        #expect(try verifier.verify(minted, now: Self.now).subject == "cust_alex")
        let noAudience = Self.signed(["sub": "cust_alex", "exp": Self.now + 600, "iss": "https://auth.pennant.example"])
        #expect(throws: BearerTokenVerifier.Failure.wrongAudience) { try verifier.verify(noAudience, now: Self.now) }
        let listed = Self.signed(["sub": "cust_alex", "exp": Self.now + 600, "aud": ["billing", "concierge"], "iss": "https://auth.pennant.example"])
        #expect(try verifier.verify(listed, now: Self.now).subject == "cust_alex")
        let otherIssuer = Self.signed(["sub": "cust_alex", "exp": Self.now + 600, "aud": "concierge", "iss": "https://evil.example"])
        #expect(throws: BearerTokenVerifier.Failure.wrongIssuer) { try verifier.verify(otherIssuer, now: Self.now) }
        // Without configuration, aud and iss are not required.
        #expect(try BearerTokenVerifier(secret: Self.secret).verify(noAudience, now: Self.now).subject == "cust_alex")
    }
}
