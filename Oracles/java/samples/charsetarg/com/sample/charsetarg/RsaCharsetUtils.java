package com.sample.charsetarg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "extra charset argument": RsaUtils' methods with a trailing charset, as a name
 * (encryptByPublicKey(String data, String publicKey, String charset), decryptByPrivateKey(String,
 * String, String), verify(String data, String publicKey, String sign, String charset)) or as a
 * java.nio.charset.Charset (sign(String data, String privateKey, Charset charset)); genKeyPair()
 * returns a Map with RSAPublicKey/RSAPrivateKey objects read by getPublicKey(Map)/getPrivateKey(Map).
 * RSA/ECB/PKCS1Padding in blocks of 117/128, Base64 without line breaks, MD5withRSA. Expected:
 * compatible, keySource class, signature MD5withRSA, charset UTF-8, encryptBlock 117, data-first.
 */
public class RsaCharsetUtils {
    private static final String PUBLIC = "RSAPublicKey";
    private static final String PRIVATE = "RSAPrivateKey";

    public static Map<String, Object> genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Map<String, Object> keys = new HashMap<>();
        keys.put(PUBLIC, (RSAPublicKey) pair.getPublic());
        keys.put(PRIVATE, (RSAPrivateKey) pair.getPrivate());
        return keys;
    }

    public static String getPublicKey(Map<String, Object> keys) {
        return Base64.encodeBase64String(((RSAPublicKey) keys.get(PUBLIC)).getEncoded());
    }

    public static String getPrivateKey(Map<String, Object> keys) {
        return Base64.encodeBase64String(((RSAPrivateKey) keys.get(PRIVATE)).getEncoded());
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static String encryptByPublicKey(String data, String publicKey, String charset) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        return Base64.encodeBase64String(blocks(cipher, data.getBytes(charset), 117));
    }

    public static String decryptByPrivateKey(String data, String privateKey, String charset) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        return new String(blocks(cipher, Base64.decodeBase64(data), 128), charset);
    }

    public static String sign(String data, String privateKey, Charset charset) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        s.update(data.getBytes(charset));
        return Base64.encodeBase64String(s.sign());
    }

    public static boolean verify(String data, String publicKey, String sign, String charset) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        s.update(data.getBytes(charset));
        return s.verify(Base64.decodeBase64(sign));
    }
}
