package rsautils.oracle;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.codec.binary.Base64;

/**
 * The user class's own hard-coded keys, for methods that take only the data
 * ({@code encrypt(String data)} with a {@code PUBLIC_KEY} constant): op {@code userClassKeys} →
 * {@code publicKey}, {@code privateKey} (commons-codec Base64 of getEncoded(), absent when not found),
 * {@code publicVia}, {@code privateVia} (field or accessor names and the form, never the key),
 * {@code unpaired} (names of keys found that do not form a pair).
 *
 * <p>Read from: static fields of any visibility (after the static initializer ran), instance fields of
 * the instance the probe calls methods on, and no-argument key accessors ({@code getPublicKey()}) of any
 * visibility whose name says "key" and not "gen"/"create" (a generator would make a new pair). Field and
 * accessor values may be String (commons-codec Base64 or hex of X.509 / PKCS#8 / PKCS#1 DER, or PEM
 * text), byte[] (DER), PublicKey / PrivateKey, KeyPair, or a Map or array of those. A private key alone gives the public
 * key from its CRT form (n, e).
 */
final class ClassKeyReader {
    private final Class<?> c;
    private final UserClassProbe.Instances instances;
    private final List<PublicKey> publics = new ArrayList<>();
    private final List<String> publicNames = new ArrayList<>();
    private final List<PrivateKey> privates = new ArrayList<>();
    private final List<String> privateNames = new ArrayList<>();

    ClassKeyReader(Class<?> c, UserClassProbe.Instances instances) {
        this.c = c;
        this.instances = instances;
    }

    void read(Map<String, Object> answer) {
        for (Field f : fields()) {
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            try {
                f.setAccessible(true);
                Object target = isStatic ? null : instances.instance();
                collect(f.get(target), f.getName() + " (" + (isStatic ? "static " : "") + UserClassProbe.typeName(f.getType()) + ")", 0);
            } catch (Exception | LinkageError e) {
                // an unreadable field holds no key we can use
            }
        }
        for (Method m : accessors()) {
            try {
                collect(instances.invoke(m), m.getName() + "()", 0);
            } catch (Exception | LinkageError e) {
                // a failing accessor holds no key we can use
            }
        }
        choose(answer);
    }

