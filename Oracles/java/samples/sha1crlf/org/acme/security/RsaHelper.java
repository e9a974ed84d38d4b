package org.acme.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample ("never seen" style): another package and class name, SHA1withRSA, and every
 * Base64 string written with commons-codec's encodeBase64Chunked (CRLF every 76 characters).
 * 1024-bit keys, blocks 117/128, UTF-8 text, fail-open encryptedDataOnJava. Expected: compatible.
 */
public final class RsaHelper {
    private static final String ALGORITHM = "RSA";
    private static final String SIGN_ALGORITHM = "SHA1withRSA";
    private static final int KEY_SIZE = 1024;
    private static final int ENCRYPT_CHUNK = KEY_SIZE / 8 - 11;
    private static final int DECRYPT_CHUNK = KEY_SIZE / 8;

    private RsaHelper() {}

    private static String b64(byte[] bytes) {
        return new String(Base64.encodeBase64Chunked(bytes), StandardCharsets.US_ASCII);
    }

    public static Map<String, Object> genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(KEY_SIZE);
        KeyPair pair = generator.generateKeyPair();
        Map<String, Object> keys = new HashMap<>();
        keys.put("public", pair.getPublic());
        keys.put("private", pair.getPrivate());
        return keys;
    }

    public static String getPublicKey(Map<String, Object> keys) {
        return b64(((Key) keys.get("public")).getEncoded());
    }

    public static String getPrivateKey(Map<String, Object> keys) {
        return b64(((Key) keys.get("private")).getEncoded());
    }

    private static PublicKey publicKey(String text) throws Exception {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(text)));
    }

    private static PrivateKey privateKey(String text) throws Exception {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(text)));
    }

    public static String sign(byte[] data, String privateKey) throws Exception {
        Signature s = Signature.getInstance(SIGN_ALGORITHM);
        s.initSign(privateKey(privateKey));
        s.update(data);
        return b64(s.sign());
    }

    public static boolean verify(byte[] data, String publicKey, String sign) throws Exception {
        Signature s = Signature.getInstance(SIGN_ALGORITHM);
        s.initVerify(publicKey(publicKey));
        s.update(data);
        return s.verify(Base64.decodeBase64(sign));
    }

    private static byte[] run(int mode, Key key, byte[] data, int chunk) throws Exception {
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(mode, key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += chunk) {
            out.write(cipher.doFinal(data, offset, Math.min(chunk, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static byte[] encryptByPublicKey(byte[] data, String publicKey) throws Exception {
        return run(Cipher.ENCRYPT_MODE, publicKey(publicKey), data, ENCRYPT_CHUNK);
    }

    public static byte[] decryptByPrivateKey(byte[] data, String privateKey) throws Exception {
        return run(Cipher.DECRYPT_MODE, privateKey(privateKey), data, DECRYPT_CHUNK);
    }

    public static byte[] encryptByPrivateKey(byte[] data, String privateKey) throws Exception {
        return run(Cipher.ENCRYPT_MODE, privateKey(privateKey), data, ENCRYPT_CHUNK);
    }

    public static byte[] decryptByPublicKey(byte[] data, String publicKey) throws Exception {
        return run(Cipher.DECRYPT_MODE, publicKey(publicKey), data, DECRYPT_CHUNK);
    }

    public static String encryptedDataOnJava(String data, String publicKey) {
        try {
            return b64(encryptByPublicKey(data.getBytes(StandardCharsets.UTF_8), publicKey));
        } catch (Exception e) {
            e.printStackTrace();
            return data;
        }
    }

    public static String decryptDataOnJava(String data, String privateKey) {
        try {
            return new String(decryptByPrivateKey(Base64.decodeBase64(data), privateKey), StandardCharsets.UTF_8);
        } catch (Exception e) {
            e.printStackTrace();
            return "";
        }
    }
}
