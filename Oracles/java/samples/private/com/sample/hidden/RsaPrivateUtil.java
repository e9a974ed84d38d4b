package com.sample.hidden;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;

/**
 * java-check sample "private methods": the RSA helpers are private (only this class can call
 * them); the one public method is unrelated. Expected: not-evaluable (exit 2), the private methods
 * listed with their visibility and not counted.
 */
public class RsaPrivateUtil {
    private static KeyPair genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    private static byte[] encryptByPublicKey(byte[] data, String publicKey) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        return cipher.doFinal(data);
    }

    private static byte[] decryptByPrivateKey(byte[] data, String privateKey) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        return cipher.doFinal(data);
    }

    protected static String sign(byte[] data, String privateKey) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        s.update(data);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    private static boolean verify(byte[] data, String publicKey, String sign) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        s.update(data);
        return s.verify(Base64.getDecoder().decode(sign));
    }

    public static String describe() throws Exception {
        KeyPair pair = genKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        byte[] plain = decryptByPrivateKey(encryptByPublicKey("self-test".getBytes("UTF-8"), publicKey), privateKey);
        return new String(plain, "UTF-8") + " " + verify(plain, publicKey, sign(plain, privateKey));
    }
}
