import Foundation
import ScribeCore

extension CallLogWriter {
    /// Applies the policy and finds the contact to log against. Returns nil with the log's state set
    /// when the log stops here: skipped, or waiting for a person to choose.
    func resolveContact(_ log: inout CallLog, connector: any CRMConnector, byPerson: Bool, now: Date) async throws -> Contact? {
        let own = OwnNumbers(extensionNumbers: self.connectors.extensionNumbers())
        let decision = self.settings.policy.decide(log.leg, defaultCountryCode: self.defaultCountryCode, ownNumbers: own, requestedByPerson: byPerson)
        let number: PhoneNumber
        switch decision {
        case .skip(let reason):
            log.state = .skipped(reason)
            log.record("Not logged: \(reason.explanation)", at: now)
            return nil
        case .lookUpContact(let found):
            number = found
        }
        let connection = log.key.connectionID
        if let request = log.request?.contact, byPerson {
            switch request {
            case .existing(let id):
                let known = log.candidates + (try await self.lookUp(number, on: connection, connector: connector))
                let contact = known.first { $0.id == id } ?? Contact(id: id, name: log.request?.contactName ?? id.rawValue)
                log.record("\(contact.name) chosen by a person.", at: now)
                return contact
            case .create(let name):
                // A retry after a crash finds the contact the first attempt made instead of making a second.
                if let made = try await self.lookUp(number, on: connection, connector: connector).first(where: { $0.name == name }) { return made }
                return try await self.createContact(name, number: number, log: &log, connector: connector, now: now, why: "created by a person")
            }
        }
        let found = try await self.lookUp(number, on: connection, connector: connector)
        switch self.settings.policy.choose(among: found) {
        case .contact(let contact, let reason):
            log.record("Matched \(contact.name): \(reason).", at: now)
            return contact
        case .askPerson(let candidates):
            log.candidates = candidates
            log.state = .waiting(.contactChoice, until: nil)
            log.record("\(candidates.count) contacts have \(number.e164); waiting for a person to choose.", at: now)
            return nil
        case .createPlaceholder:
            let name = log.leg.counterpart.name.flatMap { $0.isEmpty ? nil : $0 } ?? "Caller \(number.e164)"
            return try await self.createContact(name, number: number, log: &log, connector: connector, now: now, why: "no contact had the number")
        case .none:
            log.state = .skipped(.unknownContact)
            log.record("No contact has \(number.e164); left for logging by hand.", at: now)
            return nil
        }
    }

    private func lookUp(_ number: PhoneNumber, on connection: ConnectionID, connector: any CRMConnector) async throws(ConnectorError) -> [Contact] {
        try await self.contacts.contacts(for: number, on: connection) { () async throws(ConnectorError) in
            try await connector.findContacts(matching: number)
        }
    }

    private func createContact(
        _ name: String, number: PhoneNumber, log: inout CallLog, connector: any CRMConnector, now: Date, why: String
    ) async throws(ConnectorError) -> Contact {
        let contact = try await connector.createContact(named: name, phone: number)
        // The cached miss for this number is wrong now.
        await self.contacts.invalidate(number, on: log.key.connectionID)
        log.record("Created contact \(contact.name) (\(why)).", at: now)
        return contact
    }
}
