/// MD5 (RFC 1321) in pure Swift: no C, no Foundation, no heap allocation per block or per call.
///
/// Streaming: any split of the input into `update` calls gives the same digest as one call.
/// The message length is kept in 64 bits, so inputs beyond 2³² bits are counted correctly
/// (RFC 1321 §3.2: the length is taken modulo 2⁶⁴).
public struct MD5: Sendable {
    public static let digestByteCount = 16
    public static let blockByteCount = 64

    var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    /// Partial block, stored inline (8 × 8 bytes) so the struct never allocates.
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    var bufferCount = 0
    /// Total bytes hashed so far (wrapping; only the low 64 bits of the bit count matter).
    var byteCount: UInt64 = 0

    public init() {}

    /// Hashes more input.
    public mutating func update(_ input: UnsafeRawBufferPointer) {
        guard let base = input.baseAddress, input.count > 0 else { return }
        var offset = 0
        let count = input.count
        byteCount &+= UInt64(truncatingIfNeeded: count)

        if bufferCount > 0 {
            let take = min(MD5.blockByteCount - bufferCount, count)
            let filled = bufferCount
            withUnsafeMutableBytes(of: &buffer) { buf in
                guard let destination = buf.baseAddress else { return }  // never nil: a 64-byte tuple
                (destination + filled).copyMemory(from: base, byteCount: take)
            }
            bufferCount += take
            offset = take
            if bufferCount < MD5.blockByteCount { return }
            let block = buffer
            withUnsafeBytes(of: block) { raw in
                if let p = raw.baseAddress { MD5.compress(&state, p, MD5.roundConstants) }
            }
            bufferCount = 0
        }
        offset += MD5.compressBlocks(&state, base + offset, count: count - offset)
        let rest = count - offset
        if rest > 0 {
            let start = offset
            withUnsafeMutableBytes(of: &buffer) { buf in
                buf.baseAddress?.copyMemory(from: base + start, byteCount: rest)
            }
            bufferCount = rest
        }
    }

    /// Hashes more input from any byte sequence (contiguous storage is read in place).
    public mutating func update<S: Sequence>(_ input: S) where S.Element == UInt8 {
        let done: Void? = input.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        // Non-contiguous input: feed it through a small stack-like block buffer.
        var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var filled = 0
        for byte in input {
            withUnsafeMutableBytes(of: &block) { $0[filled] = byte }
            filled += 1
            if filled == MD5.blockByteCount {
                withUnsafeBytes(of: block) { update($0) }
                filled = 0
            }
        }
        if filled > 0 { withUnsafeBytes(of: block) { update(UnsafeRawBufferPointer(rebasing: $0[0..<filled])) } }
    }

    /// Pads (0x80, zeros, 64-bit little-endian bit length) and returns the digest.
    public func finalize() -> Digest {
        var state = self.state
        let block = buffer
        withUnsafeBytes(of: block) { raw in
            if let p = raw.baseAddress { MD5.finish(&state, tail: p, count: bufferCount, totalBytes: byteCount) }
        }
        return Digest(state: state)
    }

    /// Compresses every whole block of the `count` bytes at `p`; returns how many bytes that was.
    @inline(__always)
    static func compressBlocks(_ state: inout (UInt32, UInt32, UInt32, UInt32), _ p: UnsafeRawPointer, count: Int) -> Int {
        let t = roundConstants
        var offset = 0
        while count - offset >= blockByteCount {
            compress(&state, p + offset, t)
            offset += blockByteCount
        }
        return offset
    }

    /// The last one or two blocks: the `count` (< 64) remaining bytes at `tail`, 0x80, zeros and the
    /// bit length, built on the stack (RFC 1321 §3.1–3.2).
    @inline(__always)
    static func finish(_ state: inout (UInt32, UInt32, UInt32, UInt32), tail: UnsafeRawPointer, count: Int, totalBytes: UInt64) {
        var blocks: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &blocks) { raw in
            guard let p = raw.baseAddress else { return }  // never nil: a 128-byte tuple
            if count > 0 { p.copyMemory(from: tail, byteCount: count) }
            raw[count] = 0x80
            let end = count < 56 ? 64 : 128
            raw.storeBytes(of: (totalBytes &<< 3).littleEndian, toByteOffset: end - 8, as: UInt64.self)
            compress(&state, UnsafeRawPointer(p), roundConstants)
            if end == 128 { compress(&state, UnsafeRawPointer(p + 64), roundConstants) }
        }
    }

    /// One-shot MD5 of raw bytes: whole blocks straight from the input, the tail on the stack; no heap
    /// allocation and no copy of the input.
    public static func hash(_ input: UnsafeRawBufferPointer) -> Digest {
        var state = MD5().state
        let count = input.count
        guard let base = input.baseAddress, count > 0 else {
            withUnsafeBytes(of: UInt64(0)) { zero in
                if let p = zero.baseAddress { finish(&state, tail: p, count: 0, totalBytes: 0) }
            }
            return Digest(state: state)
        }
        let done = compressBlocks(&state, base, count: count)
        finish(&state, tail: base + done, count: count - done, totalBytes: UInt64(truncatingIfNeeded: count))
        return Digest(state: state)
    }

    /// One-shot MD5 of any byte sequence.
    public static func hash<S: Sequence>(_ input: S) -> Digest where S.Element == UInt8 {
        if let digest = input.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return digest }
        var md5 = MD5()
        md5.update(input)
        return md5.finalize()
    }

    /// One-shot MD5 of a string's UTF-8 bytes.
    public static func hash(utf8 string: String) -> Digest {
        var s = string
        return s.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
