package rsautils.oracle;

import java.io.File;
import java.lang.reflect.Method;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code userScan}: lists the classes on a classpath (jars and folders) whose methods look like an
 * RSA helper's: at least two of the roles encrypt, decrypt, sign, verify among methods with a data
 * and a key parameter (verify: three). Classes are loaded without being initialised, so scanning
 * runs none of the application's code. Answer: {@code classes: [{class, roles: [..]}]},
 * {@code scanned} (how many classes were looked at), {@code unreadable} (classes that could not be
 * loaded, e.g. a missing dependency).
 */
final class ClassScanner {
    private ClassScanner() {
    }

    static void scan(List<String> entries, String codecJar, Map<String, Object> answer) throws Exception {
        List<URL> urls = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (String entry : entries) {
            File file = new File(entry);
            urls.add(file.getAbsoluteFile().toURI().toURL());
            if (file.isDirectory()) {
                walk(file, "", names);
            } else if (file.isFile()) {
                try (JarFile jar = new JarFile(file)) {
                    Enumeration<JarEntry> e = jar.entries();
                    while (e.hasMoreElements()) {
                        String n = e.nextElement().getName();
                        if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
                            add(n.substring(0, n.length() - 6).replace('/', '.'), names);
                        }
                    }
                }
            } else {
                throw new IllegalArgumentException("classpath entry " + entry + " does not exist");
            }
        }
        if (codecJar != null && !codecJar.isEmpty()) {
            urls.add(new File(codecJar).getAbsoluteFile().toURI().toURL());
        }
        List<Object> found = new ArrayList<>();
        List<Object> unreadable = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                Class<?> c;
                Method[] methods;
                try {
                    c = Class.forName(name, false, loader);
                    methods = c.getDeclaredMethods();
                } catch (Throwable t) {
                    unreadable.add(name + ": " + OracleBridge.describe(t));
                    continue;
                }
                if (c.isInterface() || c.isAnnotation() || c.isEnum()) {
                    continue;
                }
                TreeSet<String> roles = new TreeSet<>();
                boolean keyMaterial = hasKeyMaterial(c);
                for (Method m : methods) {
                    String role = role(m);
                    // A method without a key parameter is an RSA role only when the class holds keys.
                    if (role != null && (keyMaterial || !takesNoKey(m))) {
                        roles.add(role);
                    }
                }
                if (roles.size() >= 2) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("class", c.getName());
                    item.put("roles", new ArrayList<Object>(roles));
                    found.add(item);
                }
            }
        }
        answer.put("classes", found);
        answer.put("scanned", (long) names.size());
        answer.put("unreadable", unreadable);
    }

    private static void walk(File dir, String prefix, TreeSet<String> names) {
        File[] children = dir.listFiles();
        if (children == null) {
            return;
        }
        for (File child : children) {
            if (child.isDirectory()) {
                walk(child, prefix + child.getName() + ".", names);
            } else if (child.getName().endsWith(".class")) {
                add(prefix + child.getName().substring(0, child.getName().length() - 6), names);
            }
        }
    }

    private static void add(String name, TreeSet<String> names) {
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
            return;
        }
        // Anonymous and local classes (Outer$1) are never helpers.
        int dollar = name.lastIndexOf('$');
        if (dollar >= 0 && dollar + 1 < name.length() && Character.isDigit(name.charAt(dollar + 1))) {
            return;
        }
        names.add(name);
    }

    /** No parameter can hold a key: only the data (and a Charset), or data and signature for verify. */
    static boolean takesNoKey(Method m) {
        for (Class<?> p : m.getParameterTypes()) {
            if (java.security.Key.class.isAssignableFrom(p)) {
                return false;
            }
        }
        boolean verify = m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class;
        return m.getParameterCount() - (hasCharset(m) ? 1 : 0) <= (verify ? 2 : 1);
    }

    private static boolean hasCharset(Method m) {
        for (Class<?> p : m.getParameterTypes()) {
            if (p == java.nio.charset.Charset.class) {
                return true;
            }
        }
        return false;
    }

    /** A field holding key material (a Key, a KeyPair, or a String/byte[] named like a key) or a no-argument key accessor. */
    static boolean hasKeyMaterial(Class<?> c) {
        try {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                Class<?> t = f.getType();
                String n = f.getName().toLowerCase(Locale.ROOT);
                if (java.security.Key.class.isAssignableFrom(t) || t == java.security.KeyPair.class
                        || ((t == String.class || t == byte[].class || Map.class.isAssignableFrom(t)) && n.contains("key"))) {
                    return true;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && m.getName().toLowerCase(Locale.ROOT).contains("key")) {
                    return true;
                }
            }
        } catch (LinkageError e) {
            return false;
        }
        return false;
    }

    /** The role a method's name and shape suggest (any visibility: a private-only class is still reported). */
    static String role(Method m) {
        if (m.isSynthetic()) {
            return null;
        }
        String n = m.getName().toLowerCase(Locale.ROOT);
        int count = m.getParameterCount();
        Class<?> r = m.getReturnType();
        boolean binary = r == String.class || r == byte[].class;
        for (Class<?> p : m.getParameterTypes()) {
            // Only data (byte[], String), keys (String, java.security.Key) and a charset count, as in java-check's discovery.
            if (p != byte[].class && p != String.class && !java.security.Key.class.isAssignableFrom(p) && p != java.nio.charset.Charset.class) {
                return null;
            }
        }
        // Without a key parameter (the class's own key) and with a trailing charset: one fewer / one more.
        if (count >= 2 && count <= 4 && (r == boolean.class || r == Boolean.class) && (n.contains("verify") || n.contains("check"))) {
            return "verify";
        }
        if (count < 1 || count > 3 || !binary) {
            return null;
        }
        if (n.contains("sign") && !n.contains("verify")) {
            return "sign";
        }
        // "enc"/"dec" alone only with a key word (pubKeyDec), never base64Encode or urlDecode.
        boolean keyWord = n.contains("pub") || n.contains("pri") || n.contains("key") || n.contains("rsa");
        if (n.contains("decrypt") || (n.contains("dec") && keyWord && !n.contains("decode"))) {
            return "decrypt";
        }
        if (n.contains("encrypt") || (n.contains("enc") && keyWord && !n.contains("encode"))) {
            return "encrypt";
        }
        return null;
    }
}
