package cn.ebillops.wecom;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one WebSocket of {@link AibotSocket}: a text frame may arrive in parts, so the parts are joined
 * (up to 1 MB, beyond which the connection is dropped) and each whole frame is handed on, in order, on
 * the socket's own thread. A frame that cannot be handled is logged and the next one read.
 */
final class AibotFrameReader implements WebSocket.Listener {

    private static final Logger log = LoggerFactory.getLogger(AibotFrameReader.class);
    private static final int MAX_FRAME_CHARS = 1_000_000;

    private final BiConsumer<WebSocket, String> onFrame;
    private final BiConsumer<WebSocket, String> onGone;
    private final StringBuilder buffer = new StringBuilder();

    AibotFrameReader(BiConsumer<WebSocket, String> onFrame, BiConsumer<WebSocket, String> onGone) {
        this.onFrame = onFrame;
        this.onGone = onGone;
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        buffer.append(data);
        if (buffer.length() > MAX_FRAME_CHARS) {
            buffer.setLength(0);
            ws.abort();
            return null;
        }
        if (last) {
            String text = buffer.toString();
            buffer.setLength(0);
            try {
                onFrame.accept(ws, text);
            } catch (RuntimeException e) {
                log.warn("aibot long connection: frame not handled: {}", e.toString());
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        onGone.accept(ws, "closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        onGone.accept(ws, error.getClass().getSimpleName());
    }
}
