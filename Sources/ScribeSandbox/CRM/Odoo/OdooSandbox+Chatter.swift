import ScribeCore
import Foundation
import Synchronization

extension OdooSandbox {
    /// The subtypes `subtype_xmlid` may name: an internal note or a discussion message.
    static let subtypes: [String: JSONValue] = [
        "mail.mt_note": .array([.int(2), .string("Note")]),
        "mail.mt_comment": .array([.int(1), .string("Discussions")]),
    ]

    static let messageTypes: Set<String> = ["email", "comment", "notification", "auto_comment", "user_notification"]

    /// `res.partner/message_post` on one partner: stores a `mail.message` and answers its id.
    ///
    /// `body` is text, escaped and wrapped in a paragraph, unless `body_is_html` is true (Odoo 17.2+,
    /// how an RPC caller says its string is markup); `message_type` defaults to `notification`, the
    /// subtype to a note unless `subtype_xmlid` says otherwise.
    func messagePost(ids: [Int], _ arguments: [String: JSONValue]) throws(OdooSandboxError) -> Int {
        guard ids.count == 1, let partnerID = ids.first else {
            throw .valueError("Expected singleton: res.partner(\(ids.map(String.init).joined(separator: ", ")))")
        }
        let messageType = arguments["message_type"]?.string ?? "notification"
        guard OdooSandbox.messageTypes.contains(messageType) else { throw .valueError("Wrong value for mail.message.message_type: '\(messageType)'") }
        let subtypeXMLID = arguments["subtype_xmlid"]?.string ?? "mail.mt_note"
        guard let subtype = OdooSandbox.subtypes[subtypeXMLID] else {
            throw .valueError("External ID not found in the system: \(subtypeXMLID)")
        }
        let text = arguments["body"]?.string ?? ""
        let body = arguments["body_is_html"]?.bool == true ? text : OdooSandbox.plaintextToHTML(text)
        let now = OdooSandboxSeed.time(Date())
        return try self.state.withLock { state throws(OdooSandboxError) -> Int in
            guard let partner = state.record("res.partner", partnerID) else { throw .missing(model: "res.partner", ids: [partnerID]) }
            let id = state.nextID("mail.message")
            state.store(
                OdooSandboxRecord(
                    id: id, model: "mail.message",
                    fields: [
                        "body": .string(body), "model": .string("res.partner"), "res_id": .int(partnerID),
                        "message_type": .string(messageType), "subtype_id": subtype, "author_id": OdooSandboxSeed.author,
                        "date": .string(now), "subject": arguments["subject"] ?? .bool(false),
                        "record_name": partner.fields["display_name"] ?? .bool(false), "create_date": .string(now), "write_date": .string(now),
                    ]
                )
            )
            return id
        }
    }

    /// Odoo's `plaintext2html`: escaped, newlines as `<br>`, in one paragraph.
    static func plaintextToHTML(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return "<p>" + escaped.replacingOccurrences(of: "\n", with: "<br>") + "</p>"
    }
}
