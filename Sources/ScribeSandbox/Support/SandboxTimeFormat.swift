import Foundation
import ScribeCore

/// How the vendors write times on the wire, always in UTC, written and read back the same way.
enum SandboxTimeFormat {
    /// `2024-01-01T10:00:00+00:00`: ISO 8601 to the second with a numeric offset (Zoho, Clio).
    static let isoWithOffset = DatePattern("yyyy-MM-dd'T'HH:mm:ssxxx")
    /// `2024-01-01 10:00:00`: date and time with a space and no offset (Odoo, Insightly, Pipedrive's call logs).
    static let spaced = DatePattern("yyyy-MM-dd HH:mm:ss")
}
