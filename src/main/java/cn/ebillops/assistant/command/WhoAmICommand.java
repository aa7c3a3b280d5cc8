package cn.ebillops.assistant.command;

import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.wording.Wording;
import org.springframework.stereotype.Component;

/**
 * Shows the ids WeCom gave the writer and this chat, and whether bot-config knows them: going live, the
 * installer copies the userid and chatid from here into bot-config/hospital.yaml instead of hunting for
 * them in the admin console (a group's chatid is shown nowhere there).
 */
@Component
@ChatCommand(value = SlashCommand.WHOAMI, usage = "/whoami", help = "显示我的 userid、本群的 chatid 及是否已配置")
class WhoAmICommand implements Command {

    private final BotConfig config;
    private final Wording wording;

    WhoAmICommand(BotConfig config, Wording wording) {
        this.config = config;
        this.wording = wording;
    }

    @Override
    public Reply execute(CommandContext context) {
        Turn turn = context.turn();
        String userId = turn.message().userId();
        String person = config.findPerson(userId)
                .map(p -> wording.text("assistant.whoami.known", "name", p.name(), "role", p.role().label()))
                .orElse(wording.text("assistant.whoami.unknownPerson"));
        String group = turn.group()
                .map(g -> wording.text("assistant.whoami.knownGroup", "name", g.name()))
                .orElse(wording.text("assistant.whoami.unknownGroup"));
        return Reply.of(wording.text("assistant.whoami.answer", "channel", turn.message().channel(), "userId", userId,
                "person", person, "chatId", turn.chatId(), "group", group));
    }
}
