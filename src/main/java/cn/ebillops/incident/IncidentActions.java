package cn.ebillops.incident;

import cn.ebillops.channel.Reply;
import cn.ebillops.config.Person;

/**
 * Lifecycle actions from outside the chat commands, e.g. WeCom card buttons (接单 / 已到场 /
 * 已解决). The implementation checks the actor's role itself.
 */
public interface IncidentActions {

    enum Action { ACK, ONSITE, RESOLVE }

    Reply act(Action action, long incidentNumber, Person actor, String note);
}
