import Foundation
import Logging
import ScribeCore
import ScribeTelephony
import ServiceLifecycle

/// Keeps the working webhook subscriptions pointed at this server: creates them once the server
/// listens, renews them well before they expire, and when RingCentral has blacklisted one (after
/// failed deliveries) deletes it, subscribes again and asks for a call-log sweep to repair the gap.
/// Their filters are telephony sessions — the account's, or each extension's
/// (`RINGCENTRAL_SUBSCRIPTION_SCOPE`) — plus RingSense insights when insights are expected; a
/// subscription with other filters is updated in place.
struct SubscriptionKeeper: Service {
    /// After a failed check: 2 s, doubling, at most about a minute (or the interval, if shorter).
    static let backoff = RetryPolicy(baseDelay: 2, maximumDelay: 64)

    let callscribe: Callscribe
    /// How often the subscription is checked.
    let interval: TimeInterval
    /// Renew when less than this is left.
    let renewBefore: TimeInterval

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            guard (try? await self.callscribe.accountID.wait()) != nil, let port = try? await self.callscribe.serverListening.wait() else { return }
            let address = self.callscribe.configuration.webhookAddress(boundPort: port)
            var failures = 0
            while !Task.isCancelled {
                var wait = self.interval
                do {
                    try await self.ensure(address: address)
                    failures = 0
                } catch {
                    failures += 1
                    wait = min(self.interval, Self.backoff.delay(afterFailures: failures))
                    self.callscribe.logger.warning("webhook subscription check failed", metadata: ["error": "\(error)", "retryIn": "\(Int(wait))s"])
                }
                try? await Task.sleep(for: .seconds(wait))
            }
        }
    }

    /// One check: create, renew, update or replace as needed, so the active subscriptions carry
    /// exactly the wanted groups of filters (one group in the account scope; in the extensions
    /// scope, the extensions RingCentral lists now, split when there are many).
    func ensure(address: String) async throws {
        let client = self.callscribe.ringCentral
        let logger = self.callscribe.logger
        let ours = try await client.subscriptions().filter { $0.deliveryMode?.address == address }
        var active: [SubscriptionInfo] = []
        var replaced = false
        for subscription in ours {
            if subscription.status == "Active" {
                active.append(subscription)
            } else {
                // Blacklisted: RingCentral's fix is to delete and recreate.
                logger.warning(
                    "removing a webhook subscription that cannot deliver",
                    metadata: ["subscription": "\(subscription.id)", "status": "\(subscription.status)", "reason": "\(subscription.blacklistedData?.reason ?? "")"]
                )
                try await client.deleteSubscription(subscription.id)
                replaced = true
            }
        }
        var unmatched = try await self.wantedFilters()
        var spare: [SubscriptionInfo] = []
        for subscription in active {
            guard let index = unmatched.firstIndex(where: { EventFilter.matches(subscription.eventFilters, $0) }) else {
                spare.append(subscription)
                continue
            }
            unmatched.remove(at: index)
            if let expiresIn = subscription.expiresIn, TimeInterval(expiresIn) < self.renewBefore {
                let renewed = try await client.renewSubscription(subscription.id)
                logger.info("webhook subscription renewed", metadata: ["subscription": "\(renewed.id)", "expiresIn": "\(renewed.expiresIn ?? 0)s"])
            }
        }
        var created = false
        for filters in unmatched {
            if !spare.isEmpty {
                // Insights switched on or off, or extensions added or removed: change the filters in
                // place (which renews it too), so no delivery is lost meanwhile.
                let updated = try await client.updateSubscription(spare.removeFirst().id, eventFilters: filters)
                logger.info("webhook subscription filters updated", metadata: ["subscription": "\(updated.id)", "filters": "\(updated.eventFilters.count)"])
            } else {
                let made = try await client.createWebhookSubscription(address: address, verificationToken: self.callscribe.webhookToken, eventFilters: filters)
                logger.info("webhook subscription created", metadata: ["subscription": "\(made.id)", "address": "\(address)", "filters": "\(filters.count)"])
                created = true
            }
        }
        for surplus in spare {
            // A second subscription to the same address, or one whose filters are no longer needed.
            logger.info("removing a webhook subscription no longer needed", metadata: ["subscription": "\(surplus.id)"])
            try await client.deleteSubscription(surplus.id)
        }
        if replaced && created {
            // Deliveries were lost while the old one was blacklisted: read the call log now.
            self.callscribe.sweepNow.signal()
        }
    }

    /// The filters of each subscription wanted now. In the extensions scope the extension list is
    /// read from RingCentral at each check and saved, which keeps the filters (and the ledger's
    /// directory) in step as extensions are added or removed.
    func wantedFilters() async throws -> [[String]] {
        let configuration = self.callscribe.configuration
        // RingSense insights come by webhook too, when the account has them.
        let insights = configuration.logging.timing.expectInsights
        switch configuration.subscriptionScope {
        case .account:
            return EventFilter.subscriptions(scope: .account, extensions: [], expectInsights: insights)
        case .extensions:
            let account = try await self.callscribe.accountID.wait()
            let extensions = try await self.callscribe.ringCentral.extensions(of: account)
            try await self.callscribe.store.saveExtensions(extensions)
            self.callscribe.connectors.setExtensions(extensions)
            return EventFilter.subscriptions(scope: .extensions, extensions: extensions.map(\.id), expectInsights: insights)
        }
    }
}
