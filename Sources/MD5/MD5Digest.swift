extension MD5 {
    /// A 16-byte MD5 digest, held inline (A, B, C, D little-endian, as RFC 1321 §3.5 outputs).
    public struct Digest: Sendable, Hashable, CustomStringConvertible {
        let words: (UInt32, UInt32, UInt32, UInt32)

        init(state: (UInt32, UInt32, UInt32, UInt32)) {
            words = (state.0.littleEndian, state.1.littleEndian, state.2.littleEndian, state.3.littleEndian)
        }

        public static func == (lhs: Digest, rhs: Digest) -> Bool {
            lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
                && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }

        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try Swift.withUnsafeBytes(of: words, body)
        }

        /// The 16 digest bytes.
        public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

        /// Lowercase hexadecimal, 32 characters.
        public var hexString: String {
            let digits: StaticString = "0123456789abcdef"
            return withUnsafeBytes { raw in
                String(unsafeUninitializedCapacity: 32) { out in
                    digits.withUTF8Buffer { d in
                        for i in 0..<16 {
                            out[2 * i] = d[Int(raw[i] >> 4)]
                            out[2 * i + 1] = d[Int(raw[i] & 0x0f)]
                        }
                    }
                    return 32
                }
            }
        }

        public var description: String { hexString }
    }
}
