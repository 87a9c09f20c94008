package org.gaudi.core.clm;

import java.util.SplittableRandom;

import org.gaudi.core.djl.Djl;

import ai.djl.ndarray.NDArray;

/**
 * Inverted dropout whose masks come from a Java {@link SplittableRandom} (the trainer's per-step generator), not
 * from the engine's global generator, so a training run is reproducible and resumable bit for bit. Each kept value
 * is scaled by 1/(1 − p). {@link #NONE} passes everything through (inference, or rate 0).
 */
final class DropoutMasks {
    /** No dropout. */
    static final DropoutMasks NONE = new DropoutMasks(0, null);

    private final double rate;
    private final SplittableRandom random;

    private DropoutMasks(double rate, SplittableRandom random) {
        this.rate = rate;
        this.random = random;
    }

    /** Dropout at {@code rate} drawing from {@code random}; {@link #NONE} when the rate is 0. */
    static DropoutMasks of(double rate, SplittableRandom random) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + rate);
        }
        return rate == 0 ? NONE : new DropoutMasks(rate, random);
    }

    boolean active() {
        return rate > 0;
    }

    /** x with a fresh mask applied (a new array on x's manager), or x itself when inactive. */
    NDArray apply(NDArray x) {
        if (rate == 0) {
            return x;
        }
        long n = x.getShape().size();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large for a host dropout mask: " + x.getShape());
        }
        float keep = (float) (1 / (1 - rate));
        // 16 random bits per value: four values per nextLong keeps mask generation cheap next to the forward pass
        int threshold = (int) Math.round(rate * 65536);
        float[] mask = new float[(int) n];
        long bits = 0;
        for (int i = 0; i < mask.length; i++) {
            if ((i & 3) == 0) {
                bits = random.nextLong();
            }
            int u = (int) (bits & 0xFFFF);
            bits >>>= 16;
            mask[i] = u < threshold ? 0f : keep;
        }
        NDArray m = Djl.owned(x.getManager(), mask, x.getShape());
        if (m.getDataType() != x.getDataType()) {
            m = m.toType(x.getDataType(), false);
        }
        return x.mul(m);
    }
}
