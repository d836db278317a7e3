package dev.courier.worker.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Difference;
import java.util.List;

/** Text formats shared by the runtime's records and reports. */
public final class Texts {

    private Texts() {
    }

    /** A thread's state and stack, one frame a line, as a timeout report prints it. */
    public static String threadDump(Thread thread, StackTraceElement[] stack) {
        StringBuilder text = new StringBuilder("thread ").append(thread.getName()).append(" (")
                .append(thread.getState()).append(')');
        for (StackTraceElement frame : stack) {
            text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }

    /** The CLONE_FAILED detail: {@code path <path>: <class>: <problem>}. */
    public static String cloneFailure(RuntimeException failure, Object payload) {
        if (failure instanceof DataCloneException clone) {
            String path = clone.path() == null ? "$" : clone.path();
            String valueClass = clone.valueClass() == null ? "-" : clone.valueClass();
            return "path " + path + ": " + valueClass + ": " + clone.problem();
        }
        String valueClass = payload == null ? "-" : payload.getClass().getName();
        return "path $: " + valueClass + ": " + failure;
    }

    /** The MUTATED_IN_FLIGHT detail: one difference a line, the first {@code limit}, then "and N more". */
    public static String differences(List<Difference> differences, int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(limit, differences.size()); i++) {
            text.append(i == 0 ? "" : "\n").append(differences.get(i));
        }
        if (differences.size() > limit) {
            text.append("\nand ").append(differences.size() - limit).append(" more");
        }
        return text.toString();
    }
}
