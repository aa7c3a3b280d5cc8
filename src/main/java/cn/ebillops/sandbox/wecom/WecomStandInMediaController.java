package cn.ebillops.sandbox.wecom;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The stand-in's {@code /cgi-bin/media/upload} for the self-built app (multipart field {@code media}). */
@RestController
@RequestMapping("/sandbox/wecom")
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
class WecomStandInMediaController {

    private final WecomStandIn standIn;
    private final WecomStandInAppFiles files;

    WecomStandInMediaController(WecomStandIn standIn, WecomStandInAppFiles files) {
        this.standIn = standIn;
        this.files = files;
    }

    @PostMapping("/cgi-bin/media/upload")
    Map<String, Object> upload(@RequestParam(name = "access_token", required = false) String token,
                               @RequestParam(required = false) String type,
                               @RequestPart(name = "media", required = false) MultipartFile media) throws IOException {
        int code = standIn.checkToken(token);
        if (code != 0) {
            return Map.of("errcode", code, "errmsg", code == 42001 ? "access_token expired" : "invalid access_token");
        }
        if (media == null) {
            return Map.of("errcode", 41001, "errmsg", "missing media");
        }
        WecomStandInAppFiles.Upload r = files.upload(type, media.getOriginalFilename(), media.getBytes());
        if (r.errcode() != 0) {
            return Map.of("errcode", r.errcode(), "errmsg", "invalid media size");
        }
        return Map.of("errcode", 0, "errmsg", "ok", "type", "file", "media_id", r.mediaId(),
                "created_at", String.valueOf(files.now()));
    }
}
