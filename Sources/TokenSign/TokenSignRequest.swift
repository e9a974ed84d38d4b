/// The fields of a getToken request (seed §3.2.3) plus what a server-side check needs.
///
/// Missing values are empty strings: the seed's rule for an absent required parameter is the same
/// as for an empty one (130010).
public struct TokenSignRequest: Sendable, Equatable {
    public var appId: String
    /// "5" for WeChat mini programs.
    public var businessType: String
    /// Must equal `traceId`.
    public var msgId: String
    /// 17 digits `yyyyMMddHHmmssSSS`, the send time in China Standard Time.
    public var timestamp: String
    public var traceId: String
    /// The interface version, "1.0" in the seed.
    public var version: String
    /// The app's secret key (the formula's last term; never sent in the request).
    public var appKey: String
    /// The sign carried by the request.
    public var sign: String
    /// Optional extension parameters (`name=value`); never part of the formula.
    public var expandParams: String?
    /// The business type the platform has configured for this appId, when known (check 110024).
    public var configuredBusinessType: String?

    public init(appId: String, businessType: String, msgId: String, timestamp: String, traceId: String,
                version: String, appKey: String, sign: String = "", expandParams: String? = nil,
                configuredBusinessType: String? = nil) {
        self.appId = appId
        self.businessType = businessType
        self.msgId = msgId
        self.timestamp = timestamp
        self.traceId = traceId
        self.version = version
        self.appKey = appKey
        self.sign = sign
        self.expandParams = expandParams
        self.configuredBusinessType = configuredBusinessType
    }

    /// The string the formula hashes: appId + businessType + msgId + timestamp + traceId + version + appKey.
    public var formulaString: String { TokenSigner.formulaString(for: self) }

    /// MD5 of the formula, upper-case hex (what `sign` should be; lower case is accepted too).
    public var formulaSign: String { TokenSigner.sign(for: self) }

    /// MD5 of the formula in the given letter case.
    public func formulaSign(_ letterCase: TokenSignLetterCase) -> String { TokenSigner.sign(for: self, letterCase: letterCase) }

    /// A copy whose `sign` is the formula's sign in the given letter case (default upper).
    public func signed(letterCase: TokenSignLetterCase = .default) -> TokenSignRequest {
        var copy = self
        copy.sign = formulaSign(letterCase)
        return copy
    }
}
