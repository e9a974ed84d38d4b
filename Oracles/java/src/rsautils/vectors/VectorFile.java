package rsautils.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One vector file in the Wycheproof envelope: algorithm, schema, numberOfTests, header, notes,
 * testGroups. Test cases get tcId 1..N in order; every flag a case uses must have a note
 * (the generator aborts otherwise) and notes nobody uses are left out.
 */
final class VectorFile {
    final String fileName;
    private final String algorithm;
    private final String schema;
    private final List<String> header = new ArrayList<>();
    private final Map<String, Map<String, Object>> notes = new LinkedHashMap<>();
    private final List<Map<String, Object>> groups = new ArrayList<>();
    private final Set<String> usedFlags = new LinkedHashSet<>();
    private int tcId;

    VectorFile(String fileName, String algorithm, String schema, String... covers) {
        this.fileName = fileName;
        this.algorithm = algorithm;
        this.schema = schema;
        header.addAll(Provenance.headerLines());
        header.addAll(Arrays.asList(covers));
    }

    void note(String flag, String bugType, String description) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("bugType", bugType);
        n.put("description", description);
        notes.put(flag, n);
    }

    /** A new group: type and source first; the caller adds the group fields, then tests. */
    Map<String, Object> group(String type) {
        return group(type, Provenance.jdkSource());
    }

    Map<String, Object> group(String type, Map<String, Object> source) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", type);
        g.put("source", source);
        groups.add(g);
        return g;
    }

    /** Fields of one case in order; {@code null} values are written as JSON null. */
    static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    static List<String> flags(String... f) {
        return List.of(f);
    }

    /** Adds a case to the group: tcId, comment, flags, the fields, result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> add(Map<String, Object> group, String comment, List<String> flags,
                            Map<String, Object> caseFields, String result) {
        Check.that(result.equals("valid") || result.equals("invalid") || result.equals("acceptable"), "result " + result);
        List<Map<String, Object>> tests = (List<Map<String, Object>>) group.computeIfAbsent("tests", x -> new ArrayList<>());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("tcId", ++tcId);
        t.put("comment", comment);
        t.put("flags", new ArrayList<>(flags));
        t.putAll(caseFields);
        t.put("result", result);
        tests.add(t);
        usedFlags.addAll(flags);
        return t;
    }

    int count() {
        return tcId;
    }

    Map<String, Object> toJson() {
        for (String f : usedFlags) Check.that(notes.containsKey(f), fileName + ": flag " + f + " has no note");
        Map<String, Object> usedNotes = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> n : notes.entrySet()) {
            if (usedFlags.contains(n.getKey())) usedNotes.put(n.getKey(), n.getValue());
        }
        int total = 0;
        for (Map<String, Object> g : groups) {
            Object tests = g.get("tests");
            Check.that(tests instanceof List<?> l && !l.isEmpty(), fileName + ": group without tests");
            total += ((List<?>) tests).size();
            // tests last, as in Wycheproof
            g.put("tests", g.remove("tests"));
        }
        Check.that(total == tcId, fileName + ": numberOfTests");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("schema", schema);
        m.put("numberOfTests", total);
        m.put("header", header);
        m.put("notes", usedNotes);
        m.put("testGroups", groups);
        return m;
    }
}
