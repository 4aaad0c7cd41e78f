import Foundation
import Logging
import ScribeCore
import ScribeTelephony
import ServiceLifecycle

/// Keeps exactly one working webhook subscription pointed at this server: creates it once the server
/// listens, renews it well before it expires, and when RingCentral has blacklisted it (after failed
/// deliveries) deletes it, subscribes again and asks for a call-log sweep to repair the gap. Its
/// filters are telephony sessions, plus RingSense insights when insights are expected; a
/// subscription with other filters is updated in place.
struct SubscriptionKeeper: Service {
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
                    wait = min(self.interval, pow(2, Double(min(failures, 6))))
                    self.callscribe.logger.warning("webhook subscription check failed", metadata: ["error": "\(error)", "retryIn": "\(Int(wait))s"])
                }
                try? await Task.sleep(for: .seconds(wait))
            }
        }
    }

    /// One check: create, renew or replace as needed.
    func ensure(address: String) async throws {
        let client = self.callscribe.ringCentral
        let logger = self.callscribe.logger
        let ours = try await client.subscriptions().filter { $0.deliveryMode?.address == address }
        var active: SubscriptionInfo?
        for subscription in ours {
            if subscription.status == "Active", active == nil {
                active = subscription
            } else {
                // Blacklisted, or a second one: RingCentral's fix for a blacklisted subscription is to delete and recreate.
                logger.warning(
                    "removing a webhook subscription that cannot deliver",
                    metadata: ["subscription": "\(subscription.id)", "status": "\(subscription.status)", "reason": "\(subscription.blacklistedData?.reason ?? "")"]
                )
                try await client.deleteSubscription(subscription.id)
            }
        }
        // RingSense insights come by webhook too, when the account has them.
        let wanted = EventFilter.wanted(expectInsights: self.callscribe.configuration.logging.timing.expectInsights)
        guard let active else {
            let created = try await client.createWebhookSubscription(address: address, verificationToken: self.callscribe.webhookToken, eventFilters: wanted)
            logger.info("webhook subscription created", metadata: ["subscription": "\(created.id)", "address": "\(address)", "filters": "\(wanted)"])
            if !ours.isEmpty {
                // Deliveries were lost while the old one was blacklisted: read the call log now.
                self.callscribe.sweepNow.signal()
            }
            return
        }
        if !EventFilter.matches(active.eventFilters, wanted) {
            // Made before insights were switched on (or off): change its filters in place, which renews it too.
            let updated = try await client.updateSubscription(active.id, eventFilters: wanted)
            logger.info("webhook subscription filters updated", metadata: ["subscription": "\(updated.id)", "filters": "\(updated.eventFilters)"])
            return
        }
        if let expiresIn = active.expiresIn, TimeInterval(expiresIn) < self.renewBefore {
            let renewed = try await client.renewSubscription(active.id)
            logger.info("webhook subscription renewed", metadata: ["subscription": "\(renewed.id)", "expiresIn": "\(renewed.expiresIn ?? 0)s"])
        }
    }
}
