import Foundation

extension RsaUtilsCipher {
    /// Below this many blocks the work is too small to be worth waking other threads.
    static let parallelThreshold = 8

    /// Runs `one` on every block on all cores and concatenates the results in block order (private-key
    /// encryption, whose blocks are as independent as decryption's). Every block is processed; an error
    /// (CSPRNG, fault check) is the first one in block order.
    static func processBlocks<Block: Sendable>(_ blocks: [Block], _ one: @Sendable (Block) throws -> [UInt8]) throws -> [UInt8] {
        var output = [UInt8]()
        for result in mapBlocks(blocks, one) {
            switch result {
            case .success(let bytes)?: output += bytes
            case .failure(let error)?: throw error
            case nil: throw RSAError.faultDetected  // unreachable: every slot is set
            }
        }
        return output
    }

    /// Private-key chunked decryption without a branch on padding until the end: every block is
    /// opened (`RSAPrivateKey.openBlock`, the same work for valid and invalid padding), validity is
    /// combined with a mask, and only then does the caller throw or cut the messages out. Errors other
    /// than padding (CSPRNG, fault check) are thrown, the first in block order.
    static func openBlocks(_ blocks: [[UInt8]], privateKey: RSAPrivateKey) throws -> (blocks: [OpenedBlock], valid: Bool) {
        var opened: [OpenedBlock] = []
        opened.reserveCapacity(blocks.count)
        var validMask: UInt8 = 0xff
        var firstError: (any Error)?
        for result in mapBlocks(blocks, { try privateKey.openBlock($0) }) {
            switch result {
            case .success(let block)?:
                validMask &= block.valid ? 0xff : 0
                opened.append(block)
            case .failure(let error)?:
                firstError = firstError ?? error
            case nil:
                firstError = firstError ?? RSAError.faultDetected  // unreachable: every slot is set
            }
        }
        if let firstError { throw firstError }
        return (opened, validMask == 0xff)
    }

    /// Runs `one` on every block, on all cores from `parallelThreshold` blocks on; results in block order.
    static func mapBlocks<Block: Sendable, Output: Sendable>(_ blocks: [Block], _ one: @Sendable (Block) throws -> Output) -> [Result<Output, any Error>?] {
        let count = blocks.count
        var results = [Result<Output, any Error>?](repeating: nil, count: count)
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
        return results
    }
}

/// The result slots handed to the workers (each writes only its own indices).
private struct SendableSlots<Output>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<Output, any Error>?>?
}
