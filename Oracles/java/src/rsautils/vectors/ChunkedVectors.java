package rsautils.vectors;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.crypto.Cipher;

import rsautils.oracle.RsaUtils;

/**
 * Vectors/rsautils_chunked_test.json: RsaUtils-style chunked encryption (cut the input into encryptBlock-byte
 * slices, Cipher "RSA" doFinal each, concatenate) and decryption (decryptBlock-byte slices), with both key roles.
 * Type 2 blocks are built here as 00 02 PS 00 chunk with a recorded PS and encrypted with NoPadding; type 1 is the
 * JDK's deterministic output. Every case is checked by the JDK's own chunk loop.
 */
final class ChunkedVectors {
    private ChunkedVectors() {}

    private record Spec(int bits, String encryptKey, int encryptBlock, int decryptBlock, String why, String flag) {}

    static VectorFile build(KeyPool pool) throws Exception {
        VectorFile f = new VectorFile("rsautils_chunked_test.json", "RsaUtils-Chunked", "rsautils_chunked_schema_v1.json",
                "RsaUtils chunked encryption: encryptByPublicKey / encryptByPrivateKey cut the input into encryptBlock-byte",
                "slices and encrypt each with Cipher \"RSA\" (PKCS#1 v1.5: type 2 with the public key, type 1 with the private",
                "key); decryptByPrivateKey / decryptByPublicKey cut the ciphertext into decryptBlock-byte slices. Keys of 512,",
                "1024, 2048, 3072 and 4096 bits, both roles, blocks k-11/k, the RsaUtils constants 117/128 (also with 2048-bit keys,",
                "where decryption fails with BadPaddingException) and a 1024-bit key with block 245 (IllegalBlockSizeException).",
                "Type-2 ciphertexts use the recorded ps (one per block) and JDK RSA/ECB/NoPadding; every case is checked with",
                "the JDK chunk loop (and RsaUtils itself for 117/128).");
        notes(f);
        Random rnd = new Random(0x43484e4bL); // "CHNK"
        List<Spec> specs = List.of(
                new Spec(512, "public", 53, 64, "k-11/k", "KeySizedBlocks"),
                new Spec(512, "private", 53, 64, "k-11/k", "KeySizedBlocks"),
                new Spec(1024, "public", 117, 128, "the RsaUtils constants = k-11/k", "RsaUtilsConstants"),
                new Spec(1024, "private", 117, 128, "the RsaUtils constants = k-11/k", "RsaUtilsConstants"),
                new Spec(1024, "public", 100, 128, "a smaller encrypt block", "SmallerBlock"),
                new Spec(2048, "public", 245, 256, "k-11/k", "KeySizedBlocks"),
                new Spec(2048, "private", 245, 256, "k-11/k", "KeySizedBlocks"),
                new Spec(2048, "public", 117, 128, "the RsaUtils constants kept with a 2048-bit key", "RsaUtilsConstants"),
                new Spec(2048, "private", 117, 128, "the RsaUtils constants kept with a 2048-bit key", "RsaUtilsConstants"),
                new Spec(1024, "public", 245, 128, "the 2048-bit encrypt block used with a 1024-bit key", "EncryptBlockTooLarge"),
                new Spec(1024, "private", 245, 256, "2048-bit blocks used with a 1024-bit key", "EncryptBlockTooLarge"),
                new Spec(4096, "public", 501, 512, "k-11/k", "KeySizedBlocks"),
                new Spec(4096, "private", 501, 512, "k-11/k", "KeySizedBlocks"));
        for (Spec s : specs) group(f, pool.get(s.bits(), 0), s, rnd);
        // a second 1024-bit key with the RsaUtils constants, and a 3072-bit key
        group(f, pool.get(1024, 1), new Spec(1024, "public", 117, 128, "the RsaUtils constants, second key", "RsaUtilsConstants"), rnd);
        group(f, pool.get(1024, 1), new Spec(1024, "private", 117, 128, "the RsaUtils constants, second key", "RsaUtilsConstants"), rnd);
        group(f, pool.get(3072, 0), new Spec(3072, "public", 373, 384, "k-11/k", "KeySizedBlocks"), rnd);
        group(f, pool.get(3072, 0), new Spec(3072, "private", 373, 384, "k-11/k", "KeySizedBlocks"), rnd);
        return f;
    }

