package cn.ebillops.llm;

/** Every prompt file the module needs, by name: prompts/&lt;name&gt;.md. */
enum Prompt {
    /** The agent's system prompt; placeholders {{hospital}}, {{vendor}}. */
    SYSTEM("system"),
    /** Rewording rule-based improvement suggestions; placeholder {{suggestions}}. */
    IMPROVEMENT("improvement");

    private final String fileName;

    Prompt(String name) {
        this.fileName = name + ".md";
    }

    public String fileName() {
        return fileName;
    }
}
