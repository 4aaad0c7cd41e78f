import Foundation

/// The operations a connector file describes; `find_contacts`, `create_call` and `update_call` are required.
public enum OperationName: String, Sendable, Hashable, CaseIterable, Comparable {
    case findContacts = "find_contacts"
    case findContactsByName = "find_contacts_by_name"
    case createContact = "create_contact"
    case relatedRecords = "related_records"
    case createCall = "create_call"
    case updateCall = "update_call"
    case readCall = "read_call"
    case findCall = "find_call"
    case listUsers = "list_users"
    case listCustomFields = "list_custom_fields"
    case listDispositions = "list_dispositions"

    static let required: [OperationName] = [.findContacts, .createCall, .updateCall]

    /// The contact searches: each may be a list of searches, each finding contacts or leads (`kind`).
    static let searches: Set<OperationName> = [.findContacts, .findContactsByName]

    /// The result mappings read once per element of another list of the item, as `{{option.…}}`.
    static let optionKeys: Set<String> = ["option_value", "option_label"]

    /// The keys of the operation's result mapping, required ones first, and which object holds them.
    var output: (object: String?, required: [String], optional: [String], list: Bool) {
        switch self {
        case .findContacts, .findContactsByName: ("contact", ["id"], ["name", "phone", "updated_at", "created_at"], true)
        case .createContact: ("contact", ["id"], ["name"], false)
        case .relatedRecords: ("record", ["id"], ["name", "kind"], true)
        case .createCall: (nil, ["id"], [], false)
        case .updateCall: (nil, [], [], false)
        case .readCall: (nil, ["subject", "body"], [], false)
        case .findCall: (nil, ["id"], [], false)
        case .listUsers: ("user", ["id"], ["name", "email"], true)
        // A choice field's `options` is a list in the item; `option_value` and `option_label` read
        // each of its elements as `{{option.…}}` (without them: the element itself, or its value/label).
        case .listCustomFields: ("field", ["key"], ["label", "kind", "options", "option_value", "option_label"], true)
        case .listDispositions: ("disposition", ["id"], ["label"], true)
        }
    }

    public static func < (lhs: OperationName, rhs: OperationName) -> Bool {
        OperationName.allCases.firstIndex(of: lhs)! < OperationName.allCases.firstIndex(of: rhs)!
    }
}
