package rsautils.vectors;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vectors/gettoken_sign_test.json: the getToken sign formula MD5(appId + businessType + msgId + timestamp +
 * traceId + version + appKey) (lowercase hex of the JDK MessageDigest over UTF-8) and the request checks, in
 * order, first failure wins: 130010 empty parameter, 105112 illegal timestamp, 110025 businessType not "5",
 * 110024 configured businessType differs, 103101 msgId != traceId, 103101 sign mismatch.
 */
final class TokenVectors {
    private TokenVectors() {}

    /** One getToken request; {@code sign == null} means "use the formula sign". */
    private static final class Req {
        String appId = "300011862498";
        String businessType = "5";
        String msgId = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        String timestamp = "20240229123456789";
        String traceId = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        String version = "1.0";
        String appKey = "8A2B4C6D8E0F1A3B5C7D9E1F3A5B7C9D";
        String expandParams;
        String configuredBusinessType;
        String sign;
        /** The letter case of formulaSign: upper (every public client's) or lower (DigestUtils.md5Hex). */
        String signCase = "upper";

        Req lower() {
            signCase = "lower";
            return this;
        }

        Req ids(String id) {
            msgId = id;
            traceId = id;
            return this;
        }

        String concatenation() {
            return appId + businessType + msgId + timestamp + traceId + version + appKey;
        }
    }

    static String md5Hex(byte[] data) throws Exception {
        return Bytes.hex(MessageDigest.getInstance("MD5").digest(data));
    }

    static String formulaSign(Req r) throws Exception {
        String hex = md5Hex(Bytes.utf8(r.concatenation()));
        return r.signCase.equals("upper") ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
    }

    /** The checks of DESIGN.md / PRODUCT.md in order; null when the request passes. */
    static String errorCode(Req r, String sign, String formula) {
        for (String v : new String[] {r.version, sign, r.appId, r.traceId, r.msgId, r.timestamp, r.appKey}) {
            if (v.isBlank()) return "130010"; // String.isBlank: Character.isWhitespace for every code point
        }
        if (!validTimestamp(r.timestamp)) return "105112";
        if (!r.businessType.equals("5")) return "110025";
        if (r.configuredBusinessType != null && !r.configuredBusinessType.equals(r.businessType)) return "110024";
        if (!r.msgId.equals(r.traceId)) return "103101";
        if (!asciiEqualsIgnoreCase(sign, formula)) return "103101";
        return null;
    }

