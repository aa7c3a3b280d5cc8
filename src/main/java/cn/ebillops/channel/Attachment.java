package cn.ebillops.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * A file sent along with a message (the Word report of an inspection). Routes that can post files
 * send it as a message of its own after the text; the text always carries a download link too, so a
 * route without files (the console) or a file WeCom refuses still leaves the group the report. The
 * bytes stay out of JSON (the console's API answers name the file only).
 */
public record Attachment(String fileName, @JsonIgnore byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    public int size() {
        return content.length;
    }

    /** Without the bytes: a report is hundreds of kilobytes and belongs in no log line. */
    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + content.length + " bytes]";
    }
}
