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
 *     {@code class}, {@code methods: [{name, parameters: [type...], returns: type, public, static,
 *     visibility, signature}]} (every declared method: discovery happens on the Swift side by
 *     shape and behaviour), {@code instantiable} (public no-argument constructor),
 *     {@code intConstants} ({name: value} of its static final ints, for wording findings only).</li>
 * <li>{@code userKeyPair} {@code {bits?}} → {@code publicKey}, {@code privateKey} (strings as the class
 *     gives them, line breaks kept), {@code via} (which methods), {@code encodedByProbe} (true when the
 *     class handed out Key objects or bytes and the probe Base64-encoded them with commons-codec).
 *     The generator and the pair's shape are found by {@link KeyPairReader}.</li>
 * <li>{@code userCall} {@code {method, args: [{type: bytes|string|int, value}]}} → {@code result}:
 *     {@code {type: bytes, value: hex}}, {@code {type: string, value}}, {@code {type: boolean, value}},
 *     {@code {type: null}}, or {@code {type: object, class, value: toString()}}. The method is the
 *     public method with that name and, when given, exactly the listed {@code parameters} types,
 *     whose parameters take the arguments (bytes = byte[], string = String, int = int or Integer,
 *     publicKey/privateKey = an RsaUtils key string turned into a Key for a Key-typed parameter).
 *     Instance methods run on one instance made with the public no-argument constructor.</li>
 * <li>{@code userScan} {@code {classpath, commonsCodecJar?}} → the classes that look like RSA helpers
 *     ({@link ClassScanner}).</li>
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
    private static final UserClassProbe SHARED = new UserClassProbe();

    private URLClassLoader loader;
    private Class<?> userClass;
    private Instances instances;

    static UserClassProbe shared() {
        return SHARED;
    }

    static boolean handles(String op) {
        return "userLoad".equals(op) || "userKeyPair".equals(op) || "userCall".equals(op)
                || "encodeText".equals(op) || "decodeText".equals(op) || "userScan".equals(op) || "userClassKeys".equals(op);
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
            case "userClassKeys":
                new ClassKeyReader(requireClass(), instances).read(answer);
                break;
            case "encodeText":
                encodeText(request, answer);
                break;
            case "decodeText":
                decodeText(request, answer);
                break;
            case "userScan": {
                Object codec = request.get("commonsCodecJar");
                ClassScanner.scan(stringList(request, "classpath"), codec instanceof String ? (String) codec : null, answer);
                break;
            }
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
        instances = new Instances(loaded);

        List<Object> methods = new ArrayList<>();
        Method[] declared;
        try {
            declared = loaded.getDeclaredMethods();
            loaded.getDeclaredFields();
        } catch (LinkageError e) {
            throw new IllegalStateException("class " + className + " refers to a missing class: " + OracleBridge.describe(e));
        }
        Arrays.sort(declared, (x, y) -> signature(x).compareTo(signature(y)));
        for (Method m : declared) {
            if (m.isSynthetic() || m.isBridge() || "main".equals(m.getName())) {
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
            info.put("static", Modifier.isStatic(m.getModifiers()));
            info.put("visibility", visibility(m.getModifiers()));
            info.put("signature", signature(m));
            methods.add(info);
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        Map<String, Object> transformations = new LinkedHashMap<>();
        try {
            for (java.lang.reflect.Field f : loaded.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && (f.getType() == int.class || f.getType() == Integer.class)) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof Integer) {
                        constants.put(f.getName(), (long) (Integer) v);
                    }
                } else if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == String.class) {
                    // Only cipher transformations ("RSA/ECB/NoPadding"): never a key or any other secret.
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof String && ((String) v).length() <= 64 && ((String) v).matches("(?i)RSA(/[A-Za-z0-9-]+){0,2}")) {
                        transformations.put(f.getName(), v);
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            // constants only word the findings; a class whose fields cannot be read has none listed
        }
        answer.put("class", loaded.getName());
        answer.put("methods", methods);
        answer.put("instantiable", instances.instantiable());
        answer.put("intConstants", constants);
        answer.put("transformationConstants", transformations);
    }

    static String visibility(int modifiers) {
        if (Modifier.isPublic(modifiers)) {
            return "public";
        }
        if (Modifier.isProtected(modifiers)) {
            return "protected";
        }
        if (Modifier.isPrivate(modifiers)) {
            return "private";
        }
        return "package";
    }

    /**
     * Static methods are called on the class; instance methods on one instance made with the
     * class's public no-argument constructor (made once, on first use).
     */
    static final class Instances {
        private final Class<?> c;
        private Object instance;

        Instances(Class<?> c) {
            this.c = c;
        }

        boolean instantiable() {
            if (Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
                return false;
            }
            return publicConstructor() || factory() != null;
        }

        private boolean publicConstructor() {
            try {
                return Modifier.isPublic(c.getDeclaredConstructor().getModifiers());
            } catch (NoSuchMethodException | SecurityException e) {
                return false;
            }
        }

        /** A singleton's {@code public static C getInstance()} (or any public static no-argument method returning C). */
        private Method factory() {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0
                        && m.getReturnType() == c && !m.isSynthetic()) {
                    return m;
                }
            }
            return null;
        }

        boolean callable(Method m) {
            return Modifier.isStatic(m.getModifiers()) || (m.getDeclaringClass() == c && instantiable());
        }

        Object invoke(Method m, Object... args) throws Exception {
            if (!Modifier.isStatic(m.getModifiers()) && instance == null && !instantiable()) {
                throw new IllegalStateException("probe: " + m.getName() + " is an instance method and "
                        + c.getName() + " has no public no-argument constructor or static factory");
            }
            return UserClassProbe.invoke(m, Modifier.isStatic(m.getModifiers()) ? null : instance(), args);
        }

        /** The one instance instance methods run on (made on first use). */
        Object instance() throws Exception {
            {
                if (instance == null) {
                    if (!instantiable()) {
                        throw new IllegalStateException("probe: "
                                + c.getName() + " has no public no-argument constructor or static factory");
                    }
                    Method factory = publicConstructor() ? null : factory();
                    instance = factory != null ? UserClassProbe.invoke(factory, null) : UserClassProbe.invoke(c.getDeclaredConstructor());
                    if (instance == null) {
                        throw new IllegalStateException("probe: " + signature(factory) + " returned null");
                    }
                }
            }
            return instance;
        }
    }

    // ------------------------------------------------------------------ userKeyPair

    private void keyPair(Map<String, Object> request, Map<String, Object> answer) throws Exception {
        requireClass();
        int bits = 1024;
        Object b = request.get("bits");
        if (b instanceof Long) {
            bits = (int) (long) (Long) b;
        }
        KeyPairReader.Pair pair = new KeyPairReader(userClass, instances).read(bits);
        answer.put("publicKey", pair.publicKey);
        answer.put("privateKey", pair.privateKey);
        answer.put("via", pair.via);
        answer.put("encodedByProbe", pair.encodedByProbe);
        answer.put("bitsArgument", pair.tookBits ? (Object) (long) bits : Json.NULL);
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
                case "publicKey":
                case "privateKey":
                    values[i] = key(string(arg, "value"), "publicKey".equals(type), i);
                    break;
                case "charset":
                    values[i] = Charset.forName(string(arg, "value"));
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
                    throw new IllegalArgumentException("args[" + i + "].type must be bytes, string, int, charset, publicKey or privateKey");
            }
        }
        List<String> wantedTypes = request.get("parameters") instanceof List ? stringList(request, "parameters") : null;
        Method target = null;
        for (Method m : c.getDeclaredMethods()) {
            if (!m.getName().equals(name) || m.isSynthetic() || m.getParameterCount() != values.length || !instances.callable(m)) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            boolean fits = true;
            for (int i = 0; i < types.length && fits; i++) {
                if (wantedTypes != null && !typeName(types[i]).equals(wantedTypes.get(i))) {
                    fits = false;
                    break;
                }
                switch (kinds[i]) {
                    case "bytes":
                        fits = types[i] == byte[].class;
                        break;
                    case "string":
                        fits = types[i] == String.class;
                        break;
                    case "publicKey":
                    case "privateKey":
                    case "charset":
                        fits = types[i].isInstance(values[i]);
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
                wanted.append(i == 0 ? "" : ", ").append(wantedTypes != null ? wantedTypes.get(i) : kinds[i]);
            }
            throw new NoSuchMethodException("probe: no callable " + wanted.append(')') + " in " + c.getName());
        }
        if (!Modifier.isPublic(target.getModifiers())) {
            throw new IllegalAccessException("probe: " + signature(target) + " is not public; java-check calls only public methods");
        }
        answer.put("result", describeResult(instances.invoke(target, values)));
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

    /** An RSA key object from an RsaUtils string, for a Key-typed parameter. */
    private static Key key(String text, boolean publicSide, int index) {
        byte[] der = Base64.decodeBase64(text);
        try {
            java.security.KeyFactory f = java.security.KeyFactory.getInstance("RSA");
            return publicSide ? f.generatePublic(new java.security.spec.X509EncodedKeySpec(der))
                    : f.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalArgumentException("probe: args[" + index + "] is not an RSA " + (publicSide ? "public" : "private") + " key");
        }
    }

    /** Calls a constructor; the user's exception comes out unwrapped. */
    static Object invoke(java.lang.reflect.Constructor<?> ctor) throws Exception {
        try {
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** Calls a method (target null for a static one); the user's exception comes out unwrapped. */
    static Object invoke(Method m, Object target, Object... args) throws Exception {
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            // public methods need no access override
        }
        try {
            return m.invoke(target, args);
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
