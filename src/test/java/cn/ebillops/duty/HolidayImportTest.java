package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.EntityExtractor;
import cn.ebillops.assistant.nlu.ParsedCommand;
import cn.ebillops.audit.AuditEntry;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.testsupport.BotConfigCopy;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.wording.Wording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /holidays import and confirm, as an administrator pastes the 2026 notice in November 2025 into a configuration
 * directory that has no 2026.yaml yet: the preview, the file written, the running calendar reloaded (duty
 * questions about 2026 answer at once), the audit row; staff refused; an existing year kept unless asked.
 */
class HolidayImportTest {

    private static final String ADMIN = "wangjingli";
    private static final String STAFF = "chenxia";

    private final MutableClock clock = MutableClock.at("2025-11-20T10:00");
    private final Wording wording = Wording.defaults();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final KeyValueStore store = new InMemoryKeyValueStore(clock);
    private Path dir;
    private BotConfig config;
    private HolidayCalendar calendar;
    private HolidaysCommand command;
    private DutyAnswers answers;
    private EntityExtractor entities;

    @BeforeEach
    void setUp() throws IOException {
        dir = BotConfigCopy.withoutTargets();
        Files.delete(dir.resolve("holidays/2026.yaml"));
        start();
    }

    /** The module as built at start from the directory (again after a "restart"), sharing the store. */
    private void start() {
        BotConfigFiles files = new BotConfigFiles(dir);
        config = new BotConfigLoader().botConfig(files);
        calendar = new HolidayCalendarLoader().holidayCalendar(files);
        command = new HolidaysCommand(new HolidayImport(calendar, files, store, audit::add, clock, wording));
        DutyService duty = new DutyService(new DutyRosterLoader().dutyRoster(files, config), calendar, config, clock);
        answers = new DutyAnswers(duty, new CalendarGapReporter(new ChatSender(List.of()), config, store, clock, wording),
                wording);
        entities = new EntityExtractor(clock, List.of(new CalendarHolidayNames(calendar)));
    }

    /** What the command answers to the message as the chat delivers it: the assistant joins lines into one. */
    private String say(String userId, String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        ParsedCommand parsed = ParsedCommand.parse(line).orElseThrow();
        Turn turn = new Turn(new InboundMessage("test", "chat", userId, line, "m1", clock.instant()),
                config.person(userId), Optional.empty(), line, entities.extract(line));
        return command.execute(new CommandContext(turn, parsed.args())).markdown();
    }

    private String duty(String question) {
        return answers.answer(entities.extract(question)).markdown();
    }

    @Test
    void confirmWritesTheYearReloadsTheCalendarAndPutsItOnRecord() throws IOException {
        assertThat(duty("/duty 2026-10-01")).contains("尚未配置");

        String preview = say(ADMIN, "/holidays import\n" + HolidayNoticeParserTest.notice(2026));
        assertThat(preview).contains("2026 年节假日安排（从通知读出，尚未写入）",
                "> 国庆：10月1日（周四）至10月7日（周三），共 7 天；调休上班：9月20日（周日）、10月10日（周六）",
                "> 元旦：1月1日（周四）至1月3日（周六），共 3 天；调休上班：1月4日（周日）",
                "确认写入请回复 /holidays confirm 2026");
        assertThat(dir.resolve("holidays/2026.yaml")).as("nothing written before confirmation").doesNotExist();

        String written = say(ADMIN, "/holidays confirm 2026");
        assertThat(written).startsWith("**已写入 bot-config/holidays/2026.yaml**");
        List<Holiday> expected = HolidayNoticeParser.parse(HolidayNoticeParserTest.notice(2026)).holidays();
        assertThat(HolidayCalendarLoader.parseYear(2026, new BotConfigFiles(dir).read("holidays/2026.yaml")))
                .isEqualTo(expected);
        try (var left = Files.list(dir.resolve("holidays"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("2025.yaml", "2026.yaml");
        }

        assertThat(duty("/duty 2026-10-01")).doesNotContain("尚未配置").contains("（国庆假期）");
        assertThat(duty("/duty 2026-10-10")).contains("调休上班日");
        assertThat(duty("2026年国庆谁值班")).doesNotContain("尚未配置").contains("10月1日");
        assertThat(say(ADMIN, "/holidays")).contains("2025、2026");
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(ADMIN);
            assertThat(e.action()).isEqualTo("holidays.write");
            assertThat(e.target()).isEqualTo("bot-config/holidays/2026.yaml");
            assertThat(e.after()).contains("国庆 2026-10-01~2026-10-07 上班[2026-09-20, 2026-10-10]");
        });
        assertThat(say(ADMIN, "/holidays confirm 2026")).as("the pending import is used once").contains("没有待确认的 2026 年");
    }

