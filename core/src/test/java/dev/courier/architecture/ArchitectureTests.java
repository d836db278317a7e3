package dev.courier.architecture;

import java.util.List;

/** The core module's main code against {@link ModuleArchitecture}'s rules. */
class ArchitectureTests extends ModuleArchitecture {

    /** Annotations and the extensions they name, which must know each other. */
    private static final List<List<String>> ACCEPTED = List.of();

    ArchitectureTests() {
        super("core", 150, ACCEPTED, List.of());
    }
}
