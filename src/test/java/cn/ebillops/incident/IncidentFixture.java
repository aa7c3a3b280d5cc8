package cn.ebillops.incident;

import cn.ebillops.audit.AuditTrail;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import cn.ebillops.incident.availability.AvailabilityRepository;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.incident.clock.SlaClockService;
import cn.ebillops.incident.clock.SlaScheduler;
import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.InfraConfig;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import cn.ebillops.inspection.InspectionTestDb;
import cn.ebillops.inspection.Inspector;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.wording.Wording;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mockito.Mockito;
import org.quartz.Scheduler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incident module without Spring: the real service, repository (in-memory H2 with the
 * migrations, one per JVM, emptied for each fixture), clock service and notifier; Quartz is a
 * stand-in that keeps nothing (tests fire the clock steps themselves). Fast enough for mutation
 * testing, which runs each test many times.
 */
public final class IncidentFixture {

    /** A roster that names nobody: the escalation chain comes from bot-config people. */
    public static final DutyLookup NO_ROSTER = at -> null;

    public static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z"); // 10:00 Beijing time

    private static final JdbcClient JDBC = JdbcClient.create(InspectionTestDb.h2());

    public final MutableClock clock = new MutableClock(T0, InfraConfig.ZONE);
    public final BotConfig config = new BotConfigLoader().botConfig(new BotConfigFiles(Path.of("bot-config")));
    public final IncidentSettings settings;
    public final IncidentRepository repository = new IncidentRepository(JDBC, AuditTrail.NONE);
    public final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    public final List<Object> events = new CopyOnWriteArrayList<>();
    /** Direct messages to these users fail (a route down). */
    public final List<String> unreachable = new CopyOnWriteArrayList<>();
    public final IncidentTexts texts = new IncidentTexts(clock, config, Wording.defaults());
    public final IncidentNotifier notifier;
    public final IncidentService service;

    public IncidentFixture() {
        this(IncidentSettings.load(new BotConfigFiles(Path.of("bot-config"))));
    }

    public IncidentFixture(IncidentSettings settings) {
        this.settings = settings;
        for (String t : new String[] {"incident_notice", "incident_event", "incident_reporter", "incident",
                "availability_sample", "maintenance_window"}) {
            JDBC.sql("delete from " + t).update();
        }
        ChatSender sender = new ChatSender(List.of(new OutboundChannel() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void deliver(OutboundMessage message) {
                if (message.isDirect() && unreachable.contains(message.toUser())) {
                    throw new IllegalStateException("route down");
                }
                sent.add(message);
            }
        }));
        this.notifier = new IncidentNotifier(sender, settings);
        SlaScheduler noQuartz = new SlaScheduler(idleQuartz(), settings, clock);
        this.service = new IncidentService(repository, settings, noQuartz, new InMemoryKeyValueStore(clock),
                events::add, texts, clock);
    }

    /** A Quartz that accepts every job and keeps none: nothing fires behind a test's back. */
    public static Scheduler idleQuartz() {
        return Mockito.mock(Scheduler.class, Mockito.withSettings().stubOnly());
    }

    /** Fault statistics and availability over the fixture's database as of {@code at}; nothing is probed. */
    public IncidentStatisticsService statistics(Clock at) {
        Inspector noProbes = (scopes, trigger) -> {
            throw new IllegalStateException("the fixture runs no availability probes");
        };
        return new IncidentStatisticsService(repository,
                new AvailabilityService(noProbes, new cn.ebillops.inspection.CheckRegistry(java.util.List.of()),
                        new AvailabilityRepository(JDBC), settings, at, AuditTrail.NONE,
                        Wording.defaults()), at, Wording.defaults());
    }

    /** The fixture's database (statistics, availability). */
    public static JdbcClient jdbc() {
        return JDBC;
    }

    public Person person(String userId) {
        return config.person(userId);
    }

    /** The clock service with the chain from bot-config people (zhanggong, ligong, wangjingli). */
    public SlaClockService clocks() {
        return clocks(new EscalationContacts(NO_ROSTER, config));
    }

    /** The clock service with a duty roster that names these people for every moment. */
    public SlaClockService clocks(String engineer, Optional<String> backup, Optional<String> manager) {
        DutyLookup lookup = at -> new DutyAssignment(at.atZone(InfraConfig.ZONE).toLocalDate(), person(engineer),
                backup.map(this::person), manager.map(this::person), "");
        return clocks(new EscalationContacts(lookup, config));
    }

    public SlaClockService clocks(EscalationContacts contacts) {
        return new SlaClockService(repository, settings, contacts, notifier, texts, clock);
    }

    public List<OutboundMessage> directTo(String userId) {
        return sent.stream().filter(m -> m.isDirect() && userId.equals(m.toUser())).toList();
    }

    public List<OutboundMessage> toGroup(String chatId) {
        return sent.stream().filter(m -> !m.isDirect() && chatId.equals(m.chatId())).toList();
    }
}
