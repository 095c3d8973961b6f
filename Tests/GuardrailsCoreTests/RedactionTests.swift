import Testing

@testable import GuardrailsCore

@Suite("Redaction operators")
struct RedactionTests {
    let engine = GuardrailsEngine(hashSecret: "test-secret")

    @Test func maskKeepsTheLastFourOfCardsAndAccounts() {
        #expect(engine.redact("card 4111 1111 1111 1111", operator: .mask).text == "card **** **** **** 1111")
        #expect(engine.redact("ssn 536-22-8970", operator: .mask).text == "ssn ***-**-****")
        #expect(engine.redact("account number 000123456789", operator: .mask).text == "account number ********6789")
    }

    @Test func replaceUsesTypeTags() {
        #expect(engine.redact("mail a@b.io or call (415) 555-0132", operator: .replace).text == "mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>")
    }

    @Test func hashIsKeyedAndStable() {
        let first = engine.redact("card 4111111111111111", operator: .hash).text
        let spaced = engine.redact("card 4111 1111 1111 1111", operator: .hash).text
        let otherKey = GuardrailsEngine(hashSecret: "another").redact("card 4111111111111111", operator: .hash).text
        #expect(first.hasPrefix("card <CREDIT_CARD:"))
        #expect(first == spaced)
        #expect(first != otherKey)
        #expect(!first.contains("4111"))
    }

    @Test func redactionKeepsTheRestOfUnicodeText() {
        #expect(engine.redact("Ünïcödé 😀 536-22-8970 ✓", operator: .replace).text == "Ünïcödé 😀 <US_SSN> ✓")
    }
}
