package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Item 13 (票据存档): the archived bill of the known business is retrievable — its picture/H5 URL
 * answers HTTP 200. On the medical platform the URL is the bill's own {@code pictureUrl} (as the HIS
 * stored it in knownBill, else as getEBillByBusNo returns it): no medical client calls a picture
 * service. Only the standard platform is asked with getEBillPicUrl.
 */
class BillArchiveCheck extends EbillCheck {

    private final HttpClient http;

    BillArchiveCheck(EbillTarget target, EbillClient client, PiiMasker masker, HttpClient http) {
        super(target, client, masker, 13);
        this.http = http;
    }

    @Override
    protected String kindId() {
        return "ebill-archive";
    }

    @Override
    public String name() {
        return "票据存档（票据图片/H5 地址）";
    }

    @Override
    protected int calls() {
        return 2;
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        var k = target.knownBill();
        if (k == null) {
            return needKnownBill();
        }
        String url = k.pictureUrl();
        String source = "knownBill.pictureUrl";
        if (url.isEmpty()) {
            EbillResponse r = ok(trace, () -> target.medicalPlatform() ? client.billByBusNo(k.busNo(), k.busDateTime())
                    : client.pictureUrl(k.billBatchCode(), k.billNo(), k.random()));
            url = r.field("pictureUrl").isEmpty() ? r.field("pictureNetUrl") : r.field("pictureUrl");
            source = r.service().serviceName();
        }
        trace.put("图片地址来源", source);
        if (url.isEmpty()) {
            return new Outcome(CheckStatus.ERROR, "%s 未给出 pictureUrl/pictureNetUrl".formatted(source),
                    "无法取得票据图片地址：请在 knownBill 下填写该票据开具时平台返回的 pictureUrl（HIS 中保存的那一个）。");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(CheckStatus.FAIL, "票据图片地址格式错误", "平台返回的票据图片地址无效：请联系平台厂商。");
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<Void> pic = http.send(HttpRequest.newBuilder(uri).timeout(target.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            trace.put("票据图片 HTTP 状态", Integer.toString(pic.statusCode()));
            trace.put("票据图片响应ms", Long.toString(ms));
            pic.headers().firstValue("Content-Type").ifPresent(ct -> trace.put("票据图片类型", ct));
            if (pic.statusCode() != 200) {
                return new Outcome(CheckStatus.FAIL, "票据图片地址返回 HTTP %d".formatted(pic.statusCode()),
                        "票据存档文件无法打开：请检查平台文件存储/版式文件服务及对外访问地址配置。");
            }
            return Outcome.ok("已知票据 %s/%s 的图片地址可访问（HTTP 200，%d ms）".formatted(k.billBatchCode(), k.billNo(), ms));
        } catch (IOException e) {
            trace.put("票据图片响应ms", Long.toString((System.nanoTime() - t0) / 1_000_000));
            return new Outcome(CheckStatus.FAIL, "票据图片地址无法访问：" + e.getClass().getSimpleName(),
                    "票据存档文件无法访问：请检查图片地址的主机和端口从院内网络是否可达。");
        }
    }
}
