package org.gaudi.core.clm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.nn.SeededInit;
import org.gaudi.core.train.GradMode;
import org.junit.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

public class Gpt2NetworkTest {

    @Test
    public void gpt2SmallHasTheReferenceParameterCountWithoutAllocatingAnything() {
        Gpt2Network gpt2 = new Gpt2Network(Gpt2Config.gpt2Small());
        assertEquals(124_439_808L, SeededInit.parameterCount(gpt2));
        assertEquals(124_439_808L, Gpt2Config.gpt2Small().parameterCount());
        for (Parameter p : gpt2.getParameters().values()) {
            assertFalse(p.getName() + " was allocated", p.isInitialized());
        }
        // 12 blocks x (2 LayerNorms x 2 + 4 linear layers x 2) + wte + wpe + final LayerNorm x 2, no LM head weight
        assertEquals(12 * 12 + 2 + 2, gpt2.getParameters().size());
    }

    @Test
    public void initialisationFollowsGpt2() {
        Gpt2Config c = new Gpt2Config(40, 16, 64, 8, 4, 0.1);
        try (ClmModel m = ClmModel.initialise(c, vocabulary(37), Device.cpu(), 3)) {
            assertEquals(0.02, std(param(m, "wte")), 0.002);
            assertEquals(0.02, std(param(m, "h0_04fc_weight")), 0.001);
            assertEquals(0.02 / Math.sqrt(16), std(param(m, "h0_05proj_weight")), 0.0005);
            assertEquals(0.02 / Math.sqrt(16), std(param(m, "h3_02attn_02proj_weight")), 0.0005);
            assertEquals(0, param(m, "h0_02attn_01qkv_bias").abs().max().getFloat(), 0);
            assertEquals(1, param(m, "ln_f_gamma").min().getFloat(), 0);
            assertEquals(c.parameterCount(), m.parameterCount());
        }
    }

    @Test
    public void changingTokenKNeverChangesTheLogitsOfEarlierPositions() {
        Gpt2Config c = new Gpt2Config(12, 16, 32, 2, 4, 0);
        try (ClmModel m = ClmModel.initialise(c, vocabulary(9), Device.cpu(), 11);
                GradMode.Scope g = GradMode.disabled(); NDManager step = m.manager().newSubManager()) {
            long[] tokens = {1, 5, 7, 3, 9, 4, 6, 8, 10, 11};
            float[] base = logits(m, step, tokens);
            for (int k = 1; k < tokens.length; k++) {
                long[] changed = tokens.clone();
                changed[k] = changed[k] == 3 ? 4 : 3;
                float[] other = logits(m, step, changed);
                int v = c.vocabularySize();
                for (int pos = 0; pos < tokens.length; pos++) {
                    double diff = 0;
                    for (int j = 0; j < v; j++) {
                        diff = Math.max(diff, Math.abs(base[pos * v + j] - other[pos * v + j]));
                    }
                    if (pos < k) {
                        assertEquals("position " + pos + " after changing token " + k, 0, diff, 1e-6);
                    } else if (pos == k) {
                        assertTrue("position " + k + " must see its own token", diff > 1e-4);
                    }
                }
            }
        }
    }

    @Test
    public void incrementalDecodingWithTheCacheGivesTheFullForwardLogits() {
        Gpt2Config c = new Gpt2Config(12, 16, 32, 2, 4, 0.1);
        try (ClmModel m = ClmModel.initialise(c, vocabulary(9), Device.cpu(), 5);
                GradMode.Scope g = GradMode.disabled(); NDManager step = m.manager().newSubManager();
                KeyValueCache cache = new KeyValueCache(m.manager(), c.layers())) {
            long[] tokens = {1, 5, 7, 3, 9, 4};
            float[] full = logits(m, step, tokens);
            int v = c.vocabularySize();
            for (int pos = 0; pos < tokens.length; pos++) {
                float[] next = m.network().nextLogits(new ParameterStore(step, false),
                        step.create(new long[] {tokens[pos]}, new Shape(1, 1)), cache).toFloatArray();
                for (int j = 0; j < v; j++) {
                    assertEquals("position " + pos + ", token " + j, full[pos * v + j], next[j], 1e-4);
                }
            }
        }
    }

    private static float[] logits(ClmModel m, NDManager step, long[] tokens) {
        NDArray in = step.create(tokens, new Shape(1, tokens.length));
        return m.network().logits(new ParameterStore(step, false), in, false, DropoutMasks.NONE).toFloatArray();
    }

    /** The parameter whose (DJL-prefixed) name ends with {@code suffix}. */
    private static NDArray param(ClmModel m, String suffix) {
        for (var p : m.network().getParameters()) {
            if (p.getKey().endsWith(suffix)) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no parameter " + suffix);
    }

    private static double std(NDArray a) {
        float[] v = a.toFloatArray();
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += x * x;
        }
        double mean = s / v.length;
        return Math.sqrt(s2 / v.length - mean * mean);
    }

    /** The special tokens plus n single-letter tokens. */
    static SmilesVocabulary vocabulary(int n) {
        List<String> t = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.add(String.valueOf((char) ('A' + i)));
        }
        return SmilesVocabulary.of(t);
    }

    static {
        Djl.engine();
    }
}
