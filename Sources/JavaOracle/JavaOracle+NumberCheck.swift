extension JavaOracle {
    /// What the Java reference (`rsautils.oracle.NumberCheck.verify`) said about a number-check request.
    public struct NumberCheckVerdict: Sendable, Equatable {
        /// "000", "001", "004", "102", "302" or "303".
        public let code: String
        public let reason: String
    }

    /// A number-check request built the way a Java business server does it (RsaUtils
    /// `encryptByPublicKey` with random padding, RsaUtils `sign`, JSON by hand). Keys are RsaUtils strings.
    public func numberCheckBuild(appId: String, appKey: String, token: String, phone: String, userInformation: String,
                                 expandParams: String, msgId: String, timestamp: String, version: String = "1.0",
                                 plaintextRule: String, customerPrivateKey: String, platformPublicKey: String) throws -> String {
        let a = try call("numberCheckBuild", [
            "appId": .string(appId), "appKey": .string(appKey), "token": .string(token), "phone": .string(phone),
            "userInformation": .string(userInformation), "expandParams": .string(expandParams), "msgId": .string(msgId),
            "timestamp": .string(timestamp), "version": .string(version), "plaintextRule": .string(plaintextRule),
            "customerPrivateKey": .string(customerPrivateKey), "platformPublicKey": .string(platformPublicKey),
        ])
        return try Self.string(a, "request", "numberCheckBuild")
    }

    /// The Java reference's platform-side checks on a request text.
    public func numberCheckVerify(request: String, customerPublicKey: String, platformPrivateKey: String, appKey: String,
                                  expectedPhone: String?, plaintextRule: String) throws -> NumberCheckVerdict {
        let a = try call("numberCheckVerify", [
            "request": .string(request), "customerPublicKey": .string(customerPublicKey),
            "platformPrivateKey": .string(platformPrivateKey), "appKey": .string(appKey),
            "expectedPhone": expectedPhone.map { .string($0) } ?? .null, "plaintextRule": .string(plaintextRule),
        ])
        return NumberCheckVerdict(code: try Self.string(a, "code", "numberCheckVerify"),
                                  reason: try Self.string(a, "reason", "numberCheckVerify"))
    }
}
