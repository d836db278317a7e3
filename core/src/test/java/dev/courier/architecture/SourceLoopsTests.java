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
        assertThat(loops.filesInLoops()).isEqualTo(2);
    }

    @Test
    void sameTypeNamesInOnePackageCountWithoutAnImport() throws IOException {
        // GIVEN three files of one package naming each other in a ring, and a fourth named only in a comment
        write("p/One.java", "package p;\nclass One { Two two; }\n");
        write("p/Two.java", "package p;\nclass Two { Three three; }\n");
        write("p/Three.java",
                "package p;\n/** Four is only mentioned. */\nclass Three { One one; String s = \"Four\"; }\n");
        write("p/Four.java", "package p;\nclass Four { One one; }\n");

        // WHEN / THEN the ring is one loop; comments and strings do not count
        assertThat(SourceLoops.of(root).loops()).containsExactly(List.of("p.One", "p.Three", "p.Two"));
    }

    @Test
    void aOneWayChainHasNoLoop() throws IOException {
        // GIVEN a static import and a nested-type import that point one way only
        write("x/Up.java", "package x;\npublic class Up { public static class Inner {} public static int N; }\n");
        write("y/Down.java",
                "package y;\nimport static x.Up.N;\nimport x.Up.Inner;\nclass Down { Inner i; int n = N; }\n");
        write("x/package-info.java", "/** Down is named here. */\npackage x;\n");

        // WHEN
        SourceLoops loops = SourceLoops.of(root);

        // THEN nothing loops, though Down depends on Up
        assertThat(loops.loops()).isEmpty();
        assertThat(loops.files()).isEqualTo(2);
        assertThat(loops.dependenciesOf("y.Down")).containsExactly("x.Up");
    }

    @Test
    void mentionsInCommentsTextBlocksAndCharactersAreIgnored() throws IOException {
        // GIVEN Low names High only in a line comment, a block comment, a javadoc link, a text block and a string
        write("p/High.java", "package p;\nclass High { Low low; }\n");
        write("p/Low.java", "package p;\n// High\n/* High */\n/** {@link High} */\nclass Low {\n"
                + "    String block = \"\"\"\n        High \\\"\"\" still High\n        \"\"\";\n"
                + "    char quote = '\"'; String s = \"High\"; char c = '\\''; // High\n}\n");

        // WHEN
        SourceLoops loops = SourceLoops.of(root);

        // THEN High depends on Low and not the other way round
        assertThat(loops.dependenciesOf("p.High")).containsExactly("p.Low");
        assertThat(loops.dependenciesOf("p.Low")).isEmpty();
        assertThat(loops.loops()).isEmpty();
    }

    @Test
    void aQualifiedNameInCodeIsADependency() throws IOException {
        // GIVEN a.A imports b.B, and b.B names a.A by its qualified name without an import
        write("a/A.java", "package a;\nimport b.B;\nclass A { B b; }\n");
        write("b/B.java", "package b;\nclass B { Object o = new a.A(); }\n");

        // WHEN / THEN they loop
        assertThat(SourceLoops.of(root).loops()).containsExactly(List.of("a.A", "b.B"));
    }

    @Test
    void anImportedTypeShadowsASiblingOfTheSameName() throws IOException {
        // GIVEN p.Task names "Clock", but imports q.Clock, while p has its own Clock that names Task
        write("p/Task.java", "package p;\nimport q.Clock;\nclass Task { Clock clock; }\n");
        write("p/Clock.java", "package p;\nclass Clock { Task task; }\n");
        write("q/Clock.java", "package q;\npublic class Clock { }\n");

        // WHEN
        SourceLoops loops = SourceLoops.of(root);

        // THEN Task depends on q.Clock only, so p's files do not loop
        assertThat(loops.dependenciesOf("p.Task")).containsExactly("q.Clock");
        assertThat(loops.loops()).isEmpty();
    }

    @Test
    void aMemberAccessIsNotASiblingReference() throws IOException {
        // GIVEN Reader reads a field named like a sibling type through another object
        write("p/Writer.java", "package p;\nclass Writer { Reader reader; }\n");
        write("p/Reader.java", "package p;\nclass Reader { Object o = java.util.Map.Writer; }\n");

        // WHEN / THEN only Writer -> Reader
        assertThat(SourceLoops.of(root).loops()).isEmpty();
    }

    @Test
    void unacceptedLoopsAreDescribedByTheDependenciesHoldingThem() throws IOException {
        // GIVEN a two-file loop and a three-file ring
        write("a/A.java", "package a;\nimport b.B;\nclass A { B b; }\n");
        write("b/B.java", "package b;\nimport a.A;\nclass B { A a; }\n");
        write("p/One.java", "package p;\nclass One { Two two; }\n");
        write("p/Two.java", "package p;\nclass Two { Three three; }\n");
        write("p/Three.java", "package p;\nclass Three { One one; }\n");
        SourceLoops loops = SourceLoops.of(root);

        // WHEN the two-file loop is accepted
        List<String> unaccepted = loops.unacceptedLoops(List.of(List.of("a.A", "b.B")));

        // THEN only the ring is reported, with each file's dependencies within it
        assertThat(unaccepted).containsExactly("loop of 3 files:\n"
                + "  p.One -> [p.Two]\n"
                + "  p.Three -> [p.One]\n"
                + "  p.Two -> [p.Three]");
    }

    @Test
    void anAcceptedLoopThatNoLongerExistsIsReported() throws IOException {
        // GIVEN a loop that was broken: A no longer imports B
        write("a/A.java", "package a;\nclass A { }\n");
        write("b/B.java", "package b;\nimport a.A;\nclass B { A a; }\n");
        SourceLoops loops = SourceLoops.of(root);

        // WHEN / THEN the accepted entry is stale
        assertThat(loops.vanishedLoops(List.of(List.of("a.A", "b.B")))).containsExactly(List.of("a.A", "b.B"));
        assertThat(loops.unacceptedLoops(List.of())).isEmpty();
    }

    private void write(String relative, String source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }
}
