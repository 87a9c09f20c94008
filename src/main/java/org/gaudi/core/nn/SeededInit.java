package org.gaudi.core.nn;

import ai.djl.nn.Block;
import java.util.SplittableRandom;

/**
 * Seeded initialisation of a whole block tree: every {@link Seedable} block (in the deterministic depth-first
 * order of {@link Block#getChildren()}) gets fresh seeds from one generator. Call before
 * {@code block.initialize(...)}; parameters that are already initialised are not touched by DJL.
 */
public final class SeededInit {

    /** A block whose parameter initialisers can be seeded. */
    public interface Seedable {
        /** Replace this block's own parameter initialisers with ones seeded from {@code seeds}. */
        void seedInitializers(SplittableRandom seeds);
    }

    private SeededInit() {
    }

    /** Seeds every {@link Seedable} block under (and including) {@code root}. */
    public static void apply(Block root, long seed) {
        walk(root, new SplittableRandom(seed));
    }

    private static void walk(Block block, SplittableRandom seeds) {
        if (block instanceof Seedable) {
            ((Seedable) block).seedInitializers(seeds);
        }
        for (Block child : block.getChildren().values()) {
            walk(child, seeds);
        }
    }

    /** Number of trainable parameter values of a block tree, from the declared parameter shapes. */
    public static long parameterCount(Block root) {
        long n = 0;
        for (ai.djl.nn.Parameter p : root.getParameters().values()) {
            if (p.requiresGradient()) {
                if (p.getShape() == null) {
                    throw new IllegalStateException("parameter " + p.getName() + " has no shape yet");
                }
                n += p.getShape().size();
            }
        }
        return n;
    }
}
