package org.gaudi.core.clm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.Test;

public class UniquenessCeilingTest {

    @Test
    public void smallCasesByHand() {
        assertEquals(1.0, UniquenessCeiling.expectedDistinctShare(50, 1), 1e-12);
        assertEquals(0.2, UniquenessCeiling.expectedDistinctShare(1, 5), 1e-12);
        // two molecules, two draws: distinct with probability 1/2, so 1.5 of 2 on average
        assertEquals(0.75, UniquenessCeiling.expectedDistinctShare(2, 2), 1e-12);
    }

    @Test
    public void matchesASimulationAndBeatsANonUniformSampler() {
        int k = 2316;
        int n = 1000;
        SplittableRandom rnd = new SplittableRandom(7);
        double uniform = 0;
        double skewed = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            Set<Integer> u = new HashSet<>();
            Set<Integer> s = new HashSet<>();
            for (int i = 0; i < n; i++) {
                u.add(rnd.nextInt(k));
                // half the mass on a tenth of the space
                s.add(rnd.nextBoolean() ? rnd.nextInt(k / 10) : rnd.nextInt(k));
            }
            uniform += u.size() / (double) n / trials;
            skewed += s.size() / (double) n / trials;
        }
        double ceiling = UniquenessCeiling.expectedDistinctShare(k, n);
        assertEquals(0.813, ceiling, 0.001);
        assertEquals(ceiling, uniform, 0.005);
        assertTrue(skewed + " < " + ceiling, skewed < ceiling - 0.05);
    }

    @Test
    public void refusesEmptyInput() {
        try {
            UniquenessCeiling.expectedDistinctShare(0, 10);
            fail("an empty space must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("at least one"));
        }
    }
}
