package io.gloss.dataset;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Train/dev/test fractions and a seed. Each article is placed by a hash of (seed, article id)
 * alone, so its split is reproducible, independent of which other articles are selected and of
 * the order they are read in, and changes only when the seed or the fractions change.
 */
public record SplitPlan(BigDecimal train, BigDecimal dev, BigDecimal test, long seed) {

    public static final SplitPlan DEFAULT = new SplitPlan(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, 0);

    public Split assign(long articleId) {
        double u = unit(seed, articleId);
        if (u < train.doubleValue()) {
            return Split.TRAIN;
        }
        // Fractions that sum to 1 may still leave u above train + dev by rounding: never land in
        // an empty split.
        if (u < train.doubleValue() + dev.doubleValue() || test.signum() == 0) {
            return dev.signum() > 0 ? Split.DEV : Split.TRAIN;
        }
        return Split.TEST;
    }

    /** The splits that may receive articles (a non-zero fraction). */
    public Set<Split> splits() {
        Set<Split> splits = EnumSet.noneOf(Split.class);
        if (train.signum() > 0) {
            splits.add(Split.TRAIN);
        }
        if (dev.signum() > 0) {
            splits.add(Split.DEV);
        }
        if (test.signum() > 0) {
            splits.add(Split.TEST);
        }
        return splits;
    }

    /** A number in [0, 1) from the first 53 bits of SHA-256("gloss-split:" seed ":" id). */
    static double unit(long seed, long articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("gloss-split:" + seed + ":" + articleId).getBytes(StandardCharsets.US_ASCII));
            return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