    private List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (f.isSynthetic() || (!Modifier.isStatic(f.getModifiers()) && !instances.instantiable())) {
                continue;
            }
            if (holdsKeys(f.getType())) {
                out.add(f);
            }
        }
        return out;
    }

    private List<Method> accessors() {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            String n = m.getName().toLowerCase(Locale.ROOT);
            if (m.isSynthetic() || m.getParameterCount() != 0 || !n.contains("key") || !holdsKeys(m.getReturnType())
                    || (!Modifier.isStatic(m.getModifiers()) && !instances.instantiable())) {
                continue;
            }
            if (n.contains("gen") || n.contains("create") || n.contains("init") || n.contains("new") || n.contains("make")
                    || n.contains("build") || n.contains("random")) {
                continue;
            }
            out.add(m);
        }
        out.sort((x, y) -> x.getName().compareTo(y.getName()));
        return out;
    }

    private static boolean holdsKeys(Class<?> t) {
        return t == String.class || t == byte[].class || Key.class.isAssignableFrom(t) || t == KeyPair.class
                || Map.class.isAssignableFrom(t) || t == Object.class || t == String[].class || t == Object[].class;
    }

    private void collect(Object value, String where, int depth) {
        if (value instanceof PublicKey) {
            add((Key) value, where + " (a PublicKey object)");
        } else if (value instanceof PrivateKey) {
            add((Key) value, where + " (a PrivateKey object)");
        } else if (value instanceof KeyPair) {
            add(((KeyPair) value).getPublic(), where + ".getPublic()");
            add(((KeyPair) value).getPrivate(), where + ".getPrivate()");
        } else if (value instanceof String) {
            parse((String) value, where);
        } else if (value instanceof byte[]) {
            der((byte[]) value, where, "DER");
        } else if (value instanceof Object[] && depth == 0) {
            Object[] items = (Object[]) value;
            for (int i = 0; i < items.length && i < 16; i++) {
                collect(items[i], where + "[" + i + "]", 1);
            }
        } else if (value instanceof Map && depth == 0) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                collect(e.getValue(), where + "[\"" + e.getKey() + "\"]", 1);
            }
        }
    }

    private void add(Key key, String where) {
        if (key instanceof RSAPublicKey) {
            publics.add((PublicKey) key);
            publicNames.add(where);
        } else if (key instanceof RSAPrivateKey) {
            privates.add((PrivateKey) key);
            privateNames.add(where);
        }
    }

    /** PEM text, hex or commons-codec Base64 of X.509 / PKCS#8 DER. */
    private void parse(String text, String where) {
        String s = text.trim();
        // An RSA key of up to 16384 bits is a few KiB of text: anything much longer is not one.
        if (s.length() < 64 || s.length() > 65536) {
            return;
        }
        if (s.contains("-----BEGIN")) {
            String body = s.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
            der(Base64.decodeBase64(body), where, "PEM");
        } else if (s.length() % 2 == 0 && s.matches("[0-9a-fA-F]+")) {
            der(OracleBridge.unhex(s.toLowerCase(Locale.ROOT), where), where, "hex");
        } else {
            der(Base64.decodeBase64(s), where, "Base64");
        }
    }

    private void der(byte[] der, String where, String form) {
        if (der == null || der.length == 0 || der.length > 65536) {
            return;
        }
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            try {
                add(f.generatePublic(new X509EncodedKeySpec(der)), where + ", " + form + " of X.509 DER");
                return;
            } catch (Exception e) {
                // not a public key
            }
            try {
                add(f.generatePrivate(new PKCS8EncodedKeySpec(der)), where + ", " + form + " of PKCS#8 DER");
                return;
            } catch (Exception e) {
                // not a PKCS#8 private key
            }
            // PKCS#1 ("BEGIN RSA PRIVATE KEY" / "BEGIN RSA PUBLIC KEY"): the same key inside the standard wrappers.
            byte[] rsaAlgorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
            try {
                byte[] pkcs8 = sequence(concat(new byte[] {0x02, 0x01, 0x00}, rsaAlgorithm, tagged(0x04, der)));
                add(f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), where + ", " + form + " of PKCS#1 DER");
                return;
            } catch (Exception e) {
                // not a PKCS#1 private key
            }
            byte[] spki = sequence(concat(rsaAlgorithm, tagged(0x03, concat(new byte[] {0x00}, der))));
            add(f.generatePublic(new X509EncodedKeySpec(spki)), where + ", " + form + " of PKCS#1 DER");
        } catch (Exception e) {
            // none of them: not a key
        }
    }

    private static byte[] sequence(byte[] body) {
        return tagged(0x30, body);
    }

    /** DER tag, definite length, body. */
    private static byte[] tagged(int tag, byte[] body) {
        int n = body.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, length, body);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** The first private key with its public key; else a public key alone; else a private key's own public half. */
    private void choose(Map<String, Object> answer) {
        for (int i = 0; i < privates.size(); i++) {
            BigInteger n = ((RSAPrivateKey) privates.get(i)).getModulus();
            for (int j = 0; j < publics.size(); j++) {
                if (((RSAPublicKey) publics.get(j)).getModulus().equals(n)) {
                    put(answer, publics.get(j), publicNames.get(j), privates.get(i), privateNames.get(i));
                    return;
                }
            }
        }
        List<Object> unpaired = new ArrayList<>();
        if (!publics.isEmpty() && !privates.isEmpty()) {
            unpaired.addAll(publicNames);
            unpaired.addAll(privateNames);
        }
        answer.put("unpaired", unpaired);
        for (int i = 0; i < privates.size() && publics.isEmpty(); i++) {
            if (privates.get(i) instanceof RSAPrivateCrtKey) {
                RSAPrivateCrtKey k = (RSAPrivateCrtKey) privates.get(i);
                try {
                    PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
                    put(answer, pub, "the public half of " + privateNames.get(i), k, privateNames.get(i));
                    return;
                } catch (Exception e) {
                    // fall through
                }
            }
        }
        if (!publics.isEmpty()) {
            int best = 0;
            for (int j = 0; j < publicNames.size(); j++) {
                if (publicNames.get(j).toLowerCase(Locale.ROOT).contains("pub")) {
                    best = j;
                    break;
                }
            }
            answer.put("publicKey", Base64.encodeBase64String(publics.get(best).getEncoded()));
            answer.put("publicVia", publicNames.get(best));
        }
    }

    private static void put(Map<String, Object> answer, PublicKey pub, String pubVia, PrivateKey priv, String privVia) {
        answer.put("publicKey", Base64.encodeBase64String(pub.getEncoded()));
        answer.put("publicVia", pubVia);
        answer.put("privateKey", Base64.encodeBase64String(priv.getEncoded()));
        answer.put("privateVia", privVia);
        answer.put("unpaired", new ArrayList<Object>());
    }
}
