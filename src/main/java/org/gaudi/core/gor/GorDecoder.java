package org.gaudi.core.gor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.vecmath.Point2d;
import javax.vecmath.Point3d;

import org.gaudi.core.chem.BondOrderAssigner;
import org.gaudi.core.chem.RingSystemConformer;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.Atom;
import org.openscience.cdk.silent.AtomContainer;

/**
 * Graph of rings → molecule (GaUDI {@code gor2goa} + {@code rdkit_valid}, §4.3–4.4).
 * <ol>
 * <li>Ring adjacency from the 3-D ring-node positions (§4.1).</li>
 * <li>2-D projection: centre all real nodes (orientation nodes included) on their mean, diagonalise the inertia
 * tensor and keep the coordinates along the two smallest-moment axes (mirror images are possible and harmless).
 * Optionally {@link RingLayout.Projection#UNFOLDED}, which is not GaUDI's but decodes twisted GORs faithfully.</li>
 * <li>One template polygon per ring, rotated so a Bn edge midpoint (Cbd: edge, +45°) faces its lowest-index fused
 * neighbour, or the heteroatom vertex points at the ring's orientation node; a lone ring uses direction 0. A Bn/Cbd
 * ring with no neighbour in a multi-ring GOR is an error. Bl/Pl get an H on vertex 4, DhDb on vertices 2 and 5.</li>
 * <li>Fusion of each fused pair i &lt; j: on each side of the centre–centre segment the closest vertex of ring i
 * and of ring j merge into one atom (at the midpoint) carrying ring i's element. As in the reference, an atom that
 * takes part in two fusions keeps only its last mapping, so peri-condensed GORs (three rings sharing an atom)
 * decode to fragments and count as invalid.</li>
 * <li>One H on every carbon with exactly two neighbours; H atoms are placed 1.09 Å (N–H 1.01, B–H 1.19) out along
 * the bisector of their parent's bonds, not at the reference's dummy origin.</li>
 * <li>Validity: single fragment (checked before bond orders, for a clearer reason), xyz2mol bond orders and charges
 * with total charge 0 ({@link BondOrderAssigner}), and no charged atom (GaUDI demands exactly one resonance
 * structure). RDKit's sanitisation cannot fail after that; an under-valent neutral atom (xyz2mol's two-bond
 * carbon) gets implicit H as RDKit would.</li>
 * </ol>
 * The molecule keeps the planar layout as its 2-D points (depictions). A chemically valid molecule gets 3-D points
 * from {@link RingSystemConformer} (ideal bond lengths and angles, flat rings, helicenes lifted into a helix), since
 * the template layout inherits the sampler's noise in its bond lengths; any other keeps the layout at z = 0. Geometric checks (§4.2) run too; see {@link DecodedMolecule} for how they
 * combine. Decoding costs well under a millisecond for GaUDI-sized GORs; identity strings are made lazily.
 */
public final class GorDecoder {
    private static final double CH = 1.09;
    private static final double NH = 1.01;
    private static final double BH = 1.19;

    /**
     * The layout used unless a caller picks one. A deliberate departure from the reference: GaUDI's inertia
     * projection foreshortens twisted GORs (helicenes), so a vertex instead of an edge can face a fused neighbour and
     * the molecule decodes wrongly (10 of the 8,678 COMPAS-1D molecules). The unfolded layout keeps each ring's real
     * angles to its neighbours; on planar GORs both give the same molecule. Use {@link RingLayout.Projection#INERTIA}
     * to reproduce the reference's validity counts.
     */
    public static final RingLayout.Projection DEFAULT_PROJECTION = RingLayout.Projection.UNFOLDED;

    private GorDecoder() {
    }

    /** Decodes a GOR under its own {@link GorKind}. */
    public static DecodedMolecule decode(GraphOfRings gor) {
        return decode(gor, GorKind.of(gor));
    }

    /** Decodes a GOR under the given kind's distance and angle tables, with the {@link #DEFAULT_PROJECTION}. */
    public static DecodedMolecule decode(GraphOfRings gor, GorKind kind) {
        return decode(gor, kind, DEFAULT_PROJECTION);
    }