    /** 17 ASCII digits yyyyMMddHHmmssSSS of a real date and time (java.time, proleptic ISO calendar). */
    static boolean validTimestamp(String t) {
        if (t.length() != 17) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        int y = Integer.parseInt(t.substring(0, 4)), mo = Integer.parseInt(t.substring(4, 6)), d = Integer.parseInt(t.substring(6, 8));
        int h = Integer.parseInt(t.substring(8, 10)), mi = Integer.parseInt(t.substring(10, 12));
        int s = Integer.parseInt(t.substring(12, 14)), ms = Integer.parseInt(t.substring(14, 17));
        try {
            LocalDateTime.of(y, mo, d, h, mi, s, ms * 1_000_000);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i), y = b.charAt(i);
            if (x >= 'A' && x <= 'Z') x += 32;
            if (y >= 'A' && y <= 'Z') y += 32;
            if (x != y) return false;
        }
        return true;
    }

    private static VectorFile f;
    private static Map<String, Object> g;

    static VectorFile build() throws Exception {
        f = new VectorFile("gettoken_sign_test.json", "CMCC-getToken-sign", "gettoken_sign_schema_v1.json",
                "China Mobile getToken sign: formulaSign = hex (letter case signCase: upper, the default, or lower) of MD5 (JDK",
                "MessageDigest) over the UTF-8 bytes of",
                "appId + businessType + msgId + timestamp + traceId + version + appKey (string concatenation; expandParams is",
                "not signed). Request checks, in this order, the first failure wins: 130010 a required parameter (version,",
                "sign, appId, traceId, msgId, timestamp, appKey) is empty or whitespace (Java String.isBlank); 105112 timestamp",
                "is not 17 ASCII digits of a real date/time (java.time LocalDateTime.of); 110025 businessType is not exactly",
                "\"5\"; 110024 configuredBusinessType (the app's configuration, when given) differs from businessType; 103101",
                "msgId != traceId; 103101 sign != formulaSign (compared ignoring ASCII case). errorCode is the seed's code.");
        notes();
        g = f.group("GetTokenSign");

        // valid
        valid(new Req(), "typical request: ASCII ids, 17-digit timestamp (29 Feb 2024)", "Normal", "LeapYear");
        valid(new Req().lower(), "typical request, formulaSign in lower case (signCase lower)", "Normal", "LowerCaseSign");
        Req r = new Req();
        r.appKey = "中国移动测试密钥2024";
        valid(r, "Chinese appKey (UTF-8 in the formula)", "ChineseAppKey");
        r = new Req().lower();
        r.appKey = "中国移动测试密钥2024";
        valid(r, "Chinese appKey, formulaSign in lower case", "ChineseAppKey", "LowerCaseSign");
        r = new Req().ids("x".repeat(64) + "0123456789abcdef".repeat(4));
        r.appId = "3".repeat(64);
        r.appKey = "k".repeat(200) + "中".repeat(56);
        valid(r, "long values: 64-digit appId, 128-char msgId/traceId, 256-char appKey", "LongValues");
        r = new Req();
        r.expandParams = "phoneNum=13800138000";
        valid(r, "expandParams present (not part of the sign)", "ExpandParams");
        r = new Req();
        r.expandParams = "";
        valid(r, "expandParams empty (optional, not checked)", "ExpandParams");
        r = new Req();
        r.sign = formulaSign(r).toLowerCase(java.util.Locale.ROOT);
        valid(r, "sign in lower-case hex, formulaSign upper case (compared case-insensitively)", "OtherCaseSign");
        r = new Req().lower();
        r.sign = formulaSign(r).toUpperCase(java.util.Locale.ROOT);
        valid(r, "sign in upper-case hex, formulaSign lower case (compared case-insensitively)", "OtherCaseSign", "LowerCaseSign");
        r = new Req();
        String fs = formulaSign(r);
        r.sign = fs.substring(0, 16).toLowerCase(java.util.Locale.ROOT) + fs.substring(16);
        valid(r, "sign in mixed-case hex", "OtherCaseSign");
        r = new Req();
        r.timestamp = "20000229000000000";
        valid(r, "29 Feb 2000 (a century divisible by 400 is a leap year)", "LeapYear");
        r = new Req();
        r.timestamp = "99991231235959999";
        valid(r, "largest timestamp 9999-12-31 23:59:59.999", "BoundaryTimestamp");
        r = new Req();
        r.timestamp = "19700101000000000";
        valid(r, "1970-01-01 00:00:00.000", "BoundaryTimestamp");
        r = new Req();
        r.timestamp = "20121227180001165";
        valid(r, "the timestamp example of the integration guide (20121227180001165)", "Normal");
        r = new Req();
        r.configuredBusinessType = "5";
        valid(r, "configuredBusinessType present and equal to businessType", "Normal");
        r = new Req().ids("0f8e2b9a-6c1d-4e5f-8a7b-3c2d1e0f9a8b");
        valid(r, "UUID with dashes as msgId/traceId", "Normal");
        r = new Req().ids("追踪号-0001");
        valid(r, "Chinese msgId = traceId", "Normal");
        r = new Req();
        r.version = "2.0";
        r.appId = "wx10a00cf000000000";
        valid(r, "version 2.0, appId like a WeChat appid", "Normal");
        r = new Req();
        r.appId = " 300011862498 ";
        valid(r, "appId with a leading and a trailing space (not blank: signed as is)", "UnusualValue");
        r = new Req();
        r.version = "\u00a0";
        valid(r, "version = U+00A0 NO-BREAK SPACE: not whitespace for Java's isBlank, so not empty", "UnusualValue");
        r = new Req();
        r.appKey = "密钥😀key";
        valid(r, "appKey with an emoji (4-byte UTF-8)", "ChineseAppKey");

        // 1. 130010
        String[] names = {"version", "sign", "appId", "traceId", "msgId", "timestamp", "appKey"};
        for (String name : names) {
            r = new Req();
            set(r, name, "");
            invalid(r, name + " empty", "130010", "EmptyParameter");
        }
        r = new Req();
        r.appKey = "   ";
        invalid(r, "appKey of three spaces", "130010", "EmptyParameter");
        r = new Req().ids("\t");
        invalid(r, "msgId and traceId a tab", "130010", "EmptyParameter");
        r = new Req();
        r.sign = "\u3000";
        invalid(r, "sign = U+3000 IDEOGRAPHIC SPACE (whitespace for Java)", "130010", "EmptyParameter");
        r = new Req();
        r.version = "\r\n";
        invalid(r, "version CRLF", "130010", "EmptyParameter");
        r = new Req();
        r.appId = "";
        r.timestamp = "2024";
        r.businessType = "4";
        invalid(r, "appId empty, timestamp and businessType also bad: 130010 comes first", "130010", "EmptyParameter", "RuleOrder");
        r = new Req();
        r.businessType = "";
        r.expandParams = "";
        invalid(r, "businessType empty: not in the 130010 list, so it is a businessType error", "110025", "BusinessTypeError",
                "RuleOrder");

        // 2. 105112
        String[][] badTimes = {
            {"20241301123456789", "month 13"}, {"20240001123456789", "month 00"}, {"20240100123456789", "day 00"},
            {"20230231123456789", "31 February"}, {"20230229123456789", "29 February 2023 (not a leap year)"},
            {"19000229123456789", "29 February 1900 (century not divisible by 400)"}, {"20240431123456789", "31 April"},
            {"20240229243456789", "hour 24"}, {"20240229126056789", "minute 60"}, {"20240229123460789", "second 60"},
            {"2024022912345678", "16 digits"}, {"202402291234567890", "18 digits"}, {"2024022912345678a", "a letter"},
            {"２０２４０２２９１２３４５６７８９", "full-width digits"}, {"2024-02-29 12:34:56", "ISO format"},
            {" 2024022912345678", "leading space (17 characters)"}, {"1709181296789", "Unix time in milliseconds"},
            {"20240229123456.78", "a decimal point"},
        };
        for (String[] t : badTimes) {
            r = new Req();
            r.timestamp = t[0];
            invalid(r, "timestamp " + t[1], "105112", "IllegalTimestamp");
        }
        r = new Req();
        r.timestamp = "20230229000000000";
        r.businessType = "4";
        invalid(r, "timestamp 29 Feb 2023 and businessType 4: 105112 comes first", "105112", "IllegalTimestamp", "RuleOrder");

        // 3. 110025
        for (String[] bt : new String[][] {{"4", "\"4\""}, {" 5", "\" 5\" (leading space)"}, {"5 ", "\"5 \" (trailing space)"},
                {"05", "\"05\""}, {"５", "full-width \"５\""}, {"6", "\"6\""}}) {
            r = new Req();
            r.businessType = bt[0];
            invalid(r, "businessType " + bt[1], "110025", "BusinessTypeError");
        }
        r = new Req();
        r.businessType = "4";
        r.msgId = "different";
        invalid(r, "businessType 4 and msgId != traceId: 110025 comes first", "110025", "BusinessTypeError", "RuleOrder");

        // 4. 110024
        for (String cfg : new String[] {"4", "05", "3"}) {
            r = new Req();
            r.configuredBusinessType = cfg;
            invalid(r, "app configured for businessType \"" + cfg + "\", request has \"5\"", "110024", "BusinessTypeConfig");
        }
        r = new Req();
        r.configuredBusinessType = "4";
        r.sign = "00000000000000000000000000000000";
        invalid(r, "configured businessType differs and the sign is wrong: 110024 comes first", "110024", "BusinessTypeConfig",
                "RuleOrder");

        // 5. 103101 msgId != traceId
        r = new Req();
        r.msgId = "b1b2c3d4e5f60718293a4b5c6d7e8f90";
        invalid(r, "msgId differs from traceId in one character", "103101", "MsgIdTraceIdMismatch");
        r = new Req();
        r.msgId = r.traceId.toUpperCase();
        invalid(r, "msgId is traceId in uppercase (compared exactly)", "103101", "MsgIdTraceIdMismatch");
        r = new Req();
        r.msgId = r.traceId + " ";
        invalid(r, "msgId is traceId with a trailing space", "103101", "MsgIdTraceIdMismatch");

        // 6. 103101 sign
        r = new Req();
        fs = formulaSign(r);
        r.sign = fs.substring(0, 31) + (fs.charAt(31) == '0' ? '1' : '0');
        invalid(r, "sign with its last hex digit changed", "103101", "WrongSign");
        r = new Req();
        r.sign = md5Hex(Bytes.utf8(r.appId + r.msgId + r.businessType + r.timestamp + r.traceId + r.version + r.appKey));
        invalid(r, "sign of the fields in another order (appId, msgId, businessType, ...)", "103101", "WrongSign");
        r = new Req();
        r.expandParams = "phoneNum=13800138000";
        r.sign = md5Hex(Bytes.utf8(r.concatenation() + r.expandParams));
        invalid(r, "sign with expandParams appended to the formula", "103101", "WrongSign", "ExpandParams");
        r = new Req();
        r.sign = md5Hex(Bytes.utf8(r.appId + r.businessType + r.msgId + r.timestamp + r.traceId + r.version));
        invalid(r, "sign without the appKey", "103101", "WrongSign");
        r = new Req();
        r.sign = md5Hex(Bytes.utf8(String.join("+", r.appId, r.businessType, r.msgId, r.timestamp, r.traceId, r.version, r.appKey)));
        invalid(r, "sign with literal '+' between the fields", "103101", "WrongSign");
        r = new Req();
        r.appKey = "中国移动测试密钥2024";
        r.sign = md5Hex(r.concatenation().getBytes(Charset.forName("GBK")));
        invalid(r, "sign over GBK bytes instead of UTF-8 (Chinese appKey)", "103101", "WrongSign", "ChineseAppKey");
        r = new Req();
        r.sign = formulaSign(r).substring(0, 31);
        invalid(r, "sign truncated to 31 hex digits", "103101", "WrongSign");
        r = new Req();
        r.sign = " " + formulaSign(r) + " ";
        invalid(r, "sign with surrounding spaces", "103101", "WrongSign");
        r = new Req();
        r.sign = Bytes.hex(MessageDigest.getInstance("SHA-1").digest(Bytes.utf8(r.concatenation())));
        invalid(r, "SHA-1 instead of MD5", "103101", "WrongSign");
        r = new Req();
        r.sign = org.apache.commons.codec.binary.Base64.encodeBase64String(
                MessageDigest.getInstance("MD5").digest(Bytes.utf8(r.concatenation())));
        invalid(r, "Base64 of the MD5 instead of hex", "103101", "WrongSign");
        r = new Req();
        Req other = new Req();
        other.timestamp = "20240229123456788";
        r.sign = formulaSign(other);
        invalid(r, "sign of the same request with the timestamp 1 ms earlier", "103101", "WrongSign");
        r = new Req();
        r.msgId = "different";
        r.sign = "00000000000000000000000000000000";
        invalid(r, "msgId != traceId and wrong sign: the msgId rule comes first (same code)", "103101", "MsgIdTraceIdMismatch",
                "RuleOrder");
        return f;
    }

    private static void notes() {
        f.note("Normal", "BASIC", "A well-formed request whose sign is the formula's.");
        f.note("ChineseAppKey", "FUNCTIONALITY", "Non-ASCII text in the formula: it is hashed as UTF-8.");
        f.note("LongValues", "FUNCTIONALITY", "Long field values (several MD5 blocks).");
        f.note("ExpandParams", "FUNCTIONALITY", "expandParams is present; it is not part of the sign.");
        f.note("LowerCaseSign", "FUNCTIONALITY", "formulaSign in lower case (signCase lower): an implementation asked for lower case "
                + "must produce it; upper case is the default (every public getToken client sends upper case).");
        f.note("OtherCaseSign", "FUNCTIONALITY", "The request's sign is in another letter case than formulaSign, or mixed case: the "
                + "comparison ignores case.");
        f.note("LeapYear", "EDGE_CASE", "29 February in a leap year is a real date.");
        f.note("BoundaryTimestamp", "EDGE_CASE", "A timestamp at the edge of the 17-digit range.");
        f.note("UnusualValue", "EDGE_CASE", "A value that looks empty or padded but is not blank for Java (spaces around text, U+00A0).");
        f.note("EmptyParameter", "BASIC", "130010 参数为空: a required parameter is empty or only whitespace (Java String.isBlank).");
        f.note("IllegalTimestamp", "BASIC", "105112 时间戳非法: the timestamp is not 17 ASCII digits yyyyMMddHHmmssSSS of a real date and time.");
        f.note("BusinessTypeError", "BASIC", "110025 businessType 错误: businessType is not exactly \"5\" (WeChat mini program).");
        f.note("BusinessTypeConfig", "BASIC", "110024 businessType 配置错误: the app is configured (configuredBusinessType) for another "
                + "businessType than the request's.");
        f.note("MsgIdTraceIdMismatch", "BASIC", "103101 错误的请求签名: msgId must equal traceId (compared exactly).");
        f.note("WrongSign", "AUTH_BYPASS", "103101 错误的请求签名: the sign is not MD5 of the formula.");
        f.note("RuleOrder", "EDGE_CASE", "Several checks fail; the first one in the order 130010, 105112, 110025, 110024, 103101 "
                + "(msgId), 103101 (sign) gives the code.");
    }

    private static void set(Req r, String name, String value) {
        switch (name) {
            case "version" -> r.version = value;
            case "sign" -> r.sign = value;
            case "appId" -> r.appId = value;
            case "traceId" -> r.traceId = value;
            case "msgId" -> r.msgId = value;
            case "timestamp" -> r.timestamp = value;
            case "appKey" -> r.appKey = value;
            default -> throw new IllegalArgumentException(name);
        }
    }

    private static void valid(Req r, String comment, String... flags) throws Exception {
        add(r, comment, null, flags);
    }

    private static void invalid(Req r, String comment, String code, String... flags) throws Exception {
        add(r, comment, code, flags);
    }

    private static void add(Req r, String comment, String intendedCode, String... flags) throws Exception {
        String formula = formulaSign(r);
        Check.that(formula.equalsIgnoreCase(org.apache.commons.codec.digest.DigestUtils.md5Hex(r.concatenation())),
                "formula sign = commons-codec DigestUtils.md5Hex");
        Check.that(formula.equals(r.signCase.equals("upper") ? formula.toUpperCase(java.util.Locale.ROOT)
                : formula.toLowerCase(java.util.Locale.ROOT)), "formula sign in its letter case");
        String sign = r.sign == null ? formula : r.sign;
        String code = errorCode(r, sign, formula);
        Check.that(intendedCode == null ? code == null : intendedCode.equals(code),
                "getToken case '" + comment + "': intended " + intendedCode + ", rules give " + code);
        Map<String, Object> t = VectorFile.fields("appId", r.appId, "businessType", r.businessType, "msgId", r.msgId,
                "timestamp", r.timestamp, "traceId", r.traceId, "version", r.version, "appKey", r.appKey);
        if (r.expandParams != null) t.put("expandParams", r.expandParams);
        if (r.configuredBusinessType != null) t.put("configuredBusinessType", r.configuredBusinessType);
        t.put("sign", sign);
        t.put("signCase", r.signCase);
        t.put("formulaSign", formula);
        t.put("errorCode", code);
        f.add(g, comment, new ArrayList<>(List.of(flags)), t, code == null ? "valid" : "invalid");
    }
}
