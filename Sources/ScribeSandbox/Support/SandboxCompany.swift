/// The small company the sandbox simulates: its extensions, its main number, and its customers —
/// the people who call it and whom it calls. The phone sandbox places calls between them; the CRM
/// sandbox is seeded with the customers, their numbers stored in the mixed formats people type.
public struct SandboxCompany: Sendable {
    public struct Employee: Sendable, Hashable {
        public var extensionID: String
        public var extensionNumber: String
        public var name: String
        /// The employee's direct number, E.164.
        public var directNumber: String
    }

    public struct Customer: Sendable, Hashable {
        public var firstName: String
        public var lastName: String
        /// E.164.
        public var phoneNumber: String
        /// How the CRM has the number stored, e.g. `(415) 555-0123`.
        public var storedPhone: String
        /// A mobile number, stored as typed, for some customers.
        public var storedMobile: String?
        public var company: String
    }

    public var accountID: String
    public var mainNumber: String
    public var employees: [Employee]
    public var customers: [Customer]
    /// Numbers that call but are in no CRM: they stay unlogged.
    public var strangers: [String]

    /// The company for `seed`: 6 extensions, `customerCount` customers, some strangers.
    public init(seed: UInt64 = 42, customerCount: Int = 300) {
        var random = SeededGenerator(seed: seed)
        self.accountID = "400123456008"
        self.mainNumber = "+16505550100"
        let staff = ["Ada Park", "Ben Ortiz", "Chloe Nakamura", "Dev Patel", "Emma Byrne", "Farid Haddad"]
        self.employees = staff.enumerated().map { index, name in
            Employee(extensionID: "6301\(1000 + index)", extensionNumber: "\(101 + index)", name: name, directNumber: "+1650555\(String(format4(201 + index)))")
        }
        let firstNames = ["Alice", "Bruno", "Carmen", "Dmitri", "Elena", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Keiko", "Luis", "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Xena", "Yusuf", "Zoe"]
        let lastNames = ["Anders", "Baptiste", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Hughes", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Walsh", "Yilmaz", "Zhang"]
        let companies = ["Acme Corp", "Birch & Co", "Cobalt Labs", "Delta Freight", "Evergreen Dental", "Foxglove Legal", "Granite Builders", "Harbor Bank"]
        var used = Set<String>()
        var customers: [Customer] = []
        while customers.count < customerCount {
            let area = [415, 212, 617, 312, 503, 206, 737][Int.random(in: 0..<7, using: &random)]
            let line = Int.random(in: 2_000_000...9_999_999, using: &random)
            let national = "\(area)\(line)"
            guard used.insert(national).inserted else { continue }
            let mobile: String? = Int.random(in: 0..<4, using: &random) == 0 ? "+1 (\(area)) 555-\(format4(Int.random(in: 0...9999, using: &random)))" : nil
            customers.append(
                Customer(
                    firstName: firstNames[Int.random(in: 0..<firstNames.count, using: &random)],
                    lastName: lastNames[Int.random(in: 0..<lastNames.count, using: &random)],
                    phoneNumber: "+1" + national,
                    storedPhone: SandboxCompany.storedForm(national, style: customers.count % 7),
                    storedMobile: mobile,
                    company: companies[Int.random(in: 0..<companies.count, using: &random)]
                )
            )
        }
        self.customers = customers
        self.strangers = (0..<20).map { "+1909555\(format4(1000 + $0 * 37))" }
    }

    /// A ten-digit national number written one of seven ways people store numbers.
    static func storedForm(_ national: String, style: Int) -> String {
        let area = national.prefix(3)
        let exchange = national.dropFirst(3).prefix(3)
        let line = national.suffix(4)
        switch style {
        case 0: return "+1\(national)"
        case 1: return "(\(area)) \(exchange)-\(line)"
        case 2: return "\(area)-\(exchange)-\(line)"
        case 3: return "\(area).\(exchange).\(line)"
        case 4: return "+1 \(area) \(exchange) \(line)"
        case 5: return "1-\(area)-\(exchange)-\(line)"
        default: return "\(national)"
        }
    }
}

private func format4(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
