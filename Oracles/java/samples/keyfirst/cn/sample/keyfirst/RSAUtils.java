package cn.sample.keyfirst;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

/**
 * java-check sample "key first": every method takes the key before the data
 * ({@code encryptByPublicKey(String publicKey, String text)}, {@code sign(String privateKey, String content)},
 * {@code verify(String publicKey, String data, String sign)}), String in and out, UTF-8,
 * java.util.Base64, keys in a {@code Map<String, String>} under "public"/"private", blocks 117/128,
 * SHA256withRSA. Expected: compatible, argumentOrder key-first for every role.
 */
public class RSAUtils {
    private static final int MAX_ENCRYPT_BLOCK = 117;
    private static final int MAX_DECRYPT_BLOCK = 128;

    public static Map<String, String> genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Map<String, String> keys = new HashMap<>();
        keys.put("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        keys.put("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        return keys;
    }

    private static PublicKey publicKey(String key) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key)));
    }

    private static PrivateKey privateKey(String key) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static String encryptByPublicKey(String publicKey, String text) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, publicKey(publicKey));
        return Base64.getEncoder().encodeToString(blocks(cipher, text.getBytes(StandardCharsets.UTF_8), MAX_ENCRYPT_BLOCK));
    }

    public static String decryptByPrivateKey(String privateKey, String text) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, privateKey(privateKey));
        return new String(blocks(cipher, Base64.getDecoder().decode(text), MAX_DECRYPT_BLOCK), StandardCharsets.UTF_8);
    }

    public static String sign(String privateKey, String content) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey(privateKey));
        signature.update(content.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    public static boolean verify(String publicKey, String data, String sign) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey(publicKey));
        signature.update(data.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(sign));
    }
}
