import FuzzSupport
import Foundation
@testable import JavaOracle
import RSA

/// The strict decoders that remain once every user-facing Base64 input is read leniently: `Hex`
/// (vector files, `--data-hex`, the oracle protocol) and the oracle client's Base64 answer fields.
/// References: the standard library's radix-16 parser and Foundation's Base64 encoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let text = String(decoding: input, as: UTF8.self)

    // Hex: accepted exactly when the text is an even number of [0-9a-fA-F], with the bytes the
    // standard library reads pair by pair.
    let utf8 = Array(text.utf8)
    let isHex = utf8.count % 2 == 0 && utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
    switch Hex.decode(text) {
    case .success(let bytes):
        fuzzRequire(isHex, "Hex accepted \(text.debugDescription)")
        let reference = stride(from: 0, to: utf8.count, by: 2).map {
            UInt8(String(decoding: utf8[$0..<$0 + 2], as: UTF8.self), radix: 16)
        }
        fuzzRequire(reference == bytes.map { Optional($0) }, "Hex bytes differ from the radix-16 reading")
        fuzzRequire(Hex.encode(bytes) == text.lowercased(), "Hex round trip")
    case .failure(let problem):
        fuzzRequire(!isHex, "Hex rejected \(text.debugDescription)")
        fuzzRequire(!problem.description.contains(where: \.isNewline), "multi-line Hex error")
    }
    fuzzRequire((try? Hex.decode(Hex.encode(input)).get()) == input, "Hex.decode(Hex.encode(x)) != x")

    // The oracle's Base64 fields: whatever they accept, the lenient decoder reads the same way;
    // canonical Base64 of any bytes is accepted and gives them back.
    if let strict = try? JavaOracle.base64(["v": .string(text)], "v", "fuzz") {
        fuzzRequire(LenientBase64.decode(text) == strict, "strict and lenient Base64 disagree on accepted input")
    }
    let canonical = Data(input).base64EncodedString()
    fuzzRequire((try? JavaOracle.base64(["v": .string(canonical)], "v", "fuzz")) == input, "canonical Base64 rejected or changed")
    return 0
}
