package dev.courier.junit;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs headless Chromium on a local page and returns the DOM after the page's load event, with the console messages
 * Chromium logged. A missing Chromium fails the calling test with how to install it.
 */
final class Chromium {

    /** Environment variable naming the Chromium executable, when it is not {@code chromium} on the PATH. */
    static final String ENV = "COURIER_CHROMIUM";

    private static final long BOUND_SECONDS = 60;
    private static final Pattern SCRIPT = Pattern.compile("(?s)<script[^>]*>.*?</script>");

    /**
     * The page after loading: its serialized DOM without the script elements' source (so that only what the page
     * built is searched), and the lines Chromium logged for the page's console.
     */
    record Page(String dom, List<String> console) {
    }

    private Chromium() {
    }

    static Page load(Path html, Path scratch) throws IOException, InterruptedException {
        return load(html, "", scratch);
    }

    /** Loads {@code html} with {@code fragment} (the part after {@code #}, empty for none) in its address. */
    static Page load(Path html, String fragment, Path scratch) throws IOException, InterruptedException {
        Path stdout = scratch.resolve("dom.html");
        Path stderr = scratch.resolve("stderr.txt");
        run(scratch, stdout, stderr, "--dump-dom", html.toUri() + (fragment.isEmpty() ? "" : "#" + fragment));
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        return new Page(SCRIPT.matcher(dom).replaceAll("<script></script>"), console);
    }

    static void screenshot(Path html, Path png, Path scratch) throws IOException, InterruptedException {
        run(scratch, scratch.resolve("out.txt"), scratch.resolve("err.txt"), "--screenshot=" + png.toAbsolutePath(),
                html.toUri().toString());
    }

    private static void run(Path scratch, Path stdout, Path stderr, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable(), "--headless", "--disable-gpu", "--no-sandbox",
                "--user-data-dir=" + scratch.resolve("profile").toAbsolutePath(), "--window-size=1400,900",
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("headless Chromium did not finish within " + BOUND_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("headless Chromium exited with " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }

    private static String executable() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                fail(ENV + " names " + configured + ", which is not an executable file; point it at headless Chromium");
            }
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return fail("the report's browser tests need headless Chromium, and none was found on the PATH: install the "
                + "Debian package chromium (apt-get install -y chromium) or set " + ENV + " to the executable");
    }
}
