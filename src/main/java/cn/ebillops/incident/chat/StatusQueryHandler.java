package cn.ebillops.incident.chat;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import org.springframework.stereotype.Component;

/** "现在系统正常吗": the latest probe, this month's availability and the open incidents. */
@Component
class StatusQueryHandler implements IntentHandler {

    private final IncidentViews views;
    private final DashboardLinks links;

    public StatusQueryHandler(IncidentViews views, DashboardLinks links) {
        this.views = views;
        this.links = links;
    }

    @Override
    public Intent intent() {
        return Intent.STATUS_QUERY;
    }

    @Override
    public Reply handle(Turn turn, Classification classification) {
        return Reply.of(views.status() + links.now());
    }
}
