import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import org.apache.commons.codec.binary.Base64;

/**
 * Writes jdk_fixtures.json: keys, signatures and ciphertexts made by the JDK (and commons-codec),
 * the independent known answers of the RSA unit tests.
 *
 * Regenerate (from the package root):
 *   javac -cp /usr/share/java/commons-codec.jar -d /tmp/jdkfix Tests/RSATests/Fixtures/JDKFixtures.java
 *   java -cp /tmp/jdkfix:/usr/share/java/commons-codec.jar JDKFixtures > Tests/RSATests/Fixtures/jdk_fixtures.json
 */
public class JDKFixtures {
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x & 0xff));
        return sb.toString();
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** The RsaUtils chunk loop with a given block size. */
    static byte[] chunked(Cipher cipher, byte[] data, int block) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += block) {
            out.write(cipher.doFinal(data, off, Math.min(block, data.length - off)));
        }
        return out.toByteArray();
    }

    /** commons-codec chunked Base64 (CRLF every 76 chars), as some RsaUtils copies print keys. */
    static String crlf(byte[] der) {
        return new String(Base64.encodeBase64Chunked(der), StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) throws Exception {
        byte[][] messages = {
            new byte[0],
            "a".getBytes(StandardCharsets.UTF_8),
            "中国移动本机号码校验 getToken".getBytes(StandardCharsets.UTF_8),
            "{\"appId\":\"300011\",\"msgId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
        };
        byte[] longText = new byte[5000];
        for (int i = 0; i < longText.length; i++) longText[i] = (byte) ("RsaUtils 中文 ".getBytes(StandardCharsets.UTF_8)[i % 16]);
        String[] algs = {"MD5withRSA", "SHA1withRSA", "SHA256withRSA"};
        int[] sizes = {512, 1024, 2048};

        StringBuilder out = new StringBuilder();
        out.append("{\n  \"generator\": \"Tests/RSATests/Fixtures/JDKFixtures.java\",\n");
        out.append("  \"java\": ").append(q(System.getProperty("java.version"))).append(",\n");
        out.append("  \"longPlaintextHex\": ").append(q(hex(longText))).append(",\n");
        out.append("  \"messagesHex\": [");
        for (int i = 0; i < messages.length; i++) out.append(i == 0 ? "" : ", ").append(q(hex(messages[i])));
        out.append("],\n  \"keys\": [\n");
        for (int s = 0; s < sizes.length; s++) {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(sizes[s]);
            KeyPair kp = kpg.generateKeyPair();
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kp.getPrivate();
            byte[] pub = kp.getPublic().getEncoded();
            byte[] prv = priv.getEncoded();
            int k = (sizes[s] + 7) / 8;
            out.append("    {\n      \"bits\": ").append(sizes[s]).append(",\n");
            out.append("      \"publicKey\": ").append(q(Base64.encodeBase64String(pub))).append(",\n");
            out.append("      \"privateKey\": ").append(q(Base64.encodeBase64String(prv))).append(",\n");
            out.append("      \"publicKeyCRLF\": ").append(q(crlf(pub))).append(",\n");
            out.append("      \"privateKeyCRLF\": ").append(q(crlf(prv))).append(",\n");
            out.append("      \"modulusHex\": ").append(q(hex(priv.getModulus().toByteArray()))).append(",\n");
            out.append("      \"prime1Hex\": ").append(q(hex(priv.getPrimeP().toByteArray()))).append(",\n");
            out.append("      \"prime2Hex\": ").append(q(hex(priv.getPrimeQ().toByteArray()))).append(",\n");
            out.append("      \"privateExponentHex\": ").append(q(hex(priv.getPrivateExponent().toByteArray()))).append(",\n");
            out.append("      \"signatures\": [");
            boolean first = true;
            for (String alg : algs) {
                for (int m = 0; m < messages.length; m++) {
                    Signature sig = Signature.getInstance(alg);
                    sig.initSign(priv);
                    sig.update(messages[m]);
                    out.append(first ? "\n" : ",\n").append("        {\"alg\": ").append(q(alg))
                        .append(", \"message\": ").append(m).append(", \"signature\": ")
                        .append(q(Base64.encodeBase64String(sig.sign()))).append("}");
                    first = false;
                }
            }
            out.append("\n      ],\n");
            // Private-key "encryption" (type 1) of the long text, blocks of k-11: deterministic.
            Cipher enc1 = Cipher.getInstance("RSA");
            enc1.init(Cipher.ENCRYPT_MODE, priv);
            out.append("      \"encryptByPrivateKey\": ").append(q(Base64.encodeBase64String(chunked(enc1, longText, k - 11)))).append(",\n");
            // Public-key encryption (type 2, random) at several lengths; Swift must decrypt them.
            out.append("      \"encryptByPublicKey\": [");
            int[] lengths = {0, 1, k - 12, k - 11, k - 10, 2 * (k - 11), 2 * (k - 11) + 1, 5000};
            for (int i = 0; i < lengths.length; i++) {
                Cipher enc2 = Cipher.getInstance("RSA");
                enc2.init(Cipher.ENCRYPT_MODE, kp.getPublic());
                byte[] plain = java.util.Arrays.copyOf(longText, lengths[i]);
                out.append(i == 0 ? "\n" : ",\n").append("        {\"length\": ").append(lengths[i])
                    .append(", \"ciphertext\": ").append(q(Base64.encodeBase64String(chunked(enc2, plain, k - 11)))).append("}");
            }
            out.append("\n      ]\n    }").append(s + 1 < sizes.length ? ",\n" : "\n");
        }
        out.append("  ]\n}\n");
        System.out.print(out);
    }
}
