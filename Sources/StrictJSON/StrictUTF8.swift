/// Strict UTF-8 decoding: well-formed text or nothing (`String(decoding:as:)` would put U+FFFD in
/// place of bad bytes, and then two different byte strings would read as the same text).
public enum StrictUTF8 {
    /// The text of `bytes` when they are well-formed UTF-8 (no overlong forms, no encoded
    /// surrogates, nothing above U+10FFFF, no truncated sequence), else nil.
    public static func string(_ bytes: [UInt8]) -> String? {
        var decoder = Unicode.UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }
}
