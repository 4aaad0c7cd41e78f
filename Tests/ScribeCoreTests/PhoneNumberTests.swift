import Foundation
import ScribeCore
import Testing

@Suite("PhoneNumber")
struct PhoneNumberTests {
    @Test(
        "parses the ways one US number is stored to the same E.164",
        arguments: ["(415) 555-0123", "415-555-0123", "415.555.0123", "+1 415 555 0123", "1-415-555-0123", "4155550123", "+14155550123", "  +1 (415) 555-0123"]
    )
    func usFormats(text: String) throws {
        let number = try #require(PhoneNumber(parsing: text))
        #expect(number.e164 == "+14155550123")
        #expect(number.digits == "14155550123")
        #expect(number.description == "+14155550123")
    }

    @Test("parses international dialling prefixes from the US", arguments: ["011 44 20 7946 0000", "0044 20 7946 0000", "+44 20 7946 0000"])
    func internationalPrefixes(text: String) throws {
        let number = try #require(PhoneNumber(parsing: text))
        #expect(number.e164 == "+442079460000")
    }

    @Test("strips an extension from the number", arguments: ["415-555-0123 ext 12", "415-555-0123 ext. 12", "(415) 555-0123 x12", "+1 415 555 0123 X 12", "4155550123#12"])
    func extensionsStripped(text: String) throws {
        let number = try #require(PhoneNumber(parsing: text))
        #expect(number.e164 == "+14155550123")
    }

    @Test("gives nil for internal extensions, too short or too long numbers and garbage", arguments: ["102", "5550123", "", "   ", "not a number", "n/a", "+1234567890123456", "000000000000"])
    func rejected(text: String) {
        #expect(PhoneNumber(parsing: text) == nil)
    }

    @Test("reads a national number with a trunk zero in a non-US default country")
    func nonUSDefaultCountry() throws {
        let london = try #require(PhoneNumber(parsing: "020 7946 0000", defaultCountryCode: "44"))
        #expect(london.e164 == "+442079460000")
        let international = try #require(PhoneNumber(parsing: "+1 415 555 0123", defaultCountryCode: "44"))
        #expect(international.e164 == "+14155550123")
        let withoutTrunk = try #require(PhoneNumber(parsing: "20 7946 0000", defaultCountryCode: "44"))
        #expect(withoutTrunk.e164 == "+442079460000")
    }

    @Test("splits the country code from the national number")
    func countryCodeAndNationalNumber() throws {
        let us = try #require(PhoneNumber(parsing: "+14155550123"))
        #expect(us.countryCode == "1")
        #expect(us.nationalNumber == "4155550123")
        let uk = try #require(PhoneNumber(parsing: "+442079460000"))
        #expect(uk.countryCode == "44")
        #expect(uk.nationalNumber == "2079460000")
        let ireland = try #require(PhoneNumber(parsing: "+35312345678"))
        #expect(ireland.countryCode == "353")
        #expect(ireland.nationalNumber == "12345678")
    }

    @Test("lists the common US stored forms, each of which parses back to the number")
    func usStoredFormVariants() throws {
        let number = try #require(PhoneNumber(parsing: "4155550123"))
        let variants = number.storedFormVariants
        #expect(variants.first == "+14155550123")
        for form in ["+14155550123", "14155550123", "4155550123", "(415) 555-0123", "415-555-0123", "415.555.0123", "+1 415 555 0123", "1-415-555-0123"] {
            #expect(variants.contains(form), "missing \(form)")
        }
        for variant in variants {
            #expect(PhoneNumber(parsing: variant) == number, "\(variant) does not parse back")
        }
    }

    @Test("lists the trunk-zero and spaced forms of a non-US number")
    func nonUSStoredFormVariants() throws {
        let number = try #require(PhoneNumber(parsing: "+442079460000"))
        #expect(number.storedFormVariants == ["+442079460000", "442079460000", "2079460000", "02079460000", "+44 2079460000"])
    }

    @Test("round-trips through JSON")
    func codable() throws {
        let number = try #require(PhoneNumber(parsing: "(415) 555-0123"))
        let decoded = try JSONDecoder().decode(PhoneNumber.self, from: JSONEncoder().encode(number))
        #expect(decoded == number)
    }
}
