package rsautils.vectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.crypto.Cipher;

/**
 * Vectors/rsa_pkcs1_padding_test.json: PKCS#1 v1.5 blocks. Type 2 with a fixed PS (ct from JDK NoPadding,
 * checked by JDK PKCS1Padding decryption), type 1 (JDK Cipher "RSA" with the private key), DigestInfo of
 * every hash (JDK Signature, em recovered with NoPadding) and malformed blocks the JDK rejects.
 */
final class PaddingVectors {
    private PaddingVectors() {}

    private static final String[] HASHES = {"MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"};

    static VectorFile build(KeyPool pool) throws Exception {
        VectorFile f = new VectorFile("rsa_pkcs1_padding_test.json", "RSA-PKCS1-v1_5-Padding", "rsa_pkcs1_padding_schema_v1.json",
                "PKCS#1 v1.5 padding blocks for 512-, 1024-, 2048- and 3072-bit keys: Pkcs1EncryptType2 (em = 00 02 ps 00 msg with the",
                "recorded ps, ct = JDK RSA/ECB/NoPadding of em, checked by JDK PKCS1Padding decryption), Pkcs1EncryptType1 (JDK",
                "Cipher \"RSA\" ENCRYPT_MODE with the private key, em recovered with NoPadding and the public key),",
                "Pkcs1DigestInfo (JDK Signature MD5/SHA-1/SHA-256/SHA-384/SHA-512 withRSA, em recovered with NoPadding; hashes",
                "whose DigestInfo does not fit a 512-bit key are left out there, as the JDK cannot sign them), and",
                "Pkcs1DecryptMalformed (blocks and ciphertexts that JDK Cipher \"RSA\" decryption rejects; the comment names",
                "the exception the JDK threw).");
        notes(f);
        Random rnd = new Random(0x504b4353L); // "PKCS"
        List<KeyMaterial> keys = new ArrayList<>();
        for (int bits : new int[] {512, 1024, 2048, 3072}) {
            // A modulus below 0xf0.. leaves room for c + n < 256^k (the "not reduced" ciphertext case).
            keys.add(pool.find(bits, k -> (k.n.shiftRight(k.bits - 8).intValue() & 0xff) < 0xf0, "with top byte < 0xf0"));
        }
        for (KeyMaterial km : keys) type2(f, km, rnd);
        for (KeyMaterial km : keys) type1(f, km, rnd);
        for (KeyMaterial km : keys) digestInfo(f, km);
        for (KeyMaterial km : keys) malformed(f, km, rnd);
        return f;
    }

    private static void notes(VectorFile f) {
        f.note("Normal", "BASIC", "A regular block with a pseudorandom message and padding string.");
        f.note("EmptyMessage", "EDGE_CASE", "The message is empty: the block is all padding.");
        f.note("MaxMessageLength", "EDGE_CASE", "The message has k-11 bytes, the most PKCS#1 v1.5 allows (PS of exactly 8 bytes).");
        f.note("MessageLeadingZeros", "EDGE_CASE", "The message starts with zero bytes, right after the 00 separator: a decoder must "
                + "split at the first zero after PS and keep these.");
        f.note("SpecialCasePadding", "FUNCTIONALITY", "The padding string is not random (all ff, all 01); the block is still valid.");
        f.note("Sslv23Padding", "FUNCTIONALITY", "PS ends with eight 03 bytes (the SSLv2 rollback marker); PKCS#1 decryption must accept it.");
        f.note("Deterministic", "BASIC", "Type 1 (private-key 'encryption', RsaUtils encryptByPrivateKey) is deterministic: "
                + "PS is ff bytes, so the ciphertext must match byte for byte.");
        f.note("DigestInfo", "BASIC", "em = 00 01 ff..ff 00 DigestInfo(hash(msg)) of a JDK Signature; digestInfo is the DER "
                + "SEQUENCE { AlgorithmIdentifier (OID, NULL), OCTET STRING digest }.");
        f.note("WrongBlockType", "CONFIDENTIALITY", "The block type is not the one the operation expects (private decryption expects "
                + "02, public decryption expects 01).");
        f.note("FirstByteNotZero", "CONFIDENTIALITY", "The block does not start with 00.");
        f.note("ZeroInPadding", "CONFIDENTIALITY", "A zero byte inside the first 8 bytes of PS: the separator would come too early.");
        f.note("ShortPadding", "CONFIDENTIALITY", "PS is shorter than 8 bytes.");
        f.note("NoSeparator", "CONFIDENTIALITY", "There is no 00 byte after the padding string.");
        f.note("PaddingNotFF", "AUTH_BYPASS", "A type-1 padding string with a byte other than ff.");
        f.note("CiphertextLength", "CONFIDENTIALITY", "The ciphertext is not k bytes (empty, k-1, k+1).");
        f.note("CiphertextNotReduced", "CONFIDENTIALITY", "The ciphertext, read as a number, is not below n.");
        f.note("SpecialCiphertext", "EDGE_CASE", "The ciphertext is 0, 1 or n-1 (em is 0, 1 or n-1).");
        f.note("PrependedZero", "KNOWN_BUG", "A 00 byte prepended to a valid ciphertext (CVE-2020-14967: a decoder that drops leading "
                + "zeros accepts it). The JDK rejects it: longer than k bytes.");
    }

