package com.sample.bean;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "bean key pair": {@code generateKeyPair()} returns a bean whose
 * {@code getPublicKey()}/{@code getPrivateKey()} give the Base64 strings; other method names
 * ({@code encryptStringByPublicKey}, {@code decryptStringByPrivateKey}, {@code signature},
 * {@code verifySign}); 1024 bits, SHA1withRSA, blocks 117/128, commons-codec. Expected: compatible.
 */
public class RsaKeyHelper {
    /** The key pair as strings. */
    public static class RsaKeyPair {
        private final String publicKey;
        private final String privateKey;

        public RsaKeyPair(String publicKey, String privateKey) {
            this.publicKey = publicKey;
            this.privateKey = privateKey;
        }

        public String getPublicKey() {
            return publicKey;
        }

        public String getPrivateKey() {
            return privateKey;
        }
    }

    public static RsaKeyPair generateKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        return new RsaKeyPair(Base64.encodeBase64String(pair.getPublic().getEncoded()),
                Base64.encodeBase64String(pair.getPrivate().getEncoded()));
    }

    private static byte[] run(int mode, java.security.Key key, byte[] data, int block) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(mode, key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (data.length - offset > 0) {
            int n = Math.min(block, data.length - offset);
            out.write(cipher.doFinal(data, offset, n));
            offset += n;
        }
        return out.toByteArray();
    }

    public static String encryptStringByPublicKey(String plain, String publicKey) throws Exception {
        java.security.PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey)));
        return Base64.encodeBase64String(run(Cipher.ENCRYPT_MODE, key, plain.getBytes(StandardCharsets.UTF_8), 117));
    }

    public static String decryptStringByPrivateKey(String cipherText, String privateKey) throws Exception {
        java.security.PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey)));
        return new String(run(Cipher.DECRYPT_MODE, key, Base64.decodeBase64(cipherText), 128), StandardCharsets.UTF_8);
    }

    public static String signature(String content, String privateKey) throws Exception {
        Signature s = Signature.getInstance("SHA1withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        s.update(content.getBytes(StandardCharsets.UTF_8));
        return Base64.encodeBase64String(s.sign());
    }

    public static boolean verifySign(String content, String sign, String publicKey) throws Exception {
        Signature s = Signature.getInstance("SHA1withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        s.update(content.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.decodeBase64(sign));
    }
}
