package org.gaudi.core.pah;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

import io.github.dan2097.jnainchi.InchiStatus;

public class CataBenzenoidEnumeratorTest {
    /** OEIS A002216: cata-condensed benzenoids including helicenes. */
    private static final int[] ALL = {1, 1, 2, 5, 12, 37, 123, 446, 1689, 6693, 27034};
    /** OEIS A038142: geometrically planar ones. */
    private static final int[] PLANAR = {1, 1, 2, 5, 12, 36, 118, 411, 1489, 5572, 21115};

    @Test
    public void countsMatchOeisA002216UpTo11Rings() {
        List<List<CataBenzenoid>> all = CataBenzenoidEnumerator.enumerateUpTo(11);
        int[] counts = new int[11];
        for (int h = 1; h <= 11; h++) {
            counts[h - 1] = all.get(h - 1).size();
            for (CataBenzenoid b : all.get(h - 1)) {
                assertEquals(h, b.ringCount());
            }
        }
        assertArrayEquals(ALL, counts);
        assertArrayEquals(ALL, CataBenzenoidEnumerator.counts(11));
        assertEquals(36043, CataBenzenoidEnumerator.countUpTo(11));
        assertEquals(6693, CataBenzenoidEnumerator.enumerate(10).size());
    }

    @Test
    public void planarCountsMatchOeisA038142() {
        int[] planar = CataBenzenoidEnumerator.planarCounts(11);
        assertArrayEquals(PLANAR, planar);
        int total = 0;
        for (int p : planar) {
            total += p;
        }
        assertEquals(28762, total);
    }

    @Test
    public void idsAreUniqueAndRoundTrip() {
        Set<String> ids = new HashSet<>();
        for (List<CataBenzenoid> level : CataBenzenoidEnumerator.enumerateUpTo(11)) {
            for (CataBenzenoid b : level) {
                assertTrue("duplicate id " + b.id(), ids.add(b.id()));
                assertTrue(b.id().startsWith(b.ringCount() + ":"));
            }
        }
        for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(9)) {
            CataBenzenoid again = CataBenzenoid.fromId(b.id());
            assertEquals(b, again);
            assertEquals(b.planar(), again.planar());
            assertEquals(b.ringCount(), again.ringCount());
        }
    }

    /**
     * Independent of our canonical code: standard InChIs (a complete canonical form) of all isomers up to 9
     * rings differ, so no isomer is listed twice; also checks formula, Kekulé structure and aromatic flags.
     */
    @Test
    public void isomersUpTo9RingsAreDistinctGraphsWithBenzenoidFormula() {
        Set<String> graphs = new HashSet<>();
        Set<String> smiles = new HashSet<>();
        int n = 0;
        for (int h = 1; h <= 9; h++) {
            for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(h)) {
                IAtomContainer mol = b.molecule();
                assertEquals(b.id(), 4 * h + 2, mol.getAtomCount());
                assertEquals(b.id(), 5 * h + 1, mol.getBondCount());
                int hydrogens = 0;
                for (IAtom a : mol.atoms()) {
                    assertEquals(6, (int) a.getAtomicNumber());
                    hydrogens += a.getImplicitHydrogenCount();
                }
                assertEquals(b.id(), 2 * h + 4, hydrogens);
                int doubles = 0;
                for (IBond bond : mol.bonds()) {
                    assertTrue(bond.isAromatic());
                    if (bond.getOrder() == IBond.Order.DOUBLE) {
                        doubles++;
                    }
                }
                assertEquals("Kekulé structure of " + b.id(), 2 * h + 1, doubles);
                graphs.add(inchi(mol));
                smiles.add(b.smiles());
                n++;
            }
        }
        assertEquals(2316, n);
        assertEquals(n, graphs.size());
        assertEquals(n, smiles.size());
    }

    @Test
    public void smallIsomersHaveKnownSmiles() {
        Map<String, String> expected = new HashMap<>();
        expected.put("1:", "c1ccccc1");
        expected.put("2:|", "c1ccc2ccccc2c1");
        expected.put("3:(0)3", "c1ccc2cc3ccccc3cc2c1");
        expected.put("3:(0)2", "c1ccc2c(c1)ccc3ccccc32");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), CataBenzenoid.fromId(e.getKey()).smiles());
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsTooManyRings() {
        CataBenzenoidEnumerator.enumerateUpTo(CataBenzenoidEnumerator.MAX_RINGS + 1);
    }

    static String inchi(IAtomContainer mol) {
        try {
            InChIGenerator gen = InChIGeneratorFactory.getInstance().getInChIGenerator(mol);
            assertEquals(gen.getMessage(), InchiStatus.SUCCESS, gen.getStatus());
            return gen.getInchi();
        } catch (CDKException e) {
            throw new AssertionError(e);
        }
    }
}
