import Foundation
import GRDB
import ScribeCore

extension SQLiteLedgerStore {
    public func saveExtensions(_ extensions: [PhoneExtension]) async throws {
        try await self.writer.write { db in
            for ext in extensions {
                try db.execute(
                    sql: """
                        INSERT INTO extensions (id, account_id, extension_number, name) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id,
                            extension_number = excluded.extension_number, name = excluded.name
                        """,
                    arguments: [ext.id.rawValue, ext.accountID.rawValue, ext.extensionNumber, ext.name]
                )
            }
        }
    }

    public func extensions(of accountID: AccountID) async throws -> [PhoneExtension] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM extensions WHERE account_id = ? ORDER BY extension_number", arguments: [accountID.rawValue])
                .map { row in
                    PhoneExtension(
                        id: ExtensionID(row["id"]), accountID: AccountID(row["account_id"]),
                        extensionNumber: row["extension_number"], name: row["name"]
                    )
                }
        }
    }

    public func saveConnection(_ connection: CRMConnection) async throws {
        try await self.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO connections (id, account_id, kind, base_url, sealed_credential) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, kind = excluded.kind,
                        base_url = excluded.base_url, sealed_credential = excluded.sealed_credential
                    """,
                arguments: [
                    connection.id.rawValue, connection.accountID.rawValue, connection.kind, connection.baseURL,
                    Data(connection.sealedCredential),
                ]
            )
        }
    }

    public func connections(of accountID: AccountID) async throws -> [CRMConnection] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM connections WHERE account_id = ? ORDER BY id", arguments: [accountID.rawValue])
                .map(Self.connection)
        }
    }

    public func connections() async throws -> [CRMConnection] {
        try await self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM connections ORDER BY account_id, id").map(Self.connection)
        }
    }

    private static func connection(_ row: Row) -> CRMConnection {
        CRMConnection(
            id: ConnectionID(row["id"]), accountID: AccountID(row["account_id"]), kind: row["kind"],
            baseURL: row["base_url"], sealedCredential: [UInt8](row["sealed_credential"] as Data)
        )
    }

    public func cursor(_ name: String) async throws -> String? {
        try await self.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM cursors WHERE name = ?", arguments: [name])
        }
    }

    public func setCursor(_ name: String, to value: String) async throws {
        try await self.writer.write { db in
            try db.execute(
                sql: "INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                arguments: [name, value]
            )
        }
    }
}
