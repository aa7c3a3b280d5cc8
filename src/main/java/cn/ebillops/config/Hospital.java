package cn.ebillops.config;

/** The customer: names used in answers and on report covers. */
public record Hospital(String name, String shortName, String vendor, String contractPeriod) {
}
