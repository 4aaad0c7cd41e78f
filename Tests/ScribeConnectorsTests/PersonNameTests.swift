@testable import ScribeConnectors
import Testing

@Suite("PersonName splits a contact's name")
struct PersonNameTests {
    @Test(
        "the last word is the last name, the words before it the first name",
        arguments: [
            ("Ana María Ruiz", "Ana María", "Ruiz"),
            ("Carmen Dubois", "Carmen", "Dubois"),
            ("  Carmen \t Dubois \n", "Carmen", "Dubois"),
            ("Cher", nil, "Cher"),
            ("", nil, ""),
            ("   ", nil, ""),
        ] as [(String, String?, String)]
    )
    func splits(name: String, first: String?, last: String) {
        let split = PersonName(splitting: name)
        #expect(split.first == first)
        #expect(split.last == last)
    }
}
