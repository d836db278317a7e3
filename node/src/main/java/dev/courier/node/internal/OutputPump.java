package dev.courier.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a node process line by line on its own daemon thread: fact lines (see {@link Fact})
 * go to the {@link FactRecorder}, everything else is kept (up to {@link #MAX_CAPTURE} characters) and, when asked,
 * echoed to the test's output with a {@code [node] } prefix. Lines are bounded at {@link Fact#MAX_LINE}: a longer
 * run of characters is passed on in pieces, never buffered whole.
 *
 * <p>Thread contract: the pump thread is the only reader of the stream and the only caller of the recorder's
 * {@code accept} for it; {@link #captured()} may be called from any thread; {@link #join} waits, bounded.
 */
public final class OutputPump {

    static final int MAX_CAPTURE = 1 << 20;

    private final Reader in;
    private final FactRecorder facts;
    private final PrintStream echo;
    private final StringBuilder capture = new StringBuilder();
    private final Thread thread;

    /**
     * @param facts the recorder for fact lines, or null for a stream that carries none (stdout)
     * @param echo  where to echo the program's own lines, or null
     */
    public OutputPump(String name, InputStream stream, FactRecorder facts, PrintStream echo) {
        this.in = new InputStreamReader(stream, StandardCharsets.UTF_8);
        this.facts = facts;
        this.echo = echo;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public OutputPump start() {
        thread.start();
        return this;
    }

    private void run() {
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = in) {
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        line(line.toString());
                        line.setLength(0);
                    } else if (line.length() >= Fact.MAX_LINE) {
                        line(line.toString());
                        line.setLength(0);
                        line.append(c);
                    } else {
                        line.append(c);
                    }
                }
            }
        } catch (IOException closed) {
            line.append("[courier: the program's output stream failed: ").append(closed.getMessage()).append(']');
        }
        if (line.length() > 0) {
            line(line.toString());
        }
    }

    private void line(String text) {
        int mark = facts == null ? -1 : text.indexOf(Fact.MARK);
        if (mark < 0) {
            own(text);
            return;
        }
        if (mark > 0) {
            own(text.substring(0, mark));
        }
        try {
            facts.accept(Fact.parse(text.substring(mark + Fact.MARK.length())));
        } catch (IllegalArgumentException malformed) {
            own("[courier: unreadable instrumentation line: " + malformed.getMessage() + "]");
        }
    }

    private void own(String text) {
        synchronized (capture) {
            if (capture.length() < MAX_CAPTURE) {
                capture.append(text, 0, Math.min(text.length(), MAX_CAPTURE - capture.length())).append('\n');
            }
        }
        if (echo != null) {
            echo.println("[node] " + text);
        }
    }

    /** The program's own lines read so far (fact lines excluded), at most {@link #MAX_CAPTURE} characters. */
    public String captured() {
        synchronized (capture) {
            return capture.toString();
        }
    }

    /** Waits at most {@code millis} for the stream to end; returns whether it did. */
    public boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }
}
