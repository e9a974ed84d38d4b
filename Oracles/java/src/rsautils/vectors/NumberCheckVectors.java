package rsautils.vectors;

import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.crypto.Cipher;

import org.apache.commons.codec.binary.Base64;

import rsautils.oracle.NumberCheck;
import rsautils.oracle.RsaUtils;

/**
 * Vectors/number_check_test.json: number-check requests (seed step 10) made by the JDK with fixed PKCS#1
 * padding strings (em = 00 02 ps 00 plaintext, RSA/ECB/NoPadding, checked by JDK PKCS1Padding decryption),
 * signed with RsaUtils.sign (MD5withRSA), the JSON written by rsautils.oracle.NumberCheck, and the code the
 * Java verifier (NumberCheck.verify) gives each one, cross-checked against the code each case intends.
 */
final class NumberCheckVectors {
    private NumberCheckVectors() {}

    /** One group: the verifier's keys, appKey and plaintext rule, plus keys the verifier does not know. */
    private static final class G {
        final KeyMaterial customer, platform, otherCustomer, otherPlatform;
        final String appKey, rule;
        Map<String, Object> json;

        G(KeyMaterial customer, KeyMaterial platform, KeyMaterial otherCustomer, KeyMaterial otherPlatform, String appKey, String rule) {
            this.customer = customer;
            this.platform = platform;
            this.otherCustomer = otherCustomer;
            this.otherPlatform = otherPlatform;
            this.appKey = appKey;
            this.rule = rule;
        }

        boolean fullRule() {
            return rule.equals(NumberCheck.RULE_PHONE_APPKEY_TIMESTAMP);
        }
    }

    /** The fields of one request (null = left out of the JSON). */
    private static final class Req implements Cloneable {
        String version = "1.0", msgId = "a1b2c3d4e5f60718293a4b5c6d7e8f90", appId = "300011862498", timestamp = "20240229123456789";
        String expandParams = "", phoneNum, token = "STsid0000001712345678AbCdEf", sign, userInformation = "d41d8cd98f00b204e9800998ecf8427e";
        String phone = "13800138000";