    private static Map<String, Object> group(VectorFile f, String type, KeyMaterial km) {
        Map<String, Object> g = f.group(type);
        km.putKeyFields(g);
        return g;
    }

    // MARK: - type 2

    private static void type2(VectorFile f, KeyMaterial km, Random rnd) throws Exception {
        Map<String, Object> g = group(f, "Pkcs1EncryptType2", km);
        int k = km.k;
        addType2(f, g, km, new byte[0], Bytes.randomNonZero(rnd, k - 3), "empty message", "EmptyMessage");
        addType2(f, g, km, Bytes.random(rnd, 1), Bytes.randomNonZero(rnd, k - 4), "1-byte message", "Normal");
        addType2(f, g, km, Bytes.utf8("13800138000"), Bytes.randomNonZero(rnd, k - 14),
                "phone number \"13800138000\" (what encryptedDataOnJava encrypts)", "Normal");
        addType2(f, g, km, Bytes.random(rnd, 32), Bytes.randomNonZero(rnd, k - 35), "32-byte message", "Normal");
        addType2(f, g, km, Bytes.random(rnd, k - 12), Bytes.randomNonZero(rnd, 9), "k-12 bytes (PS of 9 bytes)", "Normal");
        addType2(f, g, km, Bytes.random(rnd, k - 11), Bytes.randomNonZero(rnd, 8), "k-11 bytes (PS of 8 bytes)", "MaxMessageLength");
        addType2(f, g, km, Bytes.filled(k - 11, 0), Bytes.randomNonZero(rnd, 8), "k-11 zero bytes", "MaxMessageLength",
                "MessageLeadingZeros");
        addType2(f, g, km, Bytes.concat(Bytes.of(0, 0, 0), Bytes.random(rnd, 13)), Bytes.randomNonZero(rnd, k - 19),
                "message 00 00 00 followed by 13 bytes", "MessageLeadingZeros");
        addType2(f, g, km, Bytes.random(rnd, 16), Bytes.filled(k - 19, 0xff), "PS all ff", "SpecialCasePadding");
        addType2(f, g, km, Bytes.random(rnd, 16), Bytes.filled(k - 19, 0x01), "PS all 01", "SpecialCasePadding");
        addType2(f, g, km, Bytes.filled(k - 11, 0xff), Bytes.filled(8, 0xff), "k-11 ff bytes, PS all ff (largest em)",
                "SpecialCasePadding", "MaxMessageLength");
        addType2(f, g, km, Bytes.random(rnd, 20), Bytes.concat(Bytes.randomNonZero(rnd, k - 31), Bytes.filled(8, 0x03)),
                "PS ending in eight 03 bytes", "Sslv23Padding");
        addType2(f, g, km, Bytes.utf8("中国移动"), Bytes.randomNonZero(rnd, k - 3 - 12), "UTF-8 \"中国移动\"", "Normal");
    }

