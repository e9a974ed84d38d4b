package rsautils.oracle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

/**
 * The number-check request (seed step 10) the way a Java business server writes it with RsaUtils,
 * and the platform's checks on it, written independently of the Swift code:
 *
 * <pre>
 * phoneNum = Base64(RsaUtils.encryptByPublicKey((phone + appKey + timestamp).getBytes(UTF-8), platformPublicKey))
 * sign     = RsaUtils.sign((appId + msgId + phoneNum + timestamp + token + version).getBytes(UTF-8), customerPrivateKey)
 * {"header":{"version","msgId","appId","timestamp"},"body":{"expandParams","phoneNum","token","sign","userInformation"}}
 * </pre>
 *
 * verify returns the App-style code: 303 parse, 102 required field (userInformation: present, may be empty) /
 * timestamp, 302 sign, 004 phoneNum,
 * 001 phone mismatch, 000 accepted (docs/NUMBER_CHECK.md). The JSON is written by hand with the minimal
 * RFC 8259 escaping (quote, backslash, control characters), Chinese text as is.
 */
public final class NumberCheck {
    private NumberCheck() {}

    public static final String RULE_PHONE_APPKEY_TIMESTAMP = "phone+appKey+timestamp";
    public static final String RULE_PHONE = "phone";
    private static final String[] REQUIRED = {"version", "msgId", "appId", "timestamp", "phoneNum", "token", "sign"};

    /** The plaintext that phoneNum encrypts under a rule. */
    public static String plaintext(String rule, String phone, String appKey, String timestamp) {
        if (RULE_PHONE.equalsIgnoreCase(rule)) return phone;
        if (RULE_PHONE_APPKEY_TIMESTAMP.equalsIgnoreCase(rule)) return phone + appKey + timestamp;
        throw new IllegalArgumentException("unknown plaintext rule \"" + rule + "\"");
    }

    public static String signString(String appId, String msgId, String phoneNum, String timestamp, String token, String version) {
        return appId + msgId + phoneNum + timestamp + token + version;
    }

    /** A business server's request: random PKCS#1 padding (Cipher "RSA"), RsaUtils sign, JSON by hand. */
    public static String buildRequest(String appId, String appKey, String token, String phone, String userInformation,
                                      String expandParams, String msgId, String timestamp, String version, String rule,
                                      String customerPrivateKey, String platformPublicKey) throws Exception {
        String plain = plaintext(rule, phone, appKey, timestamp);
        String phoneNum = Base64.encodeBase64String(RsaUtils.encryptByPublicKey(plain.getBytes(StandardCharsets.UTF_8), platformPublicKey));
        String sign = RsaUtils.sign(signString(appId, msgId, phoneNum, timestamp, token, version).getBytes(StandardCharsets.UTF_8),
                customerPrivateKey);
        return requestJson(version, msgId, appId, timestamp, expandParams, phoneNum, token, sign, userInformation);
    }

    /** The request text; a null field is left out. */
    public static String requestJson(String version, String msgId, String appId, String timestamp, String expandParams,
                                     String phoneNum, String token, String sign, String userInformation) {
        StringBuilder sb = new StringBuilder("{\"header\":{");
        boolean first = member(sb, true, "version", version);
        first = member(sb, first, "msgId", msgId);
        first = member(sb, first, "appId", appId);
        member(sb, first, "timestamp", timestamp);
        sb.append("},\"body\":{");
        first = member(sb, true, "expandParams", expandParams);
        first = member(sb, first, "phoneNum", phoneNum);
        first = member(sb, first, "token", token);
        first = member(sb, first, "sign", sign);
        member(sb, first, "userInformation", userInformation);
        return sb.append("}}").toString();
    }

