package cn.ebillops.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the shape of DESIGN.md honest. */
@AnalyzeClasses(packages = "cn.ebillops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    // Channel adapters (console, WeCom) are entry points: they call the assistant, which uses the
    // channel's message types; that edge is by design, every other module cycle is a bug.
    static final ArchRule noCyclesBetweenModules = slices().matching("cn.ebillops.(*)..").should().beFreeOfCycles()
            .ignoreDependency(resideInAnyPackage("cn.ebillops.channel.console..", "cn.ebillops.channel.wecom.."),
                    DescribedPredicate.alwaysTrue());

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
