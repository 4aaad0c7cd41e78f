@testable import ScribeConnectors
import Testing

@Suite("ConnectorHTTPClient builds URLs")
struct ConnectorHTTPClientTests {
    @Test("a path segment keeps unreserved characters and encodes everything else")
    func pathSegment() {
        #expect(ConnectorHTTPClient.pathSegment("50000000001") == "50000000001")
        #expect(ConnectorHTTPClient.pathSegment("00T5g00000AbCdEFGH") == "00T5g00000AbCdEFGH")
        #expect(ConnectorHTTPClient.pathSegment("../contacts/1?x=1#y") == "..%2Fcontacts%2F1%3Fx%3D1%23y")
        #expect(ConnectorHTTPClient.pathSegment("a b+c") == "a%20b%2Bc")
    }

    @Test("a URL is named without its query or fragment")
    func redacted() {
        #expect(ConnectorHTTPClient.redacted("https://x.example/a/b?token=secret#frag") == "https://x.example/a/b")
    }
}