    private static void notes(VectorFile f) {
        f.note("KeySizedBlocks", "BASIC", "encryptBlock = k-11 and decryptBlock = k: the blocks that fit the key.");
        f.note("RsaUtilsConstants", "BASIC", "The RsaUtils constants MAX_ENCRYPT_BLOCK = 117 and MAX_DECRYPT_BLOCK = 128 (they fit "
                + "1024-bit keys only).");
        f.note("SmallerBlock", "FUNCTIONALITY", "An encrypt block smaller than k-11: more blocks, each still k bytes of ciphertext.");
        f.note("DecryptBlockMismatch", "FUNCTIONALITY", "The ciphertext consists of k-byte blocks but is decrypted in decryptBlock-byte "
                + "slices (128 with a 2048-bit key): each slice is a number below n, only the padding check fails, so Java throws "
                + "BadPaddingException. Encryption works; decryption must fail (failsAt \"decrypt\"). An empty message still "
                + "round-trips (no slices at all).");
        f.note("EncryptBlockTooLarge", "FUNCTIONALITY", "The encrypt block is larger than k-11: a slice that long cannot be padded and "
                + "Java throws IllegalBlockSizeException (failsAt \"encrypt\", ct \"\"). Messages of at most k-11 bytes (a single "
                + "short slice) still work.");
        f.note("EmptyMessage", "EDGE_CASE", "Empty input gives empty output (the loop runs zero times), and decrypting \"\" gives \"\".");
        f.note("BlockBoundary", "EDGE_CASE", "A message length next to a multiple of the encrypt block (B-1, B, B+1, 2B, 2B+1): the "
                + "last slice is short, full, or a single byte.");
        f.note("LongMessage", "BASIC", "5,000 bytes: many blocks.");
        f.note("Utf8Text", "FUNCTIONALITY", "UTF-8 Chinese text; slices cut through multi-byte characters, which must not matter.");
        f.note("RecordedPadding", "BASIC", "Type 2: each block is 00 02 ps[i] 00 slice[i] with the recorded ps[i] (random, non-zero), "
                + "so the ciphertext is reproducible.");
        f.note("Deterministic", "BASIC", "Type 1 (private key): PS is ff bytes, the ciphertext is deterministic and must match byte for "
                + "byte (RsaUtils.encryptByPrivateKey).");
    }

    private static void group(VectorFile f, KeyMaterial km, Spec s, Random rnd) throws Exception {
        Map<String, Object> g = f.group("RsaUtilsChunked");
        km.putKeyFields(g);
        g.put("encryptKey", s.encryptKey());
        g.put("encryptBlock", s.encryptBlock());
        g.put("decryptBlock", s.decryptBlock());
        int b = s.encryptBlock();
        String text = "中国移动本机号码校验：业务方客户私钥生签，使用移动方平台公钥加密手机号码13800138000。".repeat(5);
        List<Object[]> msgs = new ArrayList<>();
        msgs.add(new Object[] {"empty message", new byte[0], "EmptyMessage"});
        msgs.add(new Object[] {"1 byte", Bytes.random(rnd, 1), null});
        if (b > km.k - 11) {
            msgs.add(new Object[] {"k-11 = " + (km.k - 11) + " bytes (one slice that fits)", Bytes.random(rnd, km.k - 11), "BlockBoundary"});
            msgs.add(new Object[] {"k-10 = " + (km.k - 10) + " bytes (one slice, too long to pad)", Bytes.random(rnd, km.k - 10),
                "BlockBoundary"});
        }
        Set<Integer> seen = new LinkedHashSet<>(List.of(0, 1, km.k - 11, km.k - 10));
        for (int len : new int[] {b - 1, b, b + 1, 2 * b, 2 * b + 1}) {
            if (b <= km.k - 11 || seen.add(len)) {
                String what = len == b - 1 ? "B-1" : len == b ? "B" : len == b + 1 ? "B+1" : len == 2 * b ? "2B" : "2B+1";
                msgs.add(new Object[] {what + " = " + len + " bytes", Bytes.random(rnd, len), "BlockBoundary"});
            }
        }
        msgs.add(new Object[] {"5,000 bytes", Bytes.random(rnd, 5000), "LongMessage"});
        byte[] utf8 = Bytes.utf8(text);
        msgs.add(new Object[] {"UTF-8 Chinese text (" + utf8.length + " bytes)", utf8, "Utf8Text"});

        for (Object[] m : msgs) {
            byte[] msg = (byte[]) m[1];
            List<String> flags = new ArrayList<>();
            flags.add(s.flag());
            if (m[2] != null) flags.add((String) m[2]);
            addCase(f, g, km, s, msg, (String) m[0] + ", " + s.encryptKey() + " key " + b + "/" + s.decryptBlock()
                    + " (" + s.why() + ")", flags, rnd);
        }
    }

