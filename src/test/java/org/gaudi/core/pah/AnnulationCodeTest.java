package org.gaudi.core.pah;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayDeque;

import org.junit.Test;

public class AnnulationCodeTest {

    /**
     * Every representation of the same molecule (any start ring, any of the 6 rotations, mirrored or not, rings
     * renumbered by the walk) must give the same code.
     */
    @Test
    public void codeIsInvariantUnderRotationMirrorAndRenumbering() {
        int checked = 0;
        for (int h = 1; h <= 8; h++) {
            for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(h)) {
                HexTree t = b.tree();
                for (int start = 0; start < t.size(); start++) {
                    for (int rot = 0; rot < 6; rot++) {
                        for (boolean mirror : new boolean[] {false, true}) {
                            assertEquals(b.id(), AnnulationCode.of(transformed(t, start, rot, mirror)));
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50_000);
    }

    @Test
    public void parseRebuildsTheTreeInCanonicalPosition() {
        HexTree anthracene = AnnulationCode.parse("3:(0)3");
        assertEquals(3, anthracene.size());
        assertEquals(1, anthracene.neighbour(0, 0));
        assertEquals(2, anthracene.neighbour(0, 3));
        assertTrue(anthracene.isPlanar());
        HexTree naphthalene = AnnulationCode.parse("2:|");
        assertEquals(1, naphthalene.neighbour(0, 0));
        assertEquals("2:|", AnnulationCode.of(naphthalene));
        assertEquals("1:", AnnulationCode.of(AnnulationCode.parse("1:")));
    }

    @Test
    public void helicenesBecomeNonPlanarAtSixRings() {
        for (int n = 3; n <= 9; n++) {
            HexTree helix = helicene(n);
            assertEquals("[" + n + "]helicene", n < 6, helix.isPlanar());
        }
    }

    @Test
    public void malformedCodesAreRejected() {
        for (String bad : new String[] {"", "3", "x:(0)3", "3:(0)", "3:(0)3)", "3:(0)1", "4:(0)3", "3:(0)9",
            "3:(0)3|", "2:|2"}) {
            try {
                AnnulationCode.parse(bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertFalse(expected.getMessage().isEmpty());
            }
        }
        try {
            CataBenzenoid.fromId("3:(0)4"); // phenanthrene, but not in canonical form
            fail("accepted a non-canonical code");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("3:(0)2"));
        }
    }

    /** [n]helicene: each ring fused on the edge next to the previous one's, always turning the same way. */
    static HexTree helicene(int n) {
        HexTree.Builder b = new HexTree.Builder();
        for (int i = 1; i < n; i++) {
            b.add(i - 1, i - 1);
        }
        return b.build();
    }

    /** The same molecule laid out from ring {@code start}, rotated by rot·60° and optionally mirrored. */
    static HexTree transformed(HexTree t, int start, int rot, boolean mirror) {
        HexTree.Builder b = new HexTree.Builder();
        int[] newIndex = new int[t.size()];
        java.util.Arrays.fill(newIndex, -1);
        newIndex[start] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int r = queue.poll();
            for (int k = 0; k < 6; k++) {
                int d = (k + 2 * rot + start) % 6; // vary the visiting order too
                int s = t.neighbour(r, d);
                if (s >= 0 && newIndex[s] < 0) {
                    int nd = mirror ? HexTree.mod6(rot - d) : HexTree.mod6(rot + d);
                    newIndex[s] = b.add(newIndex[r], nd);
                    queue.add(s);
                }
            }
        }
        return b.build();
    }
}
