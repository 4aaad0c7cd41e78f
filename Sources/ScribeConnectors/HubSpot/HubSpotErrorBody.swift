/// HubSpot's error body: `{status:"error", message, correlationId, category, subCategory?, context?, errors?}`,
/// plus `errorType` and `policyName` on rate-limit answers.
///
/// Every field is optional and read leniently: a field of an unexpected shape is dropped rather
/// than losing the whole body, because the message is what a person will need.
struct HubSpotErrorBody: Decodable, Sendable {
    struct Detail: Decodable, Sendable {
        var message: String?
        var code: String?
        var context: [String: [String]]?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.message = try? container.decodeIfPresent(String.self, forKey: .message)
            self.code = try? container.decodeIfPresent(String.self, forKey: .code)
            self.context = try? container.decodeIfPresent([String: [String]].self, forKey: .context)
        }

        private enum CodingKeys: String, CodingKey {
            case message, code, context
        }
    }

    var message: String?
    var category: String?
    var subCategory: String?
    var context: [String: [String]]?
    var errors: [Detail]?
    var errorType: String?
    var policyName: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.message = try? container.decodeIfPresent(String.self, forKey: .message)
        self.category = try? container.decodeIfPresent(String.self, forKey: .category)
        self.subCategory = try? container.decodeIfPresent(String.self, forKey: .subCategory)
        self.context = try? container.decodeIfPresent([String: [String]].self, forKey: .context)
        self.errors = try? container.decodeIfPresent([Detail].self, forKey: .errors)
        self.errorType = try? container.decodeIfPresent(String.self, forKey: .errorType)
        self.policyName = try? container.decodeIfPresent(String.self, forKey: .policyName)
    }

    private enum CodingKeys: String, CodingKey {
        case message, category, subCategory, context, errors, errorType, policyName
    }
}
