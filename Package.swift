// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RsaUtilsConformance",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "conformance", targets: ["conformance"]),
        .library(name: "RSA", targets: ["RSA"]),
        .library(name: "MD5", targets: ["MD5"]),
        .library(name: "TokenSign", targets: ["TokenSign"]),
        .library(name: "NumberCheck", targets: ["NumberCheck"]),
        .library(name: "StrictJSON", targets: ["StrictJSON"]),
        // For the libFuzzer targets in Fuzzing/ (a separate package).
        .library(name: "Conformance", targets: ["Conformance"]),
        .library(name: "JavaOracle", targets: ["JavaOracle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // libgmp, with static-inline shims for the mpz_* macros Swift cannot import.
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),
        // The only target that imports CGMP: a memory-owning big integer.
        .target(name: "BigNum", dependencies: ["CGMP"]),
        // Pure-Swift MD5: no C, no Foundation.
        .target(name: "MD5"),
        .target(
            name: "RSA",
            dependencies: [
                "BigNum", "MD5",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        // One-line, escaped rendering of echoed values for every error message.
        .target(name: "OneLineText"),
        .target(name: "TokenSign", dependencies: ["MD5", "BigNum", "OneLineText"]),
        // The strict JSON (RFC 8259) value, parser and serializer of every JSON this package reads or
        // writes itself: the number-check request/answer, the Java bridge's and the adapters' lines.
        .target(name: "StrictJSON"),
        // The number-check request (seed step 10): build, verify as the platform does, parse the answer.
        .target(name: "NumberCheck", dependencies: ["RSA", "TokenSign", "StrictJSON", "OneLineText"]),
        // Child process groups and temporary files cleaned up on signals and exit (C signal handlers).
        .target(name: "CProcessGroups"),
        .target(name: "ProcessGroups", dependencies: ["CProcessGroups"]),
        // Report files written atomically and streamed (temp file + rename, removed on a signal).
        .target(name: "ReportFiles", dependencies: ["ProcessGroups"]),
        // The Java oracle client: finds/compiles Oracles/java, runs the bridge JVM (JSON lines).
        .target(name: "JavaOracle", dependencies: ["MD5", "RSA", "ProcessGroups", "StrictJSON"]),
        .target(
            name: "Conformance",
            dependencies: [
                "RSA", "MD5", "TokenSign", "BigNum", "JavaOracle", "NumberCheck", "ProcessGroups", "ReportFiles", "OneLineText",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Implementation-independent probes, profile, matrix and report of an RsaUtils
        // implementation under test (a Java class for java-check, an adapter for port-check).
        .target(
            name: "ImplementationProbes",
            dependencies: [
                "RSA", "MD5", "ReportFiles", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // java-check: a user's Java class driven through UserClassProbe as an ImplementationUnderTest.
        .target(name: "JavaCheck", dependencies: ["ImplementationProbes", "ReportFiles", "JavaOracle", "RSA", "StrictJSON"]),
        // port-check: drives an RsaUtils port in any language through an adapter (ADAPTER.md).
        .target(name: "PortCheck", dependencies: ["Conformance", "ReportFiles", "JavaOracle", "ImplementationProbes", "RSA", "MD5", "TokenSign", "NumberCheck", "ProcessGroups", "StrictJSON", "OneLineText"]),
        // dudect-style timing-leak statistics and measurement (`conformance timing`).
        .target(name: "TimingLeak", dependencies: ["RSA", "BigNum"]),
        // Bare-GMP RSA primitives in C: the "gmp-c" reference of `conformance bench` (not a safe RSA).
        .target(name: "CGMPBench", dependencies: ["CGMP"], linkerSettings: [.linkedLibrary("gmp")]),
        // `conformance bench`: ours vs BoringSSL (swift-crypto), the JDK and bare GMP, in one run.
        .target(
            name: "Bench",
            dependencies: [
                "RSA", "MD5", "BigNum", "CGMPBench",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "conformance",
            dependencies: [
                "Conformance", "JavaOracle", "JavaCheck", "ImplementationProbes", "RSA", "MD5", "TokenSign", "NumberCheck", "PortCheck", "TimingLeak", "ProcessGroups", "Bench", "StrictJSON", "OneLineText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (python3, the package root, temporary folders, /proc).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BigNumTests", dependencies: ["BigNum", "CGMP"]),
        .testTarget(name: "MD5Tests", dependencies: ["MD5", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(
            name: "RSATests",
            dependencies: [
                "RSA", "BigNum", "MD5",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "NumberCheckTests", dependencies: ["TestSupport", "NumberCheck", "RSA", "TokenSign"]),
        .testTarget(name: "TokenSignTests", dependencies: ["TokenSign", "MD5", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "TimingLeakTests", dependencies: ["TimingLeak"]),
        .testTarget(name: "ConformanceTests", dependencies: ["TestSupport", "Conformance", "ReportFiles", "OneLineText", "JavaOracle", "RSA", "StrictJSON"]),
        .testTarget(name: "ImplementationProbesTests", dependencies: ["ImplementationProbes", "RSA"]),
        .testTarget(name: "JavaCheckTests", dependencies: ["TestSupport", "JavaCheck", "ImplementationProbes", "JavaOracle", "RSA"]),
        .testTarget(name: "PortCheckTests", dependencies: ["TestSupport", "PortCheck", "Conformance", "RSA"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "conformance", "Conformance", "JavaOracle", "JavaCheck", "ImplementationProbes", .product(name: "Crypto", package: "swift-crypto")]),
    ]
)
