import FuzzSupport
import Foundation
import RSA

/// The strict Base64 decoder (signatures and ciphertexts on the command line) on any text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    if let strict = LenientBase64.decodeStrict(text) {
        // Whatever the strict decoder accepts, the lenient one reads the same way.
        fuzzRequire(LenientBase64.decode(text) == strict, "strict and lenient disagree on accepted input")
        // Only the standard alphabet, '=' and whitespace.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n".utf8)
        fuzzRequire(text.utf8.allSatisfy(allowed.contains), "accepted a byte outside the alphabet")
    }
    // Canonical Base64 of any bytes (Foundation's encoder) is accepted and gives them back.
    let canonical = Data(input).base64EncodedString()
    fuzzRequire(LenientBase64.decodeStrict(canonical) == input, "rejected or changed canonical Base64")
    // Line-wrapped as MIME does, still the same bytes.
    let wrapped = Data(input).base64EncodedString(options: [.lineLength64Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    fuzzRequire(LenientBase64.decodeStrict(wrapped) == input, "rejected or changed wrapped Base64")
    return 0
}