    private static boolean member(StringBuilder sb, boolean first, String name, String value) {
        if (value == null) return first;
        if (!first) sb.append(',');
        quote(sb, name);
        sb.append(':');
        quote(sb, value);
        return false;
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** The verdict: code and a one-line reason. */
    public static final class Verdict {
        public final String code;
        public final String reason;

        Verdict(String code, String reason) {
            this.code = code;
            this.reason = reason;
        }
    }

    /** The platform's checks, in order; the first failure decides. expectedPhone may be null. */
    @SuppressWarnings("unchecked")
    public static Verdict verify(String requestJson, String customerPublicKey, String platformPrivateKey, String appKey,
                                 String expectedPhone, String rule) {
        if (!RULE_PHONE.equalsIgnoreCase(rule) && !RULE_PHONE_APPKEY_TIMESTAMP.equalsIgnoreCase(rule)) {
            throw new IllegalArgumentException("unknown plaintext rule \"" + rule + "\"");
        }
        // 303: strict JSON, objects where objects belong, strings (or null = absent) for the fields.
        Map<String, String> f = new java.util.HashMap<>();
        try {
            Object root = Json.parse(requestJson);
            if (!(root instanceof Map)) return new Verdict("303", "top level is not an object");
            for (String section : new String[] {"header", "body"}) {
                Object s = ((Map<String, Object>) root).get(section);
                if (s == null || s == Json.NULL) continue;
                if (!(s instanceof Map)) return new Verdict("303", section + " is not an object");
                for (Map.Entry<String, Object> e : ((Map<String, Object>) s).entrySet()) {
                    boolean known = section.equals("header")
                            ? Arrays.asList("version", "msgId", "appId", "timestamp").contains(e.getKey())
                            : Arrays.asList("expandParams", "phoneNum", "token", "sign", "userInformation").contains(e.getKey());
                    if (!known || e.getValue() == Json.NULL) continue;
                    if (!(e.getValue() instanceof String)) return new Verdict("303", section + "." + e.getKey() + " is not a string");
                    f.put(e.getKey(), (String) e.getValue());
                }
            }
        } catch (Json.ParseException e) {
            return new Verdict("303", "not JSON: " + e.getMessage());
        }
        // 102: required fields.
        for (String name : REQUIRED) {
            String v = f.get(name);
            if (v == null || v.isBlank()) return new Verdict("102", name + " is absent or blank");
        }
        if (f.get("userInformation") == null) return new Verdict("102", "userInformation is absent");
        String timestamp = f.get("timestamp");
        if (!validTimestamp(timestamp)) return new Verdict("102", "timestamp is not 17 digits of a real date and time");
        // 302: RsaUtils.verify (commons-codec Base64, MD5withRSA); an exception is a failed check.
        String s = signString(f.get("appId"), f.get("msgId"), f.get("phoneNum"), timestamp, f.get("token"), f.get("version"));
        boolean signed;
        try {
            signed = RsaUtils.verify(s.getBytes(StandardCharsets.UTF_8), customerPublicKey, f.get("sign"));
        } catch (Exception e) {
            signed = false;
        }
        if (!signed) return new Verdict("302", "sign does not verify with the customer public key");
        // 004: phoneNum decrypts (blocks of k bytes) to a plaintext of the rule; one message for every failure.
        Verdict bad = new Verdict("004", "phoneNum does not decrypt to a plaintext of the rule");
        byte[] plain;
        try {
            plain = decrypt(Base64.decodeBase64(f.get("phoneNum")), platformPrivateKey);
        } catch (Exception e) {
            return bad;
        }
        byte[] phone;
        if (RULE_PHONE.equalsIgnoreCase(rule)) {
            phone = plain;
        } else {
            byte[] suffix = (appKey + timestamp).getBytes(StandardCharsets.UTF_8);
            if (plain.length <= suffix.length
                    || !Arrays.equals(Arrays.copyOfRange(plain, plain.length - suffix.length, plain.length), suffix)) {
                return bad;
            }
            phone = Arrays.copyOf(plain, plain.length - suffix.length);
        }
        if (phone.length == 0 || !isUtf8(phone)) return bad;
        // 001: the expected phone (bytes).
        if (expectedPhone != null && !Arrays.equals(phone, expectedPhone.getBytes(StandardCharsets.UTF_8))) {
            return new Verdict("001", "the phone is not the expected one");
        }
        return new Verdict("000", "accepted, phone " + new String(phone, StandardCharsets.UTF_8));
    }

    /** RsaUtils' decryptByPrivateKey loop with blocks of the key's size (its constant 128 fits only 1024 bits). */
    static byte[] decrypt(byte[] data, String privateKey) throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.decodeBase64(privateKey)));
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, key);
        int k = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
        if (data.length % k != 0) throw new IllegalArgumentException("not whole blocks");
        return RsaUtils.doFinalInBlocks(cipher, data, k);
    }

    static boolean validTimestamp(String t) {
        if (t.length() != 17) return false;
        for (int i = 0; i < 17; i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        }
        try {
            LocalDateTime.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(6, 8)),
                    Integer.parseInt(t.substring(8, 10)), Integer.parseInt(t.substring(10, 12)), Integer.parseInt(t.substring(12, 14)),
                    Integer.parseInt(t.substring(14, 17)) * 1_000_000);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Bridge ops numberCheckBuild / numberCheckVerify (fields as in docs/DESIGN.md). */
    static void bridge(String op, Map<String, Object> r, Map<String, Object> a) throws Exception {
        if (op.equals("numberCheckBuild")) {
            a.put("request", buildRequest(str(r, "appId"), str(r, "appKey"), str(r, "token"), str(r, "phone"),
                    str(r, "userInformation"), str(r, "expandParams"), str(r, "msgId"), str(r, "timestamp"), str(r, "version"),
                    str(r, "plaintextRule"), str(r, "customerPrivateKey"), str(r, "platformPublicKey")));
        } else {
            Object expected = r.get("expectedPhone");
            Verdict v = verify(str(r, "request"), str(r, "customerPublicKey"), str(r, "platformPrivateKey"), str(r, "appKey"),
                    expected instanceof String ? (String) expected : null, str(r, "plaintextRule"));
            a.put("code", v.code);
            a.put("reason", v.reason);
        }
    }

    private static String str(Map<String, Object> r, String name) {
        Object v = r.get(name);
        if (!(v instanceof String)) throw new IllegalArgumentException("field \"" + name + "\" must be a string");
        return (String) v;
    }
}
