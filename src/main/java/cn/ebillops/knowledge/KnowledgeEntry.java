package cn.ebillops.knowledge;

import java.util.List;

/**
 * One how-to entry of bot-config/knowledge: a title, the words people use for the task
 * (keywords and aliases) and the Markdown body with the steps.
 */
record KnowledgeEntry(String id, String title, List<String> keywords, String body) {

    public KnowledgeEntry {
        keywords = List.copyOf(keywords);
    }

    /** The first paragraph of the body, used to index what the entry is about. */
    public String summary() {
        for (String paragraph : body.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (!p.isEmpty() && !p.startsWith("#")) {
                return p.length() > 160 ? p.substring(0, 160) : p;
            }
        }
        return "";
    }
}
