import Foundation

/// The operations a connector file describes; `find_contacts`, `create_call` and `update_call` are required.
public enum OperationName: String, Sendable, Hashable, CaseIterable, Comparable {
    case findContacts = "find_contacts"
    case createContact = "create_contact"
    case relatedRecords = "related_records"
    case createCall = "create_call"
    case updateCall = "update_call"
    case readCall = "read_call"
    case findCall = "find_call"
    case listUsers = "list_users"

    static let required: [OperationName] = [.findContacts, .createCall, .updateCall]

    /// The keys of the operation's result mapping, required ones first, and which object holds them.
    var output: (object: String?, required: [String], optional: [String], list: Bool) {
        switch self {
        case .findContacts: ("contact", ["id"], ["name", "phone", "updated_at", "created_at"], true)
        case .createContact: ("contact", ["id"], ["name"], false)
        case .relatedRecords: ("record", ["id"], ["name", "kind"], true)
        case .createCall: (nil, ["id"], [], false)
        case .updateCall: (nil, [], [], false)
        case .readCall: (nil, ["subject", "body"], [], false)
        case .findCall: (nil, ["id"], [], false)
        case .listUsers: ("user", ["id"], ["name", "email"], true)
        }
    }

    public static func < (lhs: OperationName, rhs: OperationName) -> Bool {
        OperationName.allCases.firstIndex(of: lhs)! < OperationName.allCases.firstIndex(of: rhs)!
    }
}
