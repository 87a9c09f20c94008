package org.gaudi.core.chem;

import javax.vecmath.Point3d;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/** Bond perception from 3D coordinates with GaUDI's rule d ≤ 1.3 × (r_i + r_j), Alvarez radii (§2.5). */
public final class CovalentBonds {
    private CovalentBonds() {
    }

    /**
     * Adds a single bond between every pair of atoms that GaUDI's rule bonds. Every atom needs a 3D point and an
     * element with a tabulated radius ({@link CovalentRadii}).
     *
     * @return the number of bonds added
     * @throws IllegalArgumentException naming the atom that lacks coordinates or a radius
     */
    public static int perceive(IAtomContainer mol) {
        int n = mol.getAtomCount();
        double[] r = new double[n];
        Point3d[] p = new Point3d[n];
        for (int i = 0; i < n; i++) {
            IAtom a = mol.getAtom(i);
            Integer z = a.getAtomicNumber();
            r[i] = z == null ? Double.NaN : CovalentRadii.of(z);
            if (Double.isNaN(r[i])) {
                throw new IllegalArgumentException("atom " + (i + 1) + " (" + a.getSymbol()
                        + "): no covalent radius for this element");
            }
            p[i] = a.getPoint3d();
            if (p[i] == null) {
                throw new IllegalArgumentException("atom " + (i + 1) + " (" + a.getSymbol() + ") has no 3D coordinates");
            }
        }
        int added = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (p[i].distance(p[j]) <= CovalentRadii.BOND_FACTOR * (r[i] + r[j])) {
                    mol.addBond(i, j, IBond.Order.SINGLE);
                    added++;
                }
            }
        }
        return added;
    }
}
