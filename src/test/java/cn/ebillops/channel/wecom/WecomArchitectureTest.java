package cn.ebillops.channel.wecom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** WxJava stays inside channel.wecom; production code never depends on the stand-in. */
class WecomArchitectureTest {

    // only the compiled production classes: scanning the whole classpath takes most of a minute
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target/classes"));

    @Test
    void onlyTheWecomChannelTouchesWxJava() {
        noClasses().that().resideOutsideOfPackage("cn.ebillops.channel.wecom..")
                .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..")
                .check(classes);
    }

    @Test
    void wecomChannelDoesNotDependOnTheSandbox() {
        noClasses().that().resideInAPackage("cn.ebillops.channel..")
                .should().dependOnClassesThat().resideInAPackage("cn.ebillops.sandbox..")
                .check(classes);
    }
}
