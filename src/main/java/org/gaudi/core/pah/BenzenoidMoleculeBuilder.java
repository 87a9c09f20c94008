package org.gaudi.core.pah;

import java.util.HashMap;
import java.util.Map;

import org.gaudi.core.chem.DisjointSets;
import org.openscience.cdk.aromaticity.Kekulization;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * Builds the carbon skeleton of a tree of hexagons as a CDK molecule: one C per distinct hexagon vertex
 * (vertices shared by fused rings merged), implicit H on every CH, bonds flagged aromatic with a Kekulé
 * assignment (every cata-condensed benzenoid has one).
 */
final class BenzenoidMoleculeBuilder {
    private BenzenoidMoleculeBuilder() {
    }

    /**
     * Vertex v of a ring lies between its edges v and v+1 (angle 60°·v + 30°); edge k joins vertices k−1 and k.
     * Fusing ring i's edge k to ring j's edge k+3 merges i's vertex k−1 with j's k+3 and i's k with j's k+2.
     *
     * @return atom index of every (ring, vertex), as {@code atom[6·ring + vertex]}
     */
    static int[] vertexAtoms(HexTree t) {
        int n = t.size();
        int[] parent = DisjointSets.singletons(6 * n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                int j = t.neighbour(i, k);
                if (j > i) {
                    DisjointSets.joinUnderSmallerRoot(parent, 6 * i + HexTree.mod6(k - 1), 6 * j + HexTree.mod6(k + 3));
                    DisjointSets.joinUnderSmallerRoot(parent, 6 * i + k, 6 * j + HexTree.mod6(k + 2));
                }
            }
        }
        int[] atom = new int[6 * n];
        Map<Integer, Integer> index = new HashMap<>();
        for (int v = 0; v < atom.length; v++) {
            int root = DisjointSets.find(parent, v);
            Integer a = index.get(root);
            if (a == null) {
                a = index.size();
                index.put(root, a);
            }
            atom[v] = a;
        }
        return atom;
    }

    static IAtomContainer build(HexTree t) {
        IChemObjectBuilder cob = SilentChemObjectBuilder.getInstance();
        IAtomContainer mol = cob.newAtomContainer();
        int[] atomOf = vertexAtoms(t);
        int atoms = 0;
        for (int a : atomOf) {
            atoms = Math.max(atoms, a + 1);
        }
        for (int a = 0; a < atoms; a++) {
            IAtom atom = cob.newAtom();
            atom.setAtomicNumber(6);
            atom.setSymbol("C");
            atom.setIsAromatic(true);
            mol.addAtom(atom);
        }
        boolean[][] bonded = new boolean[atoms][atoms];
        for (int i = 0; i < t.size(); i++) {
            for (int k = 0; k < 6; k++) {
                int a = atomOf[6 * i + HexTree.mod6(k - 1)];
                int b = atomOf[6 * i + k];
                if (!bonded[a][b]) {
                    bonded[a][b] = bonded[b][a] = true;
                    IBond bond = cob.newInstance(IBond.class, mol.getAtom(a), mol.getAtom(b), IBond.Order.UNSET);
                    bond.setIsAromatic(true);
                    mol.addBond(bond);
                }
            }
        }
        for (IAtom atom : mol.atoms()) {
            atom.setImplicitHydrogenCount(3 - atom.getBondCount());
        }
        try {
            Kekulization.kekulize(mol);
        } catch (CDKException e) {
            throw new IllegalStateException("no Kekulé structure for a cata-condensed benzenoid (bug)", e);
        }
        return mol;
    }
}
