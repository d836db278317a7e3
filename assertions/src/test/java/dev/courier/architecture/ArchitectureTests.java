package dev.courier.architecture;

import java.util.List;

/** The assertions module's main code against {@link ModuleArchitecture}'s rules. */
class ArchitectureTests extends ModuleArchitecture {

    ArchitectureTests() {
        super("assertions", 30, List.of(), List.of());
    }
}
