package rsautils.vectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import rsautils.oracle.RsaUtils;

/**
 * Vectors/rsautils_sign_<hash>_<bits>_test.json (Wycheproof RsassaPkcs1Generate) and
 * Vectors/rsautils_verify_<hash>_<bits>_test.json (Wycheproof RsassaPkcs1Verify) for MD5, SHA-1 and
 * SHA-256 with 1024- and 2048-bit keys, as RsaUtils signs (Signature "MD5withRSA", ...).
 */
final class SignVectors {
    private SignVectors() {}

    private static final String[][] HASHES = {{"MD5", "md5"}, {"SHA-1", "sha1"}, {"SHA-256", "sha256"}};
    private static final int[] SIZES = {1024, 2048};

    static List<VectorFile> build(KeyPool pool) throws Exception {
        List<VectorFile> out = new ArrayList<>();
        for (String[] h : HASHES) {
            for (int bits : SIZES) out.add(generate(pool, h[0], h[1], bits));
        }
        for (String[] h : HASHES) {
            for (int bits : SIZES) out.add(verify(pool, h[0], h[1], bits));
        }
        return out;
    }

    /** The messages every signing group signs: {comment, message}. */
    static List<Object[]> messages() {
        Random rnd = new Random(0x5349474eL); // "SIGN"
        List<Object[]> m = new ArrayList<>();
        m.add(new Object[] {"empty message", new byte[0]});
        m.add(new Object[] {"1 byte 00", Bytes.of(0)});
        m.add(new Object[] {"1 byte 'a'", Bytes.of(0x61)});
        m.add(new Object[] {"20 zero bytes", new byte[20]});
        m.add(new Object[] {"ASCII \"Hello RsaUtils\"", Bytes.utf8("Hello RsaUtils")});
        m.add(new Object[] {"UTF-8 \"中国移动本机号码校验\"", Bytes.utf8("中国移动本机号码校验")});
        m.add(new Object[] {"UTF-8 Chinese paragraph from the integration guide", Bytes.utf8(
                "H5 本机号码校验微信小程序产品是中国移动推出的基于微信小程序提供的用户身份快捷校验产品。"
                        + "业务方客户私钥生签，使用移动方平台公钥加密手机号码。")});
        m.add(new Object[] {"getToken-style JSON request body", Bytes.utf8(
                "{\"version\":\"1.0\",\"msgId\":\"0f8e2b9a6c1d4e5f8a7b3c2d1e0f9a8b\",\"systemTime\":\"20240229123456789\","
                        + "\"strictcheck\":\"0\",\"appId\":\"300011862498\",\"token\":\"STsid0000001712345678901aBcDeFgHiJkLmN\","
                        + "\"phoneNum\":\"k5Jb2Xw1QmYz+7T9/u0aVd3==\",\"encryptionAlgorithm\":\"RSA\"}")});
        m.add(new Object[] {"37 pseudorandom binary bytes", Bytes.random(rnd, 37)});
        m.add(new Object[] {"256 bytes 00..ff", Bytes.counting(256)});
        m.add(new Object[] {"1 KB pseudorandom", Bytes.random(rnd, 1024)});
        m.add(new Object[] {"10 KB pseudorandom", Bytes.random(rnd, 10 * 1024)});
        return m;
    }

    private static String title(String sha, int bits) {
        return sha + " with " + bits + "-bit keys";
    }

    private static void signingNotes(VectorFile f, String sha, int bits) {
        if (bits < 2048) {
            f.note("SmallModulus", "WEAK_PARAMS", "The modulus has fewer than 2048 bits. RsaUtils uses 1024-bit keys, so an "
                    + "RsaUtils-compatible implementation must still handle it: the result is valid, not acceptable.");
        }
        if (sha.equals("MD5") || sha.equals("SHA-1")) {
            f.note("WeakHash", "WEAK_PARAMS", "The hash (" + sha + ") is weak; RsaUtils copies use MD5withRSA or SHA1withRSA, so "
                    + "an RsaUtils-compatible implementation must still sign and verify with it: the result is valid.");
        }
    }

    private static List<String> weakFlags(String sha, int bits) {
        List<String> flags = new ArrayList<>();
        if (bits < 2048) flags.add("SmallModulus");
        if (sha.equals("MD5") || sha.equals("SHA-1")) flags.add("WeakHash");
        return flags;
    }

