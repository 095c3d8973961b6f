import Testing

@testable import GuardrailsCore

/// Text → [(type, matched text)] as the analyzer finds them.
func pii(_ text: String, _ entities: Set<PIIEntity> = Set(PIIEntity.allCases)) -> [(String, String)] {
    let scalars = Array(text.unicodeScalars)
    return PIIAnalyzer().analyze(text, entities: entities).map { finding in
        (finding.type, String(String.UnicodeScalarView(scalars[finding.start..<finding.end])))
    }
}

func types(_ text: String) -> [String] { pii(text).map(\.0) }

@Suite("Credit cards")
struct CreditCardTests {
    @Test(arguments: [
        "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004", "2221 0000 0000 0009",
        "2720 9900 0000 0007", "3782 822463 10005", "378282246310005", "6011 1111 1111 1117", "3530 1113 3330 0000",
        "30569309025904", "6200000000000005", "4222222222222",
    ])
    func validCardsAreFound(number: String) {
        let found = pii("my card is \(number), thanks")
        #expect(found.count == 1)
        #expect(found.first?.0 == "CREDIT_CARD")
        #expect(found.first?.1 == number)
    }

    @Test(arguments: [
        "4111111111111112",  // Luhn fails
        "1234 5678 9012 3456",  // Luhn fails, no issuer
        "9111111111111111",  // no issuer
        "2721 0000 0000 0000",  // just past the Mastercard 2-series
        "4111 1111 1111 11111",  // bad grouping
        "411111111111",  // too short
        "661039381289",  // 12-digit Luhn-valid "Maestro": reads as an account number
    ])
    func invalidNumbersAreNotCards(number: String) {
        #expect(!types("card \(number)").contains("CREDIT_CARD"))
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "Café 🎉 — card 4111 1111 1111 1111 ok"
        let finding = PIIAnalyzer().analyze(text).first
        let scalars = Array(text.unicodeScalars)
        #expect(finding?.start == 14)
        #expect(String(String.UnicodeScalarView(scalars[finding!.start..<finding!.end])) == "4111 1111 1111 1111")
    }

    @Test func cardFollowedByAYearIsStillACard() {
        #expect(pii("4111 1111 1111 1111 2027").first?.1 == "4111 1111 1111 1111")
    }
}

@Suite("US SSN")
struct SSNTests {
    @Test func formattedSSNs() {
        #expect(pii("SSN 536-22-8970").map(\.0) == ["US_SSN"])
        #expect(pii("it's 536 22 8970").map(\.0) == ["US_SSN"])
    }

    @Test(arguments: ["000-12-3456", "666-12-3456", "912-12-3456", "536-00-8970", "536-22-0000", "078-05-1120"])
    func invalidStructuresAreRejected(number: String) {
        #expect(!types("ssn \(number)").contains("US_SSN"))
    }

    @Test func bareNineDigitsNeedContext() {
        #expect(types("my social security number is 536228970") == ["US_SSN"])
        #expect(types("order 536228970 shipped") == [])
    }

    @Test func mixedSeparatorsAreNotAnSSN() {
        #expect(!types("ref 536-22 8970").contains("US_SSN"))
    }
}

@Suite("Phone numbers")
struct PhoneTests {
    @Test(arguments: [
        "(415) 555-0132", "415-555-0132", "415.555.0132", "415 555 0132", "+1 415 555 0132", "1-415-555-0132",
        "+14155550132", "+44 20 7946 0958", "+49 30 901820", "+33 1 42 68 53 00",
    ])
    func formatsAreFound(number: String) {
        let found = pii("call me at \(number) tomorrow")
        #expect(found.map(\.0) == ["PHONE_NUMBER"])
        #expect(found.first?.1 == number)
    }

    @Test(arguments: ["015-555-0132", "415-155-0132", "911-555-0132", "12345-6789", "2024-01-15", "$415.55"])
    func nonPhonesAreIgnored(text: String) {
        #expect(!types("value \(text) here").contains("PHONE_NUMBER"))
    }

    @Test func bareTenDigitsNeedContext() {
        #expect(types("my cell is 4155550132") == ["PHONE_NUMBER"])
        #expect(types("invoice 4155550132") == [])
    }
}

@Suite("Email, IBAN, IP")
struct EmailIBANIPTests {
    @Test func emails() {
        #expect(pii("write to jane.doe+bank@example.co.uk.").map(\.1) == ["jane.doe+bank@example.co.uk"])
        #expect(types("at @handle or user@localhost") == [])
        #expect(pii("Ünïcode: josé@correo.es").first?.1 == "josé@correo.es")
    }

