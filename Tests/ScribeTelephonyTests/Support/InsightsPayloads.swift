import Foundation
import Testing

/// RingSense "insights ready" deliveries as they arrive, for the parser tests.
enum InsightsPayloads {
    /// A RingSense event for a recorded inbound call: every documented key, some we do not use,
    /// the transcript out of order, and a speaker RingSense could not name.
    static let ready = #"""
        {
          "uuid": "2f4c6a1e-8b0d-4e3f-9a7c-5d1b2e3f4a50",
          "event": "/ai/ringsense/v1/public/accounts/400131404008/domains/pbx/insights",
          "timestamp": "2026-11-21T10:21:40.118Z",
          "subscriptionId": "a1b2c3d4-0000-4000-8000-000000000001",
          "ownerId": "400131404008",
          "body": {
            "title": "Renewal quote for Jane Doe",
            "rsRecordUri": "https://ringsense.ringcentral.com/app/recordings/3045617016",
            "domain": "pbx",
            "sourceRecordId": "3045617016",
            "sourceSessionId": "s-a0d7e2a3b5c1e9f0z18b39d1f2a54",
            "callDirection": "Inbound",
            "ownerExtensionId": "400131405008",
            "recordingDurationMs": 120345,
            "recordingStartTime": "2026-11-21T10:13:05.000Z",
            "creationTime": "2026-11-21T10:20:02.000Z",
            "lastModifiedTime": "2026-11-21T10:21:38.500Z",
            "speakerInfo": [
              { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2", "name": "Alice Agent", "accountId": "400131404008", "extensionId": "400131405008" },
              { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-1", "name": "Jane Doe", "accountId": null, "extensionId": null }
            ],
            "insights": {
              "Transcript": [
                { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-1", "text": "Hi, I'd like a quote for the renewal.", "start": 4.1, "end": 7.0 },
                { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2", "text": "Thanks for calling, this is Alice.", "start": 0.5, "end": 3.2 },
                { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2", "text": "Sure, I'll send it today.", "start": 7.4, "end": 9.0 },
                { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2", "text": "Anything else?", "start": 9.1, "end": 10.0 },
                { "speakerId": "p-9", "text": "(inaudible)", "start": 10.5, "end": 11.0 }
              ],
              "Summary": [ { "value": "Jane Doe asked for a renewal quote; Alice will send it today.", "start": 0.5, "end": 120.3 } ],
              "BulletedSummary": [ { "value": "Renewal quote requested", "section": "Discussion" } ],
              "Highlights": [ { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-1", "value": "quote for the renewal", "start": 4.1, "end": 7.0 } ],
              "NextSteps": [ { "speakerId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2", "value": "Send the quote", "start": 7.4, "end": 9.0 } ],
              "AIScore": [ { "value": "8" } ],
              "Sentiment": [ { "value": "Positive" } ]
            }
          }
        }
        """#

    /// The event as a mutable JSON object.
    static func readyObject() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ready.utf8)) as? [String: Any])
    }

    /// `object` with `body.insights` changed by `change`.
    static func withInsights(_ object: [String: Any], _ change: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var object = object
        var body = try #require(object["body"] as? [String: Any])
        var insights = try #require(body["insights"] as? [String: Any])
        change(&insights)
        body["insights"] = insights
        object["body"] = body
        return object
    }
}
