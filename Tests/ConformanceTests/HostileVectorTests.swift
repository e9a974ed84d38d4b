@testable import Conformance
import BigNum
import Foundation
import OneLineText
import RSA
import XCTest

/// Hostile values in vector files: each is that file's error or that case's failure, decided before
/// any arithmetic (the red-team script covers the rest: scripts/redteam/redteam.py).
final class HostileVectorTests: XCTestCase {
    static func parameterCheck(keySize: String, p: String = "00e0a2dcd307db7d3e20a8c8b81b7d5b067de03d5748744f10c38957a21abd9fa9",
                               q: String = "00d1885c5304939514db83b219342cb5816c4a42427edd68acb87156cc30439c95") -> String {
        VectorDecodingTests.envelope(schema: "rsa_keygen_schema_v1.json", algorithm: "RSA-KeyGen", count: 1, groups: """
            {"type": "RsaKeyParameterCheck", \(VectorDecodingTests.source), "tests": [
              {"tcId": 1, "comment": "c", "flags": [], "keySize": \(keySize), "p": "\(p)", "q": "\(q)", "e": "010001", "result": "valid"}
            ]}
            """)
    }

    func decode(_ json: String) -> VectorLoader.LoadResult {
        VectorLoader.decode(Data(json.utf8), path: "hostile.json", explicit: true)
    }

    /// keySize 0, negative, 2^40 and Int.max used to trap (negative shift, GMP overflow abort).
    func testAbsurdKeySizesAreFileErrors() {
        for keySize in ["0", "-5", "1099511627776", "9223372036854775807"] {
            guard case .failed(let error) = decode(Self.parameterCheck(keySize: keySize)) else {
                return XCTFail("keySize \(keySize) was accepted")
            }
            XCTAssertTrue(error.description.contains("keySize \(keySize) is out of range"), error.description)
        }
    }

    /// Small key sizes are legal inputs of the FIPS rules: the case runs (and fails), nothing traps.
    func testSmallKeySizesRunAsCases() throws {
        for keySize in ["1", "150", "199"] {
            guard case .loaded(let file) = decode(Self.parameterCheck(keySize: keySize)) else {
                return XCTFail("keySize \(keySize) did not load")
            }
            let outcomes = file.run(context: RunContext(javaMode: .off))
            XCTAssertEqual(outcomes.count, 1)
            XCTAssertTrue(outcomes[0].verdict.isFailure, "keySize \(keySize): \(outcomes[0].verdict)")
        }
        for bits in [Int.min, -1, 0, 1, 199, Int.max] {
            let broken = RSAKeyGenerator.violations(p: BigInt(7), q: BigInt(5), e: BigInt(65537), bits: bits)
            XCTAssertTrue(broken.contains(.modulusWrongLength), "bits \(bits)")
        }
    }

    /// p = q = 2^19937−1 (a 5 KB file that used to run for 40 s) is refused before decoding the number.
    func testNumbersPastTheLimitAreRefusedQuickly() {
        let huge = "7f" + String(repeating: "ff", count: 2492)  // 2^19935-bit-ish, past 16384 bits
        let start = Date()
        guard case .failed(let error) = decode(Self.parameterCheck(keySize: "2048", p: huge, q: huge)) else {
            return XCTFail("a 19935-bit p was accepted")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertTrue(error.description.contains("too large (at most 16384 bits)"), error.description)
        // 16385 bits in 2049 bytes: past the limit although within the byte count.
        let just = "01" + String(repeating: "00", count: 2048)
        guard case .failed(let e2) = decode(Self.parameterCheck(keySize: "2048", p: just)) else {
            return XCTFail("a 16385-bit p was accepted")
        }
        XCTAssertTrue(e2.description.contains("16385 bits"), e2.description)
    }

    /// The count comes from the parsed arrays' lengths, before any case is decoded: cases that are
    /// not even objects are counted, and the limit is the error, not their shape.
    func testCaseCountIsCheckedBeforeDecoding() throws {
        let many = Array(repeating: "0", count: VectorLimits.maximumCasesPerFile).joined(separator: ",")
        let json = #"{"schema": "md5_schema_v1.json", "testGroups": [{"tests": ["# + many + #"]}, {"tests": [1]}, "junk", null]}"#
        guard case .failed(let error) = decode(json) else { return XCTFail("accepted") }
        XCTAssertEqual(error.location, "testGroups")
        XCTAssertTrue(error.message.hasPrefix("\(VectorLimits.maximumCasesPerFile + 1) cases is too many"), error.message)
    }

    func testDevicesAndFoldersAreNotRead() {
        for path in ["/dev/zero", NSTemporaryDirectory()] {
            guard case .failed(let error) = VectorLoader.load(URL(fileURLWithPath: path), path: path, explicit: true) else {
                return XCTFail("\(path) was read as a vector file")
            }
            XCTAssertTrue(error.message.contains("not a regular file") || error.message.contains("is a folder"), error.message)
        }
    }

    /// Control characters echoed from a file (here its `schema`) are escaped: the error stays one line.
    func testEchoedControlCharactersAreEscaped() {
        guard case .failed(let error) = decode(#"{"schema": "x\n\u001b[31mevil\u0085", "testGroups": []}"#) else {
            return XCTFail("accepted")
        }
        XCTAssertFalse(error.description.contains("\n"))
        XCTAssertFalse(error.description.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x85 })
        XCTAssertTrue(error.description.contains(#"x\n\e[31mevil\u{0085}"#), error.description)
        XCTAssertEqual(OneLineText.escape("a\r\tb\u{7f}\u{1}\u{2028}ü"), #"a\r\tb\x7F\x01\u{2028}ü"#)
    }

    /// Quoted values (token-sign, number-check, port-check messages): the quote and the backslash are
    /// escaped as well, so `'a\'b'` cannot be read as a value that ends early; bytes are cut at the limit.
    func testQuotedValuesStayOnOneLineAndShowTheirEnd() {
        XCTAssertEqual(OneLineText.quoted("it's\\n\n\u{1b}"), #"'it\'s\\n\n\e'"#)
        XCTAssertEqual(OneLineText.quoted("say \"hi\"", quote: "\""), #""say \"hi\"""#)
        XCTAssertEqual(OneLineText.quoted(bytes: []), "nothing")
        XCTAssertEqual(OneLineText.quoted(bytes: Array("abcdef".utf8), limit: 3), #""abc"…"#)
        XCTAssertEqual(OneLineText.quoted(prefixOf: "abcdef", limit: 3), #""abc"…"#)
        XCTAssertEqual(OneLineText.quoted(bytes: [0x61, 0xff, 0x0a]), "\"a\u{FFFD}\\n\"")
    }

    func testBigIntShiftsAndBitTestsAreTotal() {
        XCTAssertEqual(BigInt(1) << -3, BigInt(0))
        XCTAssertEqual(BigInt(16) >> -2, BigInt(64))
        XCTAssertEqual(BigInt(16) << Int.min, BigInt(0))
        XCTAssertFalse(BigInt(5).testBit(-1))
        XCTAssertTrue(BigInt(7).isProbablePrime(rounds: Int.max))
    }
}
