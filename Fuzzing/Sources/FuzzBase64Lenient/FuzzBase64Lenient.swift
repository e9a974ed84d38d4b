import FuzzSupport
import Foundation
import RSA

/// The lenient (commons-codec) Base64 decoder on any bytes, plus round trips checked against
/// Foundation's encoder as the independent reference.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let decoded = LenientBase64.decode(input)
    fuzzRequire(decoded.count <= input.count * 3 / 4 + 2, "decoded \(decoded.count) bytes from \(input.count)")

    // Decoding skips every non-alphabet byte and stops at '=': the same bytes as decoding only the
    // alphabet characters before the first '='.
    let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_".utf8)
    let kept = input.prefix { $0 != UInt8(ascii: "=") }.filter { alphabet.contains($0) }
    fuzzRequire(LenientBase64.decode(kept) == decoded, "skipping stray bytes changed the result")

    // The String entry point sees the UTF-8 of the text.
    let text = String(decoding: input, as: UTF8.self)
    _ = LenientBase64.decode(text)

    // encode is the standard, padded alphabet (Foundation), and decoding gives the bytes back.
    let encoded = LenientBase64.encode(input)
    fuzzRequire(encoded == Data(input).base64EncodedString(), "encode differs from Foundation")
    fuzzRequire(LenientBase64.decode(encoded) == input, "decode(encode(x)) != x")
    return 0
}
