import CGMP

/// In-place arithmetic for hot paths (the RSA private operation): the result is written into the
/// receiver's own `mpz_t`, whose limbs are reused from call to call, so a loop that keeps its
/// temporaries allocates nothing once they have grown to size. The value operators in
/// BigInt+Arithmetic.swift allocate a fresh result each time and stay the default elsewhere.
///
/// GMP allows the output to alias any input, so `x.formProduct(x, y)` needs no care beyond what
/// copy-on-write already gives (a shared storage is copied once, then owned).
extension BigInt {
    typealias Out = UnsafeMutablePointer<__mpz_struct>
    typealias In = UnsafePointer<__mpz_struct>

    /// Runs a GMP call with self's unique `mpz_t` as output and the operands as inputs. An operand that
    /// is self (same storage) gets the same pointer, so a read and the write never overlap as Swift
    /// accesses (GMP itself allows the aliasing).
    mutating func write(_ a: BigInt, _ b: BigInt, _ body: (Out, In, In) -> Void) {
        let s = unique()
        withUnsafeMutablePointer(to: &s.z) { out in
            BigInt.read(a, s, out) { pa in
                BigInt.read(b, s, out) { pb in body(out, pa, pb) }
            }
        }
    }

    private static func read(_ x: BigInt, _ s: Storage, _ out: Out, _ body: (In) -> Void) {
        if x.storage === s {
            body(UnsafePointer(out))
        } else {
            withUnsafePointer(to: &x.storage.z) { body($0) }
        }
    }

    /// self = a · b.
    public mutating func formProduct(_ a: BigInt, _ b: BigInt) {
        write(a, b) { __gmpz_mul($0, $1, $2) }
    }

    /// self = a − b.
    public mutating func formDifference(_ a: BigInt, _ b: BigInt) {
        write(a, b) { __gmpz_sub($0, $1, $2) }
    }

    /// self = a + b.
    public mutating func formSum(_ a: BigInt, _ b: BigInt) {
        write(a, b) { __gmpz_add($0, $1, $2) }
    }

    /// self = self + b.
    public mutating func add(_ b: BigInt) {
        write(b, b) { out, pb, _ in __gmpz_add(out, out, pb) }
    }

    /// self = a mod m in [0, |m|); false (self unchanged) when m is zero.
    @discardableResult
    public mutating func formRemainder(_ a: BigInt, modulo m: BigInt) -> Bool {
        guard !m.isZero else { return false }
        write(a, m) { __gmpz_mod($0, $1, $2) }
        return true
    }

    /// self = a · b mod m; false (self unchanged) when m is zero.
    @discardableResult
    public mutating func formProduct(_ a: BigInt, _ b: BigInt, modulo m: BigInt) -> Bool {
        guard !m.isZero else { return false }
        write(a, b) { __gmpz_mul($0, $1, $2) }
        write(m, m) { out, pm, _ in __gmpz_mod(out, out, pm) }
        return true
    }

    /// self = a · b mod m, reduced with `mpn_sec_div_r` (time independent of the values, for a product
    /// whose remainder is secret or is about to be released); false when m is not positive.
    @discardableResult
    public mutating func formProductReducedInConstantTime(_ a: BigInt, _ b: BigInt, modulo m: BigInt) -> Bool {
        guard m.signum > 0 else { return false }
        write(a, b) { __gmpz_mul($0, $1, $2) }
        var ok: Int32 = 0
        write(m, m) { out, pm, _ in ok = cgmp_mpz_sec_mod(out, out, pm) }
        return ok != 0
    }

    /// self = self · b mod m; false (self unchanged) when m is zero.
    @discardableResult
    public mutating func multiply(by b: BigInt, modulo m: BigInt) -> Bool {
        guard !m.isZero else { return false }
        write(b, b) { out, pb, _ in __gmpz_mul(out, out, pb) }
        write(m, m) { out, pm, _ in __gmpz_mod(out, out, pm) }
        return true
    }

    /// self = self² mod m; false (self unchanged) when m is zero.
    @discardableResult
    public mutating func formSquare(modulo m: BigInt) -> Bool {
        guard !m.isZero else { return false }
        write(m, m) { out, mod, _ in
            __gmpz_mul(out, out, out)
            __gmpz_mod(out, out, mod)
        }
        return true
    }

    /// self = base^e mod m, variable time (public exponents only); false for m ≤ 0 or e < 0.
    @discardableResult
    public mutating func formPower(_ base: BigInt, _ e: BigInt, modulo m: BigInt) -> Bool {
        guard m.signum > 0, e.signum >= 0 else { return false }
        write(base, e) { out, pb, pe in
            withUnsafePointer(to: &m.storage.z) { __gmpz_powm(out, pb, pe, $0) }
        }
        return true
    }

    /// self = base^e mod m with `mpz_powm_sec` (secret exponents). A zero base gives zero; false
    /// unless m is odd and positive and e > 0 (GMP's requirements).
    @discardableResult
    public mutating func formSecurePower(_ base: BigInt, _ e: BigInt, modulo m: BigInt) -> Bool {
        guard m.signum > 0, m.isOdd, e.signum > 0 else { return false }
        let zero = base.isZero
        write(base, e) { out, pb, pe in
            if zero {
                __gmpz_set_ui(out, 0)
            } else {
                withUnsafePointer(to: &m.storage.z) { __gmpz_powm_sec(out, pb, pe, $0) }
            }
        }
        return true
    }

    /// self = the unsigned big-endian number in `bytes` (OS2IP), without an intermediate array.
    public mutating func setBigEndianBytes(_ bytes: UnsafeRawBufferPointer) {
        let s = unique()
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            __gmpz_set_ui(&s.z, 0)
            return
        }
        __gmpz_import(&s.z, bytes.count, 1, 1, 1, 0, base)
    }

    /// I2OSP into `out`: the magnitude right-aligned, zeros in front. False (out untouched) when it does
    /// not fit.
    public func serialize(into out: UnsafeMutableRawBufferPointer) -> Bool {
        let count = byteCount
        guard count <= out.count, let base = out.baseAddress else { return count == 0 && out.count == 0 }
        let lead = out.count - count
        if lead > 0 { base.initializeMemory(as: UInt8.self, repeating: 0, count: lead) }
        if count > 0 {
            var written = 0
            _ = __gmpz_export(base + lead, &written, 1, 1, 1, 0, &storage.z)
        }
        return true
    }
}

extension BigInt {
    /// |self| mod d for a word-sized d > 0 (`mpz_fdiv_ui` of the magnitude); nil when d is zero.
    public func remainder(dividingBy d: UInt) -> UInt? {
        guard d > 0 else { return nil }
        return __gmpz_fdiv_ui(&storage.z, d)
    }

    /// self + d for a word-sized d.
    public func adding(_ d: UInt) -> BigInt {
        BigInt.make { __gmpz_add_ui($0, &storage.z, d) }
    }
}

extension BigInt {
    /// The value as a UInt when it is non-negative and fits in a word.
    public var wordValue: UInt? {
        guard __gmpz_fits_ulong_p(&storage.z) != 0 else { return nil }
        return __gmpz_get_ui(&storage.z)
    }

    /// self = base^e mod m for a word-sized public exponent (`mpz_powm_ui`: no Montgomery set-up, which
    /// for e = 65537 is a good part of the cost); false for m ≤ 0.
    @discardableResult
    public mutating func formPower(_ base: BigInt, _ e: UInt, modulo m: BigInt) -> Bool {
        guard m.signum > 0 else { return false }
        write(base, m) { out, pb, pm in __gmpz_powm_ui(out, pb, e, pm) }
        return true
    }
}
