package cn.ebillops.channel.wecom;

import cn.ebillops.web.RequestRefused;
import org.springframework.http.HttpStatus;

/** A callback refused before anything is processed; the message never contains the body. */
public class CallbackRejected extends RequestRefused {

    public CallbackRejected(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
