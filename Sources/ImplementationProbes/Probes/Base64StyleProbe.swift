import Foundation

/// What the outputs' encoding looked like.
public struct Base64StyleFinding: Sendable, Equatable {
    /// Method → "no line breaks", "CRLF every 76 characters", "URL-safe alphabet", "hex", ...
    public var styles: [String: String] = [:]
    /// True/false when Base64 output was seen, nil when none was (only byte[] or hex outputs).
    public var lineBreaks: Bool?
    /// One line for the profile: the common style, or "mixed: ..." per method.
    public var summary = "no Base64 output observed"
}

/// Base64 style, per method, from every string the implementation returned where a binary value
/// was expected (keys, signatures, ciphertexts). Never merged across methods; hex is its own style.
struct Base64StyleProbe {
    func run(_ ctx: ProbeContext) -> Base64StyleFinding {
        var finding = Base64StyleFinding()
        var sawBase64 = false
        var breaks = false
        for (method, strings) in ctx.outputs where !strings.isEmpty {
            if strings.allSatisfy(ProbeContext.looksHex) && strings.contains(where: { $0.utf8.count % (2 * ctx.k) == 0 }) {
                finding.styles[method] = "hex"
                continue
            }
            sawBase64 = true
            let style = Self.style(of: strings)
            breaks = breaks || style.breaks
            finding.styles[method] = style.text
        }
        finding.lineBreaks = sawBase64 ? breaks : nil
        let distinct = Set(finding.styles.values)
        if distinct.count == 1, let only = distinct.first {
            finding.summary = only
        } else if distinct.count > 1 {
            finding.summary = "mixed: " + finding.styles.keys.sorted().map { "\($0) \(finding.styles[$0] ?? "")" }.joined(separator: "; ")
        }
        return finding
    }

    /// The style of one method's strings.
    static func style(of strings: [String]) -> (breaks: Bool, text: String) {
        var traits: [String] = []
        if strings.contains(where: { $0.contains("-") || $0.contains("_") }) { traits.append("URL-safe alphabet") }
        // Line breaks do not count towards the 4-character groups.
        let unpadded = strings.contains { $0.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.count % 4 != 0 }
        if !strings.contains(where: { $0.contains("=") }) && unpadded {
            traits.append("no padding")
        }
        let broken = strings.filter { $0.contains("\n") || $0.contains("\r") }
        guard let sample = broken.max(by: { $0.count < $1.count }) else {
            return (false, (["no line breaks"] + traits).joined(separator: ", "))
        }
        let crlf = sample.contains("\r\n")
        let separator = crlf ? "\r\n" : (sample.contains("\n") ? "\n" : "\r")
        let lines = sample.components(separatedBy: separator).filter { !$0.isEmpty }
        let width = lines.first?.count ?? 0
        let name = crlf ? "CRLF" : (separator == "\n" ? "LF" : "CR")
        return (true, (["\(name) every \(width) characters"] + traits).joined(separator: ", "))
    }
}
