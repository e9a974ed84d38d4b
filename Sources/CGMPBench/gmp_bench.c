#include "gmp_bench.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

struct gmp_bench_key {
    mpz_t n, e, p, q, dp, dq, qinv;
};

static void import(mpz_t z, const unsigned char *bytes, size_t len) {
    mpz_init(z);
    if (len > 0) mpz_import(z, len, 1, 1, 1, 0, bytes);
}

gmp_bench_key *gmp_bench_key_new(const unsigned char *n, size_t n_len, const unsigned char *e, size_t e_len,
                                 const unsigned char *p, size_t p_len, const unsigned char *q, size_t q_len,
                                 const unsigned char *dp, size_t dp_len, const unsigned char *dq, size_t dq_len,
                                 const unsigned char *qinv, size_t qinv_len) {
    gmp_bench_key *key = malloc(sizeof *key);
    if (key == NULL) return NULL;
    import(key->n, n, n_len);
    import(key->e, e, e_len);
    import(key->p, p, p_len);
    import(key->q, q, q_len);
    import(key->dp, dp, dp_len);
    import(key->dq, dq, dq_len);
    import(key->qinv, qinv, qinv_len);
    if (mpz_sgn(key->n) == 0 || mpz_even_p(key->p) || mpz_even_p(key->q)) {
        gmp_bench_key_free(key);
        return NULL;
    }
    return key;
}

void gmp_bench_key_free(gmp_bench_key *key) {
    if (key == NULL) return;
    mpz_clears(key->n, key->e, key->p, key->q, key->dp, key->dq, key->qinv, NULL);
    free(key);
}

static void export_padded(unsigned char *out, size_t k, const mpz_t x) {
    size_t count = (mpz_sizeinbase(x, 2) + 7) / 8;
    if (mpz_sgn(x) == 0) count = 0;
    memset(out, 0, k - count);
    if (count > 0) mpz_export(out + (k - count), NULL, 1, 1, 1, 0, x);
}

int gmp_bench_private(const gmp_bench_key *key, const unsigned char *in, unsigned char *out, size_t k) {
    mpz_t c, m1, m2, h;
    mpz_inits(c, m1, m2, h, NULL);
    mpz_import(c, k, 1, 1, 1, 0, in);
    int status = -1;
    if (mpz_cmp(c, key->n) < 0) {
        // m1 = c^dP mod p, m2 = c^dQ mod q, h = qInv·(m1 − m2) mod p, m = m2 + h·q (RFC 8017 §5.1.2).
        mpz_mod(m1, c, key->p);
        mpz_powm_sec(m1, m1, key->dp, key->p);
        mpz_mod(m2, c, key->q);
        mpz_powm_sec(m2, m2, key->dq, key->q);
        mpz_sub(h, m1, m2);
        mpz_mul(h, h, key->qinv);
        mpz_mod(h, h, key->p);
        mpz_mul(h, h, key->q);
        mpz_add(h, h, m2);
        export_padded(out, k, h);
        status = 0;
    }
    mpz_clears(c, m1, m2, h, NULL);
    return status;
}

int gmp_bench_public(const gmp_bench_key *key, const unsigned char *in, unsigned char *out, size_t k) {
    mpz_t c;
    mpz_init(c);
    mpz_import(c, k, 1, 1, 1, 0, in);
    int status = -1;
    if (mpz_cmp(c, key->n) < 0) {
        mpz_powm(c, c, key->e, key->n);
        export_padded(out, k, c);
        status = 0;
    }
    mpz_clear(c);
    return status;
}
