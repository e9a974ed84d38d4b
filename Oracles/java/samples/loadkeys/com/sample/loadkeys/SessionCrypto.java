package com.sample.loadkeys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "keys made when the class loads": a static initializer generates a 1024-bit
 * KeyPair into a private static final field (a new pair in every JVM); encrypt(String) and
 * decrypt(String) use it with Cipher "RSA" (PKCS#1 v1.5), one doFinal each (no chunking), Base64
 * without line breaks, and the platform default charset (getBytes() / new String(bytes)). Expected:
 * compatible, keySource class-constant, no chunking; whether the charset follows the platform
 * cannot be told (a second JVM holds another pair), so it is not called "fixed in the code".
 */
public class SessionCrypto {
    private static final KeyPair PAIR;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            PAIR = generator.generateKeyPair();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static String encrypt(String data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, PAIR.getPublic());
        return Base64.encodeBase64String(cipher.doFinal(data.getBytes()));
    }

    public static String decrypt(String data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, PAIR.getPrivate());
        return new String(cipher.doFinal(Base64.decodeBase64(data)));
    }
}