    // MARK: - generation

    private static VectorFile generate(KeyPool pool, String sha, String tag, int bits) throws Exception {
        VectorFile f = new VectorFile("rsautils_sign_" + tag + "_" + bits + "_test.json", "RSASSA-PKCS1-v1_5",
                "rsassa_pkcs1_generate_schema_v1.json",
                "RSASSA-PKCS1-v1_5 signature generation, " + title(sha, bits) + ", as RsaUtils signs (Signature \""
                        + Jdk.jcaSignatureName(sha) + "\" over a PKCS#8 key decoded from the RsaUtils string). PKCS#1 v1.5",
                "signing is deterministic: signing msg with privateKey must give sig byte for byte. Groups also carry the keys",
                "as RsaUtils strings (publicKeyRsaUtils, privateKeyRsaUtils). Messages: empty, 1 byte, ASCII, UTF-8 Chinese,",
                "a getToken-like JSON body, binary, 1 KB and 10 KB.");
        signingNotes(f, sha, bits);
        for (int i = 0; i < 3; i++) {
            KeyMaterial km = pool.get(bits, i);
            Map<String, Object> g = f.group("RsassaPkcs1Generate");
            g.put("privateKey", km.wycheproofPrivateKey());
            g.put("keyAsn", Bytes.hex(km.pkcs1Public));
            g.put("keyDer", Bytes.hex(km.spki));
            g.put("keyPem", km.publicPem());
            g.put("keySize", km.bits);
            g.put("privateKeyPkcs8", Bytes.hex(km.pkcs8));
            g.put("privateKeyPem", km.privatePkcs1Pem());
            g.put("sha", sha);
            g.put("publicKeyRsaUtils", km.publicRsaUtils);
            g.put("privateKeyRsaUtils", km.privateRsaUtils);
            for (Object[] m : messages()) {
                byte[] msg = (byte[]) m[1];
                byte[] sig = signLikeRsaUtils(sha, km, msg);
                f.add(g, (String) m[0], weakFlags(sha, bits), VectorFile.fields("msg", Bytes.hex(msg), "sig", Bytes.hex(sig)), "valid");
            }
        }
        return f;
    }

    /** Signature over the key decoded from its RsaUtils string, cross-checked (RsaUtils.sign for MD5, verify, recovered em). */
    static byte[] signLikeRsaUtils(String sha, KeyMaterial km, byte[] msg) throws Exception {
        byte[] sig = Jdk.sign(sha, km, msg);
        Check.that(sig.length == km.k, "signature is k bytes");
        if (sha.equals("MD5")) {
            Check.equal(sig, org.apache.commons.codec.binary.Base64.decodeBase64(RsaUtils.sign(msg, km.privateRsaUtils)),
                    "RsaUtils.sign gives the same MD5withRSA signature");
            Check.that(RsaUtils.verify(msg, km.publicRsaUtils, org.apache.commons.codec.binary.Base64.encodeBase64String(sig)),
                    "RsaUtils.verify accepts it");
        }
        Check.that("true".equals(Jdk.verify(sha, km, msg, sig)), "JDK verifies its signature");
        byte[] di = Jdk.digestInfo(sha, Jdk.digest(sha, msg));
        byte[] em = Bytes.concat(Bytes.of(0, 1), Bytes.filled(km.k - 3 - di.length, 0xff), Bytes.of(0), di);
        Check.equal(em, Jdk.rawPublic(km, sig), "recovered em = 00 01 ff..ff 00 DigestInfo");
        Check.equal(sig, Jdk.rawPrivate(km, em), "sig = em^d mod n");
        return sig;
    }

    // MARK: - verification