    @Test
    void theWrittenFileIsWhatTheNextStartLoads() {
        say(ADMIN, "/holidays import " + HolidayNoticeParserTest.notice(2026));
        say(ADMIN, "/holidays confirm 2026");
        start();
        assertThat(calendar.knows(2026)).isTrue();
        assertThat(duty("/duty 2026-02-14")).contains("调休上班日");
    }

    @Test
    void aPendingImportOutlivesARestartButNotItsExpiry() {
        say(ADMIN, "/holidays import " + HolidayNoticeParserTest.notice(2026));
        start(); // the store is shared (Redis or the database in production)
        clock.advance(HolidayImport.PENDING.plus(Duration.ofMinutes(1)));
        assertThat(say(ADMIN, "/holidays confirm 2026")).contains("没有待确认的 2026 年");
        assertThat(dir.resolve("holidays/2026.yaml")).doesNotExist();

        say(ADMIN, "/holidays import " + HolidayNoticeParserTest.notice(2026));
        start();
        assertThat(say(ADMIN, "/holidays confirm 2026")).startsWith("**已写入");
    }

    @Test
    void hospitalStaffAreRefusedEverySubcommand() {
        for (String text : List.of("/holidays", "/holidays import " + HolidayNoticeParserTest.notice(2026),
                "/holidays confirm 2026")) {
            assertThat(say(STAFF, text)).as(text).startsWith("只有管理员可以");
        }
        say(ADMIN, "/holidays import " + HolidayNoticeParserTest.notice(2026));
        assertThat(say(STAFF, "/holidays confirm 2026")).startsWith("只有管理员可以");
        assertThat(dir.resolve("holidays/2026.yaml")).doesNotExist();
        assertThat(calendar.knows(2026)).isFalse();
        assertThat(audit).isEmpty();
    }

    @Test
    void anExistingYearIsReplacedOnlyWhenAskedTo() throws IOException {
        Path file2025 = dir.resolve("holidays/2025.yaml");
        String before = Files.readString(file2025);
        String typoFixed = HolidayNoticeParserTest.notice(2025).replace("4月27日（周日）上班", "4月27日（周日）、4月26日（周六）上班");
        assertThat(say(ADMIN, "/holidays import " + typoFixed)).contains("/holidays confirm 2025 覆盖");
        assertThat(say(ADMIN, "/holidays confirm 2025")).startsWith("未写入：bot-config/holidays/2025.yaml 已存在");
        assertThat(Files.readString(file2025)).isEqualTo(before);

        assertThat(say(ADMIN, "/holidays confirm 2025 覆盖")).startsWith("**已写入");
        assertThat(calendar.isMakeUpWorkday(java.time.LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.before()).isEqualTo("已有文件（已替换）"));
    }

    @Test
    void aNoticeThatAgreesWithTheFileIsNotWrittenAgain() {
        assertThat(say(ADMIN, "/holidays import " + HolidayNoticeParserTest.notice(2025))).contains("2025 年已有相同的节假日安排");
        assertThat(say(ADMIN, "/holidays confirm 2025")).contains("没有待确认的 2025 年");
    }

    @Test
    void aWrongWeekdayIsAnsweredWithTheItemAndNothingIsKept() {
        String typo = HolidayNoticeParserTest.notice(2026).replace("5月1日（周五）", "5月1日（周四）");
        assertThat(say(ADMIN, "/holidays import " + typo)).startsWith("**无法导入该通知**")
                .contains("> 第四项（劳动节） 5月1日 写的是周四，实际是周五。");
        assertThat(say(ADMIN, "/holidays confirm 2026")).contains("没有待确认的 2026 年");
    }
}
