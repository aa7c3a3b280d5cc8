package cn.ebillops.duty;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.Role;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /holidays} lists the configured years; {@code /holidays import <通知全文>} reads the State Council's notice
 * and shows the calendar; {@code /holidays confirm <年份> [覆盖]} writes it. The notice arrives as one line (the
 * chat joins lines), which the parser expects.
 */
@Component
@ChatCommand(value = SlashCommand.HOLIDAYS, usage = "/holidays [import 通知全文|confirm 年份 [覆盖]]",
        help = "查看已配置节假日的年份；粘贴国务院办公厅的节假日安排通知导入新一年的日历", requires = Role.ADMIN)
class HolidaysCommand implements Command {

    private final HolidayImport imports;

    HolidaysCommand(HolidayImport imports) {
        this.imports = imports;
    }

    @Override
    public Reply execute(CommandContext context) {
        List<String> args = context.argList();
        String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        try {
            return Reply.of(switch (sub) {
                case "" -> imports.years(context.caller());
                case "import", "导入" -> imports.preview(context.caller(), context.args().strip().substring(args.get(0).length()));
                case "confirm", "确认" -> args.size() >= 2 && args.get(1).matches("\\d{4}")
                        ? imports.confirm(context.caller(), Integer.parseInt(args.get(1)),
                                args.size() >= 3 && args.get(2).equals("覆盖"))
                        : imports.usage(context.caller());
                default -> imports.usage(context.caller());
            });
        } catch (HolidayImport.ImportRefused e) {
            return Reply.of(e.getMessage());
        }
    }
}
