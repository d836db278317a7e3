package dev.courier.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Package-level facts of a source tree. Stateless; safe from any thread. */
public final class SourcePackages {

    private SourcePackages() {
    }

    /**
     * The packages below {@code sourceRoot} (a {@code src/main/java} folder) that hold a type's source file but no
     * {@code package-info.java}, by dotted name, sorted.
     */
    public static List<String> withoutPackageInfo(Path sourceRoot) {
        try (Stream<Path> dirs = Files.walk(sourceRoot)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> holdsTypes(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> sourceRoot.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "."))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + sourceRoot.toAbsolutePath(), e);
        }
    }

    private static boolean holdsTypes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".java") && !name.equals("package-info.java")
                            && !name.equals("module-info.java"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
    }
}
