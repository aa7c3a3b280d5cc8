package cn.ebillops.assistant.nlu;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The statutory holiday names the hospital's calendar knows. The duty module implements it with
 * the holiday files' own names and aliases, so understanding keeps no second list of holidays.
 */
@NamedInterface("nlu")
public interface HolidayNames {

    /** The longest holiday name or alias the text mentions as a holiday ("十一" but not "十一月"). */
    Optional<String> holidayIn(String text);
}
