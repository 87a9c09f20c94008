package org.gaudi.core.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.sampling.TrainedTinyModels;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StagedFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The mode a plain new file gets here (0666 minus the umask). */
    private Set<PosixFilePermission> umaskDefault() throws IOException {
        Path probe = Files.createFile(tmp.getRoot().toPath().resolve("probe"));
        return Files.getPosixFilePermissions(probe);
    }

    @Test
    public void filesGetTheUmaskDefaultNotOwnerOnly() throws Exception {
        Assume.assumeTrue(tmp.getRoot().toPath().getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> expected = umaskDefault();
        Path text = tmp.getRoot().toPath().resolve("sub/a.txt");
        StagedFile.write(text, os -> os.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello", Files.readString(text));
        assertEquals(expected, Files.getPosixFilePermissions(text));

        Path model = tmp.getRoot().toPath().resolve("m.gaudi-edm");
        TrainedTinyModels.edmArchive().write(model);
        assertEquals(expected, Files.getPosixFilePermissions(model));
        ModelArchive.read(model); // still a readable model
    }

    @Test
    public void aFailedWriteNamesTheTargetAndLeavesNothing() throws Exception {
        Path dir = tmp.newFolder("out").toPath();
        Path target = dir.resolve("model.gaudi-edm");
        try {
            StagedFile.write(target, os -> {
                os.write(1);
                throw new IOException("No space left on device");
            });
            fail();
        } catch (IOException e) {
            assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        }
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertTrue("no temporary file left", files.findAny().isEmpty());
        }
    }
}
