// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: Core ← adapters (Store, Telephony, Connectors) ← App ← Server ← callscribe.
// The sandbox (fake RingCentral and fake HubSpot) is an edge of its own that only the executable,
// the benchmark and the tests wire in.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "callscribe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "callscribe", targets: ["callscribe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // The domain: calls, logs, policies, phone numbers, ports. No I/O, no server dependencies.
        .target(name: "ScribeCore", swiftSettings: swiftSettings),
        // The ledger on SQLite.
        .target(
            name: "ScribeStore",
            dependencies: [
                "ScribeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // RingCentral: token client, subscriptions, webhook envelopes, call-log API.
        .target(
            name: "ScribeTelephony",
            dependencies: [
                "ScribeCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // CRM connectors and the HTTP kit they share.
        .target(
            name: "ScribeConnectors",
            dependencies: [
                "ScribeCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                // Connector files may be YAML as well as JSON.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // The composition root: configuration, secrets, workers, services. Knows every concrete type, no HTTP framework.
        .target(
            name: "ScribeApp",
            dependencies: [
                "ScribeCore", "ScribeStore", "ScribeTelephony", "ScribeConnectors",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP edge: webhooks, REST API, web page, health.
        .target(
            name: "ScribeServer",
            dependencies: [
                "ScribeCore", "ScribeApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The sandbox: a phone system speaking RingCentral's API and a CRM speaking HubSpot's, on loopback.
        .target(
            name: "ScribeSandbox",
            dependencies: [
                "ScribeCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Scenario files may be YAML as well as JSON.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Wires the sandbox and a real Callscribe together: for the demo, the benchmark and end-to-end tests.
        .target(
            name: "ScribeDemo",
            dependencies: [
                "ScribeCore", "ScribeApp", "ScribeServer", "ScribeSandbox", "ScribeTelephony",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "callscribe",
            dependencies: [
                "ScribeCore", "ScribeApp", "ScribeServer", "ScribeSandbox", "ScribeStore", "ScribeDemo",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ScribeTestSupport",
            dependencies: ["ScribeCore", "ScribeStore", "ScribeApp", "ScribeServer", "ScribeSandbox", "ScribeDemo"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ScribeCoreTests", dependencies: ["ScribeCore", "ScribeTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ScribeStoreTests", dependencies: ["ScribeStore", "ScribeTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),
        .testTarget(
            name: "ScribeTelephonyTests",
            dependencies: [
                "ScribeTelephony", "ScribeSandbox", "ScribeTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ScribeConnectorsTests",
            dependencies: [
                "ScribeConnectors", "ScribeSandbox", "ScribeTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ScribeAppTests",
            dependencies: [
                "ScribeApp", "ScribeStore", "ScribeConnectors", "ScribeSandbox", "ScribeTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ScribeServerTests",
            dependencies: [
                "ScribeServer", "ScribeSandbox", "ScribeDemo", "ScribeTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
