import AsyncHTTPClient
import Foundation
import Logging
import ScribeApp
import ScribeCore
import ScribeSandbox

/// The sandbox phone system alone on a loopback port, for tests of what reads RingCentral's API
/// without a running server (the backfill). Tests drive it through this type only, so they need
/// no sandbox types of their own.
public struct PhoneSandboxHarness: Sendable {
    public let phone: PhoneSystemSandbox
    /// Where the phone system is served.
    public let url: String

    /// Runs the phone system for the length of `body`, then stops it. `httpClient` is the one the
    /// sandbox delivers webhooks with; a test that made its own shuts it down after.
    public static func run<Result: Sendable>(
        httpClient: HTTPClient = .shared, _ body: @Sendable (PhoneSandboxHarness) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let phone = try PhoneSystemSandbox(company: SandboxCompany(), httpClient: httpClient, logger: logger)
        return try await withSandboxServer(name: "sandbox-ringcentral", router: phone.router()) { url in
            phone.served(at: url)
            return try await body(PhoneSandboxHarness(phone: phone, url: url))
        }
    }

    /// The phone system's account id.
    public var accountID: AccountID { AccountID(self.phone.company.accountID) }

    /// A configuration pointing Callscribe at this phone system, with its ledger in `dataDirectory`
    /// (the CRM settings are required but nothing here calls the CRM).
    public func configuration(dataDirectory: URL) throws -> CallscribeConfiguration {
        try CallscribeConfiguration(
            SettingsSource(environment: [
                Setting.dataDirectory.name: dataDirectory.path,
                Setting.ringCentralServer.name: self.url,
                Setting.ringCentralClientID.name: self.phone.credentials.clientID,
                Setting.ringCentralClientSecret.name: self.phone.credentials.clientSecret,
                Setting.ringCentralJWT.name: self.phone.credentials.jwt,
                Setting.hubSpotToken.name: "pat-test-unused",
            ])
        )
    }

    /// Places one finished call starting at each of `starts`, numbered from `firstNumber` (a
    /// number is a call's identity in the sandbox); returns their telephony session ids.
    @discardableResult
    public func placeCalls(startingAt starts: [Date], firstNumber: Int = 1, seed: UInt64 = 7) throws -> [TelephonySessionID] {
        let scripts = CallScripts(company: self.phone.company, timeScale: 0.01)
        var random = SeededGenerator(seed: seed)
        return try starts.enumerated().map { offset, start in
            let call = scripts.call(number: firstNumber + offset, placedAt: start, using: &random)
            try self.phone.place(call)
            return TelephonySessionID(call.telephonySessionID)
        }
    }

    /// Answers the next `count` API requests with 429 and `Retry-After: retryAfter` seconds.
    public func rateLimitNext(_ count: Int, retryAfter: Int) {
        self.phone.rateLimitNext(count, retryAfter: retryAfter)
    }

    /// API requests the phone system has received (token requests excluded).
    public var apiRequestCount: Int { self.phone.apiRequestCount }

    /// Invalidates every call-log sync token issued so far (RingCentral's call-log reset).
    public func resetCallLogSync() {
        self.phone.resetCallLogSync()
    }

    /// The sync types of the call-log syncs served so far (`FSync`, `ISync`), in order.
    public var callLogSyncsServed: [String] { self.phone.callLogSyncsServed }
}
