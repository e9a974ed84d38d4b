package com.sample.instance;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "instance methods": a service object (public no-argument constructor) whose
 * methods are not static; {@code void genKeyPair(int)} stores the keys in static fields read by
 * {@code getPublicKeyString()}/{@code getPrivateKeyString()}; String in/out, UTF-8, MD5withRSA,
 * blocks 117/128, KeyFactory per call. Expected: compatible.
 */
public class RsaService {
    private static String publicKeyString;
    private static String privateKeyString;

    public RsaService() {
    }

    public void genKeyPair(int keySize) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(keySize);
        KeyPair pair = generator.generateKeyPair();
        publicKeyString = Base64.encodeBase64String(pair.getPublic().getEncoded());
        privateKeyString = Base64.encodeBase64String(pair.getPrivate().getEncoded());
    }

    public String getPublicKeyString() {
        return publicKeyString;
    }

    public String getPrivateKeyString() {
        return privateKeyString;
    }

    private byte[] doFinal(Cipher cipher, byte[] data, int block) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (offset < data.length) {
            int length = Math.min(block, data.length - offset);
            out.write(cipher.doFinal(data, offset, length));
            offset += length;
        }
        return out.toByteArray();
    }

    public String encryptByPublicKey(String data, String publicKey) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        return Base64.encodeBase64String(doFinal(cipher, data.getBytes("UTF-8"), 117));
    }

    public String decryptByPrivateKey(String data, String privateKey) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        return new String(doFinal(cipher, Base64.decodeBase64(data), 128), "UTF-8");
    }

    public String sign(String data, String privateKey) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        s.update(data.getBytes("UTF-8"));
        return Base64.encodeBase64String(s.sign());
    }

    public boolean verify(String data, String publicKey, String sign) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        s.update(data.getBytes("UTF-8"));
        return s.verify(Base64.decodeBase64(sign));
    }
}
