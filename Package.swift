// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "FintechConcierge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ConciergeService", targets: ["ConciergeService"]),
        .executable(name: "RAGService", targets: ["RAGService"]),
        .executable(name: "GuardrailsService", targets: ["GuardrailsService"]),
        .executable(name: "HTTPClientBenchmark", targets: ["HTTPClientBenchmark"]),
        .executable(name: "GuardrailsBenchmark", targets: ["GuardrailsBenchmark"]),
        .executable(name: "EncoderBenchmark", targets: ["EncoderBenchmark"]),
        .library(name: "SharedHealth", targets: ["SharedHealth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // Thin system-library targets; the typed wrappers for variadic C calls live in the shim headers.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // OpenBLAS for the sentence encoder's matrix products.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "SharedHealth",
            dependencies: [
                "CCurl",
                "CLibPQ",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GuardrailsCore",
            dependencies: [
                "TextClassification",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/AttackModel"), .copy("Resources/Names")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GuardrailsService",
            dependencies: ["SharedHealth", "GuardrailsCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RAGCore",
            dependencies: ["SharedHealth", "TextEncoding"],
            resources: [.copy("Resources/KnowledgeBase")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RAGService",
            dependencies: [
                "SharedHealth",
                "RAGCore",
                "GuardrailsCore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RAGBenchmark",
            dependencies: ["SharedHealth", "RAGCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TextClassification",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ConciergeTrainer",
            dependencies: ["SharedHealth", "TextClassification", "ConciergeCore", "GuardrailsCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConciergeCore",
            dependencies: [
                "SharedHealth",
                "GuardrailsCore",
                "TextClassification",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/IntentModel")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ConciergeService",
            dependencies: [
                "SharedHealth",
                "ConciergeCore",
                "GuardrailsCore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TextEncoding",
            dependencies: ["COpenBLAS"],
            // Optimized in debug builds too: the forward pass unoptimized is minutes per
            // knowledge base, and the tests and the twin start RAG from debug builds.
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"])]
        ),
        .executableTarget(
            name: "EncoderBenchmark",
            dependencies: ["TextEncoding", "COpenBLAS"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChatEval",
            dependencies: ["ConciergeCore", "GuardrailsCore", "RAGCore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "HTTPClientBenchmark",
            dependencies: [
                "SharedHealth",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "SharedHealth",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GuardrailsBenchmark",
            dependencies: ["GuardrailsCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SharedHealthTests",
            dependencies: [
                "SharedHealth",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GuardrailsCoreTests",
            dependencies: ["GuardrailsCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GuardrailsServiceTests",
            dependencies: [
                "GuardrailsService",
                "SharedHealth",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TextClassificationTests",
            dependencies: ["TextClassification"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConciergeCoreTests",
            dependencies: ["ConciergeCore", "GuardrailsCore", "SharedHealth", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConciergeServiceTests",
            dependencies: [
                "ConciergeService",
                "ConciergeCore",
                "SharedHealth",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RAGCoreTests",
            dependencies: ["RAGCore", "SharedHealth", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RAGServiceTests",
            dependencies: [
                "RAGService",
                "RAGCore",
                "SharedHealth",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TextEncodingTests",
            dependencies: ["TextEncoding"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "SharedHealth",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
