import Foundation
import RSA
import XCTest

/// Keys shared by the tests (generated once: key generation is the slow part).
enum TestKeys {
    static let customer = try? RSAKeyGenerator.generate(bits: 1024)
    static let platform = try? RSAKeyGenerator.generate(bits: 1024)
    static let other = try? RSAKeyGenerator.generate(bits: 1024)

    static func all() throws -> (customer: RSAPrivateKey, platform: RSAPrivateKey, other: RSAPrivateKey) {
        guard let customer, let platform, let other else { throw XCTSkip("key generation failed") }
        return (customer, platform, other)
    }
}