    private static VectorFile verify(KeyPool pool, String sha, String tag, int bits) throws Exception {
        VectorFile f = new VectorFile("rsautils_verify_" + tag + "_" + bits + "_test.json", "RSASSA-PKCS1-v1_5",
                "rsassa_pkcs1_verify_schema_v1.json",
                "RSASSA-PKCS1-v1_5 signature verification, " + title(sha, bits) + ", as RsaUtils verifies (Signature \""
                        + Jdk.jcaSignatureName(sha) + "\"). valid: the JDK returns true. invalid: the JDK returns false or",
                "throws SignatureException (a signature that is not k bytes long: \"Bad signature length\"); either way the",
                "signature is rejected. Invalid signatures: bit flips in each region of the block (re-signed with the",
                "private key), flipped signature bits, wrong length, modified message, another hash, another key, s = 0,",
                "1, n-1, n, n+1, c+n, all ff, empty.");
        signingNotes(f, sha, bits);
        f.note("ModifiedPadding", "AUTH_BYPASS", "The encoded block em was modified in one region (leading 00, block type, ff padding, "
                + "00 separator) and signed with the private key (raw RSA): the signature value is correct for the modified block.");
        f.note("InvalidAsnInPadding", "AUTH_BYPASS", "The DigestInfo DER inside em was modified (tag, length, OID, NULL) and re-signed.");
        f.note("ModifiedDigest", "AUTH_BYPASS", "A bit of the digest inside em was flipped and the block re-signed.");
        f.note("MissingNull", "LEGACY", "The DigestInfo omits the NULL parameters of the AlgorithmIdentifier (re-signed). The JDK "
                + "accepts it (Signature.verify retries without the NULL for compatibility with such signers); a verifier that "
                + "re-encodes strictly rejects it. Either outcome passes (acceptable, as in Wycheproof); report which one happened. "
                + "javaVerdict records the JDK's verdict, which a Java-compatible verifier must give.");
        f.note("NoHash", "AUTH_BYPASS", "em holds the bare digest without a DigestInfo (re-signed).");
        f.note("ShortPadding", "CAN_OF_WORMS", "em has a shorter ff padding and extra bytes after the DigestInfo (re-signed).");
        f.note("ModifiedSignature", "BASIC", "A bit of the signature itself was flipped.");
        f.note("SignatureLength", "BASIC", "The signature is one byte short or one byte long. The JDK throws SignatureException "
                + "(\"Bad signature length\") instead of returning false; either way it is rejected.");
        f.note("ModifiedMessage", "BASIC", "The signature is valid for a different message.");
        f.note("WrongHash", "WRONG_PRIMITIVE", "The signature was made with another hash (Signature of another algorithm) over the "
                + "same message.");
        f.note("WrongKey", "BASIC", "The signature was made with the private key of another key pair of the same size.");
        f.note("InvalidSignature", "AUTH_BYPASS", "The signature is an edge-case integer: 0, 1, n-1, n, n+1, all ff, or empty.");
        f.note("SignatureMalleability", "SIGNATURE_MALLEABILITY", "s + n for a valid s (still k bytes): the same residue, not reduced.");

        KeyMaterial other = pool.get(bits, 5);
        for (int i = 0; i < 2; i++) {
            KeyMaterial km = pool.get(bits, i);
            Map<String, Object> g = f.group("RsassaPkcs1Verify");
            g.put("publicKeyAsn", Bytes.hex(km.pkcs1Public));
            g.put("publicKeyDer", Bytes.hex(km.spki));
            g.put("publicKeyPem", km.publicPem());
            Map<String, Object> pk = VectorFile.fields("modulus", Bytes.bigHex(km.n), "publicExponent", Bytes.bigHex(km.e));
            g.put("publicKey", pk);
            g.put("keySize", km.bits);
            g.put("sha", sha);
            g.put("publicKeyRsaUtils", km.publicRsaUtils);
            List<String> weak = weakFlags(sha, bits);
            List<Object[]> msgs = messages();
            // valid: a subset of the signing messages
            for (int idx : new int[] {0, 2, 5, 6, 7, 8}) {
                byte[] msg = (byte[]) msgs.get(idx)[1];
                addVerify(f, g, km, sha, msg, signLikeRsaUtils(sha, km, msg), (String) msgs.get(idx)[0], weak, true);
            }
            if (i == 1) continue; // the second key only has valid cases
            byte[] msg = Bytes.utf8("中国移动本机号码校验");
            byte[] sig = signLikeRsaUtils(sha, km, msg);
            byte[] di = Jdk.digestInfo(sha, Jdk.digest(sha, msg));
            int k = km.k;
            int sep = k - di.length - 1;
            byte[] em = Jdk.rawPublic(km, sig);
            String m = " of \"中国移动本机号码校验\"";
            // regions of em, re-signed
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, 0, 0), "em[0] 00 -> 01 (leading byte)" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, 1, 1), "block type 01 -> 03" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, 1, 0), "block type 01 -> 00" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, 2, 0), "first ff of PS -> fe" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, sep / 2, 7), "middle ff of PS -> 7f" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, sep - 1, 0), "last ff of PS -> fe" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, sep, 0), "00 separator -> 01" + m, "ModifiedPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, sep + 1, 1), "DigestInfo SEQUENCE tag 30 -> 32" + m, "InvalidAsnInPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, sep + 2, 0), "DigestInfo length +-1" + m, "InvalidAsnInPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, sep + 7, 0), "a bit of the hash OID" + m, "InvalidAsnInPadding");
            int nullAt = sep + 1 + di.length - Jdk.digest(sha, msg).length - 4;
            Check.that(em[nullAt] == 0x05 && em[nullAt + 1] == 0, "NULL position");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, nullAt, 0), "NULL tag 05 -> 04" + m, "InvalidAsnInPadding");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, k - 1, 0), "last bit of the digest" + m, "ModifiedDigest");
            resigned(f, g, km, sha, msg, Bytes.flipBit(em, k - Jdk.digest(sha, msg).length, 7), "first bit of the digest" + m,
                    "ModifiedDigest");
            // DigestInfo without NULL, bare digest, short padding with trailing bytes
            byte[] digest = Jdk.digest(sha, msg);
            byte[] diNoNull = Der.sequence(Der.sequence(Der.tlv(0x06, Jdk.oid(sha))), Der.tlv(0x04, digest));
            byte[] sigNoNull = Jdk.rawPrivate(km, block(k, diNoNull));
            String jdkNoNull = Jdk.verify(sha, km, msg, sigNoNull);
            Check.that("true".equals(jdkNoNull), "the JDK accepts a DigestInfo without NULL");
            // javaVerdict: what the JDK did with this acceptable case, for the Java-compatible verification to match.
            f.add(g, "DigestInfo without the NULL parameters" + m + ", re-signed (JDK: true)", List.of("MissingNull"),
                    VectorFile.fields("msg", Bytes.hex(msg), "sig", Bytes.hex(sigNoNull)), "acceptable")
                    .put("javaVerdict", "true".equals(jdkNoNull) ? "accepted" : "rejected");
            resigned(f, g, km, sha, msg, block(k, digest), "bare digest, no DigestInfo" + m, "NoHash");
            byte[] shortPad = Bytes.concat(Bytes.of(0, 1), Bytes.filled(k - 3 - di.length - 4, 0xff), Bytes.of(0), di, new byte[4]);
            resigned(f, g, km, sha, msg, shortPad, "PS 4 bytes shorter, 4 zero bytes after the DigestInfo" + m, "ShortPadding");
            // the signature itself
            addVerify(f, g, km, sha, msg, Bytes.flipBit(sig, 0, 0), "lowest bit of the first signature byte flipped" + m,
                    List.of("ModifiedSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.flipBit(sig, k / 2, 3), "a bit in the middle of the signature flipped" + m,
                    List.of("ModifiedSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.flipBit(sig, k - 1, 0), "last bit of the signature flipped" + m,
                    List.of("ModifiedSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.slice(sig, 0, k - 1), "signature one byte short (last byte dropped)" + m,
                    List.of("SignatureLength"), false);
            addVerify(f, g, km, sha, msg, Bytes.concat(Bytes.of(0), sig), "signature one byte long (00 prepended: same number)" + m,
                    List.of("SignatureLength"), false);
            addVerify(f, g, km, sha, msg, Bytes.concat(sig, Bytes.of(0)), "signature one byte long (00 appended)" + m,
                    List.of("SignatureLength"), false);
            // the message
            addVerify(f, g, km, sha, Bytes.utf8("中国移动本机号码校验 "), sig, "message with a space appended", List.of("ModifiedMessage"),
                    false);
            addVerify(f, g, km, sha, Bytes.utf8("中国移动本机号码较验"), sig, "one character of the message changed",
                    List.of("ModifiedMessage"), false);
            addVerify(f, g, km, sha, new byte[0], sig, "empty message, signature of \"中国移动本机号码校验\"", List.of("ModifiedMessage"),
                    false);
            // another hash, another key
            for (String[] h : HASHES) {
                if (h[0].equals(sha)) continue;
                addVerify(f, g, km, sha, msg, signLikeRsaUtils(h[0], km, msg), "signature made with " + Jdk.jcaSignatureName(h[0]) + m,
                        List.of("WrongHash"), false);
            }
            addVerify(f, g, km, sha, msg, Jdk.sign("SHA-512", km, msg), "signature made with SHA512withRSA" + m, List.of("WrongHash"),
                    false);
            addVerify(f, g, km, sha, msg, signLikeRsaUtils(sha, other, msg), "signature by another " + bits + "-bit key" + m,
                    List.of("WrongKey"), false);
            // edge-case integers
            BigInteger n = km.n;
            addVerify(f, g, km, sha, msg, new byte[k], "s = 0 (all-zero signature)", List.of("InvalidSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.i2osp(BigInteger.ONE, k), "s = 1", List.of("InvalidSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.i2osp(n.subtract(BigInteger.ONE), k), "s = n-1", List.of("InvalidSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.i2osp(n, k), "s = n", List.of("InvalidSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.i2osp(n.add(BigInteger.ONE), k), "s = n+1", List.of("InvalidSignature"), false);
            addVerify(f, g, km, sha, msg, Bytes.filled(k, 0xff), "s = ff..ff (k bytes)", List.of("InvalidSignature"), false);
            addVerify(f, g, km, sha, msg, new byte[0], "empty signature", List.of("InvalidSignature"), false);
            BigInteger sPlusN = Bytes.os2ip(sig).add(n);
            if (sPlusN.bitLength() <= 8 * k) {
                addVerify(f, g, km, sha, msg, Bytes.i2osp(sPlusN, k), "s + n for the valid s" + m, List.of("SignatureMalleability"),
                        false);
            } else {
                addVerify(f, g, km, sha, msg, Bytes.i2osp(sPlusN, k + 1), "s + n for the valid s (k+1 bytes)" + m,
                        List.of("SignatureMalleability", "SignatureLength"), false);
            }
        }
        return f;
    }

    /** 00 01 ff..ff 00 payload, k bytes. */
    private static byte[] block(int k, byte[] payload) {
        return Bytes.concat(Bytes.of(0, 1), Bytes.filled(k - 3 - payload.length, 0xff), Bytes.of(0), payload);
    }

    private static void resigned(VectorFile f, Map<String, Object> g, KeyMaterial km, String sha, byte[] msg, byte[] em,
                                 String comment, String flag) throws Exception {
        Check.that(em.length == km.k && Bytes.os2ip(em).compareTo(km.n) < 0, "modified em fits the modulus");
        byte[] sig = Jdk.rawPrivate(km, em);
        Check.equal(em, Jdk.rawPublic(km, sig), "re-signed block round trip");
        addVerify(f, g, km, sha, msg, sig, comment + ", re-signed", List.of(flag), false);
    }

    private static void addVerify(VectorFile f, Map<String, Object> g, KeyMaterial km, String sha, byte[] msg, byte[] sig,
                                  String comment, List<String> flags, boolean valid) throws Exception {
        String jdk = Jdk.verify(sha, km, msg, sig);
        if (valid) {
            Check.that(jdk.equals("true"), "JDK accepts the valid signature: " + comment);
        } else {
            Check.that(!jdk.equals("true"), "JDK rejects: " + comment);
            if (sha.equals("MD5") && sig.length == km.k) {
                Check.that(!RsaUtils.verify(msg, km.publicRsaUtils, org.apache.commons.codec.binary.Base64.encodeBase64String(sig)),
                        "RsaUtils.verify rejects: " + comment);
            }
        }
        String c = valid ? comment : comment + (jdk.equals("false") ? " (JDK: false)" : " (JDK: " + jdk + ")");
        f.add(g, c, flags, VectorFile.fields("msg", Bytes.hex(msg), "sig", Bytes.hex(sig)), valid ? "valid" : "invalid");
    }
}
