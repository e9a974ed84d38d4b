package rsautils.vectors;

import java.math.BigInteger;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.codec.binary.Base64;

/**
 * Vectors/rsa_keygen_test.json: key derivation from p, q, e (JDK KeyPairGenerator values), RsaUtils key
 * strings as users paste them (expected DER = what commons-codec + KeyFactory + getEncoded() give), and
 * FIPS 186-4 parameter checks computed with BigInteger.
 */
final class KeygenVectors {
    private KeygenVectors() {}

    private static final BigInteger ONE = BigInteger.ONE;
    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger F4 = BigInteger.valueOf(65537);

    static VectorFile build(KeyPool pool) throws Exception {
        VectorFile f = new VectorFile("rsa_keygen_test.json", "RSA-KeyGen", "rsa_keygen_schema_v1.json",
                "RSA key generation: RsaKeyDerivation (n, d = e^-1 mod lcm(p-1, q-1), dp, dq, qInv, X.509 and PKCS#8 DER",
                "and RsaUtils strings, all from the JDK's RSAPrivateCrtKey, for 512/1024/2048/3072/4096-bit keys and",
                "several public exponents); RsaKeyStringParse (RsaUtils Base64 key strings as users paste them, expected",
                "DER = commons-codec Base64.decodeBase64 + X509EncodedKeySpec/PKCS8EncodedKeySpec + getEncoded(), \"\" when",
                "Java rejects the string); RsaKeyParameterCheck (FIPS 186-4 B.3.1/B.3.3 rules, evaluated with BigInteger",
                "isProbablePrime(100) and exact integer comparisons).");
        notes(f);
        derivation(f, pool);
        stringParse(f, pool);
        parameterCheck(f, pool);
        return f;
    }

