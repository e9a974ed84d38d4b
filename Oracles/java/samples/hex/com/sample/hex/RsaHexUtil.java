package com.sample.hex;

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
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "hex output": keys are Base64 (commons-codec) but ciphertexts and signatures
 * are lowercase hex strings, and decrypt/verify take hex; 1024 bits, MD5withRSA, blocks 117/128,
 * UTF-8. Expected: compatible, base64Styles "hex" for encryptByPublicKey and sign.
 */
public class RsaHexUtil {
    public static Map<String, Object> genKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Map<String, Object> map = new HashMap<>();
        map.put("RSAPublicKey", pair.getPublic());
        map.put("RSAPrivateKey", pair.getPrivate());
        return map;
    }

    public static String getPublicKey(Map<String, Object> map) {
        return Base64.encodeBase64String(((PublicKey) map.get("RSAPublicKey")).getEncoded());
    }

    public static String getPrivateKey(Map<String, Object> map) {
        return Base64.encodeBase64String(((PrivateKey) map.get("RSAPrivateKey")).getEncoded());
    }

    private static String byte2Hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            String h = Integer.toHexString(b & 0xFF);
            if (h.length() == 1) {
                sb.append('0');
            }
            sb.append(h);
        }
        return sb.toString();
    }

    private static byte[] hex2Byte(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static String encryptByPublicKey(String data, String publicKey) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        return byte2Hex(blocks(cipher, data.getBytes(StandardCharsets.UTF_8), 117));
    }

    public static String decryptByPrivateKey(String hexData, String privateKey) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        return new String(blocks(cipher, hex2Byte(hexData), 128), StandardCharsets.UTF_8);
    }

    public static String sign(String data, String privateKey) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey))));
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return byte2Hex(s.sign());
    }

    public static boolean verify(String data, String publicKey, String hexSign) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey))));
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return s.verify(hex2Byte(hexSign));
    }
}
