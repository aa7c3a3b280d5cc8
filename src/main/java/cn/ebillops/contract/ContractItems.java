package cn.ebillops.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's inspection items (user-requirements 一.2–16) and the signing server (二.3 = 0). */
public final class ContractItems {

    public static final int SIGNING_SERVER = 0;

    /** Item number → text of the service contract, in report order. */
    public static final Map<Integer, String> ITEMS;

    static {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(2, "检查系统页面各功能操作是否顺畅");
        m.put(3, "检查系统后台是否正常");
        m.put(4, "检查系统接口是否正常");
        m.put(5, "检查数据库电子票据系统用户表空间是否足够（使用率均少于90%）");
        m.put(6, "检查数据库系统表空间是否足够（使用率均少于90%）");
        m.put(7, "检查数据备份是否正常，备份空间是否足够");
        m.put(8, "检查服务器硬盘空间是否足够（使用率要少于90%）");
        m.put(9, "检查系统日志是否正常");
        m.put(10, "根据巡检结果，提交改进建议报告");
        m.put(11, "检查系统医疗票据管理功能是否正常");
        m.put(12, "检查系统医疗票据开具功能是否正常");
        m.put(13, "检查系统医疗票据存档功能是否正常");
        m.put(14, "检查系统医疗票据交付功能是否正常");
        m.put(15, "检查系统综合报表查询功能是否正常");
        m.put(16, "检查系统管理功能是否正常");
        m.put(SIGNING_SERVER, "用户认证服务器（签名验签服务器）检修与检测");
        ITEMS = Collections.unmodifiableMap(m);
    }

    private ContractItems() {
    }

    /** "一.5" or "二.3" as printed in the report. */
    public static String label(int item) {
        return item == SIGNING_SERVER ? "二.3" : "一." + item;
    }
}
