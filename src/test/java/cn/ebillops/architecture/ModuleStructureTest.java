package cn.ebillops.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.EbillOpsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map as Spring Modulith reads it: one module per top-level package under cn.ebillops, each
 * with a package-info naming what it owns and the modules it may use. {@code verify()} fails on a cycle,
 * on a use of a type a module does not expose (its base package or a named interface), and on a
 * dependency its {@code allowedDependencies} do not list.
 *
 * <p>The diagram in docs/modules is the Documenter's output; it is compared here (as a set of lines) so it
 * cannot go stale.
 * After a change of the map, {@code scripts/module-diagram.sh} rewrites and renders it.
 */
class ModuleStructureTest {

    static final Path COMMITTED = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/spring-modulith-docs");
    private static final ApplicationModules MODULES = ApplicationModules.of(EbillOpsApplication.class);

    @Test
    void theModuleMapHoldsWithoutViolations() throws IOException {
        Path out = Path.of("target/modulith");
        Files.createDirectories(out);
        Files.write(out.resolve("violations.txt"), MODULES.detectViolations().getMessages());
        Files.writeString(out.resolve("modules.txt"), MODULES.toString());
        MODULES.verify();
    }

    @Test
    void theCommittedDiagramIsTheCurrentMap() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        List<String> generated = pumlFiles(GENERATED);
        assertThat(generated).as("diagrams written by the Documenter").contains("components.puml");
        assertThat(pumlFiles(COMMITTED)).as("docs/modules lists the same diagrams; run scripts/module-diagram.sh")
                .containsExactlyInAnyOrderElementsOf(generated);
        for (String name : generated) {
            assertThat(sortedLines(COMMITTED.resolve(name))).as("%s is stale; run scripts/module-diagram.sh", name)
                    .isEqualTo(sortedLines(GENERATED.resolve(name)));
        }
    }

    /** The Documenter writes modules and relations in hash order, so the same map can come out in another order. */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    private static List<String> pumlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".puml")).sorted().toList();
        }
    }
}