    private static void addType2(VectorFile f, Map<String, Object> g, KeyMaterial km, byte[] msg, byte[] ps, String comment,
                                 String... flags) throws Exception {
        Check.that(ps.length >= 8 && ps.length == km.k - 3 - msg.length, "PS length");
        for (byte b : ps) Check.that(b != 0, "PS has no zero byte");
        byte[] em = Bytes.concat(Bytes.of(0, 2), ps, Bytes.of(0), msg);
        byte[] ct = Jdk.rawEncrypt(km, em);
        Check.equal(msg, Jdk.pkcs1(Cipher.DECRYPT_MODE, km.privateKey, ct), "JDK PKCS1Padding decrypts the type-2 ct");
        Check.equal(em, Jdk.rawPrivate(km, ct), "NoPadding private decryption gives em back");
        f.add(g, comment, List.of(flags), VectorFile.fields("msg", Bytes.hex(msg), "ps", Bytes.hex(ps), "em", Bytes.hex(em),
                "ct", Bytes.hex(ct)), "valid");
    }

    // MARK: - type 1

    private static void type1(VectorFile f, KeyMaterial km, Random rnd) throws Exception {
        Map<String, Object> g = group(f, "Pkcs1EncryptType1", km);
        int k = km.k;
        addType1(f, g, km, new byte[0], "empty message", "EmptyMessage");
        addType1(f, g, km, Bytes.of(0x61), "1-byte message 'a'", "Deterministic");
        addType1(f, g, km, Bytes.utf8("13800138000"), "phone number \"13800138000\"", "Deterministic");
        addType1(f, g, km, Bytes.utf8("中国移动本机号码校验"), "UTF-8 \"中国移动本机号码校验\"", "Deterministic");
        addType1(f, g, km, Bytes.filled(20, 0), "20 zero bytes", "Deterministic", "MessageLeadingZeros");
        addType1(f, g, km, Bytes.random(rnd, k - 12), "k-12 bytes", "Deterministic");
        addType1(f, g, km, Bytes.random(rnd, k - 11), "k-11 bytes (PS of 8 ff bytes)", "Deterministic", "MaxMessageLength");
    }

    private static void addType1(VectorFile f, Map<String, Object> g, KeyMaterial km, byte[] msg, String comment, String... flags)
            throws Exception {
        byte[] ct = Jdk.pkcs1(Cipher.ENCRYPT_MODE, km.privateKey, msg);
        Check.equal(ct, Jdk.pkcs1(Cipher.ENCRYPT_MODE, km.privateKey, msg), "type 1 is deterministic");
        byte[] em = Jdk.rawPublic(km, ct);
        byte[] expectedEm = Bytes.concat(Bytes.of(0, 1), Bytes.filled(km.k - 3 - msg.length, 0xff), Bytes.of(0), msg);
        Check.equal(expectedEm, em, "type-1 em = 00 01 ff..ff 00 msg");
        Check.equal(msg, Jdk.pkcs1(Cipher.DECRYPT_MODE, km.publicKey, ct), "JDK public decryption of the type-1 ct");
        f.add(g, comment, List.of(flags), VectorFile.fields("msg", Bytes.hex(msg), "em", Bytes.hex(em), "ct", Bytes.hex(ct)), "valid");
    }

    // MARK: - DigestInfo

    private static void digestInfo(VectorFile f, KeyMaterial km) throws Exception {
        Map<String, Object> g = group(f, "Pkcs1DigestInfo", km);
        String[][] messages = {{"", "empty message"}, {"abc", "\"abc\""}, {"中国移动本机号码校验", "UTF-8 \"中国移动本机号码校验\""}};
        for (String sha : HASHES) {
            int diLen = Jdk.digestInfo(sha, Jdk.digest(sha, new byte[0])).length;
            if (diLen > km.k - 11) {
                Check.throwsException(() -> Jdk.sign(sha, km, new byte[0]), sha + " DigestInfo does not fit " + km.bits + " bits");
                continue;
            }
            for (String[] m : messages) {
                byte[] msg = Bytes.utf8(m[0]);
                byte[] sig = Jdk.sign(sha, km, msg);
                Check.that("true".equals(Jdk.verify(sha, km, msg, sig)), "JDK verifies its signature");
                byte[] em = Jdk.rawPublic(km, sig);
                Check.that(em[0] == 0 && em[1] == 1, "em starts 00 01");
                int sep = 2;
                while (em[sep] == (byte) 0xff) sep++;
                Check.that(em[sep] == 0 && sep >= 10, "ff padding then 00");
                byte[] di = Bytes.slice(em, sep + 1, em.length);
                Check.equal(Jdk.digestInfo(sha, Jdk.digest(sha, msg)), di, "DigestInfo = DER prefix + MessageDigest");
                f.add(g, sha + ", " + m[1], List.of("DigestInfo"), VectorFile.fields("sha", sha, "msg", Bytes.hex(msg),
                        "digestInfo", Bytes.hex(di), "em", Bytes.hex(em), "sig", Bytes.hex(sig)), "valid");
            }
        }
    }

