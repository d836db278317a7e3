package dev.courier.architecture;

import java.util.List;

/** The kafka module's main code against {@link ModuleArchitecture}'s rules. */
class ArchitectureTests extends ModuleArchitecture {

    ArchitectureTests() {
        super("kafka", 15, List.of(), List.of());
    }
}
