package dev.courier.architecture;

import java.util.List;

/** The extension module's main code against {@link ModuleArchitecture}'s rules. */
class ArchitectureTests extends ModuleArchitecture {

    /** Annotations and the extensions they name, which must know each other. */
    private static final List<List<String>> ACCEPTED = List.of(
            List.of("dev.courier.fuzz.FuzzTest", "dev.courier.fuzz.internal.FuzzExtension"));

    ArchitectureTests() {
        super("extension", 60, ACCEPTED, List.of());
    }
}
