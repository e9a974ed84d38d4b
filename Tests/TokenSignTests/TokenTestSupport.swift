import Crypto
import Foundation
import TokenSign

/// Independent route for expected signs: swift-crypto's `Insecure.MD5` of the formula's UTF-8 bytes.
enum IndependentSign {
    static func md5Hex(_ text: String) -> String {
        Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func sign(appId: String, businessType: String, msgId: String, timestamp: String, traceId: String,
                     version: String, appKey: String) -> String {
        md5Hex(appId + businessType + msgId + timestamp + traceId + version + appKey)
    }
}

enum RandomFields {
    static let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.=&+/ ")
    static let chinese = Array("中国移动本机号码校验微信小程序密钥应用令牌签名时间戳参数为空错误")
    static let mixed = ascii + chinese + Array("é😀€ß")

    static func string(from alphabet: [Character], length: Int, using rng: inout some RandomNumberGenerator) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &rng) ?? "x" })
    }
}

/// A valid request whose sign is computed independently (Insecure.MD5).
func validRequest(appId: String = "300011860001", msgIdAndTraceId id: String = "0123456789abcdef0123456789abcdef",
                  timestamp: String = "20121227180001165", version: String = "1.0",
                  appKey: String = "appkey-中文", expandParams: String? = nil) -> TokenSignRequest {
    let sign = IndependentSign.sign(appId: appId, businessType: "5", msgId: id, timestamp: timestamp, traceId: id,
                                    version: version, appKey: appKey)
    return TokenSignRequest(appId: appId, businessType: "5", msgId: id, timestamp: timestamp, traceId: id,
                            version: version, appKey: appKey, sign: sign, expandParams: expandParams)
}
