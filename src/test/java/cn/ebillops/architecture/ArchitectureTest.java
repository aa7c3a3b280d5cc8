package cn.ebillops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/** Keeps the shape of DESIGN.md honest. */
@AnalyzeClasses(packages = "cn.ebillops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // Adapters on top of the assistant (console, WeCom, the language model's tools) are modules of
    // their own: they call the assistant and the feature modules, which in turn use the assistant's SPI.
    private static final SliceAssignment MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("cn.ebillops.")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring("cn.ebillops.".length());
            for (String adapter : List.of("assistant.llm", "channel.console", "channel.wecom")) {
                if (rest.equals(adapter) || rest.startsWith(adapter + ".")) {
                    return SliceIdentifier.of(adapter);
                }
            }
            return SliceIdentifier.of(rest.split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "feature modules";
        }
    };

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().assignedFrom(MODULES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyWecomTouchesWxJava = noClasses()
            .that().resideOutsideOfPackages("cn.ebillops.channel.wecom..", "cn.ebillops.sandbox.wecom..")
            .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..");

    @ArchTest
    static final ArchRule onlyLlmTouchesLangChainChatTypes = noClasses()
            .that().resideOutsideOfPackage("cn.ebillops.assistant.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j.model.chat..",
                    "dev.langchain4j.service..", "dev.langchain4j.agent..", "dev.langchain4j.model.openai..",
                    "dev.langchain4j.data.message..");

    @ArchTest
    static final ArchRule productionNeverDependsOnSandbox = noClasses()
            .that().resideOutsideOfPackage("cn.ebillops.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("cn.ebillops.sandbox..");

    @ArchTest
    static final ArchRule assistantCoreKnowsNoFeatureModule = noClasses()
            .that().resideInAPackage("cn.ebillops.assistant")
            .should().dependOnClassesThat().resideInAnyPackage("cn.ebillops.incident..", "cn.ebillops.inspection..",
                    "cn.ebillops.duty..", "cn.ebillops.schedule..", "cn.ebillops.channel.wecom..");

    @ArchTest
    static final ArchRule jobsStayThin = noClasses()
            .that().resideInAPackage("cn.ebillops.schedule..").and().haveSimpleNameEndingWith("Job")
            .should().accessClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
            .allowEmptyShould(true);
}
