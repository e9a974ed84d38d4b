package com.sample.pubonly;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.binary.Hex;

/**
 * java-check sample "public key only": a client that only encrypts for a server. Its static
 * initializer reads the server's public key (lowercase hex of X.509 DER, a 1024-bit key made with
 * openssl for this sample only) into a private static PublicKey; encrypt(String) returns Base64 of
 * RSA/ECB/PKCS1Padding blocks of 117. There is no private key anywhere in the class, so Swift can
 * neither decrypt its output nor make anything for it to decrypt or verify. Expected: not-evaluable
 * (exit 2), nothing failed, the finding says only a public key is hard-coded and what was not evaluated.
 */
public final class RsaEncryptOnly {
    private static final PublicKey SERVER_KEY;

    static {
        try {
            String hex = "30819f300d06092a864886f70d010101050003818d0030818902818100bf3bde206f98daf0c5e291c865d4c6cc4a80e217f21badc06339a28e395ff1d499ab1abd3461da24ced0b53f55f895ee8f8525717beed30a79b36711de98f75b6e52a356cff5430ab2e441cc00da2d844aaf223f17b6ba00ea76b596127917ae278b7f1920c01905e8f46b56358fe59322d3e527727b0a59c6c02cc55f070bb10203010001";
            SERVER_KEY = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Hex.decodeHex(hex)));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RsaEncryptOnly() {
    }

    public static String encrypt(String data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, SERVER_KEY);
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < bytes.length; offset += 117) {
            out.write(cipher.doFinal(bytes, offset, Math.min(117, bytes.length - offset)));
        }
        return Base64.encodeBase64String(out.toByteArray());
    }
}
