package org.sample.mapkey;

import java.io.ByteArrayOutputStream;
import java.security.Key;
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
 * java-check sample "Map&lt;String, Key&gt;": {@code initKey()} returns the Key objects under its own
 * names ("k1"/"k2") and there is no accessor: the probe must tell them apart by type and encode
 * them. byte[] in/out, 1024 bits, MD5withRSA, blocks 117/128, keys as commons-codec strings.
 * Expected: compatible, keySource class.
 */
public class RSAUtils {
    public static Map<String, Key> initKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Map<String, Key> map = new HashMap<>();
        map.put("k1", pair.getPrivate());
        map.put("k2", pair.getPublic());
        return map;
    }

    private static byte[] chunks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += size) {
            out.write(cipher.doFinal(data, i, Math.min(size, data.length - i)));
        }
        return out.toByteArray();
    }

    public static byte[] encryptByPublicKey(byte[] data, String key) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(key))));
        return chunks(cipher, data, 117);
    }

    public static byte[] decryptByPrivateKey(byte[] data, String key) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(key))));
        return chunks(cipher, data, 128);
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