    /**
     * Decodes a GOR with a chosen 2-D layout; {@link RingLayout.Projection#UNFOLDED} departs from GaUDI to decode
     * strongly twisted GORs (helicenes) faithfully.
     */
    public static DecodedMolecule decode(GraphOfRings gor, GorKind kind, RingLayout.Projection projection) {
        if (gor.ringCount() == 0) {
            return DecodedMolecule.failedInput(gor, kind, InvalidReason.NO_RINGS, "the graph has no ring");
        }
        StabilityReport stability = GorStability.check(gor, kind);
        return new DecodedMolecule(gor, kind, stability, decodeChemistry(gor, kind, projection));
    }

    /**
     * Decodes raw sampler output. For CATA every node is a Bn ring; for HETERO the first half of the nodes are rings
     * and node n + i is ring i's orientation node (its type should be {@link RingType#ORIENTATION}; only the
     * geometric check looks at it, as in the reference).
     *
     * @param positions node coordinates (Å)
     * @param nodeTypes argmax type of every node
     * @throws IllegalArgumentException when the array sizes do not fit the layout
     */
    public static DecodedMolecule decodeNodes(double[][] positions, RingType[] nodeTypes, GorKind kind) {
        return decodeNodes(positions, nodeTypes, kind, DEFAULT_PROJECTION);
    }

