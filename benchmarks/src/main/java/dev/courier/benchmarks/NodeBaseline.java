package dev.courier.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Node.js baseline script from {@code benchmarks/node} and reads the flat JSON object of numbers it
 * prints. Node is optional: without it the Node rows of the report say "not run".
 */
final class NodeBaseline {

    private static final Pattern ENTRY = Pattern.compile("\"([A-Za-z0-9]+)\"\\s*:\\s*([0-9.eE+-]+)");

    private NodeBaseline() {
    }

    /** Runs {@code node <script> <args>} (bounded to five minutes) and puts each number as {@code node.<key>}. */
    static void run(Path script, List<String> args, Scores scores, String unit) {
        List<String> command = new java.util.ArrayList<>(List.of("node", script.toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                System.err.println("node baseline " + script + " did not finish within 5 minutes");
                return;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = ENTRY.matcher(output);
            while (matcher.find()) {
                scores.put("node." + matcher.group(1), Double.parseDouble(matcher.group(2)), unit);
            }
        } catch (IOException e) {
            System.err.println("node baseline " + script + " not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
