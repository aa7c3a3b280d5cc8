package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import org.springframework.modulith.NamedInterface;

/**
 * scripts/check-config.sh's look at bot-config/nlu: reads and validates the exemplars, the labelled
 * sets and the normalisation data as the classifier bean does at start, but loads no embedding
 * model and trains nothing (that is seconds and 100 MB, and says nothing about the files).
 */
@NamedInterface("nlu")
public final class NluFilesCheck {

    public static final String FILES = "nlu/";

    private NluFilesCheck() {
    }

    public static void check(BotConfigFiles files) {
        TrainingData.load(files, ExemplarFile.load(files));
        Normaliser.load(files);
    }
}
