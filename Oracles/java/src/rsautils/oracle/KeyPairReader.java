package rsautils.oracle;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.codec.binary.Base64;

/**
 * Finds a user class's key generator and reads the pair it makes, whatever its shape, for
 * {@code userKeyPair}: generators are public methods taking nothing or the key size whose name
 * mentions keys ({@code genKeyPair}, {@code initKey}, {@code createKeys(int)}, {@code genKeyPair1024()},
 * {@code generateKeyPair} ...); the pair may come back as a {@code Map<String,Object>} or
 * {@code Map<String,Key>} under any key names, a {@code KeyPair}, a bean with
 * {@code getPublicKey()}/{@code getPrivateKey()} (strings or keys), a {@code String[]} or list, or
 * nothing (stored in static fields read by getters). Each value is classified by its type or, for
 * strings and bytes, by parsing it as X.509 / PKCS#8, so key names are only hints.
 */
final class KeyPairReader {
    /** What was read: strings as the class gives them, or Base64 of the encoded keys. */
    static final class Pair {
        String publicKey;
        String privateKey;
        String via;
        boolean encodedByProbe;
        boolean tookBits;
    }

    private final Class<?> c;
    private final UserClassProbe.Instances instances;

    KeyPairReader(Class<?> c, UserClassProbe.Instances instances) {
        this.c = c;
        this.instances = instances;
    }

    Pair read(int bits) throws Exception {
        List<Method> generators = generators();
        if (generators.isEmpty()) {
            // Keys made once (a static initialiser) and handed out by getters or kept in static fields.
            Pair stored = new Pair();
            stored.via = "keys stored by the class";
            if (storedGetters(stored) && stored.publicKey != null && stored.privateKey != null) {
                return stored;
            }
            stored = new Pair();
            stored.via = "keys stored by the class";
            readFields(c, null, stored);
            if (stored.publicKey != null && stored.privateKey != null) {
                stored.via += " (read from its static fields)";
                return stored;
            }
            throw new NoSuchMethodException("no key generator in " + c.getName()
                    + " (looked for public methods taking nothing or an int whose name mentions keys, and for stored keys)");
        }
        Exception first = null;
        for (Method gen : generators) {
            boolean takesBits = gen.getParameterCount() == 1;
            Object result;
            try {
                result = instances.invoke(gen, takesBits ? new Object[] {bits} : new Object[0]);
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
                continue;
            }
            Pair pair = new Pair();
            pair.via = UserClassProbe.signature(gen);
            pair.tookBits = takesBits;
            if (extract(result, gen, pair) && pair.publicKey != null && pair.privateKey != null) {
                return pair;
            }
        }
        if (first != null) {
            throw first;
        }
        throw new IllegalStateException("probe: cannot read a key pair from " + UserClassProbe.signature(generators.get(0))
                + " (no public and private key found in what it returned or stored)");
    }

