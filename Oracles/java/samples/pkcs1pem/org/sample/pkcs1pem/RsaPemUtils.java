package org.sample.pkcs1pem;

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
 * java-check sample "PKCS#1 PEM private key": the private key is a "BEGIN RSA PRIVATE KEY" PEM
 * constant (PKCS#1, as openssl writes it with -traditional; a 1024-bit key made for this sample only)
 * that the class wraps into PKCS#8 itself before KeyFactory reads it; the public key is a Base64
 * X.509 constant. encrypt(String)/decrypt(String): RSA/ECB/PKCS1Padding, blocks 117/128, UTF-8,
 * Base64; sign(String)/verify(String, String): MD5withRSA. Expected: compatible, keySource
 * class-constant, keySize 1024, signature MD5withRSA, encryptBlock 117.
 */
public class RsaPemUtils {
    private static final String PUBLIC_KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDFNAtQLjqGpXHOH0a9ceAgO6pVTSg+GeXSTtonEdm96vnbpP6Pk2wvDZLW2fQE8PmWEbPF00661WTY611EZRK3EX4DCxY1b6dcRVpAkd5Dd5hSlxAdcTTt7OUTikYKAF0w/hdwH0LPkCjhvldopCyxesXuz6776hG9TxmHG+dfSQIDAQAB";
    private static final String PRIVATE_KEY_PEM = ""
        + "-----BEGIN RSA PRIVATE KEY-----\n"
        + "MIICXgIBAAKBgQDFNAtQLjqGpXHOH0a9ceAgO6pVTSg+GeXSTtonEdm96vnbpP6P\n"
        + "k2wvDZLW2fQE8PmWEbPF00661WTY611EZRK3EX4DCxY1b6dcRVpAkd5Dd5hSlxAd\n"
        + "cTTt7OUTikYKAF0w/hdwH0LPkCjhvldopCyxesXuz6776hG9TxmHG+dfSQIDAQAB\n"
        + "AoGACJc+0uxgolL8xTT5mPEoCV9wCS1GToZES8ghmsgdSze8UMQ8TrbmZJpbxj5S\n"
        + "chCpXs9AnKKa8GqxbP2732njycBEQQuM6KmflUDg5nFgr73+nRqgadR0aLrGvAEi\n"
        + "EUWyw/Df3Yy/WRcoe8gjb4e5DZlyiKhEXqkjg//1rWEm0B0CQQDn6ajbnBbRlWtJ\n"
        + "L0qi5aQ+mCiUwajBF2wYTx0zFmUfwc6o+AxCauKIPicQLz4haIpp4pUnG4WoE0r2\n"
        + "bkb0CuLTAkEA2a9+VsFiznfncFzgY2/1VPHl7hW+w9IUmV0iBTlKsXBJWP7keu+c\n"
        + "0rFY+hXnVfhPXxDkTUrWg8s79yPSmQEL8wJBAIqzeMY/iHY4wz22BxF9/slg/4RY\n"
        + "frFdbMztJC2Vy00/AHaWQ97FRk7tvTc0yhf5Ci9h0IrfLwTi5QaV1eHHUPkCQQDM\n"
        + "TmZv/D7E80pXbgP3r8t89y/K/cO2PASzT/KvHm9ZC777dPdx3lO8d1DAHzCowk2U\n"
        + "NuFfHZ8pwOQ99vQgQBg7AkEAyQiSaxOHZD1YUrPzQT64S6BUGhcbF6kybOAYcpx5\n"
        + "pwRjV6nlLNEN9HMsag110KIQK23O6o9Ybrm8CbErKiFbyg==\n"
        + "-----END RSA PRIVATE KEY-----\n";

    private static PublicKey publicKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(PUBLIC_KEY)));
    }

    /** PKCS#1 RSAPrivateKey inside a PrivateKeyInfo: version 0, rsaEncryption, the key as an OCTET STRING. */
    private static PrivateKey privateKey() throws Exception {
        byte[] pkcs1 = Base64.decodeBase64(PRIVATE_KEY_PEM.replace("-----BEGIN RSA PRIVATE KEY-----", "").replace("-----END RSA PRIVATE KEY-----", ""));
        byte[] algorithm = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(algorithm);
        body.write(0x04);
        body.write(0x82);
        body.write(pkcs1.length >> 8);
        body.write(pkcs1.length & 0xff);
        body.write(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(0x30);
        info.write(0x82);
        info.write(body.size() >> 8);
        info.write(body.size() & 0xff);
        body.writeTo(info);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.toByteArray()));
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
        return Base64.encodeBase64String(blocks(cipher, data.getBytes(StandardCharsets.UTF_8), 117));
    }

    public static String decrypt(String data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, privateKey());
        return new String(blocks(cipher, Base64.decodeBase64(data), 128), StandardCharsets.UTF_8);
    }

    public static String sign(String data) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initSign(privateKey());
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return Base64.encodeBase64String(s.sign());
    }

    public static boolean verify(String data, String sign) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA");
        s.initVerify(publicKey());
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.decodeBase64(sign));
    }
}
