// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for the main package, kept in their own package so that the normal
// `swift build` / `swift test` never see them. Build and run them with `scripts/fuzz`
// (swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
// --scratch-path .build-fuzz): swiftc keeps only the last `-sanitize=` flag it is given, so the
// combined flag is what instruments Swift code for both coverage and ASan.

// SwiftPM names a path dependency after its folder: the main package's identity is the name of the
// folder this repository was cloned into.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + dependencies,
        // No main: libFuzzer provides it and calls LLVMFuzzerTestOneInput.
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "RsaUtilsConformanceFuzz",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        fuzzTarget("FuzzBase64Lenient", [.product(name: "RSA", package: root)]),
        fuzzTarget("FuzzStrictDecoders", [.product(name: "RSA", package: root), .product(name: "JavaOracle", package: root)]),
        fuzzTarget("FuzzKeyParse", [.product(name: "RSA", package: root)]),
        fuzzTarget("FuzzPKCS1Unpad", [.product(name: "RSA", package: root)]),
        fuzzTarget("FuzzVectorFile", [.product(name: "Conformance", package: root)]),
        fuzzTarget("FuzzTokenRequest", [.product(name: "TokenSign", package: root),
                                        .product(name: "Crypto", package: "swift-crypto")]),
        fuzzTarget("FuzzOracleAnswer", [.product(name: "JavaOracle", package: root), .product(name: "StrictJSON", package: root)]),
        fuzzTarget("FuzzStrictJSON", [.product(name: "StrictJSON", package: root), .product(name: "NumberCheck", package: root)]),
    ]
)
