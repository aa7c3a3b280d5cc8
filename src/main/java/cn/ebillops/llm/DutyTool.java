package cn.ebillops.llm;

import cn.ebillops.llm.ToolGuard.Permission;
import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** Who is on duty, for everyone. The answer is also kept as a fact so names and phones are exact. */
@Component
class DutyTool implements AgentTool {

    private final DutyLookup duty;
    private final Clock clock;

    public DutyTool(DutyLookup duty, Clock clock) {
        this.duty = duty;
        this.clock = clock;
    }

    @Tool(name = "whoIsOnDuty", value = "查询某一天（默认现在）的值班工程师、备岗、负责人和值班热线。")
    public String whoIsOnDuty(@P(name = "date", value = "日期，格式 yyyy-MM-dd；问现在或今天时留空", required = false) String date,
                              InvocationParameters parameters) {
        var context = ToolGuard.allow(parameters, Permission.ASK, "查询值班");
        if (context.isEmpty()) {
            return ToolGuard.refusal("查询值班");
        }
        Instant at;
        try {
            at = date == null || date.isBlank() ? clock.instant()
                    : LocalDate.parse(date.strip()).atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            return "日期格式不对：" + date + "，请用 yyyy-MM-dd。";
        }
        DutyAssignment a = duty.onDutyAt(at);
        StringBuilder sb = new StringBuilder("%s 值班工程师：%s".formatted(a.date(), withPhone(a.engineer())));
        a.backup().ifPresent(b -> sb.append("；备岗：").append(withPhone(b)));
        a.manager().ifPresent(m -> sb.append("；负责人：").append(withPhone(m)));
        if (a.hotline() != null && !a.hotline().isBlank()) {
            sb.append("；值班热线：").append(a.hotline());
        }
        String text = sb.append("。").toString();
        context.get().addFact(text);
        return text;
    }

    private static String withPhone(Person p) {
        return p.phone() == null || p.phone().isBlank() ? p.name() : "%s（%s）".formatted(p.name(), p.phone());
    }
}
