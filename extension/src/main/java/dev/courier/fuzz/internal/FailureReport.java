package dev.courier.fuzz.internal;

import dev.courier.fuzz.FuzzConfig;
import dev.courier.fuzz.FuzzFailure;

/**
 * Formats a {@link FuzzFailure}: what failed, on which value, how to replay it.
 *
 * @param replayHint  source-level replay pattern with one {@code %d} for the seed
 * @param seed        the seed of the failing run
 * @param tries       tries done (0 when a saved failure was replayed)
 * @param shrinkSteps successful shrink steps
 * @param shrinkRuns  property runs spent shrinking
 * @param savedFile   the saved failure that was replayed, or null
 * @param saveNote    where the minimal failure was saved, or null
 */
record FailureReport(String replayHint, long seed, int tries, int shrinkSteps, int shrinkRuns, String savedFile,
                     String saveNote) {

    FuzzFailure toFailure(String minimal, String original, String interleaving, Throwable minimalFailure) {
        StringBuilder text = new StringBuilder();
        if (savedFile != null) {
            text.append("Property failed on its saved failure ").append(savedFile).append(" (seed ").append(seed)
                    .append(")");
        } else {
            text.append("Property failed after ").append(tries).append(tries == 1 ? " try" : " tries")
                    .append(" with seed ").append(seed);
        }
        text.append("; shrunk in ").append(shrinkSteps).append(" steps (").append(shrinkRuns).append(" runs).\n");
        text.append("Minimal counterexample:\n").append(indent(minimal)).append('\n');
        if (interleaving != null) {
            text.append("Minimal interleaving: ").append(indent(interleaving).substring(4)).append('\n');
        }
        text.append("Original counterexample:\n").append(indent(original)).append('\n');
        text.append("Minimal failure: ").append(minimalFailure).append('\n');
        text.append("Replay: -D").append(FuzzConfig.SEED).append('=').append(seed).append(" or ")
                .append(String.format(replayHint, seed));
        if (saveNote != null) {
            text.append("\nFailure ").append(saveNote);
        }
        return new FuzzFailure(text.toString(), minimalFailure, seed, tries, shrinkSteps, minimal, original);
    }

    private static String indent(String value) {
        return "    " + value.replace("\n", "\n    ");
    }
}
