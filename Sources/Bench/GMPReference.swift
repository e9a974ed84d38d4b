import CGMPBench
import RSA

/// The "gmp-c" contender: the textbook RSA primitives in C over GMP (no blinding, no check), for the
/// same key. Errors (a value ≥ n) cannot happen with the inputs the bench gives; they throw anyway.
final class GMPReference {
    private let key: OpaquePointer
    let k: Int

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ privateKey: RSAPrivateKey) throws {
        guard let primes = privateKey.primes else { throw Failure(description: "gmp-c needs a key with its primes") }
        let parts = [privateKey.modulus, privateKey.publicExponent, primes.p, primes.q, primes.dp, primes.dq, primes.qInv]
            .map(\.bigEndianBytes)
        let made = parts[0].withUnsafeBufferPointer { n in
            parts[1].withUnsafeBufferPointer { e in
                parts[2].withUnsafeBufferPointer { p in
                    parts[3].withUnsafeBufferPointer { q in
                        parts[4].withUnsafeBufferPointer { dp in
                            parts[5].withUnsafeBufferPointer { dq in
                                parts[6].withUnsafeBufferPointer { qi in
                                    gmp_bench_key_new(n.baseAddress, n.count, e.baseAddress, e.count, p.baseAddress, p.count,
                                                      q.baseAddress, q.count, dp.baseAddress, dp.count, dq.baseAddress, dq.count,
                                                      qi.baseAddress, qi.count)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard let made else { throw Failure(description: "gmp-c could not load the key") }
        key = made
        k = privateKey.publicKey.modulusByteCount
    }

    deinit { gmp_bench_key_free(key) }

    func privateOp(_ input: [UInt8], into output: inout [UInt8]) throws {
        let k = self.k
        let status = input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in gmp_bench_private(key, i.baseAddress, o.baseAddress, k) }
        }
        guard status == 0 else { throw Failure(description: "gmp-c private operation: input ≥ n") }
    }

    func publicOp(_ input: [UInt8], into output: inout [UInt8]) throws {
        let k = self.k
        let status = input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in gmp_bench_public(key, i.baseAddress, o.baseAddress, k) }
        }
        guard status == 0 else { throw Failure(description: "gmp-c public operation: input ≥ n") }
    }
}
