package rsautils.vectors;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Byte and number helpers shared by the generators. Encodings follow Wycheproof. */
final class Bytes {
    private Bytes() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** HexBytes: lowercase hex, "" for an empty array. */
    static String hex(byte[] b) {
        char[] c = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            c[2 * i] = HEX[(b[i] >> 4) & 0xf];
            c[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(c);
    }

    static byte[] unhex(String s) {
        if (s.length() % 2 != 0) throw new IllegalArgumentException("odd hex length");
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Wycheproof BigInt: big-endian two's complement, exactly {@code BigInteger.toByteArray()}. */
    static String bigHex(BigInteger v) {
        return hex(v.toByteArray());
    }

    static List<String> hexList(List<byte[]> list) {
        List<String> out = new ArrayList<>();
        for (byte[] b : list) out.add(hex(b));
        return out;
    }

    /** I2OSP: the unsigned big-endian value in exactly {@code len} bytes. */
    static byte[] i2osp(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        if (raw.length == len) return raw;
        byte[] out = new byte[len];
        if (raw.length > len) {
            int skip = raw.length - len;
            for (int i = 0; i < skip; i++) Check.that(raw[i] == 0, "i2osp: value too large");
            System.arraycopy(raw, skip, out, 0, len);
        } else {
            System.arraycopy(raw, 0, out, len - raw.length, raw.length);
        }
        return out;
    }

    static BigInteger os2ip(byte[] b) {
        return new BigInteger(1, b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] filled(int len, int value) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        return b;
    }

    static byte[] random(Random rnd, int len) {
        byte[] b = new byte[len];
        rnd.nextBytes(b);
        return b;
    }

    /** Random bytes none of which is zero (a PKCS#1 type-2 padding string). */
    static byte[] randomNonZero(Random rnd, int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) (1 + rnd.nextInt(255));
        return b;
    }

    /** Bytes 0, 1, 2, ... 255, 0, 1, ... (the fixed pattern of the MD5 length sweep). */
    static byte[] counting(int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) i;
        return b;
    }

    static byte[] flipBit(byte[] in, int index, int bit) {
        byte[] b = in.clone();
        b[index] ^= (byte) (1 << bit);
        return b;
    }

    static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