    private static void notes(VectorFile f) {
        f.note("JdkKeyPair", "BASIC", "p, q, e and the expected n, d, dp, dq, qInv and encodings come from one key pair of "
                + "KeyPairGenerator(\"RSA\") (default e = 65537). The JDK computes d = e^-1 mod lcm(p-1, q-1), not mod phi(n); "
                + "a port must derive the same d to produce byte-identical PKCS#8 keys.");
        f.note("CustomExponent", "FUNCTIONALITY", "The key pair was generated with RSAKeyGenParameterSpec and a public exponent other "
                + "than 65537.");
        f.note("SmallPublicExponent", "WEAK_PARAMS", "The public exponent is small (e < 2^16). The JDK generates such keys; FIPS 186-4 "
                + "does not allow them (see RsaKeyParameterCheck).");
        f.note("SmallModulus", "WEAK_PARAMS", "A 512-bit modulus: the JDK still generates and accepts it, but it is factorable.");
        f.note("RsaUtilsString", "BASIC", "The key string exactly as RsaUtils.getPublicKey/getPrivateKey print it (commons-codec "
                + "Base64.encodeBase64String, no line breaks).");
        f.note("LineBreaks", "FUNCTIONALITY", "Line breaks inserted (CRLF or LF every 64 or 76 characters, as PEM bodies and MIME "
                + "encoders wrap). commons-codec skips them, so the key parses; java.util.Base64.getDecoder() would reject it.");
        f.note("Whitespace", "FUNCTIONALITY", "Spaces or tabs inside or around the string: commons-codec skips them.");
        f.note("StrayCharacters", "FUNCTIONALITY", "Characters outside the Base64 alphabet (punctuation, a BOM, Chinese characters) "
                + "inside the string: commons-codec's decoder skips every byte that is not in its table.");
        f.note("MissingPadding", "FUNCTIONALITY", "The trailing '=' padding is removed: commons-codec decodes the last partial quantum "
                + "anyway.");
        f.note("TrailingGarbage", "EDGE_CASE", "Text after the key: after a '=' commons-codec stops decoding (anything after the padding "
                + "is ignored), and non-alphabet characters are skipped.");
        f.note("TrailingData", "EDGE_CASE", "Base64 characters appended to a string without padding: they decode to extra bytes after "
                + "the DER structure; the expected result is whatever KeyFactory does with them.");
        f.note("UrlSafeAlphabet", "FUNCTIONALITY", "'+' and '/' replaced by the URL-safe '-' and '_': commons-codec's decode table maps "
                + "both alphabets, so the key parses.");
        f.note("PemArmour", "FUNCTIONALITY", "A PEM document (-----BEGIN ...-----). RsaUtils feeds it to commons-codec, which reads the "
                + "letters of the header and footer as Base64 data: the DER is garbage and Java rejects the key.");
        f.note("TruncatedDer", "BASIC", "The string is cut short: the DER is incomplete and Java rejects it.");
        f.note("EarlyPadding", "EDGE_CASE", "A '=' in the middle of the string: commons-codec stops decoding at the first pad, so the "
                + "DER is truncated.");
        f.note("EmptyString", "BASIC", "An empty or whitespace-only key string: decodes to no bytes, KeyFactory rejects it.");
        f.note("WrongKeyType", "BASIC", "A public key string given where a private key is expected, or the reverse: "
                + "X509EncodedKeySpec / PKCS8EncodedKeySpec rejects the other structure.");
        f.note("Pkcs1Structure", "FUNCTIONALITY", "The Base64 of a PKCS#1 RSAPublicKey / RSAPrivateKey (no algorithm identifier): "
                + "RsaUtils expects X.509 SubjectPublicKeyInfo / PKCS#8 and Java rejects it.");
        f.note("PasteDamage", "EDGE_CASE", "A realistic copy-paste accident (a '+' turned into a space by URL decoding, a Java string "
                + "literal pasted with its quotes and '+' operators). The expected result is whatever Java's RsaUtils decode gives.");
        f.note("JdkPrimes", "BASIC", "p and q are the primes of a JDK KeyPairGenerator key pair. JDK 17 does not enforce the FIPS 186-4 "
                + "lower bound sqrt(2)*2^(nlen/2-1) on the primes (it only ensures that n has nlen bits), so some JDK keys fail "
                + "the check with PrimeTooSmall.");
        f.note("ValidParameters", "BASIC", "Every FIPS 186-4 B.3.1/B.3.3 rule holds: the candidate must be accepted.");
        f.note("BoundaryValue", "EDGE_CASE", "A value at the edge of a rule (smallest or largest allowed prime, e just above 2^16 or "
                + "just below 2^256, |p - q| just above or at 2^(nlen/2-100)).");
        f.note("CompositeP", "WEAK_PARAMS", "p is not a probable prime (BigInteger.isProbablePrime(100) is false).");
        f.note("CompositeQ", "WEAK_PARAMS", "q is not a probable prime (BigInteger.isProbablePrime(100) is false).");
        f.note("PrimeTooSmall", "WEAK_PARAMS", "p or q is below sqrt(2)*2^(nlen/2-1) (tested exactly as x^2 < 2^(nlen-1)).");
        f.note("PrimeTooLarge", "WEAK_PARAMS", "p or q is at least 2^(nlen/2).");
        f.note("PrimesTooClose", "WEAK_PARAMS", "|p - q| <= 2^(nlen/2-100): n can be factored by Fermat's method.");
        f.note("EvenExponent", "WEAK_PARAMS", "e is even (then gcd(e, p-1) >= 2 as well).");
        f.note("SmallExponent", "WEAK_PARAMS", "e <= 2^16 (FIPS 186-4 requires 2^16 < e < 2^256).");
        f.note("LargeExponent", "WEAK_PARAMS", "e >= 2^256 (FIPS 186-4 requires 2^16 < e < 2^256).");
        f.note("ExponentNotCoprime", "WEAK_PARAMS", "gcd(e, p-1) != 1 or gcd(e, q-1) != 1: e has no inverse and no d exists.");
        f.note("WrongModulusLength", "WEAK_PARAMS", "n = p*q does not have exactly nlen (keySize) bits.");
    }

    // MARK: - RsaKeyDerivation

