package dev.courier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePackagesTests {

    @TempDir
    Path root;

    @Test
    void aPackageWithTypesButNoPackageInfoIsListed() throws IOException {
        // GIVEN a documented package, an undocumented one, and a folder holding only a subpackage
        write("a/A.java", "package a;\nclass A { }\n");
        write("a/package-info.java", "/** Documented. */\npackage a;\n");
        write("a/b/B.java", "package a.b;\nclass B { }\n");
        write("c/d/package-info.java", "/** Documented, no types. */\npackage c.d;\n");

        // WHEN / THEN only a.b lacks its package-info
        assertThat(SourcePackages.withoutPackageInfo(root)).containsExactly("a.b");
    }

    private void write(String relative, String source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }
}
