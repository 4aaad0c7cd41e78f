import Foundation
import ScribeCore
import ScribeStore
import Testing

@Suite("SQLiteLedgerStore directory and cursors")
struct LedgerDirectoryTests {
    typealias L = Ledger

    @Test("saves, updates and lists an account's extensions by number", arguments: StoreKind.allCases)
    func extensions(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.saveExtensions([
                PhoneExtension(id: "ext-102", accountID: "acc-1", extensionNumber: "102", name: "Bob Brown"),
                PhoneExtension(id: "ext-101", accountID: "acc-1", extensionNumber: "101", name: "Alice Agent"),
                PhoneExtension(id: "ext-201", accountID: "acc-2", extensionNumber: "101", name: "Someone Else"),
            ])
            try await store.saveExtensions([PhoneExtension(id: "ext-102", accountID: "acc-1", extensionNumber: "102", name: "Bob Brown-Smith")])
            #expect(try await store.extensions(of: "acc-1") == [
                PhoneExtension(id: "ext-101", accountID: "acc-1", extensionNumber: "101", name: "Alice Agent"),
                PhoneExtension(id: "ext-102", accountID: "acc-1", extensionNumber: "102", name: "Bob Brown-Smith"),
            ])
            #expect(try await store.extensions(of: "acc-2").map(\.name) == ["Someone Else"])
            #expect(try await store.extensions(of: "acc-3").isEmpty)
        }
    }

    @Test("saves, updates and lists connections, keeping the sealed credential's bytes unchanged", arguments: StoreKind.allCases)
    func connections(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let sealed: [UInt8] = [0, 0, 1, 127, 128, 200, 254, 255, 0] + Array(0...255)
            let hubspot = CRMConnection(id: "conn-b", accountID: "acc-1", kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: sealed)
            let pipedrive = CRMConnection(id: "conn-a", accountID: "acc-1", kind: "pipedrive", baseURL: "https://api.pipedrive.com", sealedCredential: [9])
            let other = CRMConnection(id: "conn-c", accountID: "acc-2", kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [1])
            for connection in [hubspot, pipedrive, other] { try await store.saveConnection(connection) }
            #expect(try await store.connections(of: "acc-1") == [pipedrive, hubspot])
            #expect(try await store.connections(of: "acc-1").last?.sealedCredential == sealed)

            var rotated = hubspot
            rotated.sealedCredential = [42, 0, 42]
            rotated.baseURL = "http://127.0.0.1:9000"
            try await store.saveConnection(rotated)
            #expect(try await store.connections(of: "acc-1") == [pipedrive, rotated])
            #expect(try await store.connections(of: "acc-2") == [other])
        }
    }

    @Test("remembers named cursors and overwrites them", arguments: StoreKind.allCases)
    func cursors(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            #expect(try await store.cursor("call-log-sync") == nil)
            try await store.setCursor("call-log-sync", to: "2027-01-15T08:00:00.000Z")
            try await store.setCursor("other", to: "x")
            #expect(try await store.cursor("call-log-sync") == "2027-01-15T08:00:00.000Z")
            try await store.setCursor("call-log-sync", to: "2027-01-15T09:00:00.000Z")
            #expect(try await store.cursor("call-log-sync") == "2027-01-15T09:00:00.000Z")
            #expect(try await store.cursor("other") == "x")
        }
    }
}
