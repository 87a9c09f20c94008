package org.gaudi.arch;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

/** The science layer must stay usable without KNIME: no class under org.gaudi.core may import org.knime. */
public class CoreIsKnimeFreeTest {

    private static final Pattern KNIME_IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?org\\.knime\\.");

    @Test
    public void coreHasNoKnimeImports() throws IOException {
        Path core = Paths.get("src/main/java/org/gaudi/core");
        assertTrue("core source folder missing: " + core.toAbsolutePath(), Files.isDirectory(core));
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(core)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(CoreIsKnimeFreeTest::importsKnime)
                    .collect(Collectors.toList());
        }
        assertTrue("core classes import org.knime: " + offenders, offenders.isEmpty());
    }

    @Test
    public void detectorRecognisesAKnimeImport() {
        assertTrue(KNIME_IMPORT.matcher("package x;\nimport org.knime.core.node.NodeModel;\n").find());
    }

    private static boolean importsKnime(Path p) {
        try {
            return KNIME_IMPORT.matcher(Files.readString(p)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }
}
