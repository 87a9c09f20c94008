package org.gaudi.core.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.BitSet;

import org.junit.Test;

public class DataSplitTest {

    @Test
    public void referenceProportionsAndDisjointCover() {
        DataSplit s = DataSplit.random(8678, 0.1, 0.1, 42);
        // test = round(867.8) = 868; validation = round(0.1 * 7810) = 781
        assertEquals(868, s.test().length);
        assertEquals(781, s.validation().length);
        assertEquals(8678 - 868 - 781, s.train().length);
        BitSet seen = new BitSet();
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            for (int i : part) {
                assertTrue("duplicate " + i, !seen.get(i));
                seen.set(i);
            }
        }
        assertEquals(8678, seen.cardinality());
    }

    @Test
    public void roundsHalfToEvenLikePython() {
        // 0.1 * 25 = 2.5 -> 2 (banker's rounding), 0.1 * 23 = 2.3 -> 2
        DataSplit s = DataSplit.random(25, 0.1, 0.1, 1);
        assertEquals(2, s.test().length);
        assertEquals(2, s.validation().length);
    }

    @Test
    public void seededAndReproducible() {
        assertEquals(DataSplit.random(500, 0.2, 0.1, 7), DataSplit.random(500, 0.2, 0.1, 7));
        assertNotEquals(DataSplit.random(500, 0.2, 0.1, 7), DataSplit.random(500, 0.2, 0.1, 8));
    }

    @Test
    public void explicitSplitIsChecked() {
        DataSplit ok = DataSplit.of(5, new int[] {0, 1}, new int[] {2}, new int[] {});
        assertEquals(2, ok.train().length);
        try {
            DataSplit.of(5, new int[] {0, 1}, new int[] {1}, new int[] {});
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("item 1"));
        }
        try {
            DataSplit.of(5, new int[] {0, 7}, new int[] {}, new int[] {});
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("index 7"));
        }
    }

    @Test
    public void idsRoundTrip() {
        java.util.List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add("mol-" + i);
        }
        DataSplit s = DataSplit.random(40, 0.2, 0.1, 3);
        java.util.Map<String, java.util.List<String>> ids = s.ids(items, x -> x);
        assertEquals(s.test().length, ids.get(DataSplit.TEST).size());
        assertEquals("mol-" + s.validation()[0], ids.get(DataSplit.VALIDATION).get(0));
        assertEquals(s, DataSplit.fromIds(items, x -> x, ids));
        ids.get(DataSplit.TEST).set(0, "unknown");
        try {
            DataSplit.fromIds(items, x -> x, ids);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("test item 'unknown'"));
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesASplitWithoutTrainingItems() {
        DataSplit.random(2, 0.1, 0.9, 0); // test = round(1.8) = 2 of 2 items
    }
}
