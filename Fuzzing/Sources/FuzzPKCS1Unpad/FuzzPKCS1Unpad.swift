import FuzzSupport
@testable import RSA

/// PKCS#1 v1.5 type 1 and type 2 unpadding on any block, checked against a plain reading of
/// RFC 8017 §7.2.2 step 3 / §8.2.2 (written here with early exits: the reference, not the product).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let em = fuzzBytes(data, size)
    for blockType: UInt8 in [0x01, 0x02] {
        let got = PKCS1.unpad(em, blockType: blockType)
        let expected = referenceUnpad(em, blockType: blockType)
        fuzzRequire(got == expected, "type \(blockType): got \(String(describing: got)), expected \(String(describing: expected))")
    }
    return 0
}

func referenceUnpad(_ em: [UInt8], blockType: UInt8) -> [UInt8]? {
    guard em.count >= 11, em[0] == 0x00, em[1] == blockType else { return nil }
    guard let separator = em[2...].firstIndex(of: 0x00) else { return nil }
    guard separator - 2 >= 8 else { return nil }  // at least 8 bytes of padding string
    if blockType == 0x01, em[2..<separator].contains(where: { $0 != 0xff }) { return nil }
    return Array(em[(separator + 1)...])
}
