import Foundation

extension RsaUtilsCipher {
    /// Below this many blocks the work is too small to be worth waking other threads.
    static let parallelThreshold = 8

    /// Runs `one` on every block on all cores and concatenates the results in block order (chunked
    /// decryption, and private-key encryption, whose blocks are just as independent).
    ///
    /// Every block is processed, whatever happens to the others (no early exit whose timing would tell
    /// where a bad block is). Then: any padding or ciphertext failure is the one opaque
    /// `decryptionFailed`, wherever the block is and however many there are (no padding oracle, no
    /// block position); any other error (CSPRNG, fault check) is the first one in block order.
    static func processBlocks<Block: Sendable>(_ blocks: [Block], _ one: @Sendable (Block) throws -> [UInt8]) throws -> [UInt8] {
        let count = blocks.count
        var results = [Result<[UInt8], any Error>?](repeating: nil, count: count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, count)
        if workers <= 1 || count < parallelThreshold {
            for i in 0..<count { results[i] = Result { try one(blocks[i]) } }
        } else {
            results.withUnsafeMutableBufferPointer { slots in
                let out = SendableSlots(base: slots.baseAddress)
                // Worker w takes blocks w, w + workers, ...: equal-cost blocks, no shared counter. Each slot
                // is written by exactly one worker and read only after concurrentPerform returns.
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    for i in stride(from: w, to: count, by: workers) {
                        out.base?[i] = Result { try one(blocks[i]) }
                    }
                }
            }
        }
        var output = [UInt8]()
        var paddingFailed = false
        var otherError: (any Error)?
        for result in results {
            switch result {
            case .success(let bytes)?:
                output += bytes
            case .failure(let error)?:
                if let rsa = error as? RSAError, rsa == .decryptionFailed {
                    paddingFailed = true
                } else if otherError == nil {
                    otherError = error
                }
            case nil:
                otherError = otherError ?? RSAError.faultDetected  // unreachable: every slot is set
            }
        }
        if let otherError { throw otherError }
        if paddingFailed { throw RSAError.decryptionFailed }
        return output
    }
}

/// The result slots handed to the workers (each writes only its own indices).
private struct SendableSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<[UInt8], any Error>?>?
}
