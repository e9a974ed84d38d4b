import RSA
import TokenSign

/// What the business server knows when it builds a number-check request.
public struct NumberCheckParameters: Sendable, Equatable {
    public var appId: String
    /// The app's key: never sent, only part of the `phone+appKey+timestamp` plaintext.
    public var appKey: String
    /// The token getToken returned.
    public var token: String
    /// The phone number the user typed (11 digits in China; sent only encrypted).
    public var phone: String
    /// Passed through exactly as getToken returned it (not signed).
    public var userInformation: String
    /// `name=value` pairs joined by `|`, usually empty (not signed).
    public var expandParams: String
    /// nil: a fresh 32-hex-digit id from the system CSPRNG (TokenIdentifier).
    public var msgId: String?
    /// nil: the current time in China Standard Time, `yyyyMMddHHmmssSSS`.
    public var timestamp: String?
    public var version: String
    public var plaintextRule: PhonePlaintextRule

    public init(appId: String, appKey: String, token: String, phone: String, userInformation: String = "",
                expandParams: String = "", msgId: String? = nil, timestamp: String? = nil, version: String = "1.0",
                plaintextRule: PhonePlaintextRule = .default) {
        self.appId = appId
        self.appKey = appKey
        self.token = token
        self.phone = phone
        self.userInformation = userInformation
        self.expandParams = expandParams
        self.msgId = msgId
        self.timestamp = timestamp
        self.version = version
        self.plaintextRule = plaintextRule
    }
}

/// Builds the request of seed step 10: "业务方客户私钥生签，使用移动方平台公钥加密手机号码".
///
/// 1. `phoneNum` = Base64 of RsaUtils `encryptByPublicKey` (PKCS#1 v1.5 type 2, blocks of k − 11
///    bytes; the plaintext is one block in practice) of the plaintext rule's UTF-8 bytes with the
///    platform public key;
/// 2. `sign` = Base64 MD5withRSA with the customer private key over
///    appId + msgId + phoneNum + timestamp + token + version.
public enum NumberCheckBuilder {
    /// `paddingStrings`: one PKCS#1 padding string per ciphertext block, for reproducible requests
    /// (test vectors); nil draws them from the system CSPRNG, as a real request must.
    public static func build(_ parameters: NumberCheckParameters, customerPrivateKey: RSAPrivateKey,
                             platformPublicKey: RSAPublicKey, paddingStrings: [[UInt8]]? = nil) throws -> NumberCheckRequest {
        let p = parameters
        for (name, value) in [("appId", p.appId), ("token", p.token), ("phone", p.phone), ("version", p.version)]
            where TokenRequestValidator.isBlank(value) {
            throw NumberCheckBuildError.emptyParameter(name)
        }
        if p.plaintextRule == .phoneAppKeyTimestamp && TokenRequestValidator.isBlank(p.appKey) {
            throw NumberCheckBuildError.emptyParameter("appKey")
        }
        let timestamp: String
        if let given = p.timestamp {
            do { _ = try TokenTimestamp(parsing: given) } catch { throw NumberCheckBuildError.invalidTimestamp("\(error)") }
            timestamp = given
        } else {
            do { timestamp = try TokenTimestamp.now().string } catch { throw NumberCheckBuildError.randomOrClock("\(error)") }
        }
        let msgId: String
        if let given = p.msgId {
            guard !TokenRequestValidator.isBlank(given) else { throw NumberCheckBuildError.emptyParameter("msgId") }
            msgId = given
        } else {
            do { msgId = try TokenIdentifier.generate() } catch { throw NumberCheckBuildError.randomOrClock("\(error)") }
        }
        let plaintext = Array(p.plaintextRule.plaintext(phone: p.phone, appKey: p.appKey, timestamp: timestamp).utf8)
        let ciphertext: [UInt8]
        do {
            ciphertext = try RsaUtilsCipher.encrypt(plaintext, publicKey: platformPublicKey, paddingStrings: paddingStrings)
        } catch let error as RSAError {
            throw NumberCheckBuildError.encryption(error)
        }
        let phoneNum = LenientBase64.encode(ciphertext)
        var request = NumberCheckRequest(version: p.version, msgId: msgId, appId: p.appId, timestamp: timestamp,
                                         expandParams: p.expandParams, phoneNum: phoneNum, token: p.token, sign: nil,
                                         userInformation: p.userInformation)
        do {
            request.sign = try NumberCheckSigner.sign(request.signString, customerPrivateKey: customerPrivateKey)
        } catch let error as RSAError {
            throw NumberCheckBuildError.signing(error)
        }
        return request
    }
}

/// Why a request could not be built.
public enum NumberCheckBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyParameter(String)
    case invalidTimestamp(String)
    case encryption(RSAError)
    case signing(RSAError)
    /// The CSPRNG (msgId) or the clock (timestamp) failed.
    case randomOrClock(String)

    public var description: String {
        switch self {
        case .emptyParameter(let name): return "\(name) is empty or only whitespace"
        case .invalidTimestamp(let why): return "\(why)"
        case .encryption(let error): return "cannot encrypt the phone plaintext with the platform public key: \(error)"
        case .signing(let error): return "cannot sign with the customer private key: \(error)"
        case .randomOrClock(let why): return why
        }
    }
}