    // MARK: - malformed

    private static void malformed(VectorFile f, KeyMaterial km, Random rnd) throws Exception {
        Map<String, Object> g = group(f, "Pkcs1DecryptMalformed", km);
        int k = km.k;
        byte[] msg = Bytes.random(rnd, 16);
        int psLen = k - 19;

        // privateDecrypt: expects type 2
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 1), Bytes.filled(psLen, 0xff), Bytes.of(0), msg),
                "block type 01 (a signature-style block) given to private decryption", "WrongBlockType");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 0), Bytes.randomNonZero(rnd, psLen), Bytes.of(0), msg),
                "block type 00", "WrongBlockType");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 3), Bytes.randomNonZero(rnd, psLen), Bytes.of(0), msg),
                "block type 03", "WrongBlockType");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 0xff), Bytes.randomNonZero(rnd, psLen), Bytes.of(0), msg),
                "block type ff", "WrongBlockType");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(1, 2), Bytes.randomNonZero(rnd, psLen), Bytes.of(0), msg),
                "first byte 01 instead of 00", "FirstByteNotZero");
        byte[] psZero = Bytes.randomNonZero(rnd, psLen);
        psZero[3] = 0;
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 2), psZero, Bytes.of(0), msg),
                "zero byte at PS index 3 (separator after 3 padding bytes)", "ZeroInPadding");
        byte[] psZero7 = Bytes.randomNonZero(rnd, psLen);
        psZero7[7] = 0;
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 2), psZero7, Bytes.of(0), msg),
                "zero byte at PS index 7 (only 7 padding bytes before it)", "ZeroInPadding");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 2), Bytes.randomNonZero(rnd, 7), Bytes.of(0),
                Bytes.random(rnd, k - 10)), "PS of 7 bytes, message of k-10 bytes", "ShortPadding");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 2, 0), Bytes.random(rnd, k - 3)),
                "PS empty (00 02 00 msg)", "ShortPadding");
        addBlock(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0, 2), Bytes.randomNonZero(rnd, k - 2)),
                "no 00 separator after PS", "NoSeparator");

        byte[] validEm = Bytes.concat(Bytes.of(0, 2), Bytes.randomNonZero(rnd, psLen), Bytes.of(0), msg);
        byte[] validCt = Jdk.rawEncrypt(km, validEm);
        Check.equal(msg, Jdk.pkcs1(Cipher.DECRYPT_MODE, km.privateKey, validCt), "the base ciphertext is valid");
        addCiphertext(f, g, km, "privateDecrypt", new byte[0], "", "empty ciphertext", "CiphertextLength");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.slice(validCt, 0, k - 1), "",
                "valid ciphertext with its last byte cut off (k-1 bytes)", "CiphertextLength");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.concat(validCt, Bytes.of(0)), "",
                "valid ciphertext with a 00 byte appended (k+1 bytes)", "CiphertextLength");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.concat(Bytes.of(0), validCt), Bytes.hex(validEm),
                "valid ciphertext with a 00 byte prepended (k+1 bytes, same number)", "CiphertextLength", "PrependedZero");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.i2osp(km.n, k), "", "ct = n", "CiphertextNotReduced");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.filled(k, 0xff), "", "ct = ff..ff (k bytes, > n)", "CiphertextNotReduced");
        // c + n: the same residue as a valid ciphertext, but not reduced
        byte[] em2 = null, ct2 = null;
        BigInteger limit = BigInteger.ONE.shiftLeft(8 * k).subtract(km.n);
        for (int i = 0; i < 10_000 && ct2 == null; i++) {
            byte[] cand = Bytes.concat(Bytes.of(0, 2), Bytes.randomNonZero(rnd, psLen), Bytes.of(0), msg);
            byte[] c = Jdk.rawEncrypt(km, cand);
            if (Bytes.os2ip(c).compareTo(limit) < 0) {
                em2 = cand;
                ct2 = Bytes.i2osp(Bytes.os2ip(c).add(km.n), k);
            }
        }
        Check.that(ct2 != null, "found c with c + n < 256^k");
        addCiphertext(f, g, km, "privateDecrypt", ct2, Bytes.hex(em2), "ct = c + n for a valid ciphertext c (k bytes, not reduced)",
                "CiphertextNotReduced");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.i2osp(BigInteger.ZERO, k), Bytes.hex(new byte[k]), "ct = 0 (em = 0)",
                "SpecialCiphertext");
        addCiphertext(f, g, km, "privateDecrypt", Bytes.i2osp(BigInteger.ONE, k), Bytes.hex(Bytes.i2osp(BigInteger.ONE, k)),
                "ct = 1 (em = 1)", "SpecialCiphertext");
        byte[] nm1 = Bytes.i2osp(km.n.subtract(BigInteger.ONE), k);
        addCiphertext(f, g, km, "privateDecrypt", nm1, Bytes.hex(nm1), "ct = n-1 (em = n-1, as d is odd)", "SpecialCiphertext");

        // publicDecrypt: expects type 1
        addBlock(f, g, km, "publicDecrypt", validEm, "block type 02 (an encryption block) given to public decryption",
                "WrongBlockType");
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(0, 0), Bytes.filled(psLen, 0xff), Bytes.of(0), msg),
                "block type 00", "WrongBlockType");
        byte[] interrupted = Bytes.filled(psLen, 0xff);
        interrupted[psLen / 2] = 0x12;
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(0, 1), interrupted, Bytes.of(0), msg),
                "ff padding interrupted by a 12 byte in the middle", "PaddingNotFF");
        byte[] lastNotFF = Bytes.filled(psLen, 0xff);
        lastNotFF[psLen - 1] = (byte) 0xfe;
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(0, 1), lastNotFF, Bytes.of(0), msg),
                "last padding byte fe instead of ff", "PaddingNotFF");
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(0, 1), Bytes.filled(k - 2, 0xff)), "ff padding without a 00 separator",
                "NoSeparator");
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(0, 1), Bytes.filled(7, 0xff), Bytes.of(0), Bytes.random(rnd, k - 10)),
                "PS of 7 ff bytes", "ShortPadding");
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(0, 1, 0), Bytes.random(rnd, k - 3)), "PS empty (00 01 00 msg)",
                "ShortPadding");
        addBlock(f, g, km, "publicDecrypt", Bytes.concat(Bytes.of(1, 1), Bytes.filled(psLen, 0xff), Bytes.of(0), msg),
                "first byte 01 instead of 00", "FirstByteNotZero");
        byte[] t1ct = Jdk.pkcs1(Cipher.ENCRYPT_MODE, km.privateKey, msg);
        addCiphertext(f, g, km, "publicDecrypt", Bytes.concat(t1ct, Bytes.of(0)), "",
                "valid type-1 ciphertext with a 00 byte appended (k+1 bytes)", "CiphertextLength");
        addCiphertext(f, g, km, "publicDecrypt", Bytes.i2osp(km.n, k), "", "ct = n", "CiphertextNotReduced");
    }

    /** A malformed block: ct = raw RSA of em with the key the mode's counterpart uses; the JDK must reject ct. */
    private static void addBlock(VectorFile f, Map<String, Object> g, KeyMaterial km, String mode, byte[] em, String comment,
                                 String... flags) throws Exception {
        Check.that(em.length == km.k, "malformed em is k bytes");
        byte[] ct = mode.equals("privateDecrypt") ? Jdk.rawEncrypt(km, em) : Jdk.rawPrivate(km, em);
        Check.equal(em, mode.equals("privateDecrypt") ? Jdk.rawPrivate(km, ct) : Jdk.rawPublic(km, ct), "em round trip");
        addCiphertext(f, g, km, mode, ct, Bytes.hex(em), comment, flags);
    }

    private static void addCiphertext(VectorFile f, Map<String, Object> g, KeyMaterial km, String mode, byte[] ct, String emHex,
                                      String comment, String... flags) throws Exception {
        String thrown = Check.throwsException(() -> Jdk.pkcs1(Cipher.DECRYPT_MODE,
                mode.equals("privateDecrypt") ? km.privateKey : km.publicKey, ct), mode + ": " + comment);
        f.add(g, comment + " (JDK: " + thrown + ")", List.of(flags), VectorFile.fields("mode", mode, "em", emHex,
                "ct", Bytes.hex(ct)), "invalid");
    }
}
