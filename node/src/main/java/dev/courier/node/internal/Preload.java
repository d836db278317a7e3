package dev.courier.node.internal;

import dev.courier.node.NodeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The instrumentation file shipped in the jar ({@code dev/courier/node/courier-preload.cjs}), extracted once per JVM
 * to a temporary file that node loads with {@code --require}.
 *
 * <p>Thread contract: thread-safe; the first caller extracts, the others wait for it.
 */
public final class Preload {

    static final String RESOURCE = "/dev/courier/node/courier-preload.cjs";

    private static Path extracted;

    private Preload() {
    }

    /** The extracted file. */
    public static synchronized Path file() {
        if (extracted != null && Files.isRegularFile(extracted)) {
            return extracted;
        }
        try (InputStream in = Preload.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new NodeException("the instrumentation " + RESOURCE + " is missing from the courier-node jar");
            }
            Path file = Files.createTempFile("courier-preload-", ".cjs");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            extracted = file;
            return file;
        } catch (IOException failure) {
            throw new NodeException("could not extract the Node.js instrumentation to a temporary file: "
                    + failure.getMessage(), failure);
        }
    }
}
