import Foundation
import Testing

/// RingCentral payloads as they arrive, for the parser and decoder tests.
enum Payloads {
    /// A telephony-session notification for an inbound call being answered, with fields we do not use.
    static let answeredNotification = #"""
        {
          "uuid": "7b0e4d4c-2b0c-4a55-9c61-3f3d52f1a001",
          "event": "/restapi/v1.0/account/400131404008/telephony/sessions",
          "timestamp": "2026-11-21T10:15:02.612Z",
          "subscriptionId": "a1b2c3d4-0000-4000-8000-000000000001",
          "ownerId": "400131404008",
          "deliveryAttempt": 1,
          "body": {
            "sequence": 7,
            "sessionId": "4503311124",
            "telephonySessionId": "s-a0d7e2a3b5c1e9f0z18b39d1f2a54",
            "serverId": "10.13.121.61.TAM",
            "eventTime": "2026-11-21T10:15:02.531Z",
            "origin": { "type": "Call" },
            "parties": [
              {
                "accountId": "400131404008",
                "extensionId": "400131405008",
                "id": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2",
                "direction": "Inbound",
                "to": { "phoneNumber": "+16505550100", "name": "Alice Agent", "extensionId": "400131405008", "deviceId": "802398000016" },
                "from": { "phoneNumber": "+14155550123", "name": "Jane Doe" },
                "status": { "code": "Answered", "rcc": false },
                "park": {},
                "missedCall": false,
                "standAlone": false,
                "muted": false,
                "recordings": [ { "id": "3045617016", "active": true } ],
                "uiCallInfo": { "primary": { "type": "CallerIdName", "value": "Jane Doe" } }
              },
              {
                "accountId": "400131404008",
                "id": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-1",
                "direction": "Outbound",
                "from": { "phoneNumber": "+14155550123", "name": "Jane Doe" },
                "to": { "phoneNumber": "+16505550100" },
                "status": { "code": "Disconnected", "reason": "CallFinished", "rcc": false },
                "missedCall": false,
                "standAlone": true
              }
            ],
            "futureField": [1, 2, 3]
          }
        }
        """#

    /// The notification as a mutable JSON object.
    static func answeredObject() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(answeredNotification.utf8)) as? [String: Any])
    }

    static func data(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }

    /// A Detailed-view call-log record of an inbound call answered by extension 101 and talked for two minutes.
    static let answeredRecord = #"""
        {
          "uri": "https://platform.ringcentral.com/restapi/v1.0/account/400131404008/call-log/Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ?view=Detailed",
          "id": "Y3s1Ndk0NzE0NzU3Mzk0NzY0fQ",
          "sessionId": "4503311124",
          "telephonySessionId": "s-a0d7e2a3b5c1e9f0z18b39d1f2a54",
          "partyId": "p-a0d7e2a3b5c1e9f0z18b39d1f2a54-2",
          "startTime": "2026-11-21T10:13:02.000Z",
          "duration": 120,
          "durationMs": 120345,
          "type": "Voice",
          "internalType": "Local",
          "direction": "Inbound",
          "action": "Phone Call",
          "result": "Accepted",
          "reason": "Accepted",
          "reasonDescription": "The call connected to and was accepted by this number.",
          "to": { "phoneNumber": "+16505550100", "extensionNumber": "101", "extensionId": "400131405008", "name": "Alice Agent" },
          "from": { "phoneNumber": "+14155550123", "name": "Jane Doe", "location": "San Francisco, CA" },
          "extension": { "uri": "https://platform.ringcentral.com/restapi/v1.0/account/400131404008/extension/400131405008", "id": 400131405008 },
          "recording": {
            "uri": "https://platform.ringcentral.com/restapi/v1.0/account/400131404008/recording/3045617016",
            "id": "3045617016",
            "type": "Automatic",
            "contentUri": "https://media.ringcentral.com/restapi/v1.0/account/400131404008/recording/3045617016/content"
          },
          "transport": "PSTN",
          "lastModifiedTime": "2026-11-21T10:15:05.077Z",
          "billing": { "costIncluded": 0.0, "costPurchased": 0.0 },
          "legs": [
            {
              "startTime": "2026-11-21T10:13:02.000Z",
              "duration": 120,
              "durationMs": 120345,
              "type": "Voice",
              "internalType": "Local",
              "direction": "Inbound",
              "action": "Phone Call",
              "result": "Accepted",
              "reason": "Accepted",
              "to": { "phoneNumber": "+16505550100", "extensionNumber": "101", "extensionId": "400131405008", "name": "Alice Agent" },
              "from": { "phoneNumber": "+14155550123", "name": "Jane Doe" },
              "extension": { "uri": "https://platform.ringcentral.com/restapi/v1.0/account/400131404008/extension/400131405008", "id": 400131405008 },
              "legType": "Accept",
              "master": true,
              "transport": "PSTN"
            }
          ]
        }
        """#
}
