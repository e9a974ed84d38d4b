import Foundation
import XCTest

/// Keys, signatures and ciphertexts made once by the JDK (Fixtures/JDKFixtures.java; see its header
/// for the regenerate command). They are the independent known answers of these tests.
struct JDKFixtures: Decodable {
    struct Signature: Decodable {
        let alg: String
        let message: Int
        let signature: String
    }

    struct Encryption: Decodable {
        let length: Int
        let ciphertext: String
    }

    struct Key: Decodable {
        let bits: Int
        let publicKey, privateKey, publicKeyCRLF, privateKeyCRLF: String
        let modulusHex, prime1Hex, prime2Hex, privateExponentHex: String
        let signatures: [Signature]
        let encryptByPrivateKey: String
        let encryptByPublicKey: [Encryption]
    }

    let java: String
    let longPlaintextHex: String
    let messagesHex: [String]
    let keys: [Key]

    static func load() throws -> JDKFixtures {
        guard let url = Bundle.module.url(forResource: "jdk_fixtures", withExtension: "json", subdirectory: "Fixtures") else {
            throw XCTSkip("Fixtures/jdk_fixtures.json is missing from the test bundle")
        }
        return try JSONDecoder().decode(JDKFixtures.self, from: Data(contentsOf: url))
    }
}

func hexBytes(_ hex: String) -> [UInt8] {
    var out = [UInt8]()
    var iterator = hex.utf8.makeIterator()
    while let hi = iterator.next(), let lo = iterator.next() {
        out.append(UInt8(String(decoding: [hi, lo], as: UTF8.self), radix: 16) ?? 0)
    }
    return out
}

func base64(_ text: String) -> [UInt8] { Array(Data(base64Encoded: text, options: .ignoreUnknownCharacters) ?? Data()) }
