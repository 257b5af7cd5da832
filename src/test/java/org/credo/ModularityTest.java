package org.credo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of ARCHITECTURE.md holds, and its documentation in docs/modules stays current. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CredoApplication.class);

    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation(@TempDir Path generated) throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        // The Documenter lists events and dependencies in no fixed order: a file is replaced only when what it says
        // changed, so that running the tests leaves the working tree as it was.
        Files.createDirectories(DOCS);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path current = DOCS.resolve(file.getFileName().toString());
                if (!Files.exists(current) || !sortedLines(current).equals(sortedLines(file))) {
                    Files.copy(file, current, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    // What a file says, in any order; the first item of an AsciiDoc table cell carries the cell's "|".
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> line.startsWith("|") ? line.substring(1) : line)
                .sorted()
                .toList();
    }
}
