package cn.ebillops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The library rules of DESIGN.md that Spring Modulith does not know about. The module map itself (no
 * cycles, only exposed types, each module's allowed dependencies) is verified by {@link ModuleStructureTest}.
 */
@AnalyzeClasses(packages = "cn.ebillops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyWecomTouchesWxJava = noClasses()
            .that().resideOutsideOfPackages("cn.ebillops.wecom..", "cn.ebillops.sandbox.wecom..")
            .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..");

    @ArchTest
    static final ArchRule onlyLlmTouchesLangChainChatTypes = noClasses()
            .that().resideOutsideOfPackage("cn.ebillops.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j.model.chat..",
                    "dev.langchain4j.service..", "dev.langchain4j.agent..", "dev.langchain4j.model.openai..",
                    "dev.langchain4j.data.message..");

    @ArchTest
    static final ArchRule productionNeverDependsOnSandbox = noClasses()
            .that().resideOutsideOfPackage("cn.ebillops.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("cn.ebillops.sandbox..");

    @ArchTest
    static final ArchRule jobsStayThin = noClasses()
            .that().resideInAPackage("cn.ebillops.schedule..").and().haveSimpleNameEndingWith("Job")
            .should().accessClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
            .allowEmptyShould(true);
}
