package org.gaudi.core.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.vecmath.Point3d;

import org.openscience.cdk.config.Elements;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Whether 3D coordinates look like a computed molecular geometry, before they are trusted as one. Two kinds of
 * input pass the readers' format checks but are not geometries: coordinates at the wrong scale (a structure drawing
 * saved at the 0.825-unit bond length of many editors, so fused rings sit 1.43 Å apart), and a 2D drawing saved
 * with a 3D flag (flat, every bond the same drawing length, typically 1.5). Bond lengths tell both apart from real
 * structures: a covalent bond is 0.75–1.25 times the sum of the atoms' covalent radii ({@link CovalentRadii};
 * aromatic C–C is 0.92, C–H 1.01), and computed structures never have all bonds equal. The bonds are the molecule's
 * own, or, for coordinates without bonds (xyz), each atom's nearest neighbour.
 */
public final class CoordinatePlausibility {
    /** Shortest and longest plausible bond, as a multiple of the covalent radii sum. */
    static final double MIN_BOND = 0.75;
    static final double MAX_BOND = 1.25;
    /** Atoms closer than this multiple of their radii sum overlap, bonded or not. */
    static final double OVERLAP = 0.5;
    /** A flat structure whose bonds all lie within this relative spread and at least {@link #DRAWN_RATIO}. */
    static final double UNIFORM = 0.02;
    static final double DRAWN_RATIO = 0.97;
    static final double FLAT = 1e-3;

    private CoordinatePlausibility() {
    }

    /**
     * Why the molecule's 3D coordinates are not a plausible geometry, or null when they are (or cannot be judged:
     * an atom without a 3D point or a tabulated radius is left to the encoder to report).
     */
    public static String problem(IAtomContainer mol) {
        int n = mol.getAtomCount();
        Point3d[] p = new Point3d[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            IAtom a = mol.getAtom(i);
            p[i] = a.getPoint3d();
            r[i] = CovalentRadii.of(atomicNumber(a));
            if (p[i] == null || Double.isNaN(r[i])) {
                return null;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = p[i].distance(p[j]);
                if (d < OVERLAP * (r[i] + r[j])) {
                    return String.format(Locale.ROOT, "atoms %s and %s are %.2f Å apart (overlapping)",
                            name(mol, i), name(mol, j), d);
                }
            }
        }
        List<int[]> bonds = bonds(mol, p);
        if (bonds.isEmpty()) {
            return null;
        }
        double[] length = new double[bonds.size()];
        double[] ratio = new double[bonds.size()];
        for (int b = 0; b < bonds.size(); b++) {
            int i = bonds.get(b)[0];
            int j = bonds.get(b)[1];
            length[b] = p[i].distance(p[j]);
            ratio[b] = length[b] / (r[i] + r[j]);
            if (ratio[b] < MIN_BOND || ratio[b] > MAX_BOND) {
                return String.format(Locale.ROOT, "bond %s–%s is %.2f Å, expected %.2f–%.2f Å for this pair%s",
                        name(mol, i), name(mol, j), length[b], MIN_BOND * (r[i] + r[j]), MAX_BOND * (r[i] + r[j]),
                        ratio[b] < MIN_BOND ? " (drawn at depiction scale? give computed 3D coordinates in Å)" : "");
            }
        }
        double[] sorted = length.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double minRatio = Arrays.stream(ratio).min().orElse(0);
        if (bonds.size() >= 6 && flat(p) && sorted[sorted.length - 1] - sorted[0] <= UNIFORM * median
                && minRatio >= DRAWN_RATIO) {
            return String.format(Locale.ROOT, "all %d bonds are %.2f Å long and every atom lies in one plane z ="
                    + " %.2f: this is a 2D drawing saved as 3D, not a computed geometry", bonds.size(), median,
                    p[0].z);
        }
        return null;
    }

    private static boolean flat(Point3d[] p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point3d q : p) {
            lo = Math.min(lo, q.z);
            hi = Math.max(hi, q.z);
        }
        return hi - lo <= FLAT;
    }

    /** The molecule's bonds, or each atom's nearest neighbour when it has none (xyz input). */
    private static List<int[]> bonds(IAtomContainer mol, Point3d[] p) {
        List<int[]> out = new ArrayList<>();
        if (mol.getBondCount() > 0) {
            for (IBond b : mol.bonds()) {
                if (b.getAtomCount() == 2) {
                    out.add(new int[] {mol.indexOf(b.getBegin()), mol.indexOf(b.getEnd())});
                }
            }
            return out;
        }
        int n = p.length;
        boolean[][] seen = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (j != i && (best < 0 || p[i].distance(p[j]) < p[i].distance(p[best]))) {
                    best = j;
                }
            }
            if (best >= 0 && !seen[Math.min(i, best)][Math.max(i, best)]) {
                seen[Math.min(i, best)][Math.max(i, best)] = true;
                out.add(new int[] {Math.min(i, best), Math.max(i, best)});
            }
        }
        return out;
    }

    private static int atomicNumber(IAtom a) {
        Integer z = a.getAtomicNumber();
        if (z != null && z > 0) {
            return z;
        }
        Elements e = a.getSymbol() == null ? null : Elements.ofString(a.getSymbol());
        return e == null ? 0 : e.number();
    }

    private static String name(IAtomContainer mol, int i) {
        return mol.getAtom(i).getSymbol() + (i + 1);
    }
}
