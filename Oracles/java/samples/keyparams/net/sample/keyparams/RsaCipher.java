package net.sample.keyparams;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

import javax.crypto.Cipher;

/**
 * java-check sample "Key parameters": no strings at all; {@code KeyPair genKeyPair1024()},
 * {@code encrypt(Key, byte[])} / {@code decrypt(Key, byte[])} (key first, any key),
 * {@code byte[] sign(PrivateKey, byte[])}, {@code verify(PublicKey, byte[], byte[])};
 * SHA256withRSA, blocks 117/128. Expected: compatible, keys encoded by the probe,
 * argumentOrder key-first, no Base64 output observed.
 */
public final class RsaCipher {
    private RsaCipher() {
    }

    public static KeyPair genKeyPair1024() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    private static byte[] apply(int mode, Key key, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(mode, key);
        int block = mode == Cipher.ENCRYPT_MODE ? 117 : 128;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += block) {
            out.write(cipher.doFinal(data, offset, Math.min(block, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static byte[] encrypt(Key key, byte[] data) throws Exception {
        return apply(Cipher.ENCRYPT_MODE, key, data);
    }

    public static byte[] decrypt(Key key, byte[] data) throws Exception {
        return apply(Cipher.DECRYPT_MODE, key, data);
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] sign) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update(data);
        return signature.verify(sign);
    }
}
