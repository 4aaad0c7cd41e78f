import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing

/// The Zoho sandbox's `search?word=` as a contact picker meets it: words and their beginnings in any
/// case, never the middle of a word, and Zoho's 400 for a one-letter word.
@Suite("Zoho sandbox: word search", .sharedHTTPClient)
struct ZohoSandboxWordSearchTests {
    @Test("a word or its beginning finds a record in any case; the middle of a word does not")
    func wordStarts() async throws {
        try await ZohoHarness.run { harness in
            let customer = ZohoHarness.company.customers[0]
            let fullName = "\(customer.firstName) \(customer.lastName)"
            for word in [customer.lastName.uppercased(), String(customer.firstName.prefix(3)).lowercased(), fullName.lowercased()] {
                let found = try await harness.raw(.GET, "/crm/v8/Contacts/search?word=\(ZohoHarness.encode(word))")
                #expect(found.status == 200)
                #expect(try found.zohoData.contains { $0["Full_Name"] as? String == fullName }, "'\(word)'")
            }
            let middle = String(customer.lastName.dropFirst(2))
            let inside = try await harness.raw(.GET, "/crm/v8/Contacts/search?word=\(ZohoHarness.encode(middle))")
            let insideNames = inside.status == 204 ? [] : try inside.zohoData.map { $0["Full_Name"] as? String }
            #expect(!insideNames.contains(fullName), "'\(middle)' is inside a word, not at its start")
            let lead = try await harness.raw(.GET, "/crm/v8/Leads/search?word=nadia")
            #expect(try lead.zohoData.map { $0["Full_Name"] as? String } == ["Nadia Prospect"])
        }
    }

    @Test("a one-letter word is refused with Zoho's INVALID_QUERY naming the parameter")
    func tooShort() async throws {
        try await ZohoHarness.run { harness in
            let refused = try await harness.raw(.GET, "/crm/v8/Contacts/search?word=a")
            #expect(refused.status == 400)
            let body = try refused.jsonObject
            #expect(body["code"] as? String == "INVALID_QUERY")
            #expect(body["status"] as? String == "error")
            #expect((body["details"] as? [String: Any])?["param_name"] as? String == "word")
        }
    }
}