    private static void derivation(VectorFile f, KeyPool pool) throws Exception {
        addDerivationGroup(f, 512, pool, 4, new long[] {});
        addDerivationGroup(f, 1024, pool, 20, new long[] {3, 17, 65539, 4294967297L});
        addDerivationGroup(f, 2048, pool, 6, new long[] {3});
        addDerivationGroup(f, 3072, pool, 2, new long[] {});
        addDerivationGroup(f, 4096, pool, 2, new long[] {});
    }

    private static void addDerivationGroup(VectorFile f, int bits, KeyPool pool, int count, long[] exponents) throws Exception {
        Map<String, Object> g = f.group("RsaKeyDerivation");
        g.put("keySize", bits);
        for (int i = 0; i < count; i++) {
            KeyMaterial km = pool.get(bits, i);
            List<String> flags = new ArrayList<>(List.of("JdkKeyPair"));
            if (bits < 1024) flags.add("SmallModulus");
            addDerivation(f, g, km, bits + "-bit KeyPairGenerator key #" + (i + 1) + (km.p.compareTo(km.q) < 0 ? " (p < q)" : " (p > q)"), flags);
        }
        for (long e : exponents) {
            KeyMaterial km = KeyMaterial.generate(bits, BigInteger.valueOf(e));
            List<String> flags = new ArrayList<>(List.of("JdkKeyPair", "CustomExponent"));
            if (e < 65536) flags.add("SmallPublicExponent");
            String what = e == 4294967297L ? "e = 2^32 + 1 = 641 * 6700417 (composite, odd)" : "e = " + e;
            addDerivation(f, g, km, bits + "-bit KeyPairGenerator key with RSAKeyGenParameterSpec, " + what, flags);
        }
    }

    private static void addDerivation(VectorFile f, Map<String, Object> g, KeyMaterial km, String comment, List<String> flags) {
        Map<String, Object> t = VectorFile.fields(
                "p", Bytes.bigHex(km.p), "q", Bytes.bigHex(km.q), "e", Bytes.bigHex(km.e),
                "n", Bytes.bigHex(km.n), "d", Bytes.bigHex(km.d), "dp", Bytes.bigHex(km.dp), "dq", Bytes.bigHex(km.dq),
                "qInv", Bytes.bigHex(km.qInv), "publicKeyDer", Bytes.hex(km.spki), "privateKeyPkcs8", Bytes.hex(km.pkcs8),
                "publicKeyRsaUtils", km.publicRsaUtils, "privateKeyRsaUtils", km.privateRsaUtils);
        f.add(g, comment, flags, t, "valid");
    }

    // MARK: - RsaKeyStringParse

    /** RsaUtils-style decode: commons-codec Base64 + KeySpec + KeyFactory, then getEncoded(); null when Java throws. */
    static byte[] rsaUtilsDecode(String keyType, String keyString) {
        try {
            byte[] keyBytes = Base64.decodeBase64(keyString);
            KeyFactory kf = KeyFactory.getInstance("RSA");
            Key k = keyType.equals("public") ? kf.generatePublic(new X509EncodedKeySpec(keyBytes))
                    : kf.generatePrivate(new PKCS8EncodedKeySpec(keyBytes));
            return k.getEncoded();
        } catch (Exception e) {
            return null;
        }
    }

