package rsautils.vectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Key pairs shared by the generators: key i of a size is generated once per run, so the padding,
 * signing and chunked files use the same few keys (and the keygen file derives them too).
 */
final class KeyPool {
    private final Map<Integer, List<KeyMaterial>> pool = new HashMap<>();
    private int generated;

    KeyMaterial get(int bits, int index) throws Exception {
        List<KeyMaterial> list = pool.computeIfAbsent(bits, b -> new ArrayList<>());
        while (list.size() <= index) {
            list.add(KeyMaterial.generate(bits));
            generated++;
        }
        return list.get(index);
    }

    /** The first pooled key of this size that satisfies the predicate (generating more as needed). */
    KeyMaterial find(int bits, Predicate<KeyMaterial> wanted, String what) throws Exception {
        for (int i = 0; i < 400; i++) {
            KeyMaterial km = get(bits, i);
            if (wanted.test(km)) return km;
        }
        throw new Check.Failure("no " + bits + "-bit key " + what + " after 400 keys");
    }

    int generatedCount() {
        return generated;
    }
}
