package dev.courier.architecture;

import java.util.List;

/** The node module's main code against {@link ModuleArchitecture}'s rules. */
class ArchitectureTests extends ModuleArchitecture {

    ArchitectureTests() {
        super("node", 8, List.of(), List.of());
    }
}
