package org.gaudi.core.pah;

import org.gaudi.core.gor.GraphOfRings;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * One cata-condensed benzenoid isomer, identified by its canonical annulation code (see {@link #id()}). Geometry,
 * molecule and SMILES are computed on demand; the geometry and SMILES are cached. Rings are numbered in the order
 * of the code (central ring first), for {@link #gor()} and {@link #fusedPairs()} alike. Thread-safe.
 */
public final class CataBenzenoid {
    /** Distance between fused ring centroids in {@link #gor()}, Å (GaUDI's mean cata Bn–Bn distance). */
    public static final double FUSED_DISTANCE = BenzenoidGeometry.FUSED_DISTANCE;

    private final String id;
    private final int ringCount;
    private final boolean planar;
    private volatile HexTree tree;
    private volatile GraphOfRings gor;
    private volatile String smiles;

    CataBenzenoid(String id, int ringCount, boolean planar) {
        this.id = id;
        this.ringCount = ringCount;
        this.planar = planar;
    }

    /**
     * The isomer with this canonical id.
     *
     * @throws IllegalArgumentException if {@code id} is not a canonical annulation code
     */
    public static CataBenzenoid fromId(String id) {
        HexTree t = AnnulationCode.parse(id);
        String canonical = AnnulationCode.of(t);
        if (!canonical.equals(id)) {
            throw new IllegalArgumentException("not a canonical annulation code: " + id + " (canonical form: "
                    + canonical + ")");
        }
        CataBenzenoid b = new CataBenzenoid(id, t.size(), t.isPlanar());
        b.tree = t;
        return b;
    }

    /** The isomer of a tree of hexagons. */
    static CataBenzenoid of(HexTree t) {
        return fromId(AnnulationCode.of(t));
    }

    /**
     * Canonical annulation code {@code h:code}, equal for two molecules iff they are the same cc-PBH (rotations,
     * mirror images and helicene handedness identified). Examples: naphthalene {@code 2:|}, anthracene
     * {@code 3:(0)3}, phenanthrene {@code 3:(0)2}.
     */
    public String id() {
        return id;
    }

    public int ringCount() {
        return ringCount;
    }

    /**
     * Whether the rings fit on the hexagonal lattice without two non-fused rings sharing or touching a cell
     * (OEIS A038142); false for helicenes with a full turn, e.g. [6]helicene.
     */
    public boolean planar() {
        return planar;
    }

    /** Fused ring pairs (i &lt; j), in this isomer's ring numbering; h − 1 rows. */
    public int[][] fusedPairs() {
        return tree().fusedPairs();
    }

    /**
     * Ring centroids (Å, centred at the origin) as a benzenoid graph of rings: the hexagonal lattice with fused
     * rings {@value #FUSED_DISTANCE} Å apart and z = 0 when {@link #planar()}, otherwise a 3D
     * relaxation that lifts overlapping rings apart (helix) while keeping fused distances, lattice angles and
     * near-planar dihedrals.
     */
    public GraphOfRings gor() {
        GraphOfRings g = gor;
        if (g == null) {
            g = GraphOfRings.benzenoid(BenzenoidGeometry.centroids(tree()));
            gor = g;
        }
        return g;
    }

    /** A new CDK molecule: carbons with implicit H, bonds flagged aromatic with a Kekulé bond-order assignment. */
    public IAtomContainer molecule() {
        return BenzenoidMoleculeBuilder.build(tree());
    }

    /** Canonical aromatic SMILES (CDK). */
    public String smiles() {
        String s = smiles;
        if (s == null) {
            try {
                s = new SmilesGenerator(SmiFlavor.Canonical | SmiFlavor.UseAromaticSymbols).create(molecule());
            } catch (CDKException e) {
                throw new IllegalStateException("SMILES generation failed for " + id, e);
            }
            smiles = s;
        }
        return s;
    }

    HexTree tree() {
        HexTree t = tree;
        if (t == null) {
            t = AnnulationCode.parse(id);
            tree = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CataBenzenoid && ((CataBenzenoid) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CataBenzenoid[" + id + (planar ? "" : ", non-planar") + "]";
    }
}
