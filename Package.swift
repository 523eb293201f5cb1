// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "asldb",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "asldb", targets: ["asldb"]),
        .library(name: "StatesJSON", targets: ["StatesJSON"]),
        .library(name: "StatesLanguage", targets: ["StatesLanguage"]),
        .library(name: "StatesEngine", targets: ["StatesEngine"]),
        .library(name: "JSONata", targets: ["JSONata"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // YAML definitions and CloudFormation/SAM templates; only Loader/YAMLDocument.swift imports it.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "StatesJSON",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: strict,
            // rounding functions come from libm, which nothing else links when Foundation is not imported
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // JSONata: validation parses the {% %} expressions of JSONata states.
        .target(name: "StatesLanguage", dependencies: ["StatesJSON", "JSONata", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(name: "StatesEngine", dependencies: ["StatesLanguage", "JSONata"], swiftSettings: strict),
        // The JSONata language (lexer, parser, evaluator, function library) over StatesJSON values.
        .target(name: "JSONata", dependencies: ["StatesJSON"], swiftSettings: strict),
        .target(name: "StepDebugger", dependencies: ["StatesEngine", "JSONata"], swiftSettings: strict),
        .target(name: "StateGraph", dependencies: ["StatesLanguage"], swiftSettings: strict),
        .target(name: "TerminalUI", dependencies: ["StatesJSON"], swiftSettings: strict),
        // ncursesw, for CursesTerminal only; scripts/setup.sh installs libncursesw5-dev.
        .systemLibrary(name: "CCurses", path: "Sources/CCurses"),
        .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CCurses"], swiftSettings: strict),
        .target(name: "DebuggerUI", dependencies: ["StepDebugger", "StateGraph", "TerminalUI"], swiftSettings: strict),
        .target(
            name: "CommandLineSupport",
            dependencies: ["StepDebugger", "DebuggerUI", "CursesTerminal", "JSONata", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        // The allocator setting the executables start with (see its header).
        .target(name: "CAllocatorTuning"),
        .executableTarget(name: "asldb", dependencies: ["CommandLineSupport", "CAllocatorTuning"], swiftSettings: strict),
        .executableTarget(name: "asldb-bench", dependencies: ["StatesEngine", "DebuggerUI", "JSONata", "CAllocatorTuning"], swiftSettings: strict),
        .testTarget(name: "StatesJSONTests", dependencies: ["StatesJSON"], swiftSettings: strict),
        .testTarget(name: "StatesLanguageTests", dependencies: ["StatesLanguage"], swiftSettings: strict),
        .testTarget(name: "JSONataTests", dependencies: ["JSONata"], swiftSettings: strict),
        .testTarget(name: "StatesEngineTests", dependencies: ["StatesEngine"], swiftSettings: strict),
        .testTarget(name: "StepDebuggerTests", dependencies: ["StepDebugger"], exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(name: "StateGraphTests", dependencies: ["StateGraph"], swiftSettings: strict),
        // Screen snapshot comparison shared by the UI test targets.
        .target(name: "ScreenSnapshots", dependencies: ["TerminalUI"], path: "Tests/ScreenSnapshots", swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CursesTerminal", "ScreenSnapshots"], swiftSettings: strict),
        .testTarget(name: "DebuggerUITests", dependencies: ["DebuggerUI", "ScreenSnapshots"], swiftSettings: strict),
        .testTarget(name: "CommandLineTests", dependencies: ["CommandLineSupport"], swiftSettings: strict),
    ]
)