    static String rsaUtilsDecodeError(String keyType, String keyString) {
        try {
            byte[] keyBytes = Base64.decodeBase64(keyString);
            KeyFactory kf = KeyFactory.getInstance("RSA");
            if (keyType.equals("public")) kf.generatePublic(new X509EncodedKeySpec(keyBytes));
            else kf.generatePrivate(new PKCS8EncodedKeySpec(keyBytes));
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static boolean hasPlusAndSlash(String s) {
        return s.indexOf('+') >= 0 && s.indexOf('/') >= 0;
    }

    private static void stringParse(VectorFile f, KeyPool pool) throws Exception {
        for (int bits : new int[] {512, 1024, 2048}) {
            KeyMaterial km = pool.find(bits, k -> k.privateRsaUtils.endsWith("=") && hasPlusAndSlash(k.publicRsaUtils)
                    && hasPlusAndSlash(k.privateRsaUtils), "with '+', '/' and '=' in its strings");
            Map<String, Object> g = f.group("RsaKeyStringParse");
            for (String role : new String[] {"public", "private"}) {
                parseVariants(f, g, km, role);
            }
        }
        // A 4096-bit key: long strings, as-is and wrapped.
        KeyMaterial big = pool.get(4096, 0);
        Map<String, Object> g = f.group("RsaKeyStringParse");
        for (String role : new String[] {"public", "private"}) {
            String s = role.equals("public") ? big.publicRsaUtils : big.privateRsaUtils;
            byte[] der = role.equals("public") ? big.spki : big.pkcs8;
            addParse(f, g, role, s, der, "4096-bit " + role + " key as RsaUtils prints it", "RsaUtilsString");
            addParse(f, g, role, wrap(s, 64, "\r\n"), der, "4096-bit " + role + " key, CRLF every 64 characters", "LineBreaks");
        }
    }

    private static void parseVariants(VectorFile f, Map<String, Object> g, KeyMaterial km, String role) {
        boolean pub = role.equals("public");
        String s = pub ? km.publicRsaUtils : km.privateRsaUtils;
        String other = pub ? km.privateRsaUtils : km.publicRsaUtils;
        byte[] der = pub ? km.spki : km.pkcs8;
        String who = km.bits + "-bit " + role + " key";

        addParse(f, g, role, s, der, who + " as RsaUtils prints it", "RsaUtilsString");
        addParse(f, g, role, wrap(s, 64, "\r\n"), der, who + ", CRLF every 64 characters", "LineBreaks");
        addParse(f, g, role, wrap(s, 76, "\r\n") + "\r\n", der, who + ", CRLF every 76 characters (MIME) and a final CRLF", "LineBreaks");
        addParse(f, g, role, wrap(s, 64, "\n") + "\n", der, who + ", LF every 64 characters and a final LF", "LineBreaks");
        addParse(f, g, role, wrap(s, 64, "\r"), der, who + ", CR only every 64 characters", "LineBreaks");
        addParse(f, g, role, wrap(s, 4, " "), der, who + ", a space every 4 characters", "Whitespace");
        addParse(f, g, role, "\t  " + s + " \t\n", der, who + ", leading and trailing tabs and spaces", "Whitespace");
        addParse(f, g, role, insertEvery(s, 10, new String[] {"*", ".", "#", "!", "\"", ",", ";", ":", "?", "@"}), der,
                who + ", punctuation inserted every 10 characters", "StrayCharacters");
        addParse(f, g, role, "\ufeff" + s, der, who + ", with a UTF-8 byte order mark in front", "StrayCharacters");
        addParse(f, g, role, "公钥：" + s.substring(0, 20) + "中" + s.substring(20), der,
                who + ", Chinese characters inside (their UTF-8 bytes are outside the Base64 table)", "StrayCharacters");
        if (s.endsWith("=")) {
            String stripped = s.replaceAll("=+$", "");
            addParse(f, g, role, stripped, der, who + ", '=' padding removed", "MissingPadding");
            addParse(f, g, role, s + "AAAAmore text", der, who + ", Base64 text after the padding (ignored)", "TrailingGarbage");
        } else {
            byte[] extra = rsaUtilsDecode(role, s + "AAAA");
            Check.that(extra == null || java.util.Arrays.equals(extra, der), "trailing bytes: rejected or ignored");
            addParse(f, g, role, s + "AAAA", null, who + ", 'AAAA' appended (three extra zero bytes after the DER"
                    + (extra == null ? ")" : "; KeyFactory ignores them and re-encodes the same key)"), "TrailingData");
        }
        addParse(f, g, role, s + " !!! ***", der, who + ", non-alphabet text \" !!! ***\" appended (skipped)", "TrailingGarbage");
        addParse(f, g, role, s.replace('+', '-').replace('/', '_'), der, who + ", URL-safe alphabet ('-' and '_')", "UrlSafeAlphabet");
        String pem = pub ? km.publicPem() : km.privatePkcs8Pem();
        addParse(f, g, role, pem, null, who + " as PEM (" + (pub ? "BEGIN PUBLIC KEY" : "BEGIN PRIVATE KEY") + ")", "PemArmour");
        if (!pub) {
            addParse(f, g, role, km.privatePkcs1Pem(), null, who + " as PKCS#1 PEM (BEGIN RSA PRIVATE KEY)", "PemArmour", "Pkcs1Structure");
        }
        addParse(f, g, role, s.substring(0, s.length() - 8), null, who + ", last 8 characters cut off", "TruncatedDer");
        addParse(f, g, role, s.substring(0, s.length() / 2), null, who + ", only the first half", "TruncatedDer");
        addParse(f, g, role, s.substring(0, 40) + "=" + s.substring(40), null, who + ", '=' inserted after 40 characters",
                "EarlyPadding");
        addParse(f, g, role, pub ? "" : "  \r\n\t ", null, pub ? "empty string" : "whitespace only", "EmptyString");
        addParse(f, g, role, other, null, (pub ? "the private" : "the public") + " key string of the same pair given as the "
                + role + " key", "WrongKeyType");
        addParse(f, g, role, Base64.encodeBase64String(pub ? km.pkcs1Public : km.pkcs1Private), null,
                "Base64 of the PKCS#1 " + (pub ? "RSAPublicKey" : "RSAPrivateKey") + " of the same key", "Pkcs1Structure");
        int plus = s.indexOf('+');
        addParse(f, g, role, s.substring(0, plus) + " " + s.substring(plus + 1), null,
                who + ", first '+' turned into a space (form/URL decoding)", "PasteDamage");
        addParse(f, g, role, "\"" + s.substring(0, 64) + "\" +\n    \"" + s.substring(64) + "\"", null,
                who + " pasted as a Java string literal split in two with '+'", "PasteDamage");
    }

    private static void addParse(VectorFile f, Map<String, Object> g, String role, String keyString, byte[] intended,
                                 String comment, String... flags) {
        byte[] actual = rsaUtilsDecode(role, keyString);
        if (intended != null) {
            Check.equal(intended, actual == null ? new byte[0] : actual, "RsaUtils decode of: " + comment);
        }
        String c = comment;
        if (actual == null) c += " (Java: " + rsaUtilsDecodeError(role, keyString) + ")";
        f.add(g, c, Arrays.asList(flags), VectorFile.fields("keyType", role, "keyString", keyString,
                "der", actual == null ? "" : Bytes.hex(actual)), actual == null ? "invalid" : "valid");
    }

    private static String wrap(String s, int width, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += width) {
            if (i > 0) b.append(sep);
            b.append(s, i, Math.min(s.length(), i + width));
        }
        return b.toString();
    }

    private static String insertEvery(String s, int width, String[] fillers) {
        StringBuilder b = new StringBuilder();
        int j = 0;
        for (int i = 0; i < s.length(); i += width) {
            if (i > 0) b.append(fillers[j++ % fillers.length]);
            b.append(s, i, Math.min(s.length(), i + width));
        }
        return b.toString();
    }

    // MARK: - RsaKeyParameterCheck

    /** The FIPS 186-4 rules DESIGN.md lists, evaluated with BigInteger; returns the flags of the violated rules. */
    static List<String> violations(int nlen, BigInteger p, BigInteger q, BigInteger e) {
        List<String> v = new ArrayList<>();
        int h = nlen / 2;
        BigInteger lowerSquared = ONE.shiftLeft(nlen - 1); // (sqrt(2) * 2^(h-1))^2 = 2^(nlen-1)
        BigInteger upper = ONE.shiftLeft(h);
        if (!p.isProbablePrime(100)) v.add("CompositeP");
        if (!q.isProbablePrime(100)) v.add("CompositeQ");
        if (p.multiply(p).compareTo(lowerSquared) < 0 || q.multiply(q).compareTo(lowerSquared) < 0) v.add("PrimeTooSmall");
        if (p.compareTo(upper) >= 0 || q.compareTo(upper) >= 0) v.add("PrimeTooLarge");
        if (p.subtract(q).abs().compareTo(ONE.shiftLeft(h - 100)) <= 0) v.add("PrimesTooClose");
        if (!e.testBit(0)) v.add("EvenExponent");
        if (e.compareTo(ONE.shiftLeft(16)) <= 0) v.add("SmallExponent");
        if (e.compareTo(ONE.shiftLeft(256)) >= 0) v.add("LargeExponent");
        if (!e.gcd(p.subtract(ONE)).equals(ONE) || !e.gcd(q.subtract(ONE)).equals(ONE)) v.add("ExponentNotCoprime");
        if (p.multiply(q).bitLength() != nlen) v.add("WrongModulusLength");
        return v;
    }

    /** Adds a check case; {@code expected} (when not null) must equal the computed violations, else the generator aborts. */
    private static void addCheck(VectorFile f, Map<String, Object> g, int nlen, BigInteger p, BigInteger q, BigInteger e,
                                 String comment, List<String> extraFlags, String... expected) {
        List<String> v = violations(nlen, p, q, e);
        if (expected != null) {
            Check.that(new LinkedHashSet<>(v).equals(new LinkedHashSet<>(Arrays.asList(expected))),
                    "parameter check '" + comment + "': intended " + Arrays.toString(expected) + ", computed " + v);
        }
        Set<String> flags = new LinkedHashSet<>(extraFlags);
        if (v.isEmpty()) flags.add("ValidParameters");
        flags.addAll(v);
        String c = comment + (v.isEmpty() ? "" : " [violates: " + String.join(", ", v) + "]");
        f.add(g, c, new ArrayList<>(flags), VectorFile.fields("keySize", nlen, "p", Bytes.bigHex(p), "q", Bytes.bigHex(q),
                "e", Bytes.bigHex(e)), v.isEmpty() ? "valid" : "invalid");
    }

    private static boolean fips(KeyMaterial km) {
        return violations(km.bits, km.p, km.q, km.e).isEmpty();
    }

    private static BigInteger prevPrime(BigInteger x) {
        BigInteger c = x.testBit(0) ? x : x.subtract(ONE);
        while (!c.isProbablePrime(100)) c = c.subtract(TWO);
        return c;
    }

    private static BigInteger lowerBound(int nlen) {
        // smallest integer x with x^2 >= 2^(nlen-1)
        BigInteger s = ONE.shiftLeft(nlen - 1).sqrt();
        return s.multiply(s).equals(ONE.shiftLeft(nlen - 1)) ? s : s.add(ONE);
    }

    /** A prime p of the form r*k + 1 inside [lower bound, 2^(nlen/2)), so that gcd(r, p-1) = r. */
    private static BigInteger primeCongruentOne(int nlen, BigInteger r, Random rnd) {
        BigInteger lo = lowerBound(nlen), hi = ONE.shiftLeft(nlen / 2);
        while (true) {
            BigInteger k = new BigInteger(nlen / 2 - r.bitLength() + 1, rnd);
            BigInteger p = r.multiply(k).add(ONE);
            if (p.compareTo(lo) >= 0 && p.compareTo(hi) < 0 && p.isProbablePrime(100)) return p;
        }
    }

    /** A composite in the allowed range with no small factors: the product of two primes of about nlen/4 bits. */
    private static BigInteger balancedComposite(int nlen, Random rnd) {
        BigInteger lo = lowerBound(nlen), hi = ONE.shiftLeft(nlen / 2);
        while (true) {
            BigInteger a = BigInteger.probablePrime(nlen / 4, rnd), b = BigInteger.probablePrime(nlen / 4, rnd);
            BigInteger c = a.multiply(b);
            if (c.compareTo(lo) >= 0 && c.compareTo(hi) < 0) return c;
        }
    }

    private static void parameterCheck(VectorFile f, KeyPool pool) throws Exception {
        Random rnd = new Random(0x46495053L); // "FIPS"
        Map<String, Object> g = f.group("RsaKeyParameterCheck");
        List<String> jdk = List.of("JdkPrimes");
        List<String> none = List.of();
        List<String> edge = List.of("BoundaryValue");

        // JDK primes as they come (valid, or PrimeTooSmall: the JDK does not enforce the sqrt(2) bound).
        for (int bits : new int[] {512, 1024, 2048, 3072}) {
            int count = bits == 1024 ? 10 : bits == 2048 ? 4 : bits == 512 ? 2 : 1;
            for (int i = 0; i < count; i++) {
                KeyMaterial km = pool.get(bits, i);
                List<String> v = violations(bits, km.p, km.q, km.e);
                Check.that(v.isEmpty() || v.equals(List.of("PrimeTooSmall")), "JDK primes violate only the sqrt(2) bound: " + v);
                addCheck(f, g, bits, km.p, km.q, km.e, bits + "-bit KeyPairGenerator key #" + (i + 1), jdk, (String[]) null);
            }
        }
        for (int bits : new int[] {1024, 2048}) {
            int h = bits / 2;
            KeyMaterial km = pool.find(bits, KeygenVectors::fips, "whose primes pass FIPS 186-4");
            BigInteger p = km.p, q = km.q, e = km.e;
            String b = bits + "-bit: ";
            addCheck(f, g, bits, p, q, e, b + "JDK primes that pass every rule", jdk);
            addCheck(f, g, bits, q, p, e, b + "the same primes with p and q swapped", jdk);

            // primality
            BigInteger pc = p.add(TWO);
            while (pc.isProbablePrime(100)) pc = pc.add(TWO);
            addCheck(f, g, bits, pc, q, e, b + "p replaced by the next odd composite after it", none, "CompositeP");
            BigInteger qc = balancedComposite(bits, rnd);
            addCheck(f, g, bits, p, qc, e, b + "q = product of two " + (bits / 4) + "-bit primes (no small factors)", none,
                    "CompositeQ");
            addCheck(f, g, bits, pc, qc, e, b + "p and q both composite", none, "CompositeP", "CompositeQ");

            // size of the primes
            BigInteger lo = lowerBound(bits);
            BigInteger pMin = lo.subtract(ONE).nextProbablePrime();
            BigInteger pBelow = prevPrime(lo.subtract(ONE));
            BigInteger pMax = prevPrime(ONE.shiftLeft(h).subtract(ONE));
            BigInteger pOver = ONE.shiftLeft(h).nextProbablePrime();
            BigInteger pHalf = ONE.shiftLeft(h - 1).nextProbablePrime();
            BigInteger gap = ONE.shiftLeft(h - 100);
            addCheck(f, g, bits, pMin, q, e, b + "p = smallest prime >= sqrt(2)*2^(nlen/2-1)", edge);
            addCheck(f, g, bits, pBelow, q, e, b + "p = largest prime < sqrt(2)*2^(nlen/2-1)", edge, "PrimeTooSmall");
            addCheck(f, g, bits, pHalf, q, e, b + "p = smallest prime >= 2^(nlen/2-1): right bit length but below the sqrt(2) bound,"
                    + " so n has nlen-1 bits", none, "PrimeTooSmall", "WrongModulusLength");
            addCheck(f, g, bits, pMax, pMin, e, b + "p = largest prime < 2^(nlen/2), q = smallest allowed prime", edge);
            addCheck(f, g, bits, pOver, pMin, e, b + "p = smallest prime >= 2^(nlen/2) (one bit too long), q = smallest allowed prime"
                    + " (n still has nlen bits)", none, "PrimeTooLarge");
            addCheck(f, g, bits, pHalf, pHalf.add(gap).nextProbablePrime(), e,
                    b + "both primes just above 2^(nlen/2-1): n has nlen-1 bits", none, "PrimeTooSmall", "WrongModulusLength");

            // distance between the primes
            addCheck(f, g, bits, p, p.nextProbablePrime(), e, b + "q = next prime after p", none, "PrimesTooClose");
            addCheck(f, g, bits, p, p, e, b + "p = q", none, "PrimesTooClose");
            addCheck(f, g, bits, p, p.add(gap).nextProbablePrime(), e,
                    b + "q = first prime above p + 2^(nlen/2-100) (just far enough)", edge);
            addCheck(f, g, bits, p, prevPrime(p.add(gap)), e, b + "q = largest prime <= p + 2^(nlen/2-100) (too close)", edge,
                    "PrimesTooClose");

            // the public exponent
            addCheck(f, g, bits, p, q, BigInteger.valueOf(65536), b + "e = 65536 = 2^16 (even)", none,
                    "EvenExponent", "SmallExponent", "ExponentNotCoprime");
            addCheck(f, g, bits, p, q, BigInteger.valueOf(65538), b + "e = 65538 (even)", none, "EvenExponent", "ExponentNotCoprime");
            KeyMaterial k3 = null;
            for (int i = 0; i < 200 && k3 == null; i++) {
                KeyMaterial c = KeyMaterial.generate(bits, BigInteger.valueOf(3));
                if (violations(bits, c.p, c.q, c.e).equals(List.of("SmallExponent"))) k3 = c;
            }
            Check.that(k3 != null, "an e = 3 key with primes above the sqrt(2) bound");
            addCheck(f, g, bits, k3.p, k3.q, k3.e, b + "e = 3 (primes of a JDK key pair generated with e = 3)", jdk, "SmallExponent");
            addCheck(f, g, bits, k3.p, k3.q, BigInteger.valueOf(17), b + "e = 17 (primes of the e = 3 key pair)", none,
                    violationsOf(bits, k3.p, k3.q, BigInteger.valueOf(17)));
            addCheck(f, g, bits, p, q, ONE, b + "e = 1", none, "SmallExponent");
            BigInteger e65535 = BigInteger.valueOf(65535);
            List<String> v65535 = violations(bits, p, q, e65535);
            Check.that(v65535.contains("SmallExponent"), "65535 is too small");
            addCheck(f, g, bits, p, q, e65535, b + "e = 2^16 - 1 = 65535 = 3*5*17*257", edge, violationsOf(bits, p, q, e65535));
            addCheck(f, g, bits, p, q, ONE.shiftLeft(16).add(ONE), b + "e = 2^16 + 1 = 65537 (the smallest allowed Fermat prime)", edge);
            addCheck(f, g, bits, p, q, prevPrime(ONE.shiftLeft(256).subtract(ONE)), b + "e = largest prime < 2^256", edge);
            addCheck(f, g, bits, p, q, ONE.shiftLeft(256).nextProbablePrime(), b + "e = smallest prime > 2^256", none, "LargeExponent");
            addCheck(f, g, bits, primeCongruentOne(bits, F4, rnd), q, F4, b + "p = 65537*k + 1, e = 65537: gcd(e, p-1) = 65537", none,
                    "ExponentNotCoprime");
            addCheck(f, g, bits, p, primeCongruentOne(bits, F4, rnd), F4, b + "q = 65537*k + 1, e = 65537: gcd(e, q-1) = 65537", none,
                    "ExponentNotCoprime");

            // wrong modulus length: the primes of a key of the other size
            int otherBits = bits == 1024 ? 2048 : 1024;
            KeyMaterial ko = pool.get(otherBits, 0);
            addCheck(f, g, bits, ko.p, ko.q, ko.e, b + "keySize " + bits + " but the primes of a " + otherBits + "-bit key", none,
                    bits == 1024 ? new String[] {"PrimeTooLarge", "WrongModulusLength"} : new String[] {"PrimeTooSmall", "PrimesTooClose", "WrongModulusLength"});
        }
    }

    /** The computed violations, for cases whose exact set depends on the random primes (addCheck then only records them). */
    private static String[] violationsOf(int nlen, BigInteger p, BigInteger q, BigInteger e) {
        return violations(nlen, p, q, e).toArray(new String[0]);
    }
}
