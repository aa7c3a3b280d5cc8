package cn.ebillops.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the problems of a load go. Strict (plain use, tests, reloads after start): the first
 * problem is thrown at once, as before. Collecting (the start, check-config.sh): problems are kept
 * and the getters go on with a fallback, so one run lists every mistake; whoever collects must
 * raise {@link #found()} at the end. Silenced: a node under an already reported problem (a list
 * that is not a list, a file that does not parse) whose own misses would only repeat it.
 */
final class ConfigProblems {

    private enum Mode { STRICT, COLLECT, SILENT }

    private final List<ConfigProblem> found;
    private volatile Mode mode;

    private ConfigProblems(Mode mode, List<ConfigProblem> found) {
        this.mode = mode;
        this.found = found;
    }

    static ConfigProblems strict() {
        return new ConfigProblems(Mode.STRICT, new ArrayList<>());
    }

    static ConfigProblems collecting() {
        return new ConfigProblems(Mode.COLLECT, new ArrayList<>());
    }

    void collect() {
        mode = Mode.COLLECT;
    }

    void beStrict() {
        mode = Mode.STRICT;
    }

    /** The same list, but follow-on problems are dropped. */
    ConfigProblems silenced() {
        return mode == Mode.STRICT ? this : new ConfigProblems(Mode.SILENT, found);
    }

    /** Thrown at once when strict, kept when collecting, dropped when silenced. */
    void report(ConfigProblem problem) {
        switch (mode) {
            case STRICT -> throw new ConfigException(List.of(problem));
            case COLLECT -> add(problem);
            case SILENT -> { }
        }
    }

    /** For a loader that cannot go on: the exception to throw, carrying everything found so far. */
    ConfigException exception(ConfigProblem problem) {
        if (mode == Mode.STRICT) {
            return new ConfigException(List.of(problem));
        }
        if (mode == Mode.COLLECT) {
            add(problem);
        }
        List<ConfigProblem> all = found();
        return new ConfigException(all.isEmpty() ? List.of(problem) : all);
    }

    List<ConfigProblem> found() {
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    void clear() {
        synchronized (found) {
            found.clear();
        }
    }

    private void add(ConfigProblem problem) {
        synchronized (found) {
            found.add(problem);
        }
    }
}
