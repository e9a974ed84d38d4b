#ifndef GMP_BENCH_H
#define GMP_BENCH_H
#include <stddef.h>

// Bare-GMP reference for `conformance bench` ("gmp-c"): the textbook RSA primitives on octet
// strings, as a plain C program would write them with GMP. No blinding, no result check, fresh
// mpz_t temporaries per call. It is the limit a GMP-backed RSA can reach, not a safe RSA.

/// An RSA key as GMP numbers (opaque to Swift).
typedef struct gmp_bench_key gmp_bench_key;

/// Big-endian magnitudes; returns NULL on allocation failure or a zero modulus.
gmp_bench_key *gmp_bench_key_new(const unsigned char *n, size_t n_len, const unsigned char *e, size_t e_len,
                                 const unsigned char *p, size_t p_len, const unsigned char *q, size_t q_len,
                                 const unsigned char *dp, size_t dp_len, const unsigned char *dq, size_t dq_len,
                                 const unsigned char *qinv, size_t qinv_len);
void gmp_bench_key_free(gmp_bench_key *key);

/// RSASP1/RSADP by CRT with mpz_powm_sec: in and out are k bytes. Returns 0, or -1 when in ≥ n.
int gmp_bench_private(const gmp_bench_key *key, const unsigned char *in, unsigned char *out, size_t k);

/// RSAVP1/RSAEP with mpz_powm: in and out are k bytes. Returns 0, or -1 when in ≥ n.
int gmp_bench_public(const gmp_bench_key *key, const unsigned char *in, unsigned char *out, size_t k);

#endif
