package io.sample.createkeys;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "createKeys(int)": the generator takes the key size and returns a
 * {@code Map<String, String>}; URL-safe Base64 without padding everywhere (keys too);
 * {@code publicEncrypt}/{@code privateDecrypt}/{@code privateEncrypt}/{@code publicDecrypt};
 * the chunk size follows the key (modulus bytes - 11 / modulus bytes). Expected: compatible,
 * key size = what the probe asked for (1024).
 */
public class RSAUtil {
    public static final String CHARSET = "UTF-8";

    public static Map<String, String> createKeys(int keySize) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(keySize);
        KeyPair keyPair = kpg.generateKeyPair();
        Map<String, String> keyPairMap = new HashMap<>();
        keyPairMap.put("publicKey", Base64.encodeBase64URLSafeString(keyPair.getPublic().getEncoded()));
        keyPairMap.put("privateKey", Base64.encodeBase64URLSafeString(keyPair.getPrivate().getEncoded()));
        return keyPairMap;
    }

    private static Key publicKey(String publicKey) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicKey)));
    }

    private static Key privateKey(String privateKey) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey)));
    }

    private static byte[] rsaSplitCodec(Cipher cipher, int opmode, byte[] datas, int keySize) throws Exception {
        int maxBlock = opmode == Cipher.DECRYPT_MODE ? keySize / 8 : keySize / 8 - 11;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offSet = 0;
        int i = 0;
        while (datas.length > offSet) {
            byte[] buff = datas.length - offSet > maxBlock ? cipher.doFinal(datas, offSet, maxBlock)
                    : cipher.doFinal(datas, offSet, datas.length - offSet);
            out.write(buff, 0, buff.length);
            i++;
            offSet = i * maxBlock;
        }
        return out.toByteArray();
    }

    private static int bits(Key key) {
        return ((RSAKey) key).getModulus().bitLength();
    }

    public static String publicEncrypt(String data, String publicKey) throws Exception {
        Key key = publicKey(publicKey);
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.encodeBase64URLSafeString(rsaSplitCodec(cipher, Cipher.ENCRYPT_MODE, data.getBytes(CHARSET), bits(key)));
    }

    public static String privateDecrypt(String data, String privateKey) throws Exception {
        Key key = privateKey(privateKey);
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return new String(rsaSplitCodec(cipher, Cipher.DECRYPT_MODE, Base64.decodeBase64(data), bits(key)), CHARSET);
    }

    public static String privateEncrypt(String data, String privateKey) throws Exception {
        Key key = privateKey(privateKey);
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.encodeBase64URLSafeString(rsaSplitCodec(cipher, Cipher.ENCRYPT_MODE, data.getBytes(CHARSET), bits(key)));
    }

    public static String publicDecrypt(String data, String publicKey) throws Exception {
        Key key = publicKey(publicKey);
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return new String(rsaSplitCodec(cipher, Cipher.DECRYPT_MODE, Base64.decodeBase64(data), bits(key)), CHARSET);
    }
}
