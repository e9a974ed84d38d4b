package com.sample.oaep;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "OAEP encrypt + PKCS#1 decrypt": 2048-bit keys; encryptByPublicKey uses
 * RSA/ECB/OAEPWithSHA-1AndMGF1Padding in chunks of 214 (= 256 - 42, the OAEP limit),
 * decryptByPrivateKey uses RSA/ECB/PKCS1Padding in blocks of 256; SHA256withRSA. Its own encrypt
 * → decrypt cannot round-trip, but Swift can talk to each direction. Expected: compatible with
 * encryptPadding OAEP, decryptPadding PKCS1, encryptBlock 214.
 */
public class RsaOaepUtil {
    private static final int MAX_ENCRYPT_BLOCK = 214;
    private static final int MAX_DECRYPT_BLOCK = 256;

    public static KeyPair genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static byte[] encryptByPublicKey(byte[] data, String publicKey) throws Exception {
        Key key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey)));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return blocks(cipher, data, MAX_ENCRYPT_BLOCK);
    }

    public static byte[] decryptByPrivateKey(byte[] data, String privateKey) throws Exception {
        Key key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey)));
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return blocks(cipher, data, MAX_DECRYPT_BLOCK);
    }

    public static String sign(byte[] data, String privateKey) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        s.update(data);
        return Base64.encodeBase64String(s.sign());
    }

    public static boolean verify(byte[] data, String publicKey, String sign) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        s.update(data);
        return s.verify(Base64.decodeBase64(sign));
    }
}
