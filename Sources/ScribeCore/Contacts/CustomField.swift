import Foundation

/// A field of the CRM's call record that people fill in when they log a call by hand: a HubSpot
/// call property, a Salesforce Task field or a Pipedrive activity field that the CRM's admin added.
///
/// Connectors read these from the CRM (``CRMConnector/customFields()``); the engine checks a person's
/// values against them before anything is written, so a bad value is refused naming the field.
public struct CustomField: Sendable, Hashable, Codable {
    /// The CRM's API name for the field: a HubSpot property name, a Salesforce field API name
    /// (`Outcome__c`), a Pipedrive field key (a 40-character hash).
    public var key: String
    /// The name people see in the CRM.
    public var label: String
    public var kind: Kind
    /// The allowed values of a ``Kind/choice`` field; empty otherwise.
    public var options: [Option]

    public init(key: String, label: String, kind: Kind, options: [Option] = []) {
        self.key = key
        self.label = label
        self.kind = kind
        self.options = options
    }

    /// What a field holds, as far as the engine needs to know to check a value.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Free text, one line or several.
        case text
        /// A number, whole or decimal.
        case number
        /// One of ``CustomField/options``.
        case choice
    }

    /// One allowed value of a choice field.
    public struct Option: Sendable, Hashable, Codable {
        /// What is sent to the CRM (a HubSpot option value, a Salesforce picklist value, a Pipedrive option id).
        public var value: String
        /// What people see.
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Why a value does not fit its field.
    public enum ValueProblem: Sendable, Hashable, Error, CustomStringConvertible {
        case unknownField(String)
        case notANumber(field: String, value: String)
        case notAnOption(field: String, value: String, allowed: [String])
        case tooLong(field: String, limit: Int)

        /// The field the problem is about, for the error's `field`.
        public var field: String {
            switch self {
            case .unknownField(let key): key
            case .notANumber(let field, _), .notAnOption(let field, _, _), .tooLong(let field, _): field
            }
        }

        public var description: String {
            switch self {
            case .unknownField(let key): "'\(key)' is not a custom field of this CRM's call records"
            case .notANumber(let field, let value): "'\(value)' is not a number (field '\(field)')"
            case .notAnOption(let field, let value, let allowed):
                "'\(value)' is not one of the options of '\(field)' (\(allowed.joined(separator: ", ")))"
            case .tooLong(let field, let limit): "the value of '\(field)' is longer than \(limit) characters"
            }
        }
    }

    /// The longest value accepted for any field; CRMs cap text fields well below request sizes.
    public static let maximumValueLength = 10_000

    /// `value` as it is sent to the CRM, or the problem with it. Numbers are normalised
    /// ("1,5" is refused; " 42 " becomes "42"); a choice may be given by its value or its label.
    public func normalised(_ value: String) throws(ValueProblem) -> String {
        guard value.count <= Self.maximumValueLength else { throw .tooLong(field: self.key, limit: Self.maximumValueLength) }
        switch self.kind {
        case .text:
            return value
        case .number:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard let number = Double(trimmed), number.isFinite else { throw .notANumber(field: self.key, value: value) }
            return trimmed
        case .choice:
            if let option = self.options.first(where: { $0.value == value }) ?? self.options.first(where: { $0.label == value }) {
                return option.value
            }
            throw .notAnOption(field: self.key, value: value, allowed: self.options.map(\.value))
        }
    }

    /// Checks every value of `values` against `fields`, returning them normalised.
    public static func normalise(_ values: [String: String], against fields: [CustomField]) throws(ValueProblem) -> [String: String] {
        var normalised: [String: String] = [:]
        for key in values.keys.sorted() {
            guard let field = fields.first(where: { $0.key == key }) else { throw .unknownField(key) }
            normalised[key] = try field.normalised(values[key]!)
        }
        return normalised
    }
}
