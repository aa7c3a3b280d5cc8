package cn.ebillops.knowledge;

/** An entry and how well it matches a question (0..1, higher is better). */
record KnowledgeMatch(KnowledgeEntry entry, double score) {
}
