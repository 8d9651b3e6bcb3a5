package dev.switchboard.routing.dedup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How routing recognises one problem reported twice. */
@ConfigMapping(prefix = "switchboard.routing.dedup")
public interface DedupConfig {

    /** Same problem on another channel: how far back to look. */
    @WithDefault("30m")
    Duration window();

    /** Cosine similarity of trigram profiles (0..1) from which two texts are the same report. */
    @WithDefault("0.8")
    double threshold();

    /** Shorter texts ("thanks!", "ok") are alike by accident: never matched nor recorded. */
    @WithDefault("4")
    int minWords();

    /** How long a mail's Message-ID is remembered (routes can lag hours behind each other). */
    @WithDefault("7d")
    Duration mailKeyRetention();

    /** How often rows past the window and old mail keys are deleted ({@link DedupPruner}). */
    @WithDefault("10m")
    Duration pruneEvery();
}
