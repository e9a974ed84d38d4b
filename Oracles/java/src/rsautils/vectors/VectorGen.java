package rsautils.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every vector file of Vectors/ from the JDK.
 *
 * <pre>java -cp out:/usr/share/java/commons-codec.jar rsautils.vectors.VectorGen Vectors</pre>
 *
 * Every file is built and cross-checked in memory first; only when all of them pass are they
 * written (each through a temporary file and a rename). Exit status 1 on any failed check.
 */
public final class VectorGen {
    private VectorGen() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java rsautils.vectors.VectorGen <output folder, e.g. Vectors>");
            System.exit(2);
        }
        Path outDir = Path.of(args[0]);
        long start = System.nanoTime();
        List<VectorFile> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try {
            KeyPool pool = new KeyPool();
            files.add(step("MD5", Md5Vectors.build()));
            files.add(step("key generation", KeygenVectors.build(pool)));
            files.add(step("PKCS#1 padding", PaddingVectors.build(pool)));
            for (VectorFile f : SignVectors.build(pool)) files.add(step("signatures", f));
            files.add(step("chunked RsaUtils encryption", ChunkedVectors.build(pool)));
            files.add(step("getToken sign", TokenVectors.build()));
            files.add(step("number-check request", NumberCheckVectors.build(pool)));
            System.err.println("keys generated: " + pool.generatedCount() + " pooled (plus special-purpose ones)");
            for (VectorFile f : files) texts.add(JsonWriter.write(f.toJson()));
        } catch (Check.Failure e) {
            System.err.println("error: " + e.getMessage() + " (no file written)");
            System.exit(1);
        }
        Files.createDirectories(outDir);
        int total = 0;
        for (int i = 0; i < files.size(); i++) {
            VectorFile f = files.get(i);
            write(outDir.resolve(f.fileName), texts.get(i));
            total += f.count();
            System.err.printf("%-40s %5d tests%n", f.fileName, f.count());
        }
        System.err.printf("%d files, %d tests, %.1f s%n", files.size(), total, (System.nanoTime() - start) / 1e9);
    }

    private static VectorFile step(String what, VectorFile f) {
        System.err.printf("built %-30s %s (%d tests)%n", what, f.fileName, f.count());
        return f;
    }

    private static void write(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
