#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H
#include <gmp.h>

// GMP's mpz_* names are macros over __gmpz_*; Swift imports the functions but
// not function-like macros such as mpz_sgn, so they are re-exported here.
static inline int cgmp_mpz_sgn(const mpz_t z) { return mpz_sgn(z); }
static inline int cgmp_mpz_odd_p(const mpz_t z) { return mpz_odd_p(z); }
static inline size_t cgmp_mpz_sizeinbase2(const mpz_t z) { return mpz_sizeinbase(z, 2); }
static inline const char *cgmp_version(void) { return gmp_version; }

// Zeroes memory in a way the optimiser cannot drop as a dead store before free() (the asm barrier
// makes the zeroed bytes observable), for GMP's limbs of private keys.
#include <string.h>
static inline void cgmp_secure_zero(void *pointer, size_t size) {
    if (pointer == 0 || size == 0) return;
    memset(pointer, 0, size);
    __asm__ __volatile__("" : : "r"(pointer) : "memory");
}

// r = a mod m with mpn_sec_div_r: its time depends on the sizes of a and m only, not on their values
// (for a reduction whose remainder is secret or is the result being released). a ≥ 0, m > 0; r may be a.
// Returns 0 when m is zero or a negative. The limbs on the stack are zeroed before returning.
static inline int cgmp_mpz_sec_mod(mpz_ptr r, mpz_srcptr a, mpz_srcptr m) {
    mp_size_t nn = (mp_size_t)mpz_size(a), dn = (mp_size_t)mpz_size(m);
    if (dn == 0 || mpz_sgn(a) < 0 || mpz_sgn(m) < 0) return 0;
    if (nn < dn) { mpz_set(r, a); return 1; }
    mp_size_t itch = mpn_sec_div_r_itch(nn, dn);
    mp_limb_t tmp[nn], scratch[itch];
    memcpy(tmp, mpz_limbs_read(a), (size_t)nn * sizeof(mp_limb_t));
    mpn_sec_div_r(tmp, nn, mpz_limbs_read(m), dn, scratch);
    mp_limb_t *rp = mpz_limbs_write(r, dn);
    memcpy(rp, tmp, (size_t)dn * sizeof(mp_limb_t));
    mpz_limbs_finish(r, dn);
    cgmp_secure_zero(tmp, sizeof tmp);
    cgmp_secure_zero(scratch, sizeof scratch);
    return 1;
}

#endif
