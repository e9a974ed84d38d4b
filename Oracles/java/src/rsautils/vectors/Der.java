package rsautils.vectors;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Just enough DER to build PKCS#1 structures and to take PKCS#8 / SPKI apart for cross-checks. */
final class Der {
    private Der() {}

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] l = BigInteger.valueOf(len).toByteArray();
            int skip = l[0] == 0 ? 1 : 0;
            out.write(0x80 | (l.length - skip));
            out.write(l, skip, l.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    static byte[] sequence(byte[]... items) {
        return tlv(0x30, Bytes.concat(items));
    }

    /** PKCS#1 RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }. */
    static byte[] pkcs1PublicKey(BigInteger n, BigInteger e) {
        return sequence(integer(n), integer(e));
    }

    /** PKCS#1 RSAPrivateKey (version 0, two primes). */
    static byte[] pkcs1PrivateKey(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
                                  BigInteger dp, BigInteger dq, BigInteger qInv) {
        return sequence(integer(BigInteger.ZERO), integer(n), integer(e), integer(d), integer(p), integer(q),
                integer(dp), integer(dq), integer(qInv));
    }

    /** One parsed TLV: tag, content and the offset just after it. */
    record Node(int tag, byte[] content, int end) {}

    static Node read(byte[] der, int offset) {
        int tag = der[offset] & 0xff;
        int lenByte = der[offset + 1] & 0xff;
        int pos = offset + 2;
        int len;
        if (lenByte < 0x80) {
            len = lenByte;
        } else {
            int count = lenByte & 0x7f;
            len = 0;
            for (int i = 0; i < count; i++) len = (len << 8) | (der[pos++] & 0xff);
        }
        byte[] content = java.util.Arrays.copyOfRange(der, pos, pos + len);
        return new Node(tag, content, pos + len);
    }

    static List<Node> children(byte[] content) {
        List<Node> out = new ArrayList<>();
        int pos = 0;
        while (pos < content.length) {
            Node n = read(content, pos);
            out.add(n);
            pos = n.end();
        }
        return out;
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (the OCTET STRING content). */
    static byte[] pkcs1FromPkcs8(byte[] pkcs8) {
        Node top = read(pkcs8, 0);
        Check.that(top.tag() == 0x30 && top.end() == pkcs8.length, "PKCS#8 is one SEQUENCE");
        List<Node> items = children(top.content());
        Check.that(items.size() == 3 && items.get(2).tag() == 0x04, "PKCS#8 v0 without attributes");
        return items.get(2).content();
    }

    /** The RSAPublicKey inside an X.509 SubjectPublicKeyInfo (the BIT STRING content after its 00 byte). */
    static byte[] pkcs1FromSpki(byte[] spki) {
        Node top = read(spki, 0);
        Check.that(top.tag() == 0x30 && top.end() == spki.length, "SPKI is one SEQUENCE");
        List<Node> items = children(top.content());
        Check.that(items.size() == 2 && items.get(1).tag() == 0x03, "SPKI has AlgorithmIdentifier + BIT STRING");
        byte[] bits = items.get(1).content();
        Check.that(bits[0] == 0, "no unused bits");
        return java.util.Arrays.copyOfRange(bits, 1, bits.length);
    }
}