    @Test(arguments: ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606", "NL91ABNA0417164300"])
    func validIBANs(iban: String) {
        let found = pii("IBAN: \(iban).")
        #expect(found.map(\.0) == ["IBAN_CODE"])
        #expect(found.first?.1 == iban)
    }

    @Test func invalidIBANs() {
        #expect(!types("DE89370400440532013001").contains("IBAN_CODE"))  // checksum
        #expect(!types("DE8937040044053201300").contains("IBAN_CODE"))  // length
        #expect(!types("XX89370400440532013000").contains("IBAN_CODE"))  // country
    }

    @Test func anIBANIsNotAlsoAPhoneNumber() {
        #expect(types("send to DE89 3704 0044 0532 0130 00 please") == ["IBAN_CODE"])
    }

    @Test func ipAddresses() {
        #expect(pii("login from 203.0.113.42 today").map(\.1) == ["203.0.113.42"])
        #expect(pii("from 2001:db8::8a2e:370:7334.").map(\.1) == ["2001:db8::8a2e:370:7334"])
        #expect(types("version 1.2.3.4.5 and 256.1.1.1 and 01.2.3.4") == [])
        #expect(types("meet at 10:30:00") == [])
    }
}

@Suite("Routing numbers and accounts")
struct BankNumberTests {
    @Test func routingNeedsChecksumAndContext() {
        #expect(types("routing number 021000021") == ["US_BANK_ROUTING"])
        #expect(types("routing number 021000022") != ["US_BANK_ROUTING"])
        #expect(types("reference 021000021") == [])
    }

    @Test func aRoutingNumberIsNotAnSSN() {
        // 021000021 passes the ABA checksum; "routing" context makes it routing, not SSN.
        #expect(types("ABA 021000021") == ["US_BANK_ROUTING"])
        // SSN words earlier in the message do not claim a number the routing words are about.
        #expect(types("my SSN is 536-22-8970. Is 021000021 the right routing number?") == ["US_SSN", "US_BANK_ROUTING"])
    }

    @Test func accountsNeedContext() {
        #expect(pii("my checking account number is 000123456789").map(\.0) == ["US_BANK_ACCOUNT"])
        #expect(types("routing 021000021 account 12345678") == ["US_BANK_ROUTING", "US_BANK_ACCOUNT"])
        #expect(types("order number 12345678") == [])
    }
}

@Suite("Person and date of birth")
struct PersonDOBTests {
    @Test func namesAfterContextPatterns() {
        #expect(pii("Hi, my name is Maria Gonzalez and I need help").map(\.1) == ["Maria Gonzalez"])
        #expect(pii("Thanks,\nDavid Okafor").map(\.1) == ["David Okafor"])
        // A CR LF line break counts as one, like LF (it was one grapheme that matched nothing).
        #expect(pii("Regards,\r\nDavid Okafor").map(\.1) == ["David Okafor"])
        #expect(pii("Regards -\r\nDavid Okafor").map(\.1) == ["David Okafor"])
        // Two census names in a row are a name without a cue right before them.
        #expect(pii("Regards, - \r\nDavid Okafor").map(\.1) == ["David Okafor"])
        #expect(pii("Hi David  Okafor").map(\.1) == ["David"])
        #expect(pii("Dear Priya,").map(\.1) == ["Priya"])
        #expect(pii("I'm Zoë Müller").map(\.1) == ["Zoë Müller"])
        #expect(types("I am worried about a charge") == [])
        #expect(types("Hi there, Support Team") == [])
    }

    @Test func datesOfBirthNeedContext() {
        #expect(pii("my date of birth is 03/14/1988").map(\.1) == ["03/14/1988"])
        #expect(pii("born on March 14, 1988").map(\.1) == ["March 14, 1988"])
        #expect(pii("DOB: 1988-03-14").map(\.1) == ["1988-03-14"])
        #expect(pii("I was born 14 March 1988").map(\.1) == ["14 March 1988"])
        #expect(types("payment due 03/14/2025") == [])
    }
}

@Suite("Number spans stay linear")
struct NumberSpanWindowTests {
    @Test func windowsPerStartAreBoundedByTheLongestNumberAnyRecognizerReads() throws {
        // 4,000 one-digit groups: all windows would be 8 million; bounded, at most 19 per start.
        let span = try #require(NumberSpanScanner.scan(ScannedText(String(repeating: "1 ", count: 4_000))).first)
        #expect(span.groups.count == 4_000)
        let windows = span.windows()
        #expect(windows.count <= span.groups.count * NumberSpan.maxWindowDigits)
        #expect(windows.allSatisfy { window in window.reduce(0) { $0 + span.groupLengths[$1] } <= NumberSpan.maxWindowDigits })
        #expect(span.windows(ofCount: 3).count == 3_998)
    }

    @Test func aCardInsideALongRunIsStillFound() {
        let text = String(repeating: "7 ", count: 500) + "and 4111 1111 1111 1111 " + String(repeating: "1.", count: 500)
        let result = GuardrailsEngine(hashSecret: "test-hash-secret-0123456789").check(text, direction: .input, checks: [.pii])
        #expect(result.findings.contains { $0.type == "CREDIT_CARD" })
    }
}
