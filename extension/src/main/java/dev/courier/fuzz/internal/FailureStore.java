package dev.courier.fuzz.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Failing choice sequences on disk, one file per property: {@code <key>.txt} holding a comment line,
 * {@code seed=<seed>} and {@code choices=<longs separated by spaces>}. A saved failure is replayed first on
 * the next run and deleted once it passes.
 *
 * <p>Thread contract: stateless; concurrent runs of the same property race on its file (last write wins).
 */
final class FailureStore {

    /** A saved failure. */
    record Saved(Path file, long seed, long[] choices) {
    }

    private final Path directory;

    FailureStore(Path directory) {
        this.directory = directory;
    }

    Path fileFor(String key) {
        return directory.resolve(key.replaceAll("[^A-Za-z0-9._#(),-]", "_") + ".txt");
    }

    /** The saved failure for {@code key}; a file that cannot be parsed is reported as an error. */
    Optional<Saved> load(String key) {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long seed = Long.parseLong(value(lines, "seed=", file));
            String choices = value(lines, "choices=", file).trim();
            long[] parsed = choices.isEmpty() ? new long[0]
                    : Arrays.stream(choices.split(" ")).mapToLong(Long::parseUnsignedLong).toArray();
            return Optional.of(new Saved(file, seed, parsed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read saved fuzz failure " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("saved fuzz failure " + file + " is corrupt (" + e.getMessage()
                    + "); delete it", e);
        }
    }

    void save(String key, long seed, long[] choices) throws IOException {
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder("# Courier fuzz failure of ").append(key)
                .append("; replayed first until it passes\nseed=").append(seed).append("\nchoices=");
        for (int i = 0; i < choices.length; i++) {
            text.append(i == 0 ? "" : " ").append(Long.toUnsignedString(choices[i]));
        }
        Files.writeString(fileFor(key), text.append('\n'), StandardCharsets.UTF_8);
    }

    void delete(Saved saved) throws IOException {
        Files.deleteIfExists(saved.file());
    }

    private static String value(List<String> lines, String prefix, Path file) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()))
                .orElseThrow(() -> new NumberFormatException("no line starting with " + prefix + " in " + file));
    }
}
