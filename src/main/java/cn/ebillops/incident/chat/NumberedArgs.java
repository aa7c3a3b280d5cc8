package cn.ebillops.incident.chat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "/ack 12 需上门" → number 12, rest "需上门"; "/resolve 证书过期" → no number, rest "证书过期". */
record NumberedArgs(Optional<Long> number, String rest) {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^[#＃]?(\\d{1,12})(?:\\s+|$)(.*)$", Pattern.DOTALL);

    static NumberedArgs parse(String args) {
        String t = args == null ? "" : args.strip();
        Matcher m = LEADING_NUMBER.matcher(t);
        if (m.matches()) {
            return new NumberedArgs(Optional.of(Long.parseLong(m.group(1))), m.group(2).strip());
        }
        return new NumberedArgs(Optional.empty(), t);
    }
}
