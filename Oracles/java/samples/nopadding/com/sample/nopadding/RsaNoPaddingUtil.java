package com.sample.nopadding;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "no padding": like RsaUtils (genKeyPair() Map of Base64 strings, blocks 117/128,
 * MD5withRSA, byte[] data, Base64 keys) but its TRANSFORMATION constant is "RSA/ECB/NoPadding": raw
 * (textbook) RSA, the data block as a number to the power e mod n, with no random padding. Swift's
 * PKCS#1 v1.5 decryption rejects its ciphertexts, and its decryption of Swift's ciphertexts returns
 * the whole 128-byte padded block. Expected: incompatible; the finding names raw RSA without padding
 * and the fix TRANSFORMATION = "RSA/ECB/PKCS1Padding"; signatures (MD5withRSA) still agree.
 */
public class RsaNoPaddingUtil {
    private static final String TRANSFORMATION = "RSA/ECB/NoPadding";
    private static final int MAX_ENCRYPT_BLOCK = 117;
    private static final int MAX_DECRYPT_BLOCK = 128;

    public static Map<String, String> genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Map<String, String> keys = new HashMap<>();
        keys.put("publicKey", Base64.encodeBase64String(pair.getPublic().getEncoded()));
        keys.put("privateKey", Base64.encodeBase64String(pair.getPrivate().getEncoded()));
        return keys;
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static byte[] encryptByPublicKey(byte[] data, String publicKey) throws Exception {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        return blocks(cipher, data, MAX_ENCRYPT_BLOCK);
    }

    public static byte[] decryptByPrivateKey(byte[] data, String privateKey) throws Exception {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        return blocks(cipher, data, MAX_DECRYPT_BLOCK);
    }

    public static String sign(byte[] data, String privateKey) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        s.update(data);
        return Base64.encodeBase64String(s.sign());
    }

    public static boolean verify(byte[] data, String publicKey, String sign) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        s.update(data);
        return s.verify(Base64.decodeBase64(sign));
    }
}
