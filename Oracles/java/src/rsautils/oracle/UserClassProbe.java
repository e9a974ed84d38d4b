package rsautils.oracle;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.binary.Base64;

/**
 * Loads a user's own RsaUtils class by reflection and calls its static methods, for
 * {@code conformance java-check}. One user class at a time per bridge (a new {@code userLoad}
 * replaces the previous one).
 *
 * <p>Ops (all answers are the usual bridge answers):
 * <ul>
 * <li>{@code userLoad} {@code {classpath: [path...], class: FQCN, commonsCodecJar?: path}} →
 *     {@code class}, {@code methods: [{name, parameters: [type...], returns: type, signature}]}:
 *     the static methods whose name is one of {@link #KNOWN_NAMES}.</li>
 * <li>{@code userKeyPair} {@code {bits?}} → {@code publicKey}, {@code privateKey} (strings as the class
 *     gives them, line breaks kept), {@code via} (which methods), {@code encodedByProbe} (true when the
 *     class handed out Key objects or bytes and the probe Base64-encoded them with commons-codec).</li>
 * <li>{@code userCall} {@code {method, args: [{type: bytes|string|int, value}]}} → {@code result}:
 *     {@code {type: bytes, value: hex}}, {@code {type: string, value}}, {@code {type: boolean, value}},
 *     {@code {type: null}}, or {@code {type: object, class, value: toString()}}. The method is the
 *     static method with that name whose parameter types are exactly the argument types
 *     (bytes = byte[], string = String, int = int or Integer).</li>
 * <li>{@code encodeText} {@code {text, charsets: [name...]}} → {@code encodings: {name: hex | null}}
 *     ({@code String.getBytes(charset)}, null for an unknown charset).</li>
 * <li>{@code decodeText} {@code {data: hex, charsets: [name...]}} → {@code texts: {name: string | null}}.</li>
 * </ul>
 * An exception thrown by the user's method is answered as {@code "ExceptionClass: message"} (the
 * InvocationTargetException is unwrapped). The user's prints land on stderr (the bridge points
 * System.out there) and System.in is replaced by an empty stream, so user code can never touch the
 * bridge's protocol streams.
 */
final class UserClassProbe {
    /** Method names java-check knows (the RsaUtils family, plus two common key-pair aliases). */
    static final List<String> KNOWN_NAMES = Arrays.asList(
            "genKeyPair", "initKey", "generateKeyPair", "getPublicKey", "getPrivateKey",
            "sign", "verify", "encryptByPublicKey", "decryptByPrivateKey",
            "encryptByPrivateKey", "decryptByPublicKey", "encryptedDataOnJava", "decryptDataOnJava");

    private static final UserClassProbe SHARED = new UserClassProbe();

    private URLClassLoader loader;
    private Class<?> userClass;

    static UserClassProbe shared() {
        return SHARED;
    }

    static boolean handles(String op) {
        return "userLoad".equals(op) || "userKeyPair".equals(op) || "userCall".equals(op)
                || "encodeText".equals(op) || "decodeText".equals(op);
    }

    void handle(String op, Map<String, Object> request, Map<String, Object> answer) throws Exception {
        switch (op) {
            case "userLoad":
                load(request, answer);
                break;
            case "userKeyPair":
                keyPair(request, answer);
                break;
            case "userCall":
                call(request, answer);
                break;
            case "encodeText":
                encodeText(request, answer);
                break;
            case "decodeText":
                decodeText(request, answer);
                break;
            default:
                throw new IllegalArgumentException("unknown op \"" + op + "\"");
        }
    }

    // ------------------------------------------------------------------ userLoad

