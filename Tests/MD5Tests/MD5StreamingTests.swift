import Crypto
import MD5
import XCTest

/// Pure-Swift MD5 against swift-crypto's Insecure.MD5 (an independent implementation).
final class MD5StreamingTests: XCTestCase {
    private func reference(_ bytes: [UInt8]) -> String {
        Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    private func randomBytes(_ count: Int, using rng: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    func testEveryLengthUpTo200MatchesSwiftCrypto() {
        var rng = SystemRandomNumberGenerator()
        for length in 0...200 {
            let input = randomBytes(length, using: &rng)
            XCTAssertEqual(MD5.hash(input).hexString, reference(input), "length \(length)")
        }
    }

    func testAnySplitGivesTheSameDigest() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let input = randomBytes(Int.random(in: 0...600, using: &rng), using: &rng)
            let expected = reference(input)
            var md5 = MD5()
            var offset = 0
            while offset < input.count {
                let step = Int.random(in: 0...130, using: &rng)
                let end = min(input.count, offset + step)
                md5.update(input[offset..<end])
                offset = end
            }
            XCTAssertEqual(md5.finalize().hexString, expected)
        }
    }

    func testNonContiguousSequenceInput() {
        let input = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        XCTAssertEqual(MD5.hash(input.lazy.map { $0 }).hexString, reference(input))
    }

    func testFinalizeDoesNotConsumeState() {
        var md5 = MD5()
        md5.update(Array("abc".utf8))
        XCTAssertEqual(md5.finalize(), md5.finalize())
        md5.update(Array("def".utf8))
        XCTAssertEqual(md5.finalize().hexString, reference(Array("abcdef".utf8)))
    }

    /// Lengths beyond 2^32 bits (512 MiB): check a 600 MiB stream against swift-crypto's streaming hash.
    func testBitLengthBeyond32Bits() {
        let block = [UInt8](repeating: 0x5a, count: 1 << 20)
        var mine = MD5()
        var theirs = Insecure.MD5()
        for i in 0..<600 {
            var b = block
            b[0] = UInt8(truncatingIfNeeded: i)
            mine.update(b)
            theirs.update(data: b)
        }
        let expected = theirs.finalize().map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(mine.finalize().hexString, expected)
    }
}
