package dev.courier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No import loop between the files of this module's main code, counting imports and same-package type
 * names ({@link SourceLoops}), and a {@code package-info.java} in every main package. The lists below only
 * shrink: a listed loop that no longer exists, or a listed package that has its package-info, fails too.
 */
class ArchitectureTests {

    /** Annotations and the extensions they name, which must know each other. */
    private static final List<List<String>> ACCEPTED = List.of(
            List.of("dev.courier.fuzz.FuzzTest", "dev.courier.fuzz.internal.FuzzExtension"));

    /** Packages still without a package-info. */
    private static final List<String> UNDOCUMENTED = List.of();

    private final SourceLoops sources = SourceLoops.of(Path.of("src", "main", "java"));

    @Test
    void mainCodeHasNoFileLoopBeyondTheListedOnes() {
        // GIVEN the module's main sources
        assertThat(sources.files()).as("main source files read").isGreaterThan(60);

        // WHEN their loops are found
        List<String> unaccepted = sources.unacceptedLoops(ACCEPTED);

        // THEN every loop is listed
        assertThat(unaccepted).as("file loops in the extension module's main code, not listed in ArchitectureTests")
                .isEmpty();
    }

    @Test
    void everyListedLoopStillExists() {
        // GIVEN / WHEN the listed loops are looked for
        List<List<String>> vanished = sources.vanishedLoops(ACCEPTED);

        // THEN none has been broken or changed without its entry being removed or updated
        assertThat(vanished).as("listed loops no longer found: remove or update their entries").isEmpty();
    }

    @Test
    void everyMainPackageHasAPackageInfoExceptTheListedOnes() {
        // GIVEN / WHEN the main packages without a package-info are looked for
        List<String> undocumented = SourcePackages.withoutPackageInfo(Path.of("src", "main", "java"));

        // THEN exactly the listed ones lack it
        assertThat(undocumented)
                .as("main packages without package-info.java (the list in ArchitectureTests only shrinks)")
                .containsExactlyElementsOf(UNDOCUMENTED);
    }
}
