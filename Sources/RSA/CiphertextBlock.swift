/// Where one block sits in a chunked (RsaUtils) ciphertext, for errors that may name it: blocks are
/// counted from 1, byte offsets from 0 (the number of bytes before the block).
///
/// Only public facts name a block: a partial trailing block, a slice longer than one RSA block, an
/// integer not below n (anyone can check these against the public key), and, with the public key,
/// every failure (nothing there is secret). A padding failure of private-key decryption never does:
/// naming the first bad block would let an attacker put a chosen block in front of a known-bad one
/// and learn, from which one is named, whether the chosen block's padding was valid (a Bleichenbacher
/// oracle through the chunk loop).
public struct CiphertextBlock: Equatable, Sendable, CustomStringConvertible {
    /// 1 for the first block.
    public let number: Int
    /// Blocks in the whole ciphertext (the last may be partial).
    public let count: Int
    /// Bytes of the ciphertext before this block.
    public let offset: Int
    public let length: Int

    public init(number: Int, count: Int, offset: Int, length: Int) {
        self.number = number
        self.count = count
        self.offset = offset
        self.length = length
    }

    /// The block at 0-based `index` of a ciphertext of `total` bytes cut into `size`-byte slices
    /// (`size` comes from the user's `--block`: no arithmetic here may overflow).
    init(index: Int, size: Int, total: Int) {
        let size = max(size, 1), total = max(total, 0), index = max(index, 0)
        let count = total / size + (total % size == 0 ? 0 : 1)
        let (product, overflow) = index.multipliedReportingOverflow(by: size)
        let offset = overflow ? total : min(product, total)
        self.init(number: index &+ 1, count: count, offset: offset, length: min(size, total - offset))
    }

    /// "block 3 of 5 (counted from 1; offset 256, 128 bytes)".
    public var description: String {
        "block \(number) of \(count) (counted from 1; offset \(offset), \(length) byte\(length == 1 ? "" : "s"))"
    }
}
