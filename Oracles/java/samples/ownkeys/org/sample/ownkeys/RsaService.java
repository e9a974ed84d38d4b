package org.sample.ownkeys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;

/**
 * java-check sample "keys in instance fields, charset argument": a service object whose constructor
 * reads its key pair from PEM text (a 1024-bit key made with openssl for this sample only) into
 * private instance fields (PublicKey / PrivateKey objects), with a no-argument accessor
 * getPublicKey(). Its instance methods take the data and a charset name but no key:
 * encrypt(String data, String charset) returns lowercase hex of RSA/ECB/PKCS1Padding blocks of 117,
 * decrypt(String hex, String charset) reads blocks of 128; sign(byte[]) returns byte[] and
 * verify(byte[], byte[]) checks SHA256withRSA. Expected: compatible, keySource class-constant,
 * keySize 1024, charset UTF-8 (the caller's choice), encryptBlock 117.
 */
public class RsaService {
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    public RsaService() throws Exception {
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
            + "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDRLnuI2WyAD32Gtvma9p5W4vB1\n"
            + "6S+AJQGFr6sp6udYopjY7pdnKYcWQHyhX87inkyMaSlvp9mkAsMWfgUPLuUHkQOR\n"
            + "kLNdbQP2p98422jVdCmUoNF/KSu0dpbNxfZy0FMviC1lvud7Ig9JpsRT7ozo1pPB\n"
            + "Vw9sGQqDMz+pTxEciwIDAQAB\n"
            + "-----END PUBLIC KEY-----\n";
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
            + "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBANEue4jZbIAPfYa2\n"
            + "+Zr2nlbi8HXpL4AlAYWvqynq51iimNjul2cphxZAfKFfzuKeTIxpKW+n2aQCwxZ+\n"
            + "BQ8u5QeRA5GQs11tA/an3zjbaNV0KZSg0X8pK7R2ls3F9nLQUy+ILWW+53siD0mm\n"
            + "xFPujOjWk8FXD2wZCoMzP6lPERyLAgMBAAECgYAp12dkb0ExuGd+a9kvswbnEEvS\n"
            + "+grDUiOkzweowdD2vMdgFRF51CeuPsXvLY/fapSbPWnJaMSy9s55EEoIyHONHFGN\n"
            + "xH86wDmqxtY7TTgGpMRzE/ihY+gl4Hphp9+D+dWNXDipigiwG5JPBq6AqzjYm8t9\n"
            + "Fp8l/Roj8AxC79GvCQJBAOrDmAPgoKCujN7KZLO2dO3WgIIRIQ0JuU9zs79Jhv95\n"
            + "9qscdRNYHNdXgZgV0FNpftxraxEUNmuibcPV1MOEsj0CQQDkGnpwCcOf0eNmSUKe\n"
            + "j49vtWhvrvrp7w4GV/Z/ps/JFdrCgcLmsCduWXJivepP53vuUkRiDwntsS2qnsDC\n"
            + "115nAkEAqYlW3nX5ihCD6uB+mMnK53dglo2IMMI08Qu9YwbWVujdGfUTF0UqjtjC\n"
            + "3fHi4FnvI37vcwYFxvUmD6b8X7YUgQJALjbnI5f22ISPzAN/ydxQNVPNywLqt0bF\n"
            + "0qczu/0yEA2reskLke2Sr5rTwAm2VWYTB+AHFs7xNgU1uWHcsB0udQJAcyz0T3RI\n"
            + "/QZoelZZeWAnJyQrTNt8r3IpjAePGmFoQtyh/Tna3BMFKDM7kHBdTFRRpMr2w8NV\n"
            + "APQHyzmHwWjQxw==\n"
            + "-----END PRIVATE KEY-----\n";
        KeyFactory factory = KeyFactory.getInstance("RSA");
        publicKey = factory.generatePublic(new X509EncodedKeySpec(body(publicPem)));
        privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(body(privatePem)));
    }

    private static byte[] body(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    public PublicKey getPublicKey() {
        return publicKey;
    }

    private static byte[] blocks(Cipher cipher, byte[] data, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += size) {
            out.write(cipher.doFinal(data, offset, Math.min(size, data.length - offset)));
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }

    private static byte[] unhex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public String encrypt(String data, String charset) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, publicKey);
        return hex(blocks(cipher, data.getBytes(Charset.forName(charset)), 117));
    }

    public String decrypt(String hex, String charset) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, privateKey);
        return new String(blocks(cipher, unhex(hex), 128), Charset.forName(charset));
    }

    public byte[] sign(byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(privateKey);
        s.update(data);
        return s.sign();
    }

    public boolean verify(byte[] data, byte[] sign) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(publicKey);
        s.update(data);
        return s.verify(sign);
    }
}
