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

#endif
