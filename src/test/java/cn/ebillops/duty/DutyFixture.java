package cn.ebillops.duty;

import cn.ebillops.assistant.nlu.EntityExtractor;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.TestBotConfig;
import cn.ebillops.wording.Wording;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The duty module built from the project's real bot-config files, with a hand-moved clock. */
public final class DutyFixture {

    public final MutableClock clock;
    public final BotConfigFiles files = TestBotConfig.files();
    public final BotConfig config = new BotConfigLoader().botConfig(files);
    public final HolidayCalendar calendar = new HolidayCalendarLoader().holidayCalendar(files);
    public final DutyRoster roster = new DutyRosterLoader().dutyRoster(files, config);
    public final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    public final ChatSender sender = new ChatSender(List.of(new OutboundChannel() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public void deliver(OutboundMessage message) {
            sent.add(message);
        }
    }));
    public final DutyService duty;
    public final CalendarGapReporter gaps;
    public final DutyAnswers answers;
    public final EntityExtractor entities;

    public DutyFixture(MutableClock clock) {
        this.clock = clock;
        this.duty = new DutyService(roster, calendar, config, clock);
        this.gaps = new CalendarGapReporter(sender, config, new InMemoryKeyValueStore(clock), clock,
                Wording.defaults());
        this.answers = new DutyAnswers(duty, gaps, Wording.defaults());
        this.entities = new EntityExtractor(clock, List.of(new CalendarHolidayNames(calendar)));
    }

    /** The duty answer to a message, read as the assistant reads it. */
    public String ask(String text) {
        return answers.answer(entities.extract(text)).markdown();
    }

    /** The project's duty rules with the manager line removed (the chain's fallback), on the same files. */
    public DutyService dutyWithoutManager() {
        DutyRoster none = new DutyRoster(roster.hotline(), roster.engineers(), roster.backup(), Optional.empty(),
                roster.anchor(), roster.handover(), roster.holidayRules(), roster.overrides());
        return new DutyService(none, calendar, config, clock);
    }

    public static DutyFixture at(String localDateTime) {
        return new DutyFixture(MutableClock.at(localDateTime));
    }
}
