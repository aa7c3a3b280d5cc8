package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit trail seen from the chat: a command is on record once, with its arguments masked, next to the
 * state change it made; only administrators read or verify the log.
 */
class IncidentAuditTrailTest extends IncidentSpringTestBase {

    private static final String ID_NUMBER = "110101199003071234";

    private long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    private List<Map<String, Object>> auditAfter(long id) {
        return jdbc.sql("select actor, route, action, target, after_value, outcome from audit_log where id > ? order by id")
                .param(id).query().listOfRows();
    }

    @Test
    void aCommandIsRecordedOnceWithMaskedArgumentsBesideTheStateChangeItMade() {
        service.report(report("liufang", "wr_cashier", Severity.II, Area.ISSUANCE));
        awaitBackgroundWork();
        long n = service.openIncidents().get(0).number();
        long before = lastAuditId();

        say("zhanggong", "wr_cashier", "/resolve " + n + " 已为证件号 " + ID_NUMBER + " 重开票据");
        awaitBackgroundWork();

        List<Map<String, Object>> rows = auditAfter(before);
        assertThat(rows).filteredOn(r -> r.get("action").equals("command")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("actor", "zhanggong").containsEntry("route", "console")
                    .containsEntry("target", "/resolve");
            assertThat((String) r.get("after_value")).startsWith(n + " 已为证件号 110101").doesNotContain(ID_NUMBER);
            assertThat((String) r.get("outcome")).isNotBlank();
        });
        assertThat(rows).filteredOn(r -> r.get("action").equals("incident.resolved")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("actor", "zhanggong").containsEntry("route", "console")
                    .containsEntry("target", "故障单 #" + n);
            assertThat((String) r.get("after_value")).contains("登记解决").doesNotContain(ID_NUMBER);
        });
        assertThat(rows).extracting(r -> (String) r.get("after_value")).noneMatch(v -> v != null && v.contains(ID_NUMBER));
    }

    @Test
    void theOpeningAndEveryLifecycleStepAreOnRecord() {
        long before = lastAuditId();
        service.report(report("liufang", "wr_cashier", Severity.II, Area.ISSUANCE));
        awaitBackgroundWork();
        long n = service.openIncidents().get(0).number();
        say("zhanggong", "wr_cashier", "/ack " + n);
        say("zhanggong", "wr_cashier", "/level " + n + " I");
        say("zhanggong", "wr_cashier", "/close " + n);

        assertThat(auditAfter(before)).extracting(r -> (String) r.get("action"))
                .contains("incident.opened", "incident.acknowledged", "incident.level", "incident.closed")
                .filteredOn("command"::equals).hasSize(3);
    }

    @Test
    void aMaintenanceWindowIsOnRecord() {
        long before = lastAuditId();
        say("zhanggong", "wr_it", "/maintenance 2026-11-25T10:00 2026-11-25T10:20 系统升级");

        assertThat(auditAfter(before)).filteredOn(r -> r.get("action").equals("maintenance.add")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("actor", "zhanggong").containsEntry("route", "console")
                        .containsEntry("after_value", "2026-11-25T10:00 至 2026-11-25T10:20：系统升级"));
    }

    @Test
    void hospitalStaffCannotReadOrVerifyTheAudit() {
        for (String command : List.of("/audit verify", "/audit", "/audit 5")) {
            assertThat(say("chenxia", "wr_cashier", command)).as(command).contains("只有管理员可以")
                    .doesNotContain("审计日志完整").doesNotContain("审计日志（最近");
        }
        assertThat(say("zhanggong", "wr_cashier", "/audit verify")).as("engineers neither").contains("只有管理员可以");
    }

    @Test
    void managersVerifyAndReadTheAudit() {
        say("zhanggong", "wr_cashier", "/help");
        assertThat(say("wangjingli", "wr_cashier", "/audit verify")).startsWith("审计日志完整：");
        assertThat(say("wangjingli", "wr_cashier", "/audit 3")).startsWith("**审计日志（最近 3 条，新的在前）**")
                .contains("王经理(wangjingli)（console）command /audit：verify；结果：审计日志完整");
    }
}
