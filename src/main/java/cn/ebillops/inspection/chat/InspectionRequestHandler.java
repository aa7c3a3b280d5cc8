package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import org.springframework.stereotype.Component;

/** "帮忙巡检一下" → full inspection; naming 数据库/备份/磁盘/日志/签名/页面… narrows the scope. */
@Component
class InspectionRequestHandler implements IntentHandler {

    private final ChatInspection inspection;

    public InspectionRequestHandler(ChatInspection inspection) {
        this.inspection = inspection;
    }

    @Override
    public Intent intent() {
        return Intent.INSPECTION_REQUEST;
    }

    @Override
    public Reply handle(Turn turn, Classification classification) {
        return inspection.run(turn, ScopeWords.fromText(turn.text()));
    }
}
