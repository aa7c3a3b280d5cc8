package cn.ebillops.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Rules every tool class must follow, including the ones added later. */
class ToolCatalogTest {

    static List<Class<?>> toolClasses() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AgentTool.class));
        List<Class<?>> out = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("cn.ebillops")) {
            out.add(Class.forName(candidate.getBeanClassName()));
        }
        return out;
    }

    static List<Method> toolMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Tool.class)).toList();
    }

    @Test
    void everyToolTakesTheCallerFromTheTurnAndNothingDeletes() throws Exception {
        List<Class<?>> classes = toolClasses();
        assertThat(classes).extracting(Class::getSimpleName)
                .contains("KnowledgeTool", "DutyTool", "InspectionTool", "IncidentTool", "StatusTool");
        for (Class<?> type : classes) {
            assertThat(type.isAnnotationPresent(org.springframework.stereotype.Component.class))
                    .as("%s is a Spring bean", type.getSimpleName()).isTrue();
            assertThat(toolMethods(type)).as("%s has @Tool methods", type.getSimpleName()).isNotEmpty();
            for (Method m : toolMethods(type)) {
                assertThat(m.getParameterTypes()).as("%s.%s takes InvocationParameters for ToolGuard", type.getSimpleName(),
                        m.getName()).contains(InvocationParameters.class);
                String name = (m.getAnnotation(Tool.class).name() + m.getName()).toLowerCase(Locale.ROOT);
                assertThat(name).doesNotContain("delete").doesNotContain("remove").doesNotContain("drop");
            }
        }
    }
}
