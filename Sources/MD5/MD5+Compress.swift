// Generated once by a small script from RFC 1321 §3.4 (T[i] = floor(2^32·|sin(i)|), shift table s);
// the 64 steps are unrolled so the compression loop has no tables, bounds checks or allocation.
// Measured choices (conformance bench): X[k] is loaded where it is used (memory operands, no spills),
// X[k] + T[i] and a are added before the round function (shorter chain between steps), and round 2's
// G(b,c,d) = (b∧d) ∨ (c∧¬d) is written as the sum of its two disjoint halves.

@inline(__always)
func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 &- n)) }

extension MD5 {
    /// Processes one 64-byte block at `p` into `state` (RFC 1321 §3.4, rounds 1–4).
    @inline(__always)
    static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32), _ p: UnsafeRawPointer) {
        /// X[k]: the k-th little-endian 32-bit word of the block.
        @inline(__always) func x(_ k: Int) -> UInt32 {
            UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 &* k, as: UInt32.self))
        }
        var a = state.0, b = state.1, c = state.2, d = state.3
        // Round 1
        a = b &+ rotl(a &+ (x(0) &+ 0xd76aa478) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(1) &+ 0xe8c7b756) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(2) &+ 0x242070db) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(3) &+ 0xc1bdceee) &+ (((d ^ a) & c) ^ a), 22)
        a = b &+ rotl(a &+ (x(4) &+ 0xf57c0faf) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(5) &+ 0x4787c62a) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(6) &+ 0xa8304613) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(7) &+ 0xfd469501) &+ (((d ^ a) & c) ^ a), 22)
        a = b &+ rotl(a &+ (x(8) &+ 0x698098d8) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(9) &+ 0x8b44f7af) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(10) &+ 0xffff5bb1) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(11) &+ 0x895cd7be) &+ (((d ^ a) & c) ^ a), 22)
        a = b &+ rotl(a &+ (x(12) &+ 0x6b901122) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(13) &+ 0xfd987193) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(14) &+ 0xa679438e) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(15) &+ 0x49b40821) &+ (((d ^ a) & c) ^ a), 22)
        // Round 2
        a = b &+ rotl(a &+ (x(1) &+ 0xf61e2562) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(6) &+ 0xc040b340) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(11) &+ 0x265e5a51) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(0) &+ 0xe9b6c7aa) &+ (~a & d) &+ (a & c), 20)
        a = b &+ rotl(a &+ (x(5) &+ 0xd62f105d) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(10) &+ 0x02441453) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(15) &+ 0xd8a1e681) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(4) &+ 0xe7d3fbc8) &+ (~a & d) &+ (a & c), 20)
        a = b &+ rotl(a &+ (x(9) &+ 0x21e1cde6) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(14) &+ 0xc33707d6) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(3) &+ 0xf4d50d87) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(8) &+ 0x455a14ed) &+ (~a & d) &+ (a & c), 20)
        a = b &+ rotl(a &+ (x(13) &+ 0xa9e3e905) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(2) &+ 0xfcefa3f8) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(7) &+ 0x676f02d9) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(12) &+ 0x8d2a4c8a) &+ (~a & d) &+ (a & c), 20)
        // Round 3
        a = b &+ rotl(a &+ (x(5) &+ 0xfffa3942) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(8) &+ 0x8771f681) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(11) &+ 0x6d9d6122) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(14) &+ 0xfde5380c) &+ (c ^ d ^ a), 23)
        a = b &+ rotl(a &+ (x(1) &+ 0xa4beea44) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(4) &+ 0x4bdecfa9) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(7) &+ 0xf6bb4b60) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(10) &+ 0xbebfbc70) &+ (c ^ d ^ a), 23)
        a = b &+ rotl(a &+ (x(13) &+ 0x289b7ec6) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(0) &+ 0xeaa127fa) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(3) &+ 0xd4ef3085) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(6) &+ 0x04881d05) &+ (c ^ d ^ a), 23)
        a = b &+ rotl(a &+ (x(9) &+ 0xd9d4d039) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(12) &+ 0xe6db99e5) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(15) &+ 0x1fa27cf8) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(2) &+ 0xc4ac5665) &+ (c ^ d ^ a), 23)
        // Round 4
        a = b &+ rotl(a &+ (x(0) &+ 0xf4292244) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(7) &+ 0x432aff97) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(14) &+ 0xab9423a7) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(5) &+ 0xfc93a039) &+ (d ^ (c | ~a)), 21)
        a = b &+ rotl(a &+ (x(12) &+ 0x655b59c3) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(3) &+ 0x8f0ccc92) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(10) &+ 0xffeff47d) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(1) &+ 0x85845dd1) &+ (d ^ (c | ~a)), 21)
        a = b &+ rotl(a &+ (x(8) &+ 0x6fa87e4f) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(15) &+ 0xfe2ce6e0) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(6) &+ 0xa3014314) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(13) &+ 0x4e0811a1) &+ (d ^ (c | ~a)), 21)
        a = b &+ rotl(a &+ (x(4) &+ 0xf7537e82) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(11) &+ 0xbd3af235) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(2) &+ 0x2ad7d2bb) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(9) &+ 0xeb86d391) &+ (d ^ (c | ~a)), 21)
        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
    }
}
