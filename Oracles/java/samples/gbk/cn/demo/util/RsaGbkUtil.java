package cn.demo.util;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;

/**
 * java-check sample ("never seen" style): String-in/String-out methods that encode text as GBK,
 * java.util.Base64 instead of commons-codec, genKeyPair returning a KeyPair, SHA256withRSA with
 * 1024-bit keys and blocks 117/128, no private-key encryption, and an encryptedDataOnJava that
 * throws instead of failing open. Expected: compatible when the Swift side encodes text as GBK.
 */
public class RsaGbkUtil {
    private static final String CHARSET = "GBK";
    private static final int MAX_ENCRYPT_BLOCK = 117;
    private static final int MAX_DECRYPT_BLOCK = 128;

    public static KeyPair genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    public static String getPublicKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    public static String getPrivateKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    public static String sign(String data, String privateKey) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        signature.update(data.getBytes(CHARSET));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    public static boolean verify(String data, String publicKey, String sign) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        signature.update(data.getBytes(CHARSET));
        return signature.verify(Base64.getDecoder().decode(sign));
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int block) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (offset < data.length) {
            int n = Math.min(block, data.length - offset);
            out.write(cipher.doFinal(data, offset, n));
            offset += n;
        }
        return out.toByteArray();
    }

    public static String encryptByPublicKey(String data, String publicKey) throws Exception {
        Key key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getEncoder().encodeToString(blocks(cipher, data.getBytes(CHARSET), MAX_ENCRYPT_BLOCK));
    }

    public static String decryptByPrivateKey(String data, String privateKey) throws Exception {
        Key key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return new String(blocks(cipher, Base64.getDecoder().decode(data), MAX_DECRYPT_BLOCK), CHARSET);
    }

    public static String encryptedDataOnJava(String data, String publicKey) {
        try {
            return encryptByPublicKey(data, publicKey);
        } catch (Exception e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }
}
