package rsautils.vectors;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the vector files: objects are {@code Map<String, Object>} (insertion
 * order is kept, so use {@link java.util.LinkedHashMap}), arrays are {@code List<?>}, and values are
 * String, Integer/Long, Boolean or null. Output is indented by two spaces; arrays holding only
 * scalars stay on one line ({@code "flags": ["A", "B"]}). Non-ASCII text is written as UTF-8, except
 * invisible or ambiguous characters (controls, no-break and ideographic spaces, BOM, line separators),
 * which are escaped as {@code \\uXXXX} so a reader sees them.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {}

    static String write(Object value) {
        JsonWriter w = new JsonWriter();
        w.value(value, 0);
        w.out.append('\n');
        return w.out.toString();
    }

    private void value(Object v, int indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(m, indent);
        } else if (v instanceof List<?> l) {
            array(l, indent);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private void object(Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            pad(indent + 1);
            string((String) e.getKey());
            out.append(": ");
            value(e.getValue(), indent + 1);
            out.append(++i < m.size() ? ",\n" : "\n");
        }
        pad(indent);
        out.append('}');
    }

    private void array(List<?> l, int indent) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean scalars = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
        int width = l.stream().mapToInt(x -> x instanceof String s ? s.length() + 4 : 8).sum();
        if (scalars && width <= 100) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) out.append(", ");
                value(l.get(i), indent);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < l.size(); i++) {
            pad(indent + 1);
            value(l.get(i), indent + 1);
            out.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        pad(indent);
        out.append(']');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || (c >= 0x2000 && c <= 0x200f)
                            || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x3000 || c == 0xfeff
                            || Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private void pad(int indent) {
        out.append("  ".repeat(indent));
    }
}
