package dev.courier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLoopsTests {

    @TempDir
    Path root;

    @Test
    void importsBothWaysAreALoop() throws IOException {
        // GIVEN a.A imports b.B and b.B imports a.A
        write("a/A.java", "package a;\nimport b.B;\nclass A { B b; }\n");
        write("b/B.java", "package b;\nimport a.A;\nclass B { A a; }\n");
        write("b/C.java", "package b;\nimport a.A;\nclass C { A a; }\n");

        // WHEN the tree is read
        SourceLoops loops = SourceLoops.of(root);

        // THEN A and B form the one loop; C only depends
        assertThat(loops.files()).isEqualTo(3);
        assertThat(loops.loops()).containsExactly(List.of("a.A", "b.B"));
    }

    @Test
    void sameTypeNamesInOnePackageCountWithoutAnImport() throws IOException {
        // GIVEN three files of one package naming each other in a ring, and a fourth named only in a comment
        write("p/One.java", "package p;\nclass One { Two two; }\n");
        write("p/Two.java", "package p;\nclass Two { Three three; }\n");
        write("p/Three.java", "package p;\n/** Four is only mentioned. */\nclass Three { One one; String s = \"Four\"; }\n");
        write("p/Four.java", "package p;\nclass Four { One one; }\n");

        // WHEN / THEN the ring is one loop; comments and strings do not count
        assertThat(SourceLoops.of(root).loops()).containsExactly(List.of("p.One", "p.Three", "p.Two"));
    }

    @Test
    void aOneWayChainHasNoLoop() throws IOException {
        // GIVEN a static import and a nested-type import that point one way only
        write("x/Up.java", "package x;\npublic class Up { public static class Inner {} public static int N; }\n");
        write("y/Down.java", "package y;\nimport static x.Up.N;\nimport x.Up.Inner;\nclass Down { Inner i; int n = N; }\n");
        write("x/package-info.java", "/** Down is named here. */\npackage x;\n");

        // WHEN / THEN nothing loops
        SourceLoops loops = SourceLoops.of(root);
        assertThat(loops.loops()).isEmpty();
        assertThat(loops.files()).isEqualTo(2);
    }

    private void write(String relative, String source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }
}