        Req copy() {
            try {
                return (Req) clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        String signString() {
            return NumberCheck.signString(appId, msgId, phoneNum, timestamp, token, version);
        }

        String json() {
            return NumberCheck.requestJson(version, msgId, appId, timestamp, expandParams, phoneNum, token, sign, userInformation);
        }
    }

    private static VectorFile f;
    private static Random rnd;

    static VectorFile build(KeyPool pool) throws Exception {
        f = new VectorFile("number_check_test.json", "CMCC-number-check", "number_check_schema_v1.json",
                "China Mobile number-check request (H5 number verification, seed step 10): {\"header\":{version, msgId, appId,",
                "timestamp}, \"body\":{expandParams, phoneNum, token, sign, userInformation}}. phoneNum = commons-codec Base64 of",
                "PKCS#1 v1.5 type-2 encryption with the platform public key of the group's plaintextRule (phone + appKey +",
                "timestamp, or phone): em = 00 02 ps 00 plaintext with the recorded ps, ct = JDK RSA/ECB/NoPadding, checked by JDK",
                "PKCS1Padding decryption. sign = RsaUtils.sign (MD5withRSA, customer private key) over the UTF-8 bytes of appId +",
                "msgId + phoneNum + timestamp + token + version. request = the exact JSON text (rsautils.oracle.NumberCheck.requestJson,",
                "minimal RFC 8259 escaping). resultCode = rsautils.oracle.NumberCheck.verify with the group's keys: 303 parse, 102",
                "required field or timestamp, 302 sign, 004 phoneNum, 001 phone mismatch, 000 accepted (first failure wins).");
        notes();
        rnd = new Random(0x4e434b31L); // "NCK1"
        KeyMaterial c1024 = pool.get(1024, 0), p1024 = pool.get(1024, 1), o1024 = pool.get(1024, 2);
        KeyMaterial c2048 = pool.get(2048, 0), p2048 = pool.get(2048, 1), o2048 = pool.get(2048, 2);
        String appKey = "8A2B4C6D8E0F1A3B5C7D9E1F3A5B7C9D";
        G[] groups = {
            new G(c1024, p1024, o1024, o1024, appKey, NumberCheck.RULE_PHONE_APPKEY_TIMESTAMP),
            new G(c1024, p1024, o1024, o1024, appKey, NumberCheck.RULE_PHONE),
            new G(c2048, p2048, o2048, o2048, "应用密钥-AppKey-2048", NumberCheck.RULE_PHONE_APPKEY_TIMESTAMP),
            new G(c1024, p2048, o1024, o2048, appKey, NumberCheck.RULE_PHONE),
        };
        for (int i = 0; i < groups.length; i++) cases(groups[i], i);
        return f;
    }

    private static void notes() {
        f.note("Normal", "BASIC", "A well-formed request built by the rule, signed with the customer key: accepted (000).");
        f.note("ChineseText", "FUNCTIONALITY", "Chinese (and emoji) text in userInformation or appKey: UTF-8, written unescaped in the JSON.");
        f.note("JsonEscapes", "FUNCTIONALITY", "userInformation with characters JSON must escape (quote, backslash, control characters).");
        f.note("SpecialCasePadding", "EDGE_CASE", "The PKCS#1 padding string is not random (all ff): still a valid block.");
        f.note("UnsignedField", "FUNCTIONALITY", "userInformation / expandParams are not covered by the sign: changing them keeps it valid.");
        f.note("NoExpectedPhone", "FUNCTIONALITY", "The verifier is not told the phone (expectedPhone null): only the rule is checked.");
        f.note("PhoneMismatch", "BASIC", "001: the phone inside phoneNum is not the expected one.");
        f.note("OtherRule", "FUNCTIONALITY", "phoneNum encrypts the other plaintext rule's text.");
        f.note("TamperedSign", "AUTH_BYPASS", "302: the sign was changed, or a signed field was changed after signing.");
        f.note("WrongCustomerKey", "AUTH_BYPASS", "302: signed with another customer key.");
        f.note("WrongSignFormula", "AUTH_BYPASS", "302: the sign covers the fields in another order or uses another algorithm or encoding.");
        f.note("WrongPlatformKey", "CONFIDENTIALITY", "004: phoneNum encrypted with another platform key (the sign is valid).");
        f.note("BadPhoneNum", "CONFIDENTIALITY", "004: phoneNum is not Base64, not whole blocks, or a malformed PKCS#1 block (sign valid); "
                + "one code whatever failed (no padding oracle).");
        f.note("PlaintextMismatch", "BASIC", "004: the plaintext has another appKey or timestamp than the rule requires.");
        f.note("MissingField", "BASIC", "102: a required field (header version, msgId, appId, timestamp; body phoneNum, token, sign) "
                + "is absent, empty or blank, or body userInformation is absent.");
        f.note("BadTimestamp", "BASIC", "102: the header timestamp is not 17 ASCII digits of a real date and time.");
        f.note("ParseError", "BASIC", "303: not strict JSON, or an object/string where another type is required.");
    }

    // MARK: - building blocks

    private static byte[] ps(KeyMaterial km, int messageLength) {
        return Bytes.randomNonZero(rnd, km.k - 3 - messageLength);
    }

    /** phoneNum with a fixed ps: NoPadding of 00 02 ps 00 plaintext, checked by the JDK's PKCS1Padding decryption. */
    private static String encrypt(KeyMaterial platform, String plaintext, byte[] ps) throws Exception {
        byte[] msg = Bytes.utf8(plaintext);
        Check.that(ps.length == platform.k - 3 - msg.length, "ps length");
        byte[] ct = Jdk.rawEncrypt(platform, Bytes.concat(Bytes.of(0, 2), ps, Bytes.of(0), msg));
        Check.equal(msg, Jdk.pkcs1(Cipher.DECRYPT_MODE, platform.privateKey, ct), "JDK PKCS1Padding decrypts phoneNum");
        if (platform.k == 128) {
            Check.equal(msg, RsaUtils.decryptByPrivateKey(ct, platform.privateRsaUtils), "RsaUtils.decryptByPrivateKey reads phoneNum");
        }
        return Base64.encodeBase64String(ct);
    }

    private static String sign(KeyMaterial customer, String signString) throws Exception {
        String sign = RsaUtils.sign(Bytes.utf8(signString), customer.privateRsaUtils);
        Check.that("true".equals(Jdk.verify("MD5", customer, Bytes.utf8(signString), Base64.decodeBase64(sign))), "JDK verifies the sign");
        return sign;
    }

    /** A request built by the rule with a fresh fixed ps; returns the ps used. */
    private static byte[] standard(G g, Req r) throws Exception {
        String plain = NumberCheck.plaintext(g.rule, r.phone, g.appKey, r.timestamp);
        byte[] ps = ps(g.platform, Bytes.utf8(plain).length);
        r.phoneNum = encrypt(g.platform, plain, ps);
        r.sign = sign(g.customer, r.signString());
        return ps;
    }

    /** Re-signs after a change (the case then isolates a later rule). */
    private static void resign(G g, Req r) throws Exception {
        r.sign = sign(g.customer, r.signString());
    }

    private static void add(G g, Req r, byte[] ps, String expectedPhone, String code, String comment, String... flags) throws Exception {
        add(g, r.json(), ps == null ? null : r.phone, ps, expectedPhone, code, comment, flags);
    }

    private static void add(G g, String request, String phone, byte[] ps, String expectedPhone, String code, String comment,
                            String... flags) throws Exception {
        NumberCheck.Verdict v = NumberCheck.verify(request, g.customer.publicRsaUtils, g.platform.privateRsaUtils, g.appKey,
                expectedPhone, g.rule);
        Check.that(v.code.equals(code), "number-check case '" + comment + "': intended " + code + ", the Java verifier gives "
                + v.code + " (" + v.reason + ")");
        Map<String, Object> t = VectorFile.fields("request", request, "phone", phone, "ps", ps == null ? null : Bytes.hex(ps),
                "expectedPhone", expectedPhone, "resultCode", code);
        f.add(g.json, comment, List.of(flags), t, code.equals("000") ? "valid" : "invalid");
    }

    // MARK: - cases

    /** Group 0 gets every variant; the others a rotating subset of the key-independent ones. */
    private static void cases(G g, int index) throws Exception {
        boolean all = index == 0;
        g.json = f.group("NumberCheck");
        g.json.put("customerKeySize", g.customer.bits);
        g.json.put("customerPublicKey", g.customer.publicRsaUtils);
        g.json.put("customerPrivateKey", g.customer.privateRsaUtils);
        g.json.put("platformKeySize", g.platform.bits);
        g.json.put("platformPublicKey", g.platform.publicRsaUtils);
        g.json.put("platformPrivateKey", g.platform.privateRsaUtils);
        g.json.put("appKey", g.appKey);
        g.json.put("plaintextRule", g.rule);
        String phone = "13800138000";

        // A business server's own request (random padding, RsaUtils.encryptByPublicKey) must pass the Java verifier.
        String live = NumberCheck.buildRequest("300011862498", g.appKey, "tok", phone, "", "", "m1", "20240229123456789", "1.0",
                g.rule, g.customer.privateRsaUtils, g.platform.publicRsaUtils);
        Check.that(NumberCheck.verify(live, g.customer.publicRsaUtils, g.platform.privateRsaUtils, g.appKey, phone, g.rule).code.equals("000"),
                "a randomly padded request verifies");

        // valid
        Req r = new Req();
        byte[] ps = standard(g, r);
        add(g, r, ps, phone, "000", "typical request, the verifier expects this phone", "Normal");
        Req base = r.copy();
        byte[] basePs = ps;
        add(g, r, ps, null, "000", "typical request, no expected phone", "Normal", "NoExpectedPhone");
        r = new Req();
        r.userInformation = "浏览器指纹：中国移动 😀 H5本机号码校验";
        ps = standard(g, r);
        add(g, r, ps, phone, "000", "Chinese and emoji userInformation", "Normal", "ChineseText");
        r = new Req();
        r.userInformation = "fp \"quoted\" back\\slash /slash\nnew line\ttab \u0001 \u001f end";
        ps = standard(g, r);
        add(g, r, ps, phone, "000", "userInformation that JSON must escape", "Normal", "JsonEscapes");
        r = new Req();
        r.expandParams = "channel=wx|scene=login";
        r.msgId = "0f8e2b9a-6c1d-4e5f-8a7b-3c2d1e0f9a8b";
        r.phone = "19912345678";
        ps = standard(g, r);
        add(g, r, ps, "19912345678", "000", "expandParams, UUID msgId, another phone", "Normal");
        r = new Req();
        String plain = NumberCheck.plaintext(g.rule, r.phone, g.appKey, r.timestamp);
        ps = Bytes.filled(g.platform.k - 3 - Bytes.utf8(plain).length, 0xff);
        r.phoneNum = encrypt(g.platform, plain, ps);
        resign(g, r);
        add(g, r, ps, phone, "000", "padding string all ff", "SpecialCasePadding");
        r = base.copy();
        r.userInformation = "changed after signing";
        r.expandParams = "x=1";
        add(g, r.json(), null, null, phone, "000", "userInformation and expandParams changed after signing (not signed)", "UnsignedField");

        // 001
        add(g, base, basePs, "13800138001", "001", "the verifier expects another phone", "PhoneMismatch");

        // 302
        r = base.copy();
        byte[] sig = Base64.decodeBase64(r.sign);
        r.sign = Base64.encodeBase64String(Bytes.flipBit(sig, sig.length / 2, 3));
        add(g, r, null, phone, "302", "sign with one bit flipped", "TamperedSign");
        r = base.copy();
        r.sign = sign(g.otherCustomer, r.signString());
        add(g, r, null, phone, "302", "signed with another customer key", "WrongCustomerKey");
        r = base.copy();
        r.token = r.token + "X";
        add(g, r, null, phone, "302", "token changed after signing", "TamperedSign");
        r = base.copy();
        Req other = new Req();
        standard(g, other);
        r.phoneNum = other.phoneNum;
        add(g, r, null, phone, "302", "phoneNum replaced after signing (another encryption of the same plaintext)", "TamperedSign");
        if (all) {
            r = base.copy();
            r.sign = sign(g.customer, r.appId + r.phoneNum + r.msgId + r.timestamp + r.token + r.version);
            add(g, r, null, phone, "302", "sign over appId + phoneNum + msgId + … (another order)", "WrongSignFormula");
            r = base.copy();
            r.sign = Base64.encodeBase64String(Jdk.sign("SHA-256", g.customer, Bytes.utf8(r.signString())));
            add(g, r, null, phone, "302", "SHA256withRSA instead of MD5withRSA", "WrongSignFormula");
            r = base.copy();
            r.sign = Bytes.hex(Base64.decodeBase64(r.sign)).toUpperCase();
            add(g, r, null, phone, "302", "the signature in upper-case hex instead of Base64", "WrongSignFormula");
            r = base.copy();
            r.sign = sign(g.customer, String.join("+", r.appId, r.msgId, r.phoneNum, r.timestamp, r.token, r.version));
            add(g, r, null, phone, "302", "sign with literal '+' between the fields", "WrongSignFormula");
        }

        // 004
        r = base.copy();
        plain = NumberCheck.plaintext(g.rule, r.phone, g.appKey, r.timestamp);
        r.phoneNum = encrypt(g.otherPlatform, plain, ps(g.otherPlatform, Bytes.utf8(plain).length));
        resign(g, r);
        add(g, r, null, phone, "004", "phoneNum encrypted with another platform key", "WrongPlatformKey");
        r = base.copy();
        r.phoneNum = "手机号13800138000!";
        resign(g, r);
        add(g, r, null, phone, "004", "phoneNum is not Base64 (signed as sent)", "BadPhoneNum");
        r = base.copy();
        byte[] ct = Base64.decodeBase64(base.phoneNum);
        r.phoneNum = Base64.encodeBase64String(Bytes.slice(ct, 0, ct.length - 1));
        resign(g, r);
        add(g, r, null, phone, "004", "phoneNum ciphertext one byte short", "BadPhoneNum");
        byte[] msg = Bytes.utf8(plain);
        byte[][] blocks = {
            Bytes.concat(Bytes.of(0, 1), Bytes.filled(g.platform.k - 3 - msg.length, 0xff), Bytes.of(0), msg),
            Bytes.concat(Bytes.of(0, 2), Bytes.randomNonZero(rnd, g.platform.k - 2)),
        };
        String[] what = {"block type 01", "no 00 separator"};
        for (int i = 0; i < blocks.length; i++) {
            byte[] bad = Jdk.rawEncrypt(g.platform, blocks[i]);
            int blockIndex = i;
            Check.throwsException(() -> Jdk.pkcs1(Cipher.DECRYPT_MODE, g.platform.privateKey, bad), what[blockIndex]);
            r = base.copy();
            r.phoneNum = Base64.encodeBase64String(bad);
            resign(g, r);
            add(g, r, null, phone, "004", "phoneNum is a malformed PKCS#1 block: " + what[i], "BadPhoneNum");
        }
        r = base.copy();
        String otherRule = g.fullRule() ? NumberCheck.RULE_PHONE : NumberCheck.RULE_PHONE_APPKEY_TIMESTAMP;
        plain = NumberCheck.plaintext(otherRule, r.phone, g.appKey, r.timestamp);
        ps = ps(g.platform, Bytes.utf8(plain).length);
        r.phoneNum = encrypt(g.platform, plain, ps);
        resign(g, r);
        // The bare-phone verifier reads the whole plaintext as the phone: a mismatch (001), not a format error.
        add(g, r, null, phone, g.fullRule() ? "004" : "001", "phoneNum encrypts the " + otherRule + " plaintext", "OtherRule",
                g.fullRule() ? "PlaintextMismatch" : "PhoneMismatch");
        if (g.fullRule()) {
            r = base.copy();
            plain = r.phone + g.appKey + "20240229123456788";
            r.phoneNum = encrypt(g.platform, plain, ps(g.platform, Bytes.utf8(plain).length));
            resign(g, r);
            add(g, r, null, phone, "004", "plaintext timestamp 1 ms before the header timestamp", "PlaintextMismatch");
            r = base.copy();
            plain = r.phone + g.appKey.toLowerCase() + r.timestamp;
            r.phoneNum = encrypt(g.platform, plain, ps(g.platform, Bytes.utf8(plain).length));
            resign(g, r);
            add(g, r, null, phone, "004", "plaintext with the appKey in lower case", "PlaintextMismatch");
            r = base.copy();
            plain = g.appKey + r.timestamp;
            r.phoneNum = encrypt(g.platform, plain, ps(g.platform, Bytes.utf8(plain).length));
            resign(g, r);
            add(g, r, null, null, "004", "plaintext without the phone (appKey + timestamp only)", "PlaintextMismatch");
        }

        // 102
        String[] fields = {"version", "msgId", "appId", "timestamp", "phoneNum", "token", "sign"};
        for (int i = 0; i < fields.length; i++) {
            if (!all && i % 3 != (index % 3)) continue;
            r = base.copy();
            set(r, fields[i], null);
            add(g, r, null, phone, "102", "header/body field " + fields[i] + " absent", "MissingField");
        }
        r = base.copy();
        r.userInformation = null;
        add(g, r, null, phone, "102", "body field userInformation absent (it may be empty, not absent)", "MissingField");
        r = base.copy();
        r.userInformation = "";
        add(g, r.json(), null, null, phone, "000", "userInformation empty (not signed; only its absence is an error)", "UnsignedField");
        r = base.copy();
        set(r, fields[(index % 3) + 1], " \t");
        add(g, r, null, phone, "102", fields[(index % 3) + 1] + " only whitespace", "MissingField");
        String[][] badTimes = {{"20230229123456789", "29 February 2023"}, {"2024022912345678", "16 digits"},
            {"2024-02-29 12:34:56", "ISO format"}};
        for (int i = 0; i < badTimes.length; i++) {
            if (!all && i != (index % 3) % 3) continue;
            r = base.copy();
            r.timestamp = badTimes[i][0];
            resign(g, r);
            add(g, r, null, phone, "102", "timestamp " + badTimes[i][1] + " (signed as sent)", "BadTimestamp");
        }

        // 303 (only the first group: they do not depend on keys)
        if (all) {
            String json = base.json();
            add(g, json.substring(0, json.length() - 1), null, null, phone, "303", "JSON truncated (closing brace missing)", "ParseError");
            add(g, json.replace("{\"header\":{", "{\"header\":\"\",\"x\":{"), null, null, phone, "303", "header is a string", "ParseError");
            add(g, json.replace("\"version\":\"1.0\"", "\"version\":1.0"), null, null, phone, "303", "version is a number", "ParseError");
            add(g, json.replace("\"msgId\":", "\"appId\":\"dup\",\"msgId\":"), null, null, phone, "303", "duplicate member appId",
                    "ParseError");
            add(g, json.replace("\"token\":\"", "\"token\":\"\\ud800"), null, null, phone, "303", "lone surrogate escape in token",
                    "ParseError");
        }
    }

    private static void set(Req r, String name, String value) {
        switch (name) {
            case "version" -> r.version = value;
            case "msgId" -> r.msgId = value;
            case "appId" -> r.appId = value;
            case "timestamp" -> r.timestamp = value;
            case "phoneNum" -> r.phoneNum = value;
            case "token" -> r.token = value;
            case "sign" -> r.sign = value;
            default -> throw new IllegalArgumentException(name);
        }
    }
}
