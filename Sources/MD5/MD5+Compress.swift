// Generated once by a small script from RFC 1321 §3.4 (T[i] = floor(2^32·|sin(i)|), shift table s);
// the 64 steps are unrolled so the compression loop has no tables, bounds checks or allocation.
// Measured choices (conformance bench): X[k] + T[i] and a are added before the round function (shorter
// chain between steps), and round 2's G(b,c,d) = (b∧d) ∨ (c∧¬d) is written as the sum of its two
// disjoint halves. T[i] is read from memory filled at run time (`MD5.roundConstants`): as literals, the
// optimiser reassociates them to the end of each step's additions, after the round function, which
// puts one more addition on the critical path of every step (−18 % throughput on x86-64).

@inline(__always)
func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 &- n)) }

extension MD5 {
    /// Processes one 64-byte block at `p` into `state` (RFC 1321 §3.4, rounds 1–4); `t` is `roundConstants`.
    @inline(__always)
    static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32), _ p: UnsafeRawPointer, _ t: UnsafePointer<UInt32>) {
        /// X[k]: the k-th little-endian 32-bit word of the block.
        @inline(__always) func x(_ k: Int) -> UInt32 {
            UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 &* k, as: UInt32.self))
        }
        var a = state.0, b = state.1, c = state.2, d = state.3
        // Round 1
        a = b &+ rotl(a &+ (x(0) &+ t[0]) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(1) &+ t[1]) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(2) &+ t[2]) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(3) &+ t[3]) &+ (((d ^ a) & c) ^ a), 22)
        a = b &+ rotl(a &+ (x(4) &+ t[4]) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(5) &+ t[5]) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(6) &+ t[6]) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(7) &+ t[7]) &+ (((d ^ a) & c) ^ a), 22)
        a = b &+ rotl(a &+ (x(8) &+ t[8]) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(9) &+ t[9]) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(10) &+ t[10]) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(11) &+ t[11]) &+ (((d ^ a) & c) ^ a), 22)
        a = b &+ rotl(a &+ (x(12) &+ t[12]) &+ (((c ^ d) & b) ^ d), 7)
        d = a &+ rotl(d &+ (x(13) &+ t[13]) &+ (((b ^ c) & a) ^ c), 12)
        c = d &+ rotl(c &+ (x(14) &+ t[14]) &+ (((a ^ b) & d) ^ b), 17)
        b = c &+ rotl(b &+ (x(15) &+ t[15]) &+ (((d ^ a) & c) ^ a), 22)
        // Round 2
        a = b &+ rotl(a &+ (x(1) &+ t[16]) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(6) &+ t[17]) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(11) &+ t[18]) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(0) &+ t[19]) &+ (~a & d) &+ (a & c), 20)
        a = b &+ rotl(a &+ (x(5) &+ t[20]) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(10) &+ t[21]) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(15) &+ t[22]) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(4) &+ t[23]) &+ (~a & d) &+ (a & c), 20)
        a = b &+ rotl(a &+ (x(9) &+ t[24]) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(14) &+ t[25]) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(3) &+ t[26]) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(8) &+ t[27]) &+ (~a & d) &+ (a & c), 20)
        a = b &+ rotl(a &+ (x(13) &+ t[28]) &+ (~d & c) &+ (d & b), 5)
        d = a &+ rotl(d &+ (x(2) &+ t[29]) &+ (~c & b) &+ (c & a), 9)
        c = d &+ rotl(c &+ (x(7) &+ t[30]) &+ (~b & a) &+ (b & d), 14)
        b = c &+ rotl(b &+ (x(12) &+ t[31]) &+ (~a & d) &+ (a & c), 20)
        // Round 3
        a = b &+ rotl(a &+ (x(5) &+ t[32]) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(8) &+ t[33]) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(11) &+ t[34]) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(14) &+ t[35]) &+ (c ^ d ^ a), 23)
        a = b &+ rotl(a &+ (x(1) &+ t[36]) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(4) &+ t[37]) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(7) &+ t[38]) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(10) &+ t[39]) &+ (c ^ d ^ a), 23)
        a = b &+ rotl(a &+ (x(13) &+ t[40]) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(0) &+ t[41]) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(3) &+ t[42]) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(6) &+ t[43]) &+ (c ^ d ^ a), 23)
        a = b &+ rotl(a &+ (x(9) &+ t[44]) &+ (b ^ c ^ d), 4)
        d = a &+ rotl(d &+ (x(12) &+ t[45]) &+ (a ^ b ^ c), 11)
        c = d &+ rotl(c &+ (x(15) &+ t[46]) &+ (d ^ a ^ b), 16)
        b = c &+ rotl(b &+ (x(2) &+ t[47]) &+ (c ^ d ^ a), 23)
        // Round 4
        a = b &+ rotl(a &+ (x(0) &+ t[48]) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(7) &+ t[49]) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(14) &+ t[50]) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(5) &+ t[51]) &+ (d ^ (c | ~a)), 21)
        a = b &+ rotl(a &+ (x(12) &+ t[52]) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(3) &+ t[53]) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(10) &+ t[54]) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(1) &+ t[55]) &+ (d ^ (c | ~a)), 21)
        a = b &+ rotl(a &+ (x(8) &+ t[56]) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(15) &+ t[57]) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(6) &+ t[58]) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(13) &+ t[59]) &+ (d ^ (c | ~a)), 21)
        a = b &+ rotl(a &+ (x(4) &+ t[60]) &+ (c ^ (b | ~d)), 6)
        d = a &+ rotl(d &+ (x(11) &+ t[61]) &+ (b ^ (a | ~c)), 10)
        c = d &+ rotl(c &+ (x(2) &+ t[62]) &+ (a ^ (d | ~b)), 15)
        b = c &+ rotl(b &+ (x(9) &+ t[63]) &+ (d ^ (c | ~a)), 21)
        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
    }
}

extension MD5 {
    /// T[1...64] of RFC 1321 §3.4 (T[i] = floor(2³²·|sin(i)|)), in step order.
    static let roundConstantValues: [UInt32] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]

    /// The same constants in memory allocated at run time, which the optimiser cannot fold into
    /// immediates (see the top of this file). Written once by the lazy initialiser, then only read.
    nonisolated(unsafe) static let roundConstants: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        table.initialize(from: roundConstantValues, count: 64)
        return UnsafePointer(table)
    }()
}
