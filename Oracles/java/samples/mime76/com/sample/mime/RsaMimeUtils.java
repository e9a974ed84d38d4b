package com.sample.mime;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

/**
 * java-check sample "sun.misc-style Base64": copies written for JDK 6-8 used
 * {@code sun.misc.BASE64Encoder}, gone in JDK 17; this one reproduces it by hand: 57 bytes (76
 * characters) per line, a "\n" line separator after every full line and none after a shorter last
 * line ({@code encode}); keys with {@code encodeBuffer} (a separator after the last line too);
 * reading with a MIME decoder (like BASE64Decoder, it skips the line breaks). 1024 bits,
 * MD5withRSA, blocks 117/128. Expected: compatible, base64LineBreaks true, "LF every 76 characters".
 */
public class RsaMimeUtils {
    public static final String PUBLIC_KEY = "RSAPublicKey";
    public static final String PRIVATE_KEY = "RSAPrivateKey";

    /** sun.misc.BASE64Encoder.encode(byte[]) on a platform whose line.separator is "\n". */
    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < data.length; offset += 57) {
            int n = Math.min(57, data.length - offset);
            byte[] line = new byte[n];
            System.arraycopy(data, offset, line, 0, n);
            out.append(Base64.getEncoder().encodeToString(line));
            if (n == 57) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** sun.misc.BASE64Encoder.encodeBuffer(byte[]): always ends with a line separator. */
    static String encodeBuffer(byte[] data) {
        String text = encode(data);
        return text.endsWith("\n") ? text : text + "\n";
    }

    static byte[] decode(String text) {
        return Base64.getMimeDecoder().decode(text);
    }

    public static Map<String, Object> genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Map<String, Object> keyMap = new HashMap<>(2);
        keyMap.put(PUBLIC_KEY, encodeBuffer(pair.getPublic().getEncoded()));
        keyMap.put(PRIVATE_KEY, encodeBuffer(pair.getPrivate().getEncoded()));
        return keyMap;
    }

    private static byte[] blocks(int mode, Key key, byte[] data, int size) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(mode, key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static String encryptByPublicKey(String data, String publicKey) throws Exception {
        Key key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(publicKey)));
        return encode(blocks(Cipher.ENCRYPT_MODE, key, data.getBytes("UTF-8"), 117));
    }

    public static String decryptByPrivateKey(String data, String privateKey) throws Exception {
        Key key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey)));
        return new String(blocks(Cipher.DECRYPT_MODE, key, decode(data), 128), "UTF-8");
    }

    public static String sign(byte[] data, String privateKey) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey))));
        s.update(data);
        return encode(s.sign());
    }

    public static boolean verify(byte[] data, String publicKey, String sign) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(publicKey))));
        s.update(data);
        return s.verify(decode(sign));
    }
}