    private static void addCase(VectorFile f, Map<String, Object> g, KeyMaterial km, Spec s, byte[] msg, String comment,
                                List<String> flags, Random rnd) throws Exception {
        boolean pub = s.encryptKey().equals("public");
        Key encKey = pub ? km.publicKey : km.privateKey;
        Key decKey = pub ? km.privateKey : km.publicKey;
        int b = s.encryptBlock(), d = s.decryptBlock();

        // 1. The JDK's own loop decides whether encryption works.
        byte[] jdkCt;
        try {
            jdkCt = loop(Cipher.ENCRYPT_MODE, encKey, msg, b);
        } catch (Exception e) {
            Check.that(e instanceof javax.crypto.IllegalBlockSizeException, "encryption fails with IllegalBlockSizeException: " + e);
            Check.that(b > km.k - 11 && msg.length > km.k - 11, "encryption fails only for slices longer than k-11");
            flags.add("EncryptBlockTooLarge");
            f.add(g, comment + " (JDK encrypt: " + e.getClass().getSimpleName() + ")", dedupe(flags),
                    VectorFile.fields("msg", Bytes.hex(msg), "ps", List.of(), "ct", "", "failsAt", "encrypt"), "invalid");
            return;
        }
        int blocks = (msg.length + b - 1) / b;
        Check.that(jdkCt.length == blocks * km.k, "ciphertext is k bytes per slice");

        // 2. The recorded ciphertext: type 2 from our PS and NoPadding, type 1 = the JDK's deterministic output.
        List<byte[]> psList = new ArrayList<>();
        byte[] ct;
        if (pub) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int off = 0; off < msg.length; off += b) {
                byte[] chunk = Bytes.slice(msg, off, Math.min(msg.length, off + b));
                byte[] ps = Bytes.randomNonZero(rnd, km.k - 3 - chunk.length);
                Check.that(ps.length >= 8, "PS of at least 8 bytes");
                psList.add(ps);
                out.writeBytes(Jdk.rawEncrypt(km, Bytes.concat(Bytes.of(0, 2), ps, Bytes.of(0), chunk)));
            }
            ct = out.toByteArray();
            flags.add("RecordedPadding");
        } else {
            ct = jdkCt;
            Check.equal(ct, loop(Cipher.ENCRYPT_MODE, encKey, msg, b), "type-1 chunked encryption is deterministic");
            if (b == 117) {
                Check.equal(ct, RsaUtils.encryptByPrivateKey(msg, km.privateRsaUtils), "RsaUtils.encryptByPrivateKey");
            }
            flags.add("Deterministic");
        }

        // 3. The JDK's decryption loop with decryptBlock.
        byte[] plain;
        try {
            plain = loop(Cipher.DECRYPT_MODE, decKey, ct, d);
        } catch (Exception e) {
            Check.that(e instanceof javax.crypto.BadPaddingException, "decryption fails with BadPaddingException: " + e);
            Check.that(d != km.k, "decryption fails only with a decrypt block other than k");
            Check.throwsException(() -> loop(Cipher.DECRYPT_MODE, decKey, jdkCt, d), "the JDK's own ciphertext fails too");
            if (d == 128) {
                Check.throwsException(() -> {
                    if (pub) RsaUtils.decryptByPrivateKey(ct, km.privateRsaUtils);
                    else RsaUtils.decryptByPublicKey(ct, km.publicRsaUtils);
                }, "RsaUtils decryption fails too");
            }
            flags.add("DecryptBlockMismatch");
            f.add(g, comment + " (JDK decrypt: " + e.getClass().getSimpleName() + ")", dedupe(flags),
                    VectorFile.fields("msg", Bytes.hex(msg), "ps", Bytes.hexList(psList), "ct", Bytes.hex(ct), "failsAt", "decrypt"),
                    "invalid");
            return;
        }
        Check.equal(msg, plain, "chunked decryption gives msg back");
        if (pub) Check.equal(msg, loop(Cipher.DECRYPT_MODE, decKey, jdkCt, d), "the JDK's own type-2 ciphertext decrypts too");
        if (b == 117 && d == 128 && km.bits == 1024) {
            byte[] viaRsaUtils = pub ? RsaUtils.decryptByPrivateKey(ct, km.privateRsaUtils) : RsaUtils.decryptByPublicKey(ct, km.publicRsaUtils);
            Check.equal(msg, viaRsaUtils, "RsaUtils decryption");
            if (pub) {
                Check.equal(msg, RsaUtils.decryptByPrivateKey(RsaUtils.encryptByPublicKey(msg, km.publicRsaUtils), km.privateRsaUtils),
                        "RsaUtils round trip");
            }
        }
        if (msg.length == 0 && d < km.k) flags.add("DecryptBlockMismatch");
        String c = msg.length == 0 && d < km.k ? comment + " (no slices: encryption and decryption both give empty output)" : comment;
        f.add(g, c, dedupe(flags), VectorFile.fields("msg", Bytes.hex(msg), "ps", Bytes.hexList(psList), "ct", Bytes.hex(ct)), "valid");
    }

    private static List<String> dedupe(List<String> flags) {
        return new ArrayList<>(new LinkedHashSet<>(flags));
    }

    /** The RsaUtils loop (RsaUtils.doFinalInBlocks) with a given block size: slice, doFinal each, concatenate. */
    static byte[] loop(int mode, Key key, byte[] data, int block) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(mode, key);
        int inputLen = data.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offSet = 0;
        int i = 0;
        while (inputLen - offSet > 0) {
            byte[] cache;
            if (inputLen - offSet > block) {
                cache = cipher.doFinal(data, offSet, block);
            } else {
                cache = cipher.doFinal(data, offSet, inputLen - offSet);
            }
            out.write(cache, 0, cache.length);
            i++;
            offSet = i * block;
        }
        return out.toByteArray();
    }
}
