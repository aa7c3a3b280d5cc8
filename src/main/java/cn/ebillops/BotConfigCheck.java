package cn.ebillops;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.nlu.NluFilesCheck;
import cn.ebillops.config.ConfigCheck;
import cn.ebillops.config.ConfigCheck.FileCheck;
import cn.ebillops.console.ConsoleAccountsCheck;
import cn.ebillops.duty.DutyRosterLoader;
import cn.ebillops.duty.HolidayCalendarLoader;
import cn.ebillops.ebill.EbillCheckFactories;
import cn.ebillops.incident.IncidentSettings;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.CheckRegistry;
import cn.ebillops.inspection.InspectionCheckFactories;
import cn.ebillops.knowledge.KnowledgeBase;
import cn.ebillops.schedule.ScheduleSettingsLoader;
import cn.ebillops.signing.SigningCheckFactories;
import cn.ebillops.wording.Wording;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * scripts/check-config.sh's main class: {@link ConfigCheck} (syntax of every file, hospital.yaml,
 * the environment) plus the content of every file another module owns, each read by that module's
 * own loader as at start, with problems collected, so one run lists every mistake of every file.
 * It lives in the application's root package because config may not depend on the modules that
 * own those loaders. Nothing heavy is built: no Spring context, no database, no embedding model;
 * the check factories only parse their targets (they connect when a check runs, never here).
 * Usage: {@code java -cp ... cn.ebillops.BotConfigCheck [config-dir]}.
 */
public final class BotConfigCheck {

    private BotConfigCheck() {
    }

    public static void main(String[] args) {
        // every problem is a line on stdout already; logback's default (DEBUG to stdout, in English)
        // would mix library chatter into what an administrator or a script reads
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return ConfigCheck.run(args, env, out, err, fileChecks(env));
    }

    /** In the order the start creates the beans that read them. */
    static List<FileCheck> fileChecks(Map<String, String> env) {
        List<CheckFactory> factories = checkFactories(env::get);
        return List.of(
                new FileCheck(CheckRegistry.MAIN_FILE, (files, config) -> CheckRegistry.load(files, factories)),
                new FileCheck("holidays/", (files, config) -> new HolidayCalendarLoader().holidayCalendar(files)),
                new FileCheck(DutyRosterLoader.FILE, (files, config) -> new DutyRosterLoader().dutyRoster(files, config)),
                new FileCheck(DutyRosterLoader.FILE, (files, config) -> new ScheduleSettingsLoader().scheduleSettings(files, config)),
                new FileCheck(IncidentSettings.FILE, (files, config) -> IncidentSettings.load(files)),
                new FileCheck("wording.yml", (files, config) -> new Wording(files)),
                new FileCheck(ConsoleAccountsCheck.FILE, ConsoleAccountsCheck::check),
                new FileCheck("knowledge/", (files, config) -> KnowledgeBase.load(files)),
                new FileCheck(NluFilesCheck.FILES, (files, config) -> NluFilesCheck.check(files)));
    }

    /**
     * Every kind a target may name, as the start registers them (BotConfigCheckTest compares this list
     * with the CheckFactory beans, so a new kind cannot be forgotten here). Secrets come from env:
     * a factory that needs one fails here as it would at start.
     */
    static List<CheckFactory> checkFactories(UnaryOperator<String> env) {
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        PiiMasker masker = new PiiMasker();
        List<CheckFactory> all = new ArrayList<>(InspectionCheckFactories.withoutSpring(clock, masker, "ebill-ops-assistant"));
        all.add(EbillCheckFactories.withoutSpring(env, masker, clock));
        all.add(SigningCheckFactories.withoutSpring(env, clock));
        return List.copyOf(all);
    }
}
