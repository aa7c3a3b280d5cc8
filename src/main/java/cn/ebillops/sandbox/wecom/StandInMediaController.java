package cn.ebillops.sandbox.wecom;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The stand-in's media uploads: the group robot's upload_media and the app's media/upload (type=file). */
@RestController
@RequestMapping("/sandbox/wecom")
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
class StandInMediaController {

    private final StandInMedia media;
    private final WecomStandIn standIn;

    StandInMediaController(StandInMedia media, WecomStandIn standIn) {
        this.media = media;
        this.standIn = standIn;
    }

    @PostMapping("/cgi-bin/webhook/upload_media")
    Map<String, Object> robotUpload(@RequestParam String key, @RequestParam String type,
                                    @RequestParam("media") MultipartFile file) throws IOException {
        return upload(type, file);
    }

    @PostMapping("/cgi-bin/media/upload")
    Map<String, Object> appUpload(@RequestParam(name = "access_token", required = false) String token,
                                  @RequestParam String type, @RequestParam("media") MultipartFile file) throws IOException {
        int code = standIn.checkToken(token);
        if (code != 0) {
            return Map.of("errcode", code, "errmsg", "invalid access_token");
        }
        return upload(type, file);
    }

    private Map<String, Object> upload(String type, MultipartFile file) throws IOException {
        if (!"file".equals(type)) {
            return Map.of("errcode", 40004, "errmsg", "invalid media type");
        }
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return Map.of("errcode", 40005, "errmsg", "invalid file name");
        }
        return media.upload(name, file.getBytes());
    }
}