    /** As {@link #decodeNodes(double[][], RingType[], GorKind)} with a chosen 2-D layout. */
    public static DecodedMolecule decodeNodes(double[][] positions, RingType[] nodeTypes, GorKind kind,
            RingLayout.Projection projection) {
        int n = GorStability.splitCount(positions.length, nodeTypes.length, kind);
        for (int i = 0; i < positions.length; i++) {
            double[] p = positions[i];
            if (p == null || p.length != 3) {
                throw new IllegalArgumentException("node " + i + ": expected 3 coordinates");
            }
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !Double.isFinite(p[2])) {
                return DecodedMolecule.failedInput(null, kind, InvalidReason.NON_FINITE_COORDINATES,
                        "node " + i + " has coordinates " + Arrays.toString(p));
            }
        }
        if (n == 0) {
            return DecodedMolecule.failedInput(null, kind, InvalidReason.NO_RINGS, "the graph has no ring");
        }
        RingType[] ringTypes = Arrays.copyOf(nodeTypes, n);
        double[][] rings = Arrays.copyOf(positions, n);
        double[][] orientation = kind == GorKind.HETERO ? Arrays.copyOfRange(positions, n, 2 * n) : null;
        GraphOfRings gor = new GraphOfRings(ringTypes, rings, orientation);
        StabilityReport stability = GorStability.checkNodes(positions, nodeTypes, kind);
        return new DecodedMolecule(gor, kind, stability, decodeChemistry(gor, kind, projection));
    }

    /** What the atom-level decoding produced. */
    static final class Chemistry {
        final InvalidReason reason;
        final String message;
        final IAtomContainer molecule;

        Chemistry(InvalidReason reason, String message, IAtomContainer molecule) {
            this.reason = reason;
            this.message = message;
            this.molecule = molecule;
        }
    }

    static Chemistry decodeChemistry(GraphOfRings gor, GorKind kind, RingLayout.Projection projection) {
        try {
            return new Builder(gor, kind, projection).build();
        } catch (RuntimeException e) {
            return new Chemistry(InvalidReason.INTERNAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null);
        }
    }

    /** Mutable atom graph built step by step. */
    private static final class Builder {
        private final GraphOfRings gor;
        private final GorKind kind;
        private final RingLayout.Projection projection;
        private final int n;
        private final RingType[] types;
        private double[] ax = new double[64];
        private double[] ay = new double[64];
        private int[] z = new int[64];
        private int[] ringOf = new int[64];
        private int atoms;
        private final List<int[]> bonds = new ArrayList<>();

        Builder(GraphOfRings gor, GorKind kind, RingLayout.Projection projection) {
            this.gor = gor;
            this.kind = kind;
            this.projection = projection;
            this.n = gor.ringCount();
            this.types = gor.types();
        }

        private int addAtom(int atomicNumber, double x, double y, int ring) {
            if (atoms == z.length) {
                ax = Arrays.copyOf(ax, 2 * atoms);
                ay = Arrays.copyOf(ay, 2 * atoms);
                z = Arrays.copyOf(z, 2 * atoms);
                ringOf = Arrays.copyOf(ringOf, 2 * atoms);
            }
            ax[atoms] = x;
            ay[atoms] = y;
            z[atoms] = atomicNumber;
            ringOf[atoms] = ring;
            return atoms++;
        }

        Chemistry build() {
            double[][] c3 = gor.centroids();
            double[][] o3 = gor.orientationNodes();
            boolean[][] adj = RingAdjacency.of(types, c3, kind);

            // 2-D layout of ring nodes (+ orientation nodes for hetero GORs)
            boolean useOrientation = kind == GorKind.HETERO && o3 != null;
            double[][] p2 = RingLayout.layout(c3, useOrientation ? o3 : null, adj, projection);

            // template polygons
            int[][] ringAtoms = new int[n][];
            double[][] centre = new double[n][];
            List<int[]> hydrogens = new ArrayList<>(); // {parent atom, hydrogen atom}
            for (int i = 0; i < n; i++) {
                RingType t = types[i];
                double[][] tpl = RingTemplates.vertices(t);
                if (tpl == null) {
                    return fail(InvalidReason.UNDECODABLE_RING_TYPE,
                            "ring " + i + " has type '" + t.key() + "', which has no ring template");
                }
                centre[i] = p2[i];
                double theta;
                if (t == RingType.Bn || t == RingType.Cbd) {
                    double dir = 0.0;
                    if (n > 1) {
                        int j = -1;
                        for (int k = 0; k < n && j < 0; k++) {
                            if (adj[i][k]) {
                                j = k;
                            }
                        }
                        if (j < 0) {
                            return fail(InvalidReason.ISOLATED_RING,
                                    "ring " + i + " (" + t.key() + ") has no fused neighbour to orient it");
                        }
                        dir = Math.atan2(p2[j][1] - p2[i][1], p2[j][0] - p2[i][0]);
                    }
                    theta = dir + (t == RingType.Bn ? Math.PI / 6 : Math.PI / 4);
                } else {
                    if (!useOrientation || o3[i] == null) {
                        return fail(InvalidReason.MISSING_ORIENTATION_NODE,
                                "ring " + i + " (" + t.key() + ") needs an orientation node to place its heteroatom");
                    }
                    theta = Math.atan2(p2[n + i][1] - p2[i][1], p2[n + i][0] - p2[i][0]);
                }
                double cos = Math.cos(theta);
                double sin = Math.sin(theta);
                List<String> elements = t.templateElements();
                ringAtoms[i] = new int[tpl.length];
                for (int k = 0; k < tpl.length; k++) {
                    double x = tpl[k][0] * cos - tpl[k][1] * sin + p2[i][0];
                    double y = tpl[k][0] * sin + tpl[k][1] * cos + p2[i][1];
                    ringAtoms[i][k] = addAtom(atomicNumber(elements.get(k)), x, y, i);
                }
                for (int k = 0; k < tpl.length; k++) {
                    bonds.add(new int[] {ringAtoms[i][k], ringAtoms[i][(k + 1) % tpl.length]});
                }
                for (int v : RingTemplates.hydrogenVertices(t)) {
                    int h = addAtom(1, 0, 0, i);
                    bonds.add(new int[] {ringAtoms[i][v], h});
                    hydrogens.add(new int[] {ringAtoms[i][v], h});
                }
            }

            // fusion of fused ring pairs
            List<int[]> merges = new ArrayList<>(); // {atom of ring i, atom of ring j}
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (adj[i][j]) {
                        int[] si = sides(ringAtoms[i], centre[i], centre[j]);
                        int[] sj = sides(ringAtoms[j], centre[i], centre[j]);
                        merges.add(new int[] {si[0], sj[0]});
                        merges.add(new int[] {si[1], sj[1]});
                    }
                }
            }
            int original = atoms;
            int[] map = new int[original];
            Arrays.fill(map, -1);
            for (int[] m : merges) {
                int a = m[0];
                int b = m[1];
                int merged = addAtom(z[a], (ax[a] + ax[b]) / 2, (ay[a] + ay[b]) / 2, ringOf[a]);
                map[a] = merged; // later fusions overwrite earlier mappings, as in the reference
                map[b] = merged;
            }
            // renumber: surviving original atoms in order, then merged atoms
            int[] index = new int[atoms];
            int kept = 0;
            for (int a = 0; a < atoms; a++) {
                index[a] = a < original && map[a] >= 0 ? -1 : kept++;
            }
            double[] nx = new double[2 * kept]; // room for at most one added H per atom
            double[] ny = new double[nx.length];
            int[] nz = new int[nx.length];
            for (int a = 0; a < atoms; a++) {
                if (index[a] >= 0) {
                    nx[index[a]] = ax[a];
                    ny[index[a]] = ay[a];
                    nz[index[a]] = z[a];
                }
            }
            Set<Long> seen = new LinkedHashSet<>();
            List<int[]> newBonds = new ArrayList<>();
            for (int[] b : bonds) {
                int u = index[b[0] < original && map[b[0]] >= 0 ? map[b[0]] : b[0]];
                int v = index[b[1] < original && map[b[1]] >= 0 ? map[b[1]] : b[1]];
                if (u == v) { // cannot happen: a merge always pairs atoms of two different rings
                    throw new IllegalStateException("fusion merged two bonded atoms of ring " + ringOf[b[0]]);
                }
                long key = (long) Math.min(u, v) * Integer.MAX_VALUE + Math.max(u, v);
                if (seen.add(key)) {
                    newBonds.add(new int[] {u, v});
                }
            }
            // each ring's atoms in template (walking) order, in final numbering, for the 3-D embedding
            int[][] finalRings = new int[n][];
            for (int i = 0; i < n; i++) {
                finalRings[i] = new int[ringAtoms[i].length];
                for (int k = 0; k < ringAtoms[i].length; k++) {
                    int a = ringAtoms[i][k];
                    finalRings[i][k] = index[map[a] >= 0 ? map[a] : a];
                }
            }
            int[] degree = new int[nx.length];
            for (int[] b : newBonds) {
                degree[b[0]]++;
                degree[b[1]]++;
            }
            int total = kept;
            List<int[]> hParents = new ArrayList<>();
            for (int[] h : hydrogens) {
                int parent = h[0] < original && map[h[0]] >= 0 ? map[h[0]] : h[0];
                hParents.add(new int[] {index[parent], index[h[1]]});
            }
            for (int a = 0; a < kept; a++) {
                if (nz[a] == 6 && degree[a] == 2) {
                    int h = total++;
                    nz[h] = 1;
                    newBonds.add(new int[] {a, h});
                    hParents.add(new int[] {a, h});
                }
            }
            int[][] nb = neighbours(total, newBonds);
            placeHydrogens(nx, ny, nz, nb, hParents);

            IAtomContainer mol = new AtomContainer();
            for (int a = 0; a < total; a++) {
                IAtom atom = new Atom(symbol(nz[a]));
                atom.setAtomicNumber(nz[a]);
                atom.setImplicitHydrogenCount(0);
                atom.setFormalCharge(0);
                atom.setPoint2d(new Point2d(nx[a], ny[a]));
                atom.setPoint3d(new Point3d(nx[a], ny[a], 0.0));
                mol.addAtom(atom);
            }
            for (int[] b : newBonds) {
                mol.addBond(b[0], b[1], IBond.Order.SINGLE);
            }
            if (!ConnectivityChecker.isConnected(mol)) {
                return fail(InvalidReason.FRAGMENTED, "the decoded atoms form "
                        + ConnectivityChecker.partitionIntoMolecules(mol).getAtomContainerCount()
                        + " fragments", mol);
            }
            int[] zs = Arrays.copyOf(nz, total);
            BondOrderAssigner.Result bo = BondOrderAssigner.assign(zs, nb, 0);
            switch (bo.outcome()) {
            case NO_ALLOWED_VALENCE: {
                int a = bo.failedAtom();
                return fail(InvalidReason.NO_ALLOWED_VALENCE, "atom " + a + " (" + symbol(zs[a]) + ") has "
                        + nb[a].length + " neighbours, more than any allowed valence", mol);
            }
            case TOO_MANY_COMBINATIONS:
                return fail(InvalidReason.TOO_MANY_VALENCE_COMBINATIONS, "more than "
                        + BondOrderAssigner.MAX_COMBINATIONS + " valence combinations", mol);
            default:
                break;
            }
            applyBondOrders(mol, bo);
            if (bo.totalCharge() != 0) {
                return fail(InvalidReason.NET_CHARGE, "best bond-order assignment has total charge "
                        + bo.totalCharge() + (bo.outcome() == BondOrderAssigner.Outcome.ASSIGNED ? ""
                                : " (no assignment satisfies all valences)"), mol);
            }
            int charged = bo.firstChargedAtom();
            if (charged >= 0) {
                return fail(InvalidReason.CHARGED_ATOMS, "atom " + charged + " (" + symbol(zs[charged])
                        + ") carries formal charge " + bo.formalCharge()[charged], mol);
            }
            fillDefaultValences(mol);
            // the reader's acceptance rule: a design it would reject is not valid (one rule, one home)
            RingSystemRule.Violation v = RingSystemRule.check(mol);
            if (v != null) {
                return fail(InvalidReason.NOT_A_RING_SYSTEM, v.message(), mol);
            }
            RingSystemConformer.embed(mol, finalRings);
            return new Chemistry(null, "", mol);
        }

        private Chemistry fail(InvalidReason reason, String message) {
            return new Chemistry(reason, message, null);
        }

        private Chemistry fail(InvalidReason reason, String message, IAtomContainer mol) {
            return new Chemistry(reason, message, mol);
        }

        /**
         * The closest vertex of a ring to the centre–centre segment on each side: side 0 takes vertices with
         * cross ≤ 0, side 1 those with cross ≥ 0 (reference semantics, including index 0 when a side is empty).
         */
        private int[] sides(int[] ring, double[] p1, double[] p2) {
            double dx = p2[0] - p1[0];
            double dy = p2[1] - p1[1];
            double len = Math.sqrt(dx * dx + dy * dy);
            int best0 = -1;
            int best1 = -1;
            double d0 = Double.POSITIVE_INFINITY;
            double d1 = Double.POSITIVE_INFINITY;
            for (int k = 0; k < ring.length; k++) {
                double px = ax[ring[k]];
                double py = ay[ring[k]];
                double dist = segmentDistance(px, py, p1, p2, dx, dy, len);
                double side = (dx * (p1[1] - py) - dy * (p1[0] - px)) / len;
                if (!(side > 0) && dist < d0) {
                    d0 = dist;
                    best0 = k;
                }
                if (!(side < 0) && dist < d1) {
                    d1 = dist;
                    best1 = k;
                }
            }
            return new int[] {ring[best0 < 0 ? 0 : best0], ring[best1 < 0 ? 0 : best1]};
        }
    }

    private static double segmentDistance(double px, double py, double[] a, double[] b, double dx, double dy,
            double len) {
        if (len == 0) {
            return Math.hypot(px - a[0], py - a[1]);
        }
        double ux = dx / len;
        double uy = dy / len;
        double s = (a[0] - px) * ux + (a[1] - py) * uy;
        double t = (px - b[0]) * ux + (py - b[1]) * uy;
        double h = Math.max(Math.max(s, t), 0);
        double c = (px - a[0]) * uy - (py - a[1]) * ux;
        return Math.hypot(h, c);
    }

    private static int[][] neighbours(int count, List<int[]> bonds) {
        int[] deg = new int[count];
        for (int[] b : bonds) {
            deg[b[0]]++;
            deg[b[1]]++;
        }
        int[][] nb = new int[count][];
        for (int a = 0; a < count; a++) {
            nb[a] = new int[deg[a]];
        }
        int[] fill = new int[count];
        for (int[] b : bonds) {
            nb[b[0]][fill[b[0]]++] = b[1];
            nb[b[1]][fill[b[1]]++] = b[0];
        }
        return nb;
    }

    /** Puts each H along the outward bisector of its parent's other bonds. */
    private static void placeHydrogens(double[] x, double[] y, int[] z, int[][] nb, List<int[]> hParents) {
        for (int[] ph : hParents) {
            int p = ph[0];
            int h = ph[1];
            double ux = 0;
            double uy = 0;
            for (int q : nb[p]) {
                if (z[q] == 1) {
                    continue;
                }
                double dx = x[p] - x[q];
                double dy = y[p] - y[q];
                double l = Math.hypot(dx, dy);
                if (l > 1e-9) {
                    ux += dx / l;
                    uy += dy / l;
                }
            }
            double l = Math.hypot(ux, uy);
            if (l < 1e-6) {
                ux = 1;
                uy = 0;
                l = 1;
            }
            double len = z[p] == 7 ? NH : z[p] == 5 ? BH : CH;
            x[h] = x[p] + len * ux / l;
            y[h] = y[p] + len * uy / l;
        }
    }

    private static void applyBondOrders(IAtomContainer mol, BondOrderAssigner.Result bo) {
        int[][] order = bo.bondOrder();
        for (IBond b : mol.bonds()) {
            int u = mol.indexOf(b.getBegin());
            int v = mol.indexOf(b.getEnd());
            switch (order[u][v]) {
            case 1: b.setOrder(IBond.Order.SINGLE); break;
            case 2: b.setOrder(IBond.Order.DOUBLE); break;
            case 3: b.setOrder(IBond.Order.TRIPLE); break;
            default: b.setOrder(IBond.Order.QUADRUPLE); break;
            }
        }
        int[] fc = bo.formalCharge();
        for (int a = 0; a < fc.length; a++) {
            mol.getAtom(a).setFormalCharge(fc[a]);
        }
    }

    /**
     * RDKit's sanitisation for neutral atoms: an under-valent atom gets implicit H up to its default valence
     * (B 3, C 4, N 3, O 2, S 2/4/6). With every formal charge 0, xyz2mol's charge rule already pins all atoms to
     * these valences except the two-single-bond carbon it counts as neutral (a carbene: RDKit adds 2 H), so an
     * over-valent atom here would be a bug.
     */
    private static void fillDefaultValences(IAtomContainer mol) {
        for (IAtom a : mol.atoms()) {
            int v = 0;
            for (IBond b : mol.getConnectedBondsList(a)) {
                v += b.getOrder().numeric();
            }
            int[] allowed;
            switch (a.getAtomicNumber()) {
            case 1: allowed = new int[] {1}; break;
            case 5: allowed = new int[] {3}; break;
            case 6: allowed = new int[] {4}; break;
            case 7: allowed = new int[] {3}; break;
            case 8: allowed = new int[] {2}; break;
            case 16: allowed = new int[] {2, 4, 6}; break;
            default: allowed = new int[] {v}; break;
            }
            int fill = -1;
            for (int d : allowed) {
                if (d >= v) {
                    fill = d;
                    break;
                }
            }
            if (fill < 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "neutral atom %d (%s) has valence %d, above %s", mol.indexOf(a), a.getSymbol(), v,
                        Arrays.toString(allowed)));
            }
            a.setImplicitHydrogenCount(fill - v);
        }
    }

    static int atomicNumber(String symbol) {
        switch (symbol) {
        case "H": return 1;
        case "B": return 5;
        case "C": return 6;
        case "N": return 7;
        case "O": return 8;
        case "S": return 16;
        default: throw new IllegalArgumentException("unexpected template element " + symbol);
        }
    }

    static String symbol(int z) {
        switch (z) {
        case 1: return "H";
        case 5: return "B";
        case 6: return "C";
        case 7: return "N";
        case 8: return "O";
        case 16: return "S";
        default: throw new IllegalArgumentException("unexpected element Z=" + z);
        }
    }
}
