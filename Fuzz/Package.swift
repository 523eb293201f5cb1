// swift-tools-version: 6.0
// libFuzzer targets over asldb's readers, parsers and engine (scripts/fuzz.sh builds and runs them).
// A package of its own because a fuzzer binary takes libFuzzer's `main`, which the root package's
// build of every product would not link.
import PackageDescription

let package = Package(
    name: "asldb-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "asldb", path: "..")],
    targets: [
        .executableTarget(
            name: "asldb-fuzz",
            dependencies: [
                .product(name: "StatesJSON", package: "asldb"),
                .product(name: "StatesLanguage", package: "asldb"),
                .product(name: "StatesEngine", package: "asldb"),
                .product(name: "JSONata", package: "asldb"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]),
    ]
)
