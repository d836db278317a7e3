package dev.courier.worker.internal;

import dev.courier.clone.DataCloneException;

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
            return "path " + path + ": " + valueClass + ": " + problemOf(clone, path);
        }
        String valueClass = payload == null ? "-" : payload.getClass().getName();
        return "path $: " + valueClass + ": " + failure;
    }

    // DataCloneException keeps no separate "problem" field: take it back out of the formatted message.
    private static String problemOf(DataCloneException clone, String path) {
        String message = String.valueOf(clone.getMessage());
        String prefix = "cannot clone " + path + (clone.valueClass() == null ? "" : " (" + clone.valueClass() + ")") + ": ";
        String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        String hintSuffix = clone.hint() == null || clone.hint().isEmpty() ? null : ". Hint: " + clone.hint();
        if (hintSuffix != null && problem.endsWith(hintSuffix)) {
            problem = problem.substring(0, problem.length() - hintSuffix.length());
        }
        return problem;
    }
}
