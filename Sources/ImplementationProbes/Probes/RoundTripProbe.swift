/// Its own encrypt → decrypt of a long input.
public struct RoundTripFinding: Sendable {
    public var survives: Bool?
    public var note: String?
}

/// 5,000 bytes through its own encryptByPublicKey → decryptByPrivateKey.
struct RoundTripProbe {
    static let length = 5000

    func run(_ ctx: ProbeContext) throws -> RoundTripFinding {
        let impl = ctx.implementation
        guard impl.has(.encryptByPublicKey), impl.has(.decryptByPrivateKey) else { return RoundTripFinding() }
        let data = ctx.payload(for: .encryptByPublicKey, length: Self.length)
        let enc = ctx.name(.encryptByPublicKey), dec = ctx.name(.decryptByPrivateKey)
        let result = try ctx.attempt { () -> ProducedValue in
            let ct = try ctx.encryptPublic(data, key: ctx.publicString)
            return try ctx.decryptPrivate(ct, key: ctx.privateString)
        }
        switch result {
        case .success(let plain) where plain.matches(data):
            return RoundTripFinding(survives: true, note: "a \(Self.length)-byte input survives its own \(enc) → \(dec)")
        case .success(let plain):
            return RoundTripFinding(survives: false, note: "its own \(enc) → \(dec) of \(Self.length) bytes gave \(plain.summary)")
        case .failure(let error):
            return RoundTripFinding(survives: false, note: "its own \(enc) → \(dec) of \(Self.length) bytes failed: \(ctx.describe(error))")
        }
    }
}
