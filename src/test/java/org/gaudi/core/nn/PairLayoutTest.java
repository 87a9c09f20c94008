package org.gaudi.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.gaudi.core.djl.Djl;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class PairLayoutTest {
    private NDManager manager;

    @Before
    public void setUp() {
        manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()));
    }

    @After
    public void tearDown() {
        manager.close();
    }

    @Test
    public void offDiagonalKeepsThePairsIUnequalJInRowOrder() {
        // two graphs of 3 nodes, 2 channels: value = 100·b + 10·(3i + j) + channel
        float[] v = new float[2 * 3 * 3 * 2];
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < 9; k++) {
                for (int c = 0; c < 2; c++) {
                    v[(b * 9 + k) * 2 + c] = 100 * b + 10 * k + c;
                }
            }
        }
        NDArray off = PairLayout.offDiagonalOf(manager.create(v, new Shape(2, 3, 3, 2)));
        assertEquals(new Shape(2, 3, 2, 2), off.getShape());
        int[] kept = {1, 2, 3, 5, 6, 7}; // (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)
        float[] expected = new float[2 * 6 * 2];
        for (int b = 0; b < 2; b++) {
            for (int p = 0; p < 6; p++) {
                for (int c = 0; c < 2; c++) {
                    expected[(b * 6 + p) * 2 + c] = 100 * b + 10 * kept[p] + c;
                }
            }
        }
        assertArrayEquals(expected, off.toFloatArray(), 0f);
    }

    @Test
    public void differencesFollowTheLayoutOfThePairs() {
        NDArray x = manager.create(new float[] {0, 0, 0, 1, 0, 0, 0, 2, 0}, new Shape(1, 3, 3));
        NDArray dense = manager.zeros(new Shape(1, 3, 3, 1));
        NDArray off = PairLayout.differences(x, PairLayout.offDiagonalOf(dense));
        assertEquals(new Shape(1, 3, 2, 3), off.getShape());
        // pair (1, 2): x_1 - x_2 = (1, -2, 0)
        assertArrayEquals(new float[] {1, -2, 0}, off.get("0, 1, 1").toFloatArray(), 0f);
        assertEquals(new Shape(1, 3, 3, 3), PairLayout.differences(x, dense).getShape());
        // a single node keeps the dense layout (no pairs i != j to hold)
        assertEquals(1, PairLayout.slots(1));
        assertEquals(10, PairLayout.slots(11));
    }
}
