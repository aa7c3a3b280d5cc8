package cn.ebillops.assistant;

/**
 * A slash command was run, refused or failed: published once per command by the assistant, where every
 * command from every route passes, so the audit trail records each command exactly once. {@code args} are
 * as typed (the audit masks patient data before storing them); {@code outcome} is the start of the answer,
 * or what went wrong.
 */
public record CommandRun(String userId, String route, String command, String args, String outcome) {
}
