import Crypto
import FuzzSupport
import TokenSign

/// getToken request checks (`TokenRequestValidator`) on requests whose fields are any bytes
/// (fields split at 0x00: appId, businessType, msgId, timestamp, traceId, version, appKey, sign,
/// expandParams, configuredBusinessType). The sign is checked against swift-crypto's MD5.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fields = fuzzFields(fuzzBytes(data, size), count: 10).map { String(decoding: $0, as: UTF8.self) }
    let request = TokenSignRequest(
        appId: fields[0], businessType: fields[1], msgId: fields[2], timestamp: fields[3], traceId: fields[4],
        version: fields[5], appKey: fields[6], sign: fields[7],
        expandParams: fields[8].isEmpty ? nil : fields[8],
        configuredBusinessType: fields[9].isEmpty ? nil : fields[9])

    let formula = TokenSigner.formulaString(for: request)
    fuzzRequire(formula == fields[0] + fields[1] + fields[2] + fields[3] + fields[4] + fields[5] + fields[6], "formula")
    let expected = Insecure.MD5.hash(data: Array(formula.utf8)).map(lowercaseHex).joined()
    let sign = TokenSigner.sign(for: request)
    fuzzRequire(sign.lowercased() == expected, "sign \(sign) is not MD5 of the formula (\(expected))")

    let failure = TokenRequestValidator.check(request)
    if let failure {
        fuzzRequire(!failure.description.contains(where: \.isNewline), "multi-line failure: \(failure.description)")
    } else {
        fuzzRequire(TokenSigner.signMatches(request.sign, expected: expected), "accepted a wrong sign")
        fuzzRequire(request.msgId.utf8.elementsEqual(request.traceId.utf8), "accepted msgId != traceId")
    }
    // With the right sign, the sign check never fails.
    var signed = request
    signed.sign = sign
    fuzzRequire(TokenRequestValidator.check(signed)?.rule != .signMismatch, "rejected its own sign")
    return 0
}

private func lowercaseHex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
}
