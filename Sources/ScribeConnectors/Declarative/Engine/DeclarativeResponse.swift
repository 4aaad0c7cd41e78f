import Foundation
import ScribeCore
import NIOHTTP1

/// A CRM answer as templates read it: `{{status}}`, `{{headers.x-ratelimit-remaining}}` (names in
/// lower case), and `{{response.…}}` for the body (JSON, or the text when it is not JSON).
struct DeclarativeResponse: Sendable {
    var status: Int
    var headers: JSONValue
    var body: JSONValue
    var text: String

    init(status: Int, headers: HTTPHeaders, bodyText: String) {
        self.status = status
        var members: [String: JSONValue] = [:]
        for header in headers { members[header.name.lowercased()] = .string(header.value) }
        self.headers = .object(members)
        self.text = bodyText
        self.body = (try? JSONValue(parsing: Data(bodyText.utf8))) ?? .string(bodyText)
    }

    /// The variables an error rule reads.
    func errorContext(inputs: JSONValue) -> JSONValue {
        .object(["status": .number(Double(self.status)), "body": self.body, "headers": self.headers, "inputs": inputs])
    }

    /// `context` with this answer as the latest: `response`, `headers`, `status`, and `steps.<name>` when named.
    func recorded(in context: JSONValue, step name: String?) -> JSONValue {
        guard case .object(var members) = context else { return context }
        members["response"] = self.body
        members["headers"] = self.headers
        members["status"] = .number(Double(self.status))
        if let name {
            var steps: [String: JSONValue] = [:]
            if case .object(let recorded)? = members["steps"] { steps = recorded }
            steps[name] = self.body
            members["steps"] = .object(steps)
        }
        return .object(members)
    }
}
