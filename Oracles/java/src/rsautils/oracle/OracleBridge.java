package rsautils.oracle;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * The Java oracle: one JVM serving many requests.
 *
 * Reads one JSON object per line on stdin and writes exactly one JSON line per input line on
 * stdout, in order, flushing each. Request {@code {"id":N,"op":"...",...}}; answer
 * {@code {"id":N,"ok":true,...}} or {@code {"id":N,"ok":false,"error":"ExceptionClass: message"}}.
 * The op table is in docs/DESIGN.md. Byte strings are lowercase hex, signatures and ciphertexts
 * Base64 (commons-codec), keys RsaUtils strings (Base64 of X.509 / PKCS#8 DER).
 *
 * Answers go to the private channel named by {@code --answers FIFO} (stdout when run by hand):
 * System.out is pointed at stderr at start-up, and the JVM's stdout is only a log, so stray prints
 * (and RsaUtils' printStackTrace calls, which use System.err) never reach the answers.
 */
public final class OracleBridge {
    private static final int KEY_CACHE_SIZE = 64;

    /** Parsed keys by their exact RsaUtils string (small LRU). */
    private final Map<String, PublicKey> publicKeys = lru();
    private final Map<String, PrivateKey> privateKeys = lru();
    private final KeyFactory keyFactory;

    private OracleBridge() throws Exception {
        keyFactory = KeyFactory.getInstance(RsaUtils.KEY_ALGORITHM);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<String, V>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEY_CACHE_SIZE;
            }
        };
    }

    public static void main(String[] args) throws IOException {
        // With --answers FIFO (how the Swift client starts it) the answers go to that private channel,
        // opened before any user code is loaded, and the channel starts with a ready line; the JVM's
        // stdout is then only a log, so a user class writing to System.out or FileDescriptor.out
        // cannot corrupt or forge answers. Without it (manual use), answers go to stdout.
        OutputStream answerStream;
        boolean privateChannel = args.length == 2 && "--answers".equals(args[0]);
        if (privateChannel) {
            answerStream = new FileOutputStream(args[1]);
        } else {
            answerStream = new FileOutputStream(FileDescriptor.out);
        }
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        watchParent();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(answerStream, StandardCharsets.UTF_8), 1 << 16);
        if (privateChannel) {
            out.write("{\"ready\":true}\n");
            out.flush();
        }

        OracleBridge bridge;
        try {
            bridge = new OracleBridge();
        } catch (Exception e) {
            System.err.println("OracleBridge: cannot start: " + describe(e));
            System.exit(1);
            return;
        }

        String line;
        while ((line = in.readLine()) != null) {
            Object id = Json.NULL;
            Map<String, Object> answer;
            boolean quit = false;
            try {
                Object parsed = Json.parse(line);
                if (!(parsed instanceof Map)) {
                    throw new IllegalArgumentException("request is not a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> request = (Map<String, Object>) parsed;
                if (request.containsKey("id")) {
                    id = request.get("id");
                }
                String op = Request.string(request, "op");
                answer = new LinkedHashMap<>();
                answer.put("id", id);
                answer.put("ok", Boolean.TRUE);
                if ("quit".equals(op)) {
                    quit = true;
                } else {
                    bridge.handle(op, new Request(request), answer);
                }
            } catch (Throwable t) {
                answer = new LinkedHashMap<>();
                answer.put("id", id);
                answer.put("ok", Boolean.FALSE);
                answer.put("error", describe(t));
            }
            String text;
            try {
                text = Json.write(answer);
            } catch (RuntimeException e) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("id", id);
                failure.put("ok", Boolean.FALSE);
                failure.put("error", describe(e));
                text = Json.write(failure);
            }
            out.write(text);
            out.write('\n');
            out.flush();
            if (quit) {
                break;
            }
        }
        out.flush();
        System.exit(0);
    }

    /**
     * Ends this JVM at once (no shutdown hooks) when the process that started it is gone, e.g. killed
     * with SIGKILL: the bridge must never outlive the tool, even while a user method loops.
     */
    private static void watchParent() {
        java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (!parent.isPresent()) {
            return;
        }
        ProcessHandle handle = parent.get();
        Thread watcher = new Thread(() -> {
            while (true) {
                if (!handle.isAlive()) {
                    Runtime.getRuntime().halt(1);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "oracle-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** "SimpleClassName: message" (or just the class name when there is no message). */
    static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (name.isEmpty()) {
            name = t.getClass().getName();
        }
        if (message == null) {
            return name;
        }
        return name + ": " + message.replace('\n', ' ').replace('\r', ' ');
    }

    // ------------------------------------------------------------------ ops

    private void handle(String op, Request r, Map<String, Object> a) throws Exception {
        switch (op) {
            case "hello":
                a.put("java", System.getProperty("java.version"));
                a.put("commonsCodec", commonsCodecVersion());
                a.put("charset", Charset.defaultCharset().name());
                break;
            case "keygen": {
                int bits = r.optInt("bits", 1024);
                KeyPairGenerator generator = KeyPairGenerator.getInstance(RsaUtils.KEY_ALGORITHM);
                Object seed = r.fields.get("seed");
                if (seed instanceof String) {
                    // Replayable cross-checks: SHA1PRNG seeded before first use is deterministic.
                    java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
                    random.setSeed(unhex((String) seed, "seed"));
                    generator.initialize(bits, random);
                } else {
                    generator.initialize(bits);
                }
                KeyPair pair = generator.generateKeyPair();
                a.put("publicKey", Base64.encodeBase64String(pair.getPublic().getEncoded()));
                a.put("privateKey", Base64.encodeBase64String(pair.getPrivate().getEncoded()));
                break;
            }
            case "parsePublicKey": {
                PublicKey key = publicKey(r.string("key"));
                if (!(key instanceof RSAPublicKey)) {
                    throw new IllegalArgumentException("not an RSA public key: " + key.getClass().getName());
                }
                RSAPublicKey rsa = (RSAPublicKey) key;
                a.put("modulus", hex(rsa.getModulus()));
                a.put("publicExponent", hex(rsa.getPublicExponent()));
                a.put("der", hex(key.getEncoded()));
                break;
            }
            case "parsePrivateKey": {
                PrivateKey key = privateKey(r.string("key"));
                if (!(key instanceof RSAPrivateKey)) {
                    throw new IllegalArgumentException("not an RSA private key: " + key.getClass().getName());
                }
                RSAPrivateKey rsa = (RSAPrivateKey) key;
                a.put("modulus", hex(rsa.getModulus()));
                if (key instanceof RSAPrivateCrtKey) {
                    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
                    a.put("publicExponent", hex(crt.getPublicExponent()));
                    a.put("privateExponent", hex(crt.getPrivateExponent()));
                    a.put("prime1", hex(crt.getPrimeP()));
                    a.put("prime2", hex(crt.getPrimeQ()));
                    a.put("exponent1", hex(crt.getPrimeExponentP()));
                    a.put("exponent2", hex(crt.getPrimeExponentQ()));
                    a.put("coefficient", hex(crt.getCrtCoefficient()));
                } else {
                    // A PKCS#8 key without CRT values: the JDK gives only n and d.
                    a.put("publicExponent", Json.NULL);
                    a.put("privateExponent", hex(rsa.getPrivateExponent()));
                    a.put("prime1", Json.NULL);
                    a.put("prime2", Json.NULL);
                    a.put("exponent1", Json.NULL);
                    a.put("exponent2", Json.NULL);
                    a.put("coefficient", Json.NULL);
                }
                a.put("der", hex(key.getEncoded()));
                break;
            }
            case "sign": {
                String alg = r.string("alg");
                String keyText = r.string("privateKey");
                byte[] data = r.hex("data");
                if (RsaUtils.SIGNATURE_ALGORITHM.equals(alg)) {
                    a.put("signature", RsaUtils.sign(data, keyText));
                } else {
                    Signature signature = Signature.getInstance(alg);
                    signature.initSign(privateKey(keyText));
                    signature.update(data);
                    a.put("signature", Base64.encodeBase64String(signature.sign()));
                }
                break;
            }
            case "verify": {
                String alg = r.string("alg");
                String keyText = r.string("publicKey");
                byte[] data = r.hex("data");
                String sig = r.string("signature");
                boolean valid;
                if (RsaUtils.SIGNATURE_ALGORITHM.equals(alg)) {
                    valid = RsaUtils.verify(data, keyText, sig);
                } else {
                    Signature signature = Signature.getInstance(alg);
                    signature.initVerify(publicKey(keyText));
                    signature.update(data);
                    valid = signature.verify(Base64.decodeBase64(sig));
                }
                a.put("valid", valid);
                break;
            }
            case "encryptByPublicKey": {
                String keyText = r.string("publicKey");
                byte[] data = r.hex("data");
                Integer block = r.optBlock();
                byte[] out = block == null
                        ? RsaUtils.encryptByPublicKey(data, keyText)
                        : chunked(Cipher.ENCRYPT_MODE, publicKey(keyText), data, block);
                a.put("ciphertext", Base64.encodeBase64String(out));
                break;
            }
            case "encryptByPrivateKey": {
                String keyText = r.string("privateKey");
                byte[] data = r.hex("data");
                Integer block = r.optBlock();
                byte[] out = block == null
                        ? RsaUtils.encryptByPrivateKey(data, keyText)
                        : chunked(Cipher.ENCRYPT_MODE, privateKey(keyText), data, block);
                a.put("ciphertext", Base64.encodeBase64String(out));
                break;
            }
            case "decryptByPrivateKey": {
                String keyText = r.string("privateKey");
                byte[] ciphertext = Base64.decodeBase64(r.string("ciphertext"));
                Integer block = r.optBlock();
                byte[] out = block == null
                        ? RsaUtils.decryptByPrivateKey(ciphertext, keyText)
                        : chunked(Cipher.DECRYPT_MODE, privateKey(keyText), ciphertext, block);
                a.put("data", hex(out));
                break;
            }
            case "decryptByPublicKey": {
                String keyText = r.string("publicKey");
                byte[] ciphertext = Base64.decodeBase64(r.string("ciphertext"));
                Integer block = r.optBlock();
                byte[] out = block == null
                        ? RsaUtils.decryptByPublicKey(ciphertext, keyText)
                        : chunked(Cipher.DECRYPT_MODE, publicKey(keyText), ciphertext, block);
                a.put("data", hex(out));
                break;
            }
            case "encryptedDataOnJava":
                a.put("result", RsaUtils.encryptedDataOnJava(r.string("text"), r.string("publicKey")));
                break;
            case "base64Decode": {
                // commons-codec decodeBase64 of each text, as RsaUtils reads keys, signatures and ciphertexts.
                java.util.List<Object> decoded = new java.util.ArrayList<>();
                for (Object text : r.list("texts")) {
                    decoded.add(hex(Base64.decodeBase64(Request.stringValue(text, "texts[]"))));
                }
                a.put("data", decoded);
                break;
            }
            case "verifyMany": {
                // A whole vector group in one round trip: the JDK's verdict per case, "true", "false" or the
                // exception it throws (e.g. "SignatureException: Bad signature length: ...").
                String alg = r.string("alg");
                PublicKey key = publicKey(r.string("publicKey"));
                java.util.List<Object> verdicts = new java.util.ArrayList<>();
                for (Object item : r.list("cases")) {
                    if (!(item instanceof Map)) {
                        throw new IllegalArgumentException("field \"cases\" must hold objects");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) item;
                    Signature signature = Signature.getInstance(alg);
                    signature.initVerify(key);
                    signature.update(unhex(Request.string(c, "data"), "data"));
                    try {
                        verdicts.add(Boolean.toString(signature.verify(unhex(Request.string(c, "signature"), "signature"))));
                    } catch (java.security.SignatureException e) {
                        verdicts.add(describe(e));
                    }
                }
                a.put("verdicts", verdicts);
                break;
            }
            case "md5":
                a.put("digest", hex(MessageDigest.getInstance("MD5").digest(r.hex("data"))));
                break;
            case "tokenSign": {
                String joined = r.string("appId") + r.string("businessType") + r.string("msgId")
                        + r.string("timestamp") + r.string("traceId") + r.string("version") + r.string("appKey");
                a.put("sign", hex(MessageDigest.getInstance("MD5").digest(joined.getBytes(StandardCharsets.UTF_8))));
                break;
            }
            case "rawPublic":
                a.put("data", hex(raw(publicKey(r.string("publicKey")), r.hex("data"))));
                break;
            case "rawPrivate":
                a.put("data", hex(raw(privateKey(r.string("privateKey")), r.hex("data"))));
                break;
            case "bench":
                // One timed round (OracleBench): optional fields default to empty / 0.
                a.put("nanosPerOp", OracleBench.round(r.string("what"), r.optInt("size", 0), optString(r.fields, "alg"),
                        r.optInt("bits", 0), optString(r.fields, "privateKey"), optString(r.fields, "publicKey"),
                        r.optInt("warmupMillis", 300), r.optInt("roundMillis", 100), "cpu".equals(optString(r.fields, "clock"))));
                break;
            case "numberCheckBuild":
            case "numberCheckVerify":
                // The number-check request: a business server's builder, the platform's checks (NumberCheck).
                NumberCheck.bridge(op, r.fields, a);
                break;
            case "userLoad":
            case "userKeyPair":
            case "userCall":
            case "encodeText":
            case "decodeText":
            case "userScan":
            case "userClassKeys":
                // java-check: a user's own RsaUtils class, loaded by reflection (UserClassProbe).
                UserClassProbe.shared().handle(op, r.fields, a);
                break;
            default:
                throw new IllegalArgumentException("unknown op \"" + op + "\"");
        }
    }

    /** RsaUtils' chunk loop (Cipher "RSA" = RSA/ECB/PKCS1Padding) with a caller-chosen block size. */
    private static byte[] chunked(int mode, Key key, byte[] data, int block) throws Exception {
        Cipher cipher = Cipher.getInstance(RsaUtils.KEY_ALGORITHM);
        cipher.init(mode, key);
        return RsaUtils.doFinalInBlocks(cipher, data, block);
    }

    /** RSA/ECB/NoPadding: data^e or data^d mod n, as k bytes. */
    private static byte[] raw(Key key, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        byte[] out = cipher.doFinal(data);
        if (key instanceof RSAKey) {
            int k = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
            if (out.length < k) {
                byte[] padded = new byte[k];
                System.arraycopy(out, 0, padded, k - out.length, out.length);
                out = padded;
            }
        }
        return out;
    }

    /** Parses an RsaUtils public key string exactly as RsaUtils does (commons-codec Base64, X.509). */
    private PublicKey publicKey(String text) throws Exception {
        PublicKey key = publicKeys.get(text);
        if (key == null) {
            key = keyFactory.generatePublic(new X509EncodedKeySpec(Base64.decodeBase64(text)));
            publicKeys.put(text, key);
        }
        return key;
    }

    /** Parses an RsaUtils private key string exactly as RsaUtils does (commons-codec Base64, PKCS#8). */
    private PrivateKey privateKey(String text) throws Exception {
        PrivateKey key = privateKeys.get(text);
        if (key == null) {
            key = keyFactory.generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(text)));
            privateKeys.put(text, key);
        }
        return key;
    }

    private static String commonsCodecVersion() {
        Package p = Base64.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    // ------------------------------------------------------------------ encodings

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Two's complement big-endian hex (BigInteger.toByteArray), as Wycheproof writes BigInt. */
    static String hex(BigInteger value) {
        return hex(value.toByteArray());
    }

    static byte[] unhex(String text, String field) {
        int n = text.length();
        if (n % 2 != 0) {
            throw new IllegalArgumentException("field \"" + field + "\": odd number of hex digits");
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = hexDigit(text.charAt(i));
            int lo = hexDigit(text.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("field \"" + field + "\": not hex at offset " + (hi < 0 ? i : i + 1));
            }
            out[i / 2] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A string field that may be absent ("" then). */
    private static String optString(Map<String, Object> fields, String name) {
        return fields.containsKey(name) ? Request.string(fields, name) : "";
    }

    /** Typed access to request fields; every problem is an IllegalArgumentException naming the field. */
    private static final class Request {
        private final Map<String, Object> fields;

        Request(Map<String, Object> fields) {
            this.fields = fields;
        }

        static String string(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing field \"" + name + "\"");
            }
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("field \"" + name + "\" must be a string");
            }
            return (String) value;
        }

        String string(String name) {
            return string(fields, name);
        }

        static String stringValue(Object value, String name) {
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("field \"" + name + "\" must be a string");
            }
            return (String) value;
        }

        java.util.List<?> list(String name) {
            Object value = fields.get(name);
            if (!(value instanceof java.util.List)) {
                throw new IllegalArgumentException("field \"" + name + "\" must be an array");
            }
            return (java.util.List<?>) value;
        }

        byte[] hex(String name) {
            return unhex(string(name), name);
        }

        int optInt(String name, int fallback) {
            Object value = fields.get(name);
            if (value == null || value == Json.NULL) {
                return fallback;
            }
            if (value instanceof Long) {
                long v = (Long) value;
                if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                    return (int) v;
                }
            }
            if (!(value instanceof Long) && !(value instanceof BigInteger)) {
                throw new IllegalArgumentException("field \"" + name + "\" must be an integer");
            }
            throw new IllegalArgumentException("field \"" + name + "\" is out of range");
        }

        /** The optional block size; null when absent (RsaUtils' own constants apply). */
        Integer optBlock() {
            Object value = fields.get("block");
            if (value == null || value == Json.NULL) {
                return null;
            }
            int block = optInt("block", 0);
            if (block <= 0) {
                throw new IllegalArgumentException("field \"block\" must be positive, got " + block);
            }
            return block;
        }
    }
}
