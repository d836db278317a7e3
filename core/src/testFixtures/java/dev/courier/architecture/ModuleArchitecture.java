package dev.courier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules every module's {@code ArchitectureTests} holds its main code to: no import loop between
 * files, counting imports and same-package type names ({@link SourceLoops}), and a {@code package-info.java} in
 * every main package. A module lists the loops it accepts (an annotation and the extension it names) and the
 * packages still undocumented; the lists only shrink: a listed loop that no longer exists, or a listed package that
 * has its package-info, fails too.
 *
 * <p>Thread contract: one instance per test, as JUnit makes them; reads the module's sources from the working
 * directory Maven runs its tests in.
 */
public abstract class ModuleArchitecture {

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    private final String module;
    private final int minimumFiles;
    private final List<List<String>> listedLoops;
    private final List<String> undocumented;
    private final SourceLoops sources = SourceLoops.of(MAIN_SOURCES);

    /**
     * @param module       the module's name, for the failure texts
     * @param minimumFiles fewer main files read than this means the sources were not found
     * @param listedLoops  the loops the module accepts, each as its files' type names
     * @param undocumented the main packages still without a package-info, in order
     */
    protected ModuleArchitecture(String module, int minimumFiles, List<List<String>> listedLoops,
                                 List<String> undocumented) {
        this.module = module;
        this.minimumFiles = minimumFiles;
        this.listedLoops = List.copyOf(listedLoops);
        this.undocumented = List.copyOf(undocumented);
    }

    @Test
    void mainCodeHasNoFileLoopBeyondTheListedOnes() {
        // GIVEN the module's main sources
        assertThat(sources.files()).as("main source files read").isGreaterThan(minimumFiles);

        // WHEN their loops are found
        List<String> unaccepted = sources.unacceptedLoops(listedLoops);

        // THEN every loop is listed
        assertThat(unaccepted).as("file loops in the " + module + " module's main code, not listed in "
                + "ArchitectureTests").isEmpty();
    }

    @Test
    void everyListedLoopStillExists() {
        // GIVEN / WHEN the listed loops are looked for
        List<List<String>> vanished = sources.vanishedLoops(listedLoops);

        // THEN none has been broken or changed without its entry being removed or updated
        assertThat(vanished).as("listed loops no longer found: remove or update their entries").isEmpty();
    }

    @Test
    void everyMainPackageHasAPackageInfoExceptTheListedOnes() {
        // GIVEN / WHEN the main packages without a package-info are looked for
        List<String> missing = SourcePackages.withoutPackageInfo(MAIN_SOURCES);

        // THEN exactly the listed ones lack it
        assertThat(missing).as("main packages without package-info.java (the list in ArchitectureTests only shrinks)")
                .containsExactlyElementsOf(undocumented);
    }
}
