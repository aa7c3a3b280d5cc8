package cn.ebillops.wecom;

/**
 * What a failed smoke-test step tells the installer: WeCom's errcode with a Chinese explanation and where in the admin
 * console to fix it. Only codes whose meaning is known (WeCom's global error codes as docs/go-live.md and
 * /work/shared/reference name them) get an explanation; any other is shown as WeCom sent it, not guessed at.
 * Never given a secret or token: only errcodes, WeCom's errmsg and the configured URLs.
 */
final class SmokeErrors {

    private SmokeErrors() {
    }

    /** A self-built app call (gettoken, message/send) refused by WeCom or not reached (-1). */
    static String app(int errcode, String errmsg, String apiBaseUrl) {
        String code = "errcode " + errcode + " — ";
        return switch (errcode) {
            case 40001 -> code + "Secret 不对（或不是这个应用的 Secret）：管理后台 → 应用管理 → <应用> → Secret「查看」，"
                    + "重新抄到 WECOM_APP_SECRET";
            case 40013 -> code + "企业 ID 不对：管理后台 → 我的企业 → 企业信息 → 企业ID，抄到 WECOM_CORP_ID";
            case 40014, 42001 -> code + "access_token 无效或已过期，重新获取后仍被拒：核对 WECOM_CORP_ID 与 WECOM_APP_SECRET "
                    + "是否属于同一企业的同一应用";
            case 60020 -> code + "服务器 IP 不在企业可信 IP 里：管理后台 → 应用管理 → <应用> → 开发者接口 → 企业可信IP，"
                    + "填本机出口公网 IP（curl -s https://ifconfig.me）";
            case 81013 -> code + "userid 不对，或此人不在应用的可见范围：管理后台 → 应用管理 → <应用> → 可见范围；"
                    + "userid 见 通讯录 → 成员 →「账号」";
            case 45009, 45033 -> code + "调用太频繁，企业微信限流：过一分钟再试";
            case -1 -> "企业微信接口连不上或系统繁忙（" + errmsg + "）：检查本机能否访问 " + apiBaseUrl
                    + "（防火墙放行出站 443，见 docs/go-live.md 第 8 节防火墙清单），稍后再试";
            default -> unknown(errcode, errmsg);
        };
    }

    /** The long connection's subscribe refused: WeCom names no cause, but bot id, secret or the mode is wrong. */
    static String subscribe(int errcode, String errmsg) {
        if (errcode == AibotAcks.NO_ACK) {
            return "订阅发出后 " + AibotAcks.TIMEOUT.toSeconds() + " 秒内企业微信没有应答：稍后再试；仍不行时检查网络是否稳定";
        }
        return "企业微信拒绝订阅（errcode " + errcode + "：" + errmsg + "）：Bot ID 或 Secret 不对，或机器人没有选“使用长连接”："
                + "管理后台 → 安全与管理 → 管理工具 → 智能机器人 → <机器人> → API 配置，核对 WECOM_AIBOT_BOT_ID / "
                + "WECOM_AIBOT_SECRET（Secret 重新生成后旧的即失效）";
    }

    /** aibot_send_msg refused: the conditions WeCom puts on a push, without claiming which one this code means. */
    static String push(int errcode, String errmsg) {
        return switch (errcode) {
            case AibotAcks.NO_ACK -> "推送发出后 " + AibotAcks.TIMEOUT.toSeconds() + " 秒内企业微信没有应答，不能确认群里收到：稍后再试";
            case AibotAcks.RATE_LIMITED -> "errcode 45009 — 调用太频繁，企业微信限流：过一分钟再试";
            default -> unknown(errcode, errmsg) + "。请确认：chatid 是这个群的（群里 @机器人 /whoami 可查）、智能机器人已加入该群、"
                    + "并且有人在群里 @ 过机器人一次（企业微信只允许机器人向已经和它说过话的会话主动发消息）";
        };
    }

    /** The WebSocket did not open: the address or the firewall. */
    static String connect(String url, String reason) {
        return "连不上 " + url + "（" + reason + "）：检查防火墙是否放行出站 443 到 openws.work.weixin.qq.com，"
                + "以及 WECOM_AIBOT_WS_URL（不设时用默认值）";
    }

    static String unknown(int errcode, String errmsg) {
        return "企业微信返回 errcode " + errcode + "：" + (errmsg == null || errmsg.isBlank() ? "（无说明）" : errmsg);
    }
}
