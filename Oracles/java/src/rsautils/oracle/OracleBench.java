package rsautils.oracle;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;

import javax.crypto.Cipher;

/**
 * In-JVM timings for `conformance bench`'s JDK column: each operation is warmed up (JIT), then
 * repeated for about half a second, best of three rounds, so bridge round trips are not counted.
 */
final class OracleBench {
    private OracleBench() {}

    interface Op {
        void run() throws Exception;
    }

    static double nanosPerOp(String what, int bits, int size, String alg) throws Exception {
        byte[] data = new byte[Math.max(size, 0)];
        Arrays.fill(data, (byte) 0x42);
        if ("md5".equals(what)) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return measure(() -> md.digest(data));
        }
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(bits);
        if ("keygen".equals(what)) {
            return measure(kpg::generateKeyPair);
        }
        KeyPair pair = kpg.generateKeyPair();
        int k = (bits + 7) / 8;
        switch (what) {
            case "sign": {
                Signature s = Signature.getInstance(alg);
                return measure(() -> {
                    s.initSign(pair.getPrivate());
                    s.update(data);
                    s.sign();
                });
            }
            case "verify": {
                Signature s = Signature.getInstance(alg);
                s.initSign(pair.getPrivate());
                s.update(data);
                byte[] sig = s.sign();
                Signature v = Signature.getInstance(alg);
                return measure(() -> {
                    v.initVerify(pair.getPublic());
                    v.update(data);
                    v.verify(sig);
                });
            }
            case "encrypt": {
                Cipher c = Cipher.getInstance("RSA");
                c.init(Cipher.ENCRYPT_MODE, pair.getPublic());
                return measure(() -> RsaUtils.doFinalInBlocks(c, data, k - 11));
            }
            case "decrypt": {
                Cipher e = Cipher.getInstance("RSA");
                e.init(Cipher.ENCRYPT_MODE, pair.getPublic());
                byte[] ct = RsaUtils.doFinalInBlocks(e, data, k - 11);
                Cipher d = Cipher.getInstance("RSA");
                d.init(Cipher.DECRYPT_MODE, pair.getPrivate());
                return measure(() -> RsaUtils.doFinalInBlocks(d, ct, k));
            }
            default:
                throw new IllegalArgumentException("unknown bench operation \"" + what + "\"");
        }
    }

    static double measure(Op op) throws Exception {
        long warmEnd = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < warmEnd) {
            op.run();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long count = 0;
            long now;
            do {
                op.run();
                count++;
                now = System.nanoTime();
            } while (now - start < 200_000_000L);
            best = Math.min(best, (double) (now - start) / count);
        }
        return best;
    }
}
