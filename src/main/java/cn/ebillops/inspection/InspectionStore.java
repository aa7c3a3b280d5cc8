package cn.ebillops.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores inspection runs and results (tables inspection_run, inspection_result) as history. */
@Repository
public class InspectionStore {

    private static final TypeReference<LinkedHashMap<String, String>> FIGURES = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();

    public InspectionStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Saves a finished run and returns it with its id. */
    public InspectionRun save(InspectionRun run) {
        return tx.execute(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into inspection_run (scopes, trigger_source, started_at, finished_at, overall) values (?, ?, ?, ?, ?)")
                    .params(run.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                            run.trigger(), OffsetDateTime.ofInstant(run.startedAt(), java.time.ZoneOffset.UTC),
                            OffsetDateTime.ofInstant(run.finishedAt(), java.time.ZoneOffset.UTC), run.overall().name())
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            int seq = 0;
            for (CheckResult r : run.results()) {
                jdbc.sql("""
                        insert into inspection_result (run_id, seq, check_id, name, contract_items, target, status,
                            figures, evidence, suggestion, elapsed_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, seq++, r.checkId(), r.name(),
                                r.contractItems().stream().map(String::valueOf).collect(Collectors.joining(",")),
                                r.target(), r.status().name(), json.writeValueAsString(new LinkedHashMap<>(r.figures())),
                                r.evidence(), r.suggestion(), r.elapsed().toMillis())
                        .update();
            }
            return new InspectionRun(id, run.scopes(), run.trigger(), run.startedAt(), run.finishedAt(), run.results());
        });
    }

    public Optional<InspectionRun> find(long id) {
        return jdbc.sql("select * from inspection_run where id = ?").param(id)
                .query((rs, n) -> header(rs)).optional()
                .map(h -> new InspectionRun(h.id(), h.scopes(), h.trigger(), h.startedAt(), h.finishedAt(), results(h.id())));
    }

    /** The run before {@code id} with the same scopes, for "change since the previous inspection". */
    public Optional<InspectionRun> previous(long id) {
        return jdbc.sql("""
                        select p.id from inspection_run p join inspection_run r on r.id = ?
                        where p.id < r.id and p.scopes = r.scopes order by p.id desc limit 1""").param(id)
                .query(Long.class).optional().flatMap(this::find);
    }

    public Optional<InspectionRun> latest() {
        return jdbc.sql("select id from inspection_run order by id desc limit 1")
                .query(Long.class).optional().flatMap(this::find);
    }

    /** The newest run started by {@code trigger} (e.g. the availability probe's), with its results. */
    public Optional<InspectionRun> latestRun(String trigger) {
        return jdbc.sql("select id from inspection_run where trigger_source = ? order by id desc limit 1")
                .param(trigger).query(Long.class).optional().flatMap(this::find);
    }

    /** Inspections (availability probes excluded) and the problems they found, for yearly records. */
    public record Totals(long runs, long problems) {
    }

    public Totals totalsBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select count(distinct r.id) as runs,
                               count(case when x.status <> 'OK' then 1 end) as problems
                        from inspection_run r left join inspection_result x on x.run_id = r.id
                        where r.started_at >= ? and r.started_at < ? and r.trigger_source not like 'probe%'""")
                .params(OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC), OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .query((rs, n) -> new Totals(rs.getLong("runs"), rs.getLong("problems"))).single();
    }

    /** Deletes runs (and their results) of triggers starting with {@code triggerPrefix} started before {@code before}. */
    public int purgeRuns(String triggerPrefix, Instant before) {
        String like = triggerPrefix.replace("%", "\\%").replace("_", "\\_") + "%";
        return tx.execute(status -> {
            jdbc.sql("""
                    delete from inspection_result where run_id in
                    (select id from inspection_run where trigger_source like ? and started_at < ?)""")
                    .params(like, OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).update();
            return jdbc.sql("delete from inspection_run where trigger_source like ? and started_at < ?")
                    .params(like, OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).update();
        });
    }

    /** The newest stored result of checks whose id starts with {@code checkIdPrefix}. */
    public Optional<CheckResult> latestResult(String checkIdPrefix) {
        return jdbc.sql("select run_id from inspection_result where check_id like ? order by run_id desc limit 1")
                .param(checkIdPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query(Long.class).optional()
                .flatMap(runId -> results(runId).stream().filter(r -> r.checkId().startsWith(checkIdPrefix)).findFirst());
    }

    /** Most recent runs first, without results (for history listings). */
    public List<InspectionRun> recent(int limit) {
        return jdbc.sql("select * from inspection_run order by id desc limit ?").param(limit)
                .query((rs, n) -> header(rs)).list();
    }

    /** The newest inspections with their results, availability probes left out (they run every minute). */
    public List<InspectionRun> recentInspections(int limit) {
        return jdbc.sql("select id from inspection_run where trigger_source not like 'probe%' order by id desc limit ?")
                .param(limit).query(Long.class).list().stream().flatMap(id -> find(id).stream()).toList();
    }

    private List<CheckResult> results(long runId) {
        return jdbc.sql("select * from inspection_result where run_id = ? order by seq").param(runId)
                .query((rs, n) -> new CheckResult(rs.getString("check_id"), rs.getString("name"),
                        items(rs.getString("contract_items")), rs.getString("target"),
                        CheckStatus.valueOf(rs.getString("status")), figures(rs.getString("figures")),
                        rs.getString("evidence"), rs.getString("suggestion"),
                        Duration.ofMillis(rs.getLong("elapsed_ms"))))
                .list();
    }

    private Map<String, String> figures(String s) {
        return json.readValue(s, FIGURES);
    }

    private static List<Integer> items(String s) {
        return s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
    }

    private static InspectionRun header(ResultSet rs) throws SQLException {
        Set<InspectionScope> scopes = EnumSet.noneOf(InspectionScope.class);
        for (String s : rs.getString("scopes").split(",")) {
            if (!s.isBlank()) {
                scopes.add(InspectionScope.valueOf(s));
            }
        }
        return new InspectionRun(rs.getLong("id"), scopes, rs.getString("trigger_source"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(), List.of());
    }
}
