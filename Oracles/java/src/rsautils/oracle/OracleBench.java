package rsautils.oracle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.codec.binary.Base64;

/**
 * In-JVM timings for `conformance bench`'s "jdk" rows. The Swift side asks for one round at a time
 * (so that it can interleave the JDK's rounds with its own and take medians over the same period of
 * machine load); bridge round trips are outside the timed region. Single-threaded operations are timed
 * with the bench thread's CPU time, chunked decryption with wall time (the Swift side does the same). The first request for an operation
 * prepares it (keys parsed once, ciphertext made) and warms it up for the JIT; later requests reuse it.
 *
 * Operations ("what"): md5 (size bytes, one-shot MessageDigest.digest), sign / verify (alg, the given
 * RsaUtils key strings, a 100-byte message), keygen (bits: one KeyPairGenerator key per op),
 * decryptByPrivateKey (RsaUtils' own loop over the ciphertext of `size` bytes of plaintext, made once by
 * RsaUtils.encryptByPublicKey).
 */
final class OracleBench {
    private OracleBench() {}

    interface Op {
        void run() throws Exception;
    }

    private static final Map<String, Op> prepared = new HashMap<>();

    /** Nanoseconds per operation over one round of at least roundMillis (and at least one operation). */
    static synchronized double round(String what, int size, String alg, int bits, String priv, String pub,
                                     int warmupMillis, int roundMillis, boolean cpuClock) throws Exception {
        String id = what + "|" + size + "|" + alg + "|" + bits + "|" + priv + "|" + pub;
        Op op = prepared.get(id);
        if (op == null) {
            op = prepare(what, size, alg, bits, priv, pub);
            long warmEnd = System.nanoTime() + warmupMillis * 1_000_000L;
            do {
                op.run();
            } while (System.nanoTime() < warmEnd);
            prepared.put(id, op);
        }
        long minimum = roundMillis * 1_000_000L;
        long start = now(cpuClock);
        long count = 0;
        long now;
        do {
            op.run();
            count++;
            now = now(cpuClock);
        } while (now - start < minimum);
        return (double) (now - start) / count;
    }

    /** The bench thread's CPU time (as the Swift side times single-threaded operations) or wall time. */
    private static long now(boolean cpuClock) {
        return cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static Op prepare(String what, int size, String alg, int bits, String priv, String pub) throws Exception {
        byte[] data = new byte[Math.max(size, 0)];
        Arrays.fill(data, (byte) 0x42);
        switch (what) {
            case "md5": {
                MessageDigest md = MessageDigest.getInstance("MD5");
                return () -> md.digest(data);
            }
            case "keygen": {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(bits);
                return kpg::generateKeyPair;
            }
            case "sign": {
                PrivateKey key = privateKey(priv);
                Signature s = Signature.getInstance(alg);
                return () -> {
                    s.initSign(key);
                    s.update(data);
                    s.sign();
                };
            }
            case "verify": {
                Signature s = Signature.getInstance(alg);
                s.initSign(privateKey(priv));
                s.update(data);
                byte[] sig = s.sign();
                PublicKey key = publicKey(pub);
                Signature v = Signature.getInstance(alg);
                return () -> {
                    v.initVerify(key);
                    v.update(data);
                    if (!v.verify(sig)) throw new IllegalStateException("bench: the JDK rejected its own signature");
                };
            }
            case "decryptByPrivateKey": {
                byte[] ciphertext = RsaUtils.encryptByPublicKey(data, pub);
                return () -> RsaUtils.decryptByPrivateKey(ciphertext, priv);
            }
            default:
                throw new IllegalArgumentException("unknown bench operation \"" + what + "\"");
        }
    }

    private static PrivateKey privateKey(String text) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(text)));
    }

    private static PublicKey publicKey(String text) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(text)));
    }
}