    /** Public generator-shaped methods, the best-named first. */
    private List<Method> generators() {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.isSynthetic() || !Modifier.isPublic(m.getModifiers()) || !instances.callable(m)) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            boolean shape = p.length == 0 || (p.length == 1 && (p[0] == int.class || p[0] == Integer.class));
            Class<?> r = m.getReturnType();
            if (!shape || r == boolean.class || r == int.class || r == long.class || score(m) == 0) {
                continue;
            }
            out.add(m);
        }
        out.sort((x, y) -> x.getParameterCount() != y.getParameterCount() && score(x) == score(y)
                ? Integer.compare(y.getParameterCount(), x.getParameterCount())
                : Integer.compare(score(y), score(x)));
        return out;
    }

    private static int score(Method m) {
        String n = m.getName().toLowerCase(Locale.ROOT);
        if (n.equals("getpublickey") || n.equals("getprivatekey") || n.equals("getpublic") || n.equals("getprivate")) {
            return 0;
        }
        if (n.contains("keypair") || n.equals("initkey") || n.contains("createkey") || n.contains("genkey")
                || n.contains("generatekey") || n.contains("makekey") || n.contains("newkey")) {
            return 3;
        }
        if (n.contains("key") && (n.contains("gen") || n.contains("init") || n.contains("create") || n.contains("make"))) {
            return 2;
        }
        if (n.contains("keys")) {
            return 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------ extraction

    private boolean extract(Object result, Method gen, Pair pair) throws Exception {
        if (result != null) {
            // The class's own accessors taking the pair (RsaUtils: getPublicKey(Map)).
            Method getPub = accessor(result.getClass(), true);
            Method getPriv = accessor(result.getClass(), false);
            if (getPub != null && getPriv != null) {
                pair.via += " + " + UserClassProbe.signature(getPub) + " + " + UserClassProbe.signature(getPriv);
                take(instances.invoke(getPub, new Object[] {result}), true, pair);
                take(instances.invoke(getPriv, new Object[] {result}), false, pair);
                return true;
            }
        }
        if (result instanceof KeyPair) {
            take(((KeyPair) result).getPublic(), true, pair);
            take(((KeyPair) result).getPrivate(), false, pair);
            return true;
        }
        if (result instanceof Map) {
            pair.via += " (keys read from the map)";
            for (Map.Entry<?, ?> e : ((Map<?, ?>) result).entrySet()) {
                classify(e.getValue(), String.valueOf(e.getKey()), pair);
            }
            return true;
        }
        if (result instanceof Object[] || result instanceof Collection) {
            Object[] items = result instanceof Object[] ? (Object[]) result : ((Collection<?>) result).toArray();
            pair.via += " (keys read from the array)";
            for (int i = 0; i < items.length; i++) {
                classify(items[i], i == 0 ? "public?" : "private?", pair);
            }
            return true;
        }
        if (result != null && !(result instanceof String) && !(result instanceof byte[]) && !(result instanceof Key)) {
            // A bean: its own getters, then its fields.
            if (beanGetters(result, pair)) {
                pair.via += " (read with the returned object's getters)";
                return true;
            }
            readFields(result.getClass(), result, pair);
            pair.via += " (read from the returned object's fields)";
            return true;
        }
        // Nothing useful returned: the generator stored the keys (static fields + getters).
        if (storedGetters(pair)) {
            return true;
        }
        readFields(c, null, pair);
        if (pair.publicKey != null) {
            pair.via += " (read from its static fields)";
        }
        return true;
    }

    /** A public method of the user class named like getPublicKey/getPrivateKey that takes the pair. */
    private Method accessor(Class<?> pairType, boolean publicSide) {
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 1 || !instances.callable(m)
                    || !m.getParameterTypes()[0].isAssignableFrom(pairType)) {
                continue;
            }
            String n = m.getName().toLowerCase(Locale.ROOT);
            if (n.startsWith("get") && n.contains(publicSide ? "pub" : "pri")) {
                return m;
            }
        }
        return null;
    }

    private boolean beanGetters(Object bean, Pair pair) throws Exception {
        for (Method m : bean.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class || !m.getName().startsWith("get")) {
                continue;
            }
            String n = m.getName().toLowerCase(Locale.ROOT);
            if (n.contains("pub") || n.contains("pri")) {
                m.setAccessible(true);
                Object value;
                try {
                    value = m.invoke(bean);
                } catch (InvocationTargetException e) {
                    continue;
                }
                classify(value, n, pair);
            }
        }
        return pair.publicKey != null && pair.privateKey != null;
    }

    /** No-argument getters of the user class (static, or on its instance) that read stored keys. */
    private boolean storedGetters(Pair pair) throws Exception {
        Method pub = null;
        Method priv = null;
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 0 || !instances.callable(m)) {
                continue;
            }
            String n = m.getName().toLowerCase(Locale.ROOT);
            if (!n.startsWith("get")) {
                continue;
            }
            if (pub == null && n.contains("pub")) {
                pub = m;
            } else if (priv == null && n.contains("pri")) {
                priv = m;
            }
        }
        if (pub == null || priv == null) {
            return false;
        }
        pair.via += " + " + UserClassProbe.signature(pub) + " + " + UserClassProbe.signature(priv);
        take(instances.invoke(pub), true, pair);
        take(instances.invoke(priv), false, pair);
        return true;
    }

    private void readFields(Class<?> type, Object owner, Pair pair) throws Exception {
        for (Field f : type.getDeclaredFields()) {
            if ((owner == null) != Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            if (t != String.class && t != byte[].class && !Key.class.isAssignableFrom(t) && t != Object.class) {
                continue;
            }
            f.setAccessible(true);
            classify(f.get(owner), f.getName().toLowerCase(Locale.ROOT), pair);
        }
    }

    /** Puts a value on the side its type (or, for text and bytes, its parse) says; the name is a tie-break. */
    private static void classify(Object value, String name, Pair pair) {
        if (value == null) {
            return;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (value instanceof PublicKey) {
            take(value, true, pair);
        } else if (value instanceof PrivateKey) {
            take(value, false, pair);
        } else if (value instanceof String || value instanceof byte[]) {
            byte[] der = value instanceof String ? Base64.decodeBase64((String) value) : (byte[]) value;
            if (parsesAs(der, true)) {
                take(value, true, pair);
            } else if (parsesAs(der, false)) {
                take(value, false, pair);
            } else if (value instanceof String && n.contains("pub") && pair.publicKey == null) {
                take(value, true, pair);
            } else if (value instanceof String && n.contains("pri") && pair.privateKey == null) {
                take(value, false, pair);
            }
        }
    }

    static boolean parsesAs(byte[] der, boolean publicSide) {
        if (der == null || der.length == 0) {
            return false;
        }
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            if (publicSide) {
                f.generatePublic(new X509EncodedKeySpec(der));
            } else {
                f.generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void take(Object value, boolean publicSide, Pair pair) {
        String text;
        if (value instanceof String) {
            text = (String) value;
        } else if (value instanceof Key) {
            byte[] encoded = ((Key) value).getEncoded();
            if (encoded == null) {
                return;
            }
            text = Base64.encodeBase64String(encoded);
            pair.encodedByProbe = true;
        } else if (value instanceof byte[]) {
            text = Base64.encodeBase64String((byte[]) value);
            pair.encodedByProbe = true;
        } else {
            return;
        }
        if (publicSide) {
            pair.publicKey = text;
        } else {
            pair.privateKey = text;
        }
    }
}
