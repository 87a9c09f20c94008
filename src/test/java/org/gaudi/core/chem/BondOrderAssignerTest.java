package org.gaudi.core.chem;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.gaudi.core.chem.BondOrderAssigner.Outcome;
import org.gaudi.core.chem.BondOrderAssigner.Result;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/** xyz2mol semantics on connectivity alone (bond orders of the SMILES are discarded). */
public class BondOrderAssignerTest {

    /** Connectivity of a SMILES with all hydrogens explicit. */
    private static final class Graph {
        final int[] z;
        final int[][] nb;

        Graph(String smiles) throws Exception {
            IAtomContainer m = MoleculeIdentity.parseSmiles(smiles);
            AtomContainerManipulator.convertImplicitToExplicitHydrogens(m);
            z = new int[m.getAtomCount()];
            nb = new int[z.length][];
            for (int i = 0; i < z.length; i++) {
                z[i] = m.getAtom(i).getAtomicNumber();
                nb[i] = m.getConnectedAtomsList(m.getAtom(i)).stream().mapToInt(m::indexOf).toArray();
            }
        }

        int valence(Result r, int atom) {
            int v = 0;
            for (int b : r.bondOrder()[atom]) {
                v += b;
            }
            return v;
        }

        int count(Result r, int order) {
            int c = 0;
            for (int i = 0; i < z.length; i++) {
                for (int j = i + 1; j < z.length; j++) {
                    c += r.bondOrder()[i][j] == order ? 1 : 0;
                }
            }
            return c;
        }

        int first(int element) {
            for (int i = 0; i < z.length; i++) {
                if (z[i] == element) {
                    return i;
                }
            }
            throw new AssertionError("no element " + element);
        }
    }

    private static Result assign(Graph g) {
        return BondOrderAssigner.assign(g.z, g.nb, 0);
    }

    @Test
    public void benzeneAndNaphthaleneGetAKekuleStructure() throws Exception {
        Graph benzene = new Graph("c1ccccc1");
        Result r = assign(benzene);
        assertEquals(Outcome.ASSIGNED, r.outcome());
        assertEquals(3, benzene.count(r, 2));
        assertEquals(-1, r.firstChargedAtom());
        for (int i = 0; i < benzene.z.length; i++) {
            assertEquals(benzene.z[i] == 6 ? 4 : 1, benzene.valence(r, i));
        }
        Graph naphthalene = new Graph("c1ccc2ccccc2c1");
        Result n = assign(naphthalene);
        assertEquals(Outcome.ASSIGNED, n.outcome());
        assertEquals(5, naphthalene.count(n, 2));
    }

    @Test
    public void heteroatomsTakeTheirFirstWorkingValence() throws Exception {
        Graph pyridine = new Graph("c1ccncc1");
        Result p = assign(pyridine);
        assertEquals(Outcome.ASSIGNED, p.outcome());
        assertEquals(3, pyridine.valence(p, pyridine.first(7)));
        // S tries 6 and 3 before 2
        Graph thiophene = new Graph("c1ccsc1");
        Result t = assign(thiophene);
        assertEquals(Outcome.ASSIGNED, t.outcome());
        assertEquals(2, thiophene.valence(t, thiophene.first(16)));
        assertEquals(2, thiophene.count(t, 2));
        Graph pyrrole = new Graph("c1cc[nH]c1");
        Result pr = assign(pyrrole);
        assertEquals(Outcome.ASSIGNED, pr.outcome());
        assertEquals(3, pyrrole.valence(pr, pyrrole.first(7)));
        Graph borole = new Graph("B1C=CC=C1");
        Result b = assign(borole);
        assertEquals(Outcome.ASSIGNED, b.outcome());
        assertEquals(3, borole.valence(b, borole.first(5)));
        assertEquals(-1, b.firstChargedAtom());
    }

    @Test
    public void multipleBondsAboveDouble() throws Exception {
        Graph acetylene = new Graph("C#C");
        Result a = assign(acetylene);
        assertEquals(Outcome.ASSIGNED, a.outcome());
        assertEquals(1, acetylene.count(a, 3));
        Graph co2 = new Graph("O=C=O");
        Result c = assign(co2);
        assertEquals(Outcome.ASSIGNED, c.outcome());
        assertEquals(2, co2.count(c, 2));
    }

    @Test
    public void ammoniumCannotBeNeutral() throws Exception {
        Graph ammonium = new Graph("[NH4+]");
        Result r = assign(ammonium);
        assertEquals(Outcome.BEST_EFFORT, r.outcome());
        assertEquals(1, r.totalCharge());
        assertEquals(1, r.formalCharge()[ammonium.first(7)]);
    }

    @Test
    public void allylRadicalHasNoNeutralClosedShellStructure() throws Exception {
        Graph allyl = new Graph("[CH2]C=C");
        Result r = assign(allyl);
        assertEquals(Outcome.BEST_EFFORT, r.outcome());
        assertNotEquals(0, r.totalCharge());
    }

    @Test
    public void twoBondCarbonCountsAsNeutralCarbene() throws Exception {
        // xyz2mol's special case: C with two single bonds and valence 2 gets charge 0
        Graph methylene = new Graph("[CH2]");
        Result r = assign(methylene);
        assertEquals(Outcome.BEST_EFFORT, r.outcome());
        assertArrayEquals(new int[] {0, 0, 0}, r.formalCharge());
    }

    @Test
    public void overValentAtomHasNoAllowedValence() throws Exception {
        // carbon with five neighbours
        int[] z = {6, 1, 1, 1, 1, 1};
        int[][] nb = {{1, 2, 3, 4, 5}, {0}, {0}, {0}, {0}, {0}};
        Result r = BondOrderAssigner.assign(z, nb, 0);
        assertEquals(Outcome.NO_ALLOWED_VALENCE, r.outcome());
        assertEquals(0, r.failedAtom());
    }

    @Test
    public void givesUpAfterTooManyValenceCombinations() {
        // 17 isolated N-H units: 2^17 valence choices (3 or 4), none can be saturated
        int k = 17;
        int[] z = new int[2 * k];
        int[][] nb = new int[2 * k][];
        for (int i = 0; i < k; i++) {
            z[2 * i] = 7;
            z[2 * i + 1] = 1;
            nb[2 * i] = new int[] {2 * i + 1};
            nb[2 * i + 1] = new int[] {2 * i};
        }
        assertEquals(Outcome.TOO_MANY_COMBINATIONS, BondOrderAssigner.assign(z, nb, 0).outcome());
    }
}
