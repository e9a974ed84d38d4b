package rsautils.vectors;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Vectors/md5_test.json: RFC 1321 A.5, every length 0..130, padding boundaries, long and streamed inputs, UTF-8 text. */
final class Md5Vectors {
    private Md5Vectors() {}

    /** RFC 1321 appendix A.5, the published digests. */
    private static final String[][] RFC1321 = {
        {"", "d41d8cd98f00b204e9800998ecf8427e"},
        {"a", "0cc175b9c0f1b6a831c399e269772661"},
        {"abc", "900150983cd24fb0d6963f7d28e17f72"},
        {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
        {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"},
        {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a"},
    };

    static VectorFile build() throws Exception {
        VectorFile f = new VectorFile("md5_test.json", "MD5", "md5_schema_v1.json",
                "MD5 (RFC 1321): the RFC 1321 A.5 suite with its published digests (checked against the JDK),",
                "every length 0..130, lengths around the padding boundaries 55/56/63/64 and 119/120/127/128 with",
                "several byte patterns, long inputs (1,000,000 x 'a' and a few MB through 'repeat'), streamed",
                "inputs split into update calls ('chunks'), and UTF-8 Chinese text. Digests: MessageDigest \"MD5\".");
        f.note("Rfc1321", "BASIC", "A test from RFC 1321 appendix A.5; the digest is the one published in the RFC.");
        f.note("LengthSweep", "BASIC", "Every message length from 0 to 130 bytes, bytes 00 01 02 ... (the byte value is the index mod 256).");
        f.note("PaddingBoundary", "EDGE_CASE", "The length is next to a padding boundary: 55 bytes is the longest message whose padding fits in "
                + "its last 64-byte block, 56..63 need an extra block, 64 fills a block exactly (and 119/120/127/128 for two blocks). "
                + "Off-by-one errors in the padding show up here.");
        f.note("LongMessage", "BASIC", "A long message, given as 'msg' repeated 'repeat' times (or literally for a few KB); checks "
                + "many blocks and a 64-bit bit-length that does not fit in 32 bits of bytes*8 for the multi-MB cases.");
        f.note("Streaming", "FUNCTIONALITY", "The message is hashed in several update calls: 'chunks' gives the sizes of the first calls "
                + "(0 means an empty update), the rest of the message goes in a final update. The digest must not depend on the split.");
        f.note("Utf8Text", "FUNCTIONALITY", "The message is UTF-8 text (Chinese, as in the getToken formula with a Chinese appKey); msg is "
                + "its UTF-8 encoding, the comment shows the text.");
        f.note("Pseudorandom", "BASIC", "Pseudorandom bytes from a fixed seed.");

        Random rnd = new Random(0x4d4435L); // "MD5"
        Map<String, Object> rfc = f.group("Md5Hash", Provenance.source("RFC 1321 appendix A.5", "April 1992"));
        for (String[] t : RFC1321) {
            byte[] msg = Bytes.ascii(t[0]);
            byte[] jdk = md5(msg);
            Check.equal(Bytes.unhex(t[1]), jdk, "RFC 1321 A.5 MD5(\"" + t[0] + "\") = JDK MessageDigest");
            f.add(rfc, "RFC 1321 A.5: MD5(\"" + t[0] + "\")", VectorFile.flags("Rfc1321"), fields(msg, null, null, jdk), "valid");
        }

        Map<String, Object> g = f.group("Md5Hash");
        for (int len = 0; len <= 130; len++) {
            byte[] msg = Bytes.counting(len);
            f.add(g, len + " bytes 00 01 02 ...", VectorFile.flags("LengthSweep"), fields(msg, null, null, md5(msg)), "valid");
        }

        int[] boundaries = {54, 55, 56, 57, 62, 63, 64, 65, 118, 119, 120, 121, 126, 127, 128, 129};
        String[] patterns = {"00", "ff", "80", "'a'", "random"};
        for (String pattern : patterns) {
            for (int len : boundaries) {
                byte[] msg = switch (pattern) {
                    case "00" -> Bytes.filled(len, 0x00);
                    case "ff" -> Bytes.filled(len, 0xff);
                    case "80" -> Bytes.filled(len, 0x80);
                    case "'a'" -> Bytes.filled(len, 'a');
                    default -> Bytes.random(rnd, len);
                };
                List<String> flags = pattern.equals("random") ? VectorFile.flags("PaddingBoundary", "Pseudorandom")
                        : VectorFile.flags("PaddingBoundary");
                String what = pattern.equals("random") ? "pseudorandom bytes" : "bytes " + pattern;
                f.add(g, len + " " + what, flags, fields(msg, null, null, md5(msg)), "valid");
            }
        }

        for (int len : new int[] {183, 184, 191, 192, 255, 256, 257, 511, 512, 1000, 1023, 1024, 1025}) {
            byte[] msg = Bytes.random(rnd, len);
            f.add(g, len + " pseudorandom bytes", VectorFile.flags("Pseudorandom"), fields(msg, null, null, md5(msg)), "valid");
        }

        // Long inputs.
        addRepeat(f, g, Bytes.ascii("a"), 1_000_000, "1,000,000 x 'a' (the classic long test; digest 7707d6ae...)");
        addRepeat(f, g, Bytes.ascii("1234567890"), 100_000, "1,000,000 bytes: '1234567890' x 100,000");
        addRepeat(f, g, Bytes.ascii("abc"), 1_000_000, "3,000,000 bytes: 'abc' x 1,000,000 (repetition not aligned to 64)");
        addRepeat(f, g, Bytes.random(rnd, 64), 65_536, "4 MiB: 64 pseudorandom bytes x 65,536");
        addRepeat(f, g, Bytes.filled(1, 0), 1 << 24, "16 MiB of zero bytes (bit length 2^27)");
        addRepeat(f, g, Bytes.random(rnd, 1000), 5_000, "5,000,000 bytes: 1,000 pseudorandom bytes x 5,000");
        for (int len : new int[] {4096, 8191}) {
            byte[] msg = Bytes.random(rnd, len);
            f.add(g, len + " pseudorandom bytes (literal)", VectorFile.flags("LongMessage", "Pseudorandom"),
                    fields(msg, null, null, md5(msg)), "valid");
        }

        // Streaming: sizes of successive updates, the rest in a final update.
        byte[] streamMsg = Bytes.random(rnd, 200);
        int[][] splits = {
            {1}, {55}, {56}, {63}, {64}, {65}, {127}, {128}, {129},
            {1, 1, 1, 1}, {55, 1}, {55, 9}, {63, 1}, {63, 2}, {64, 64}, {0, 64}, {0, 0, 10},
            {1, 55, 56, 63}, {32, 32, 32, 32, 32, 32}, {199}, {200}, {3, 5, 7, 11, 13, 17, 19, 23, 29, 31},
        };
        for (int[] split : splits) {
            List<Integer> chunks = new ArrayList<>();
            int sum = 0;
            for (int c : split) {
                chunks.add(c);
                sum += c;
            }
            Check.that(sum <= streamMsg.length, "chunks fit the message");
            Check.equal(md5(streamMsg), md5Chunked(streamMsg, split), "streamed MD5 = one-shot MD5");
            f.add(g, "200 pseudorandom bytes in updates of " + chunks + " then the rest",
                    VectorFile.flags("Streaming", "Pseudorandom"), fields(streamMsg, null, chunks, md5(streamMsg)), "valid");
        }
        for (int[] split : new int[][] {{1}, {56}, {64, 1}}) {
            byte[] msg = Bytes.counting(split.length == 1 ? 64 : 130);
            List<Integer> chunks = new ArrayList<>();
            for (int c : split) chunks.add(c);
            Check.equal(md5(msg), md5Chunked(msg, split), "streamed MD5 = one-shot MD5");
            f.add(g, msg.length + " bytes 00 01 02 ... in updates of " + chunks + " then the rest",
                    VectorFile.flags("Streaming", "LengthSweep"), fields(msg, null, chunks, md5(msg)), "valid");
        }
        for (int len : boundaries) {
            byte[] msg = Bytes.random(rnd, len);
            int[] split = {len / 2, 1};
            Check.equal(md5(msg), md5Chunked(msg, split), "streamed MD5 = one-shot MD5");
            f.add(g, len + " pseudorandom bytes in updates of [" + (len / 2) + ", 1] then the rest",
                    VectorFile.flags("Streaming", "PaddingBoundary", "Pseudorandom"), fields(msg, null, List.of(len / 2, 1), md5(msg)),
                    "valid");
        }
        byte[] streamLong = Bytes.random(rnd, 3000);
        int[] splitLong = {1000, 1, 55, 8, 64, 1};
        Check.equal(md5(streamLong), md5Chunked(streamLong, splitLong), "streamed MD5 = one-shot MD5");
        f.add(g, "3,000 pseudorandom bytes in updates of [1000, 1, 55, 8, 64, 1] then the rest",
                VectorFile.flags("Streaming", "Pseudorandom"), fields(streamLong, null,
                        List.of(1000, 1, 55, 8, 64, 1), md5(streamLong)), "valid");

        String[] texts = {
            "中国移动本机号码校验",
            "H5 本机号码校验微信小程序产品是中国移动推出的基于微信小程序提供的用户身份快捷校验产品。",
            "你好，世界",
            "参数为空",
            "3000118624985" + "a1b2c3d4e5f60718293a4b5c6d7e8f90" + "20240229123456789" + "a1b2c3d4e5f60718293a4b5c6d7e8f90"
                    + "1.0" + "中国移动测试密钥",
            "😀 emoji outside the BMP (4-byte UTF-8)",
            "中".repeat(19), // 57 bytes: just past the one-block limit
            "中国".repeat(64),
        };
        for (String text : texts) {
            byte[] msg = Bytes.utf8(text);
            String shown = text.length() > 60 ? text.substring(0, 20) + "... (" + text.length() + " chars)" : text;
            f.add(g, "UTF-8 text \"" + shown + "\" (" + msg.length + " bytes)", VectorFile.flags("Utf8Text"),
                    fields(msg, null, null, md5(msg)), "valid");
        }
        return f;
    }

    private static void addRepeat(VectorFile f, Map<String, Object> g, byte[] unit, int repeat, String comment) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        for (int i = 0; i < repeat; i++) md.update(unit);
        byte[] digest = md.digest();
        Check.equal(md5(repeated(unit, repeat)), digest, "MD5 of the repeated message: one-shot = many updates");
        Map<String, Object> t = VectorFile.fields("msg", Bytes.hex(unit), "repeat", repeat, "digest", Bytes.hex(digest));
        f.add(g, comment, VectorFile.flags("LongMessage"), t, "valid");
    }

    private static byte[] repeated(byte[] unit, int repeat) {
        byte[] out = new byte[unit.length * repeat];
        for (int i = 0; i < repeat; i++) System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        return out;
    }

    private static Map<String, Object> fields(byte[] msg, Integer repeat, List<Integer> chunks, byte[] digest) {
        Map<String, Object> m = VectorFile.fields("msg", Bytes.hex(msg));
        if (repeat != null) m.put("repeat", repeat);
        if (chunks != null) m.put("chunks", chunks);
        m.put("digest", Bytes.hex(digest));
        return m;
    }

    static byte[] md5(byte[] msg) throws Exception {
        return MessageDigest.getInstance("MD5").digest(msg);
    }

    private static byte[] md5Chunked(byte[] msg, int[] split) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        int off = 0;
        for (int c : split) {
            md.update(msg, off, c);
            off += c;
        }
        md.update(msg, off, msg.length - off);
        return md.digest();
    }
}
