package cn.ebillops.assistant.nlu;

/**
 * The text being read, with each recognised phrase blanked out once taken, so the next reader
 * does not take it again ("12号故障单" is an incident, not the 12th; "双十一" is not 国庆).
 */
final class Scratch {

    private static final char BLANK = '\u3000';

    private final StringBuilder text;

    Scratch(String text) {
        this.text = new StringBuilder(text);
    }

    String text() {
        return text.toString();
    }

    void consume(int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, BLANK);
        }
    }
}
