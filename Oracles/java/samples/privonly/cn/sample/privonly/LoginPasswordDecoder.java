package cn.sample.privonly;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;

/**
 * java-check sample "private key only, server side": a login endpoint's helper that decrypts what a
 * browser encrypted with the matching public key (JSEncrypt style) and signs its answers. Only the
 * private key is in the class: a private static String (java.util.Base64 of the PKCS#8 DER of a
 * 2048-bit key made with openssl for this sample only), parsed once in a static initializer into a
 * private static PrivateKey. decryptData(String) decrypts one RSA/ECB/PKCS1Padding block of 256
 * bytes (no chunking) and returns UTF-8 text; signData(String) returns Base64 SHA256withRSA of the
 * UTF-8 bytes. Expected: compatible, keySource class-constant (the public half is the private key's
 * n and e), keySize 2048, signature SHA256withRSA, decryptChunking none.
 */
public final class LoginPasswordDecoder {
    private static final String SERVER_PRIVATE_KEY = "MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDtzIQJkAwoEfHxJIlbTGmur/RQIgr7dQgH2bnTMEV/J5Gmz99TL+V88V13FBRRTqIDGHrYFp4rQl+py767bIAheZBWw7Nb05FnOW6SNjgSMxWTfJfVS80SzJPmtYL7uzNvb40g3IFn9M6cXP0DMG0PnZVOuJsVBu1LN7pb/salrmAs6WKsslcnjERjdqg+wyWuTiUznm3dr2UIcluNR0toLDGawIOQ0dAea2SV64lMTRRBrPugLNbECu9uCEDzZR3PFAFoe0GWCYfrPeSmy2S5SPCP6H5jjN6RlmEqiKZUlu6001r6n63tzIldFOMFE16PLw0mF0dgVPHSU1DQnBgjAgMBAAECggEACdebpWutXSE1AtaQytMUUrMcqQ5npvW2keCclNWcIsGoAR/8bcx/Mpco16tglebrxLYIK5ZwEHlMTVJOACLjAL+vzi+GZmgQzhVt8qZE1tf/bh3LiPv8rmkCPBvKIpIidFvJGxGVV5Cl1onwvOeNtAZBLkNsw8eIHcNeNr2KSkQjb3av68wrhKNu1izrystmiBVAfbVlF9g6pCeEzoEERhGNPMHVIQtVaaB9FwvAWlwWTTPh6fBCWtcrDp62IbFczYFddBBOAVfaJ3sZFqBlFC9/iqMiPeCEoZ8nfCCqAMp37UAI8hKw+0qe1ebT1xsfJDbCpfnFBoGSTegtAnpZLQKBgQD9Y5pNuCjlrw9L7TCpcmsB6+NbsG639DkW0frSaVYIk6Czdrf8kTP0BPUlfJFg92S7ClSLQX4Ov9KhCom4rjtXHjjjeRw3L1axi3qkoHpt3HwJhDftQZpwrLGWTX339q5yGo4khnM8SIHzdTfL6Fw+gpDTx0rybkkQZITyhsor5wKBgQDwP8ns8MDQMmrOH5Ah1tloFzBcOgHQgQCqMev0Wf2NGPw+1MvmeS3KRAkgC6KaJBKdVGV/0UnRBSlbYrbB/cRSAUwXVdddrPnzjXcIjnU7tB3DT5P7Wpis1LpoHhnpKyKyhNmmkIVv5ruXUb1/gBlNUaotCB6tKaxLLm7pt5hKZQKBgQDvtMAOcf9OeXNxEmuMgQ81/B9TZ+712vX+3pn3X2riJjZKUC7xobOSTvZShitJngAO6VDdhBFqhpENg9iRe1Hrsk2C89l7Yy8SOq7E+oOXVpOItSnrKrqdiOFfHOPkJdsVWoXJi9+L0dQNqoAkSCarg/zaO5htC2PXPCCBBn5PVQKBgQCm1UUdupnKehhdBuIJ/a5/cArvIID+D3csuPoHdy5xevY/k3n8lA3ONay4ihviOkaK5n6NYgKGmbT8dvI+iEB6SdhTJBMoQ+RW0tfkIzkZupwocuxqUaFP83F2t+B6YK/5k/OojRd8e5etHuAe2A+594nbN5ZF3Xh9xMLUnd+tWQKBgQDVpzdBfWKNvMzhEWAVzJVUmkouziZXfPfLG1RvjT5pDBhuomW2dHBpyNIntCpO2df11jucoFnUH+6SZNSfAHLrIrGcIC4Q3bMfRS1ieu4KYisdATcf3pQ5frRfcoQLDdx8HupJ9DxTju4un2y2Va/YY/i6V74ArnF6e3OKqshE+Q==";
    private static final PrivateKey KEY;

    static {
        try {
            KEY = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SERVER_PRIVATE_KEY)));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LoginPasswordDecoder() {
    }

    public static String decryptData(String base64) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, KEY);
        return new String(cipher.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    }

    public static String signData(String data) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(KEY);
        s.update(data.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
