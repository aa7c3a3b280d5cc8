package cn.ebillops.wecom;

import cn.ebillops.web.RequestRefused;
import org.springframework.http.HttpStatus;

/** A callback refused before anything is processed; the message never contains the body. */
class CallbackRejected extends RequestRefused {

    public CallbackRejected(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
