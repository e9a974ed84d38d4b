import CGMP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GMP's memory functions, replaced once (on the first `BigInt`) by ones that zero every block
/// before it is given back: limbs of private exponents, primes and blinding factors must not stay
/// in freed heap memory. `realloc` moves the data to a new block and zeroes the old one.
enum GMPMemory {
    /// Installs the functions on first access (Swift runs a static initialiser exactly once, thread-safe).
    static let installed: Bool = {
        __gmp_set_memory_functions(gmpAllocate, gmpReallocate, gmpFree)
        return true
    }()

    /// Test hook: sees every block right after it was zeroed, before it is freed.
    nonisolated(unsafe) static var freedBlockObserver: ((UnsafeRawBufferPointer) -> Void)?
}

/// GMP treats a NULL from its allocator as fatal; so does this one (as GMP's default does).
private func gmpAllocate(_ size: Int) -> UnsafeMutableRawPointer? {
    guard let block = malloc(max(size, 1)) else { gmpOutOfMemory() }
    return block
}

private func gmpReallocate(_ old: UnsafeMutableRawPointer?, _ oldSize: Int, _ newSize: Int) -> UnsafeMutableRawPointer? {
    guard let old else { return gmpAllocate(newSize) }
    guard let block = malloc(max(newSize, 1)) else { gmpOutOfMemory() }
    memcpy(block, old, min(oldSize, newSize))
    gmpFree(old, oldSize)
    return block
}

private func gmpFree(_ block: UnsafeMutableRawPointer?, _ size: Int) {
    guard let block else { return }
    cgmp_secure_zero(block, size)
    if let observer = GMPMemory.freedBlockObserver { observer(UnsafeRawBufferPointer(start: block, count: size)) }
    free(block)
}

private func gmpOutOfMemory() -> Never {
    let message = "error: out of memory (GMP allocation failed)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(70)
}
