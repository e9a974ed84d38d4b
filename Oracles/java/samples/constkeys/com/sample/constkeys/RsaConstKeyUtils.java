package com.sample.constkeys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * java-check sample "hard-coded keys, data-only methods": the key pair is two private static final
 * String constants (commons-codec Base64 of X.509 / PKCS#8 DER of a 1024-bit key, made with openssl
 * for this sample only) and every method takes only the data: encrypt(String) with the public key,
 * decrypt(String) with the private key (RSA/ECB/PKCS1Padding, blocks 117/128, UTF-8, Base64 without
 * line breaks), sign(String) / verify(String, String) with SHA1withRSA. No key generator. Expected:
 * compatible, keySource class-constant, keySize 1024, encryptBlock 117, decryptBlock 128.
 */
public final class RsaConstKeyUtils {
    private static final String PUBLIC_KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDP0H7HpMY+/oODhCimFqNTMETahgYOBlK83IEpM7GFX+haeAF9KHt1WC0KUll7sOIk6Kks09N/wcRpvEfMzT5K5YFzNdAb224a1en50zQ0dTnQFUCFsEc59HjT7QdbkBf4H+jMbwAXf9K4dCWWS0R3h23ijR3jFhlnDyTvWuhGVQIDAQAB";
    private static final String PRIVATE_KEY = "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAM/Qfsekxj7+g4OEKKYWo1MwRNqGBg4GUrzcgSkzsYVf6Fp4AX0oe3VYLQpSWXuw4iToqSzT03/BxGm8R8zNPkrlgXM10BvbbhrV6fnTNDR1OdAVQIWwRzn0eNPtB1uQF/gf6MxvABd/0rh0JZZLRHeHbeKNHeMWGWcPJO9a6EZVAgMBAAECgYEApLcEFeejfoCq6s4Qjfx5fdFPccky+WDHqYw5D9g6R5XKDBL8UyCIIm0+XeUBqgl8ZXbHyJEpHSUPMiOa4Vh4muOGknQWubP/C1LgCBvIM0l64KfncEMyGKrOIHPwdwNKEs6mrWOoe21pP0bhyUhTlDQSY0ZOPnDMvL4x3r1Jny0CQQD8dUWD5eq03R0QuvoKM7P7euQ5kyf7JipBr5LqyAJN+atmsG+MYgmmtTTlJZZb624nx610LbCTjMmbvggwsKTTAkEA0rrhrEBW6uGP9B0rL0HssAZwox1hXHeqtVcLY39vtnhMtchjEEsdkKBuNqo/J4z6ab6Q9RKSyKxL3QCY0bGPNwJAWIqks8rKU16NWBXLphJWGGgUbSDwT8Ql4925EEDPlhtvgtd0d+7WZbJ997QEFP7wJmGAsxNnL4icGNRAORtq4wJBAJvlrbalEqhJnxnVynD3sIa4/PNvdOvXi+8EKmS9joPLk9SYHtGbAJBSX7cJVBeKcGdymAL2bqkO7kDdhDD9zxkCQDCYoqaRY5lsB58wZ3Bl2mtUbMBTTkr3o7oyPJSIML31ffasHEGQo+GwrjAn0g3TsQ55HU1EpAdt8uSbVQvmZeA=";
    private static final int MAX_ENCRYPT_BLOCK = 117;
    private static final int MAX_DECRYPT_BLOCK = 128;

    private RsaConstKeyUtils() {
    }

    private static PublicKey publicKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(PUBLIC_KEY)));
    }

    private static PrivateKey privateKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(PRIVATE_KEY)));
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    public static String encrypt(String data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, publicKey());
        return Base64.encodeBase64String(blocks(cipher, data.getBytes(StandardCharsets.UTF_8), MAX_ENCRYPT_BLOCK));
    }

    public static String decrypt(String data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, privateKey());
        return new String(blocks(cipher, Base64.decodeBase64(data), MAX_DECRYPT_BLOCK), StandardCharsets.UTF_8);
    }

    public static String sign(String data) throws Exception {
        Signature s = Signature.getInstance("SHA1withRSA");
        s.initSign(privateKey());
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return Base64.encodeBase64String(s.sign());
    }

    public static boolean verify(String data, String sign) throws Exception {
        Signature s = Signature.getInstance("SHA1withRSA");
        s.initVerify(publicKey());
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.decodeBase64(sign));
    }
}