    private void load(Map<String, Object> request, Map<String, Object> answer) throws Exception {
        String className = string(request, "class");
        List<String> entries = stringList(request, "classpath");
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            File file = new File(entry);
            if (file.isDirectory()) {
                urls.add(file.getAbsoluteFile().toURI().toURL());
            } else if (file.isFile()) {
                String name = file.getName().toLowerCase(java.util.Locale.ROOT);
                if (!name.endsWith(".jar") && !name.endsWith(".zip")) {
                    throw new IllegalArgumentException("classpath entry " + entry + " is neither a folder nor a .jar/.zip file");
                }
                urls.add(file.getAbsoluteFile().toURI().toURL());
            } else {
                throw new IllegalArgumentException("classpath entry " + entry + " does not exist");
            }
        }
        // commons-codec last: the user's own jars win, ours fills in when the class needs it.
        Object codec = request.get("commonsCodecJar");
        if (codec instanceof String && !((String) codec).isEmpty()) {
            urls.add(new File((String) codec).getAbsoluteFile().toURI().toURL());
        } else {
            URL location = Base64.class.getProtectionDomain().getCodeSource().getLocation();
            if (location != null) {
                urls.add(location);
            }
        }
        // Parent = the platform loader: the user's class sees the JDK and its classpath, not the oracle.
        URLClassLoader next = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> loaded;
        try {
            loaded = Class.forName(className, true, next);
        } catch (ClassNotFoundException e) {
            next.close();
            throw new ClassNotFoundException("class " + className + " not found on the classpath");
        } catch (LinkageError e) {
            next.close();
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("class " + className + " cannot be loaded: " + OracleBridge.describe(cause));
        }
        // User code must never read the bridge's requests.
        System.setIn(new ByteArrayInputStream(new byte[0]));
        if (loader != null) {
            try {
                loader.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        loader = next;
        userClass = loaded;

        List<Object> methods = new ArrayList<>();
        Method[] declared;
        try {
            declared = loaded.getDeclaredMethods();
        } catch (LinkageError e) {
            throw new IllegalStateException("class " + className + " refers to a missing class: " + OracleBridge.describe(e));
        }
        Arrays.sort(declared, (x, y) -> KNOWN_NAMES.indexOf(x.getName()) != KNOWN_NAMES.indexOf(y.getName())
                ? Integer.compare(KNOWN_NAMES.indexOf(x.getName()), KNOWN_NAMES.indexOf(y.getName()))
                : signature(x).compareTo(signature(y)));
        for (Method m : declared) {
            if (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || !KNOWN_NAMES.contains(m.getName())) {
                continue;
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", m.getName());
            List<Object> parameters = new ArrayList<>();
            for (Class<?> p : m.getParameterTypes()) {
                parameters.add(typeName(p));
            }
            info.put("parameters", parameters);
            info.put("returns", typeName(m.getReturnType()));
            info.put("public", Modifier.isPublic(m.getModifiers()));
            info.put("signature", signature(m));
            methods.add(info);
        }
        answer.put("class", loaded.getName());
        answer.put("methods", methods);
    }

    // ------------------------------------------------------------------ userKeyPair

    private void keyPair(Map<String, Object> request, Map<String, Object> answer) throws Exception {
        Class<?> c = requireClass();
        int bits = 1024;
        Object b = request.get("bits");
        if (b instanceof Long) {
            bits = (int) (long) (Long) b;
        }
        Method gen = null;
        Object[] genArgs = new Object[0];
        for (String name : new String[] {"genKeyPair", "initKey", "generateKeyPair"}) {
            gen = find(c, name);
            if (gen != null) {
                break;
            }
            gen = find(c, name, int.class);
            if (gen == null) {
                gen = find(c, name, Integer.class);
            }
            if (gen != null) {
                genArgs = new Object[] {bits};
                break;
            }
        }
        if (gen == null) {
            throw new NoSuchMethodException("no static genKeyPair() (or initKey()/generateKeyPair()) in " + c.getName());
        }
        String via = signature(gen);
        Object pair = invoke(gen, genArgs);
        String publicKey = null;
        String privateKey = null;
        boolean encodedByProbe = false;

        Class<?> pairType = pair == null ? gen.getReturnType() : pair.getClass();
        Method getPub = findOne(c, "getPublicKey", pairType);
        Method getPriv = findOne(c, "getPrivateKey", pairType);
        if (pair != null && getPub != null && getPriv != null) {
            Object pub = invoke(getPub, pair);
            Object priv = invoke(getPriv, pair);
            via += " + " + signature(getPub) + " + " + signature(getPriv);
            if (!(pub instanceof String) || !(priv instanceof String)) {
                encodedByProbe = true;
            }
            publicKey = keyText(pub, "getPublicKey");
            privateKey = keyText(priv, "getPrivateKey");
        } else if (pair instanceof KeyPair) {
            publicKey = keyText(((KeyPair) pair).getPublic(), "genKeyPair");
            privateKey = keyText(((KeyPair) pair).getPrivate(), "genKeyPair");
            encodedByProbe = true;
        } else if (pair instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) pair).entrySet()) {
                Object v = e.getValue();
                String k = String.valueOf(e.getKey()).toLowerCase(java.util.Locale.ROOT);
                if (v instanceof PublicKey || (v instanceof String && k.contains("pub"))) {
                    publicKey = keyText(v, "genKeyPair");
                    encodedByProbe |= !(v instanceof String);
                } else if (v instanceof PrivateKey || (v instanceof String && (k.contains("priv") || k.contains("pri")))) {
                    privateKey = keyText(v, "genKeyPair");
                    encodedByProbe |= !(v instanceof String);
                }
            }
            via += " (keys read from the map)";
        } else if (pair instanceof String[] && ((String[]) pair).length == 2) {
            publicKey = ((String[]) pair)[0];
            privateKey = ((String[]) pair)[1];
        }
        if (publicKey == null || privateKey == null) {
            throw new IllegalStateException("cannot get key strings from " + via + " (returned "
                    + (pair == null ? "null" : pair.getClass().getName()) + ")");
        }
        answer.put("publicKey", publicKey);
        answer.put("privateKey", privateKey);
        answer.put("via", via);
        answer.put("encodedByProbe", encodedByProbe);
        answer.put("bitsArgument", genArgs.length == 1 ? (Object) (long) bits : Json.NULL);
    }

    private static String keyText(Object value, String from) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Key) {
            byte[] encoded = ((Key) value).getEncoded();
            if (encoded == null) {
                throw new IllegalStateException(from + " gave a key without an encoding");
            }
            return Base64.encodeBase64String(encoded);
        }
        if (value instanceof byte[]) {
            return Base64.encodeBase64String((byte[]) value);
        }
        throw new IllegalStateException(from + " gave " + (value == null ? "null" : value.getClass().getName())
                + ", not a key string");
    }

    // ------------------------------------------------------------------ userCall

    private void call(Map<String, Object> request, Map<String, Object> answer) throws Exception {
        Class<?> c = requireClass();
        String name = string(request, "method");
        Object rawArgs = request.get("args");
        if (!(rawArgs instanceof List)) {
            throw new IllegalArgumentException("field \"args\" must be an array");
        }
        List<?> args = (List<?>) rawArgs;
        Object[] values = new Object[args.size()];
        String[] kinds = new String[args.size()];
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i) instanceof Map)) {
                throw new IllegalArgumentException("args[" + i + "] must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> arg = (Map<String, Object>) args.get(i);
            String type = string(arg, "type");
            kinds[i] = type;
            switch (type) {
                case "bytes":
                    values[i] = OracleBridge.unhex(string(arg, "value"), "args[" + i + "].value");
                    break;
                case "string":
                    values[i] = string(arg, "value");
                    break;
                case "int": {
                    Object v = arg.get("value");
                    if (!(v instanceof Long)) {
                        throw new IllegalArgumentException("args[" + i + "].value must be an integer");
                    }
                    values[i] = (int) (long) (Long) v;
                    break;
                }
                default:
                    throw new IllegalArgumentException("args[" + i + "].type must be bytes, string or int");
            }
        }
        Method target = null;
        for (Method m : c.getDeclaredMethods()) {
            if (!m.getName().equals(name) || !Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != values.length) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            boolean fits = true;
            for (int i = 0; i < types.length && fits; i++) {
                switch (kinds[i]) {
                    case "bytes":
                        fits = types[i] == byte[].class;
                        break;
                    case "string":
                        fits = types[i] == String.class;
                        break;
                    default:
                        fits = types[i] == int.class || types[i] == Integer.class;
                        break;
                }
            }
            if (fits) {
                target = m;
                break;
            }
        }
        if (target == null) {
            StringBuilder wanted = new StringBuilder(name).append('(');
            for (int i = 0; i < kinds.length; i++) {
                wanted.append(i == 0 ? "" : ", ").append("bytes".equals(kinds[i]) ? "byte[]" : "string".equals(kinds[i]) ? "String" : "int");
            }
            throw new NoSuchMethodException("no static " + wanted.append(')') + " in " + c.getName());
        }
        answer.put("result", describeResult(invoke(target, values)));
    }

    private static Map<String, Object> describeResult(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value == null) {
            out.put("type", "null");
        } else if (value instanceof byte[]) {
            out.put("type", "bytes");
            out.put("value", OracleBridge.hex((byte[]) value));
        } else if (value instanceof String) {
            out.put("type", "string");
            out.put("value", value);
        } else if (value instanceof Boolean) {
            out.put("type", "boolean");
            out.put("value", value);
        } else {
            out.put("type", "object");
            out.put("class", value.getClass().getName());
            out.put("value", String.valueOf(value));
        }
        return out;
    }

    // ------------------------------------------------------------------ charsets

    private static void encodeText(Map<String, Object> request, Map<String, Object> answer) {
        String text = string(request, "text");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : stringList(request, "charsets")) {
            Charset cs = charset(name);
            out.put(name, cs == null ? Json.NULL : OracleBridge.hex(text.getBytes(cs)));
        }
        answer.put("encodings", out);
    }

    private static void decodeText(Map<String, Object> request, Map<String, Object> answer) {
        byte[] data = OracleBridge.unhex(string(request, "data"), "data");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : stringList(request, "charsets")) {
            Charset cs = charset(name);
            out.put(name, cs == null ? Json.NULL : new String(data, cs));
        }
        answer.put("texts", out);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ reflection helpers

    private Class<?> requireClass() {
        if (userClass == null) {
            throw new IllegalStateException("no user class loaded (send userLoad first)");
        }
        return userClass;
    }

    private static Method find(Class<?> c, String name, Class<?>... types) {
        try {
            Method m = c.getDeclaredMethod(name, types);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A static one-argument method called name whose parameter accepts a value of type arg. */
    private static Method findOne(Class<?> c, String name, Class<?> arg) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isAssignableFrom(arg)) {
                return m;
            }
        }
        return null;
    }

    /** Calls a static method; the user's exception comes out unwrapped. */
    private static Object invoke(Method m, Object... args) throws Exception {
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            // public methods need no access override
        }
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                // StackOverflowError, NoClassDefFoundError, ...: the bridge answers them as ok:false too.
                throw (Error) cause;
            }
            throw e;
        }
    }

    static String typeName(Class<?> c) {
        if (c.isArray()) {
            return typeName(c.getComponentType()) + "[]";
        }
        return c.getName().startsWith("java.lang.") || c.getName().startsWith("java.util.")
                || c.getName().startsWith("java.security.") ? c.getSimpleName() : c.getName();
    }

    static String signature(Method m) {
        StringBuilder s = new StringBuilder(typeName(m.getReturnType())).append(' ').append(m.getName()).append('(');
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            s.append(i == 0 ? "" : ", ").append(typeName(types[i]));
        }
        return s.append(')').toString();
    }

    // ------------------------------------------------------------------ request fields

    private static String string(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(value == null ? "missing field \"" + name + "\"" : "field \"" + name + "\" must be a string");
        }
        return (String) value;
    }

    private static List<String> stringList(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("field \"" + name + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (!(item instanceof String)) {
                throw new IllegalArgumentException("field \"" + name + "\" must be an array of strings");
            }
            out.add((String) item);
        }
        return out;
    }
}
