package cn.ebillops.channel;

import java.util.List;

/** An answer in markdown (WeCom's subset), with optional links such as a report download. */
public record Reply(String markdown, List<Link> links) {

    public Reply {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static Reply of(String markdown) {
        return new Reply(markdown, List.of());
    }

    public record Link(String title, String url) {
    }
}
