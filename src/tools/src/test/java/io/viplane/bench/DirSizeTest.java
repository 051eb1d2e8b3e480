package io.viplane.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirSizeTest {
    @Test
    void sumsRegularFilesInNestedFolders(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a"), new byte[10]);
        Files.createDirectories(dir.resolve("x/y"));
        Files.write(dir.resolve("x/y/b"), new byte[25]);
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(35, DirSize.bytes(dir));
    }

    @Test
    void aMissingFolderHoldsNothing(@TempDir Path dir) {
        assertEquals(0, DirSize.bytes(dir.resolve("nope")));
    }
}
