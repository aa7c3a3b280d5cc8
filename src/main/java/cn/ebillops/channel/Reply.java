package cn.ebillops.channel;

import java.util.List;

/**
 * An answer in markdown (WeCom's subset), with optional links such as a report download and files
 * (the report itself) that routes able to post files send after the text.
 */
public record Reply(String markdown, List<Link> links, List<Attachment> attachments) {

    public Reply {
        links = links == null ? List.of() : List.copyOf(links);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Reply(String markdown, List<Link> links) {
        this(markdown, links, List.of());
    }

    public static Reply of(String markdown) {
        return new Reply(markdown, List.of());
    }

    /** The same answer with other text: links and files stay. */
    public Reply withMarkdown(String text) {
        return new Reply(text, links, attachments);
    }

    public Reply withAttachments(List<Attachment> files) {
        return new Reply(markdown, links, files);
    }

    public record Link(String title, String url) {
    }
}
