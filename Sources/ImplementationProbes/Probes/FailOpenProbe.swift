/// Whether a String helper hides errors by returning its input.
public struct FailOpenFinding: Sendable {
    public var failOpen: Bool?
    public var note: String?
}

/// Fail-open = encryptedDataOnJava (or another helper the implementation marks) with an invalid key
/// returns the plaintext unchanged.
struct FailOpenProbe {
    static let text = "java-check fail-open probe 13800138000"

    func run(_ ctx: ProbeContext) throws -> FailOpenFinding {
        guard let impl = ctx.implementation as? TextHelperCapable else { return FailOpenFinding() }
        var finding = FailOpenFinding()
        for helper in impl.textHelpers where helper.failOpenCandidate {
            let result = try ctx.attempt { try impl.call(helper, text: Self.text, binary: nil, signature: nil, key: "not a key") }
            switch result {
            case .success(.text(let s)) where s == Self.text:
                return FailOpenFinding(failOpen: true, note: "\(helper.name) fails open: with an invalid key it returned the plaintext unchanged")
            case .success(let value):
                if finding.failOpen == nil {
                    finding = FailOpenFinding(failOpen: false, note: "\(helper.name) with an invalid key returned \(value.summary) (not the plaintext)")
                }
            case .failure(ProbeError.cannotDrive):
                continue
            case .failure(let error):
                if finding.failOpen == nil {
                    finding = FailOpenFinding(failOpen: false, note: "\(helper.name) with an invalid key fails visibly (\(ctx.describe(error))): it does not fail open")
                }
            }
        }
        return finding
    }
}
