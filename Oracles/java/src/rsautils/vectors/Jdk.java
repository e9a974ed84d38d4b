package rsautils.vectors;

import java.math.BigInteger;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;

import javax.crypto.Cipher;

/** Thin wrappers over the JDK primitives the generators use. */
final class Jdk {
    private Jdk() {}

    /** Raw RSA with the public key: x^e mod n, k bytes (Cipher "RSA/ECB/NoPadding"). Cross-checked with BigInteger. */
    static byte[] rawPublic(KeyMaterial km, byte[] x) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/NoPadding");
        c.init(Cipher.DECRYPT_MODE, km.publicKey);
        byte[] out = c.doFinal(x);
        Check.that(out.length == km.k, "NoPadding output is k bytes");
        Check.equal(Bytes.i2osp(Bytes.os2ip(x).modPow(km.e, km.n), km.k), out, "NoPadding public = BigInteger modPow");
        return out;
    }

    /** Raw RSA encryption with the public key (Cipher "RSA/ECB/NoPadding" ENCRYPT_MODE). */
    static byte[] rawEncrypt(KeyMaterial km, byte[] em) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, km.publicKey);
        byte[] out = c.doFinal(em);
        Check.that(out.length == km.k, "NoPadding output is k bytes");
        Check.equal(Bytes.i2osp(Bytes.os2ip(em).modPow(km.e, km.n), km.k), out, "NoPadding encrypt = BigInteger modPow");
        return out;
    }

    /** Raw RSA with the private key: x^d mod n (Cipher "RSA/ECB/NoPadding" ENCRYPT_MODE with the private key). */
    static byte[] rawPrivate(KeyMaterial km, byte[] x) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, km.privateKey);
        byte[] out = c.doFinal(x);
        Check.that(out.length == km.k, "NoPadding output is k bytes");
        Check.equal(Bytes.i2osp(Bytes.os2ip(x).modPow(km.d, km.n), km.k), out, "NoPadding private = BigInteger modPow");
        return out;
    }

    /** Cipher "RSA" (= RSA/ECB/PKCS1Padding) in the given mode with the given key. */
    static byte[] pkcs1(int mode, Key key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("RSA");
        c.init(mode, key);
        return c.doFinal(data);
    }

    static String jcaSignatureName(String sha) {
        return switch (sha) {
            case "MD5" -> "MD5withRSA";
            case "SHA-1" -> "SHA1withRSA";
            case "SHA-256" -> "SHA256withRSA";
            case "SHA-384" -> "SHA384withRSA";
            case "SHA-512" -> "SHA512withRSA";
            default -> throw new IllegalArgumentException(sha);
        };
    }

    static byte[] digest(String sha, byte[] msg) throws Exception {
        return MessageDigest.getInstance(sha).digest(msg);
    }

    static byte[] sign(String sha, KeyMaterial km, byte[] msg) throws Exception {
        Signature s = Signature.getInstance(jcaSignatureName(sha));
        s.initSign(km.privateKey);
        s.update(msg);
        return s.sign();
    }

    /** JDK verification: true / false, or the simple name of the exception it threw (a rejection too). */
    static String verify(String sha, KeyMaterial km, byte[] msg, byte[] sig) throws Exception {
        Signature s = Signature.getInstance(jcaSignatureName(sha));
        s.initVerify(km.publicKey);
        s.update(msg);
        try {
            return Boolean.toString(s.verify(sig));
        } catch (SignatureException e) {
            return "SignatureException";
        }
    }

    /** The DER DigestInfo prefix (RFC 8017 9.2 note 1), as the JDK's padding writes it, checked on each use. */
    static byte[] digestInfo(String sha, byte[] digest) {
        byte[] algId = Der.sequence(Der.tlv(0x06, oid(sha)), Bytes.of(0x05, 0x00));
        return Der.sequence(algId, Der.tlv(0x04, digest));
    }

    /** The content bytes of the hash algorithm's OBJECT IDENTIFIER. */
    static byte[] oid(String sha) {
        return Bytes.unhex(switch (sha) {
            case "MD5" -> "2a864886f70d0205";
            case "SHA-1" -> "2b0e03021a";
            case "SHA-256" -> "608648016503040201";
            case "SHA-384" -> "608648016503040202";
            case "SHA-512" -> "608648016503040203";
            default -> throw new IllegalArgumentException(sha);
        });
    }

}
