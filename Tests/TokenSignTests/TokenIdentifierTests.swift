import TokenSign
import XCTest

final class TokenIdentifierTests: XCTestCase {
    func testIdentifiersAre32LowercaseHexAndDiffer() throws {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let id = try TokenIdentifier.generate()
            XCTAssertEqual(id.utf8.count, 32)
            XCTAssertTrue(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }, id)
            seen.insert(id)
        }
        XCTAssertEqual(seen.count, 1000)
    }

    func testEveryHexDigitOccurs() throws {
        // 100 ids = 3200 digits; a missing digit would have probability ~16·(15/16)^3200.
        var digits = Set<Character>()
        for _ in 0..<100 { digits.formUnion(try TokenIdentifier.generate()) }
        XCTAssertEqual(digits, Set("0123456789abcdef"))
    }

    func testGeneratedIdSignsAValidRequest() throws {
        let id = try TokenIdentifier.generate()
        let stamp = try TokenTimestamp.now().string
        let request = TokenSignRequest(appId: "300011", businessType: "5", msgId: id, timestamp: stamp, traceId: id,
                                       version: "1.0", appKey: "k").signed()
        XCTAssertNil(TokenRequestValidator.check(request))
        XCTAssertEqual(request.sign, IndependentSign.sign(appId: "300011", businessType: "5", msgId: id, timestamp: stamp,
                                                           traceId: id, version: "1.0", appKey: "k").uppercased())
    }
}
