import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// The browser's session cookie: HttpOnly (no script reads it), SameSite=Lax (other sites' forms
/// do not carry it), scoped to the whole site, and gone when the session ends.
enum SessionCookie {
    static let name = "callscribe_session"

    static func set(_ signIn: SignIn, _ configuration: CallscribeConfiguration) -> Cookie {
        let maxAge = Int(signIn.session.expiresAt.timeIntervalSince(signIn.session.createdAt))
        return Cookie(name: self.name, value: signIn.token, maxAge: maxAge, path: "/", secure: self.secure(configuration), httpOnly: true, sameSite: .lax)
    }

    static func clear(_ configuration: CallscribeConfiguration) -> Cookie {
        Cookie(name: self.name, value: "", maxAge: 0, path: "/", secure: self.secure(configuration), httpOnly: true, sameSite: .lax)
    }

    /// Secure (HTTPS only) when the server is reached over HTTPS.
    private static func secure(_ configuration: CallscribeConfiguration) -> Bool {
        configuration.publicURL?.lowercased().hasPrefix("https://") ?? false
    }
}
