package rsautils.vectors;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.codec.binary.Base64;

/**
 * One RSA key pair from the JDK's KeyPairGenerator with every encoding the vector files use.
 * The constructor cross-checks the JDK's values against each other (n = pq, CRT values, d·e ≡ 1
 * mod lcm(p−1, q−1), PKCS#1 DER built here = the one inside the JDK's PKCS#8 / SPKI, RsaUtils
 * strings parse back to the same key).
 */
final class KeyMaterial {
    final int bits;
    final int k;
    final PublicKey publicKey;
    final PrivateKey privateKey;
    final BigInteger n, e, d, p, q, dp, dq, qInv;
    /** X.509 SubjectPublicKeyInfo, Java getEncoded(). */
    final byte[] spki;
    /** PKCS#8 PrivateKeyInfo, Java getEncoded(). */
    final byte[] pkcs8;
    /** PKCS#1 RSAPublicKey (Wycheproof keyAsn / publicKeyAsn). */
    final byte[] pkcs1Public;
    /** PKCS#1 RSAPrivateKey (inside PKCS#8; PEM "RSA PRIVATE KEY"). */
    final byte[] pkcs1Private;
    /** RsaUtils.getPublicKey / getPrivateKey: commons-codec Base64.encodeBase64String of getEncoded(). */
    final String publicRsaUtils, privateRsaUtils;

    KeyMaterial(KeyPair pair) throws Exception {
        this.publicKey = pair.getPublic();
        this.privateKey = pair.getPrivate();
        RSAPublicKey pub = (RSAPublicKey) publicKey;
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) privateKey;
        n = pub.getModulus();
        e = pub.getPublicExponent();
        d = priv.getPrivateExponent();
        p = priv.getPrimeP();
        q = priv.getPrimeQ();
        dp = priv.getPrimeExponentP();
        dq = priv.getPrimeExponentQ();
        qInv = priv.getCrtCoefficient();
        bits = n.bitLength();
        k = (bits + 7) / 8;
        spki = publicKey.getEncoded();
        pkcs8 = privateKey.getEncoded();
        pkcs1Public = Der.pkcs1PublicKey(n, e);
        pkcs1Private = Der.pkcs1PrivateKey(n, e, d, p, q, dp, dq, qInv);
        publicRsaUtils = Base64.encodeBase64String(spki);
        privateRsaUtils = Base64.encodeBase64String(pkcs8);
        crossCheck(priv);
    }

    private void crossCheck(RSAPrivateCrtKey priv) throws Exception {
        BigInteger one = BigInteger.ONE;
        Check.that(priv.getModulus().equals(n) && priv.getPublicExponent().equals(e), "same n, e in both halves");
        Check.that(p.multiply(q).equals(n), "n = p·q");
        Check.that(dp.equals(d.mod(p.subtract(one))), "dp = d mod (p−1)");
        Check.that(dq.equals(d.mod(q.subtract(one))), "dq = d mod (q−1)");
        Check.that(qInv.equals(q.modInverse(p)), "qInv = q⁻¹ mod p");
        BigInteger pm1 = p.subtract(one), qm1 = q.subtract(one);
        BigInteger lcm = pm1.divide(pm1.gcd(qm1)).multiply(qm1);
        Check.that(d.equals(e.modInverse(lcm)), "d = e⁻¹ mod lcm(p−1, q−1)");
        Check.equal(pkcs1Public, Der.pkcs1FromSpki(spki), "PKCS#1 public key inside SPKI");
        Check.equal(pkcs1Private, Der.pkcs1FromPkcs8(pkcs8), "PKCS#1 private key inside PKCS#8");
        KeyFactory kf = KeyFactory.getInstance("RSA");
        Check.equal(spki, kf.generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(publicRsaUtils))).getEncoded(),
                "RsaUtils public string round trip");
        Check.equal(pkcs8, kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateRsaUtils))).getEncoded(),
                "RsaUtils private string round trip");
        Check.equal(pkcs8, kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qInv)).getEncoded(),
                "PKCS#8 from the CRT components");
        Check.that(publicRsaUtils.indexOf('\n') < 0 && publicRsaUtils.indexOf('\r') < 0, "no line breaks in RsaUtils strings");
    }

    static KeyMaterial generate(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        KeyMaterial km = new KeyMaterial(g.generateKeyPair());
        Check.that(km.bits == bits, "KeyPairGenerator gave a " + bits + "-bit modulus");
        return km;
    }

    static KeyMaterial generate(int bits, BigInteger e) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(bits, e));
        KeyMaterial km = new KeyMaterial(g.generateKeyPair());
        Check.that(km.bits == bits && km.e.equals(e), "KeyPairGenerator honoured " + bits + " bits, e = " + e);
        return km;
    }

    static String pem(String label, byte[] der) {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    String publicPem() {
        return pem("PUBLIC KEY", spki);
    }

    String privatePkcs8Pem() {
        return pem("PRIVATE KEY", pkcs8);
    }

    String privatePkcs1Pem() {
        return pem("RSA PRIVATE KEY", pkcs1Private);
    }

    /** The four key fields every padding / chunked group carries. */
    void putKeyFields(Map<String, Object> group) {
        group.put("keySize", bits);
        group.put("publicKeyDer", Bytes.hex(spki));
        group.put("privateKeyPkcs8", Bytes.hex(pkcs8));
        group.put("publicKeyRsaUtils", publicRsaUtils);
        group.put("privateKeyRsaUtils", privateRsaUtils);
    }

    /** Wycheproof rsa_common PrivateKey with all eight fields. */
    Map<String, Object> wycheproofPrivateKey() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modulus", Bytes.bigHex(n));
        m.put("publicExponent", Bytes.bigHex(e));
        m.put("privateExponent", Bytes.bigHex(d));
        m.put("prime1", Bytes.bigHex(p));
        m.put("prime2", Bytes.bigHex(q));
        m.put("exponent1", Bytes.bigHex(dp));
        m.put("exponent2", Bytes.bigHex(dq));
        m.put("coefficient", Bytes.bigHex(qInv));
        return m;
    }
}
