package org.gaudi.core.xtb;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

import javax.vecmath.Point3d;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.silent.AtomContainer;

/**
 * The input of one xtb run: elements, Cartesian coordinates (Å) with every hydrogen explicit, and total charge.
 *
 * @param elements element symbols
 * @param xyz      coordinates, one {x, y, z} per atom
 * @param charge   total charge
 */
public record XtbGeometry(String[] elements, double[][] xyz, int charge) {

    public XtbGeometry {
        if (elements.length != xyz.length || elements.length == 0) {
            throw new IllegalArgumentException("a geometry needs one point per atom and at least one atom, got "
                    + elements.length + " elements and " + xyz.length + " points");
        }
    }

    /**
     * From a molecule with explicit hydrogens and 3-D points (the decoder's conformer).
     *
     * @throws IllegalArgumentException if an atom lacks a 3-D point or carries implicit hydrogens (xtb would see a
     *                                  radical)
     */
    public static XtbGeometry of(IAtomContainer mol) {
        int n = mol.getAtomCount();
        String[] el = new String[n];
        double[][] p = new double[n][];
        int charge = 0;
        for (int i = 0; i < n; i++) {
            IAtom a = mol.getAtom(i);
            Point3d q = a.getPoint3d();
            if (q == null) {
                throw new IllegalArgumentException("atom " + (i + 1) + " (" + a.getSymbol() + ") has no 3-D point");
            }
            Integer h = a.getImplicitHydrogenCount();
            if (h != null && h > 0) {
                throw new IllegalArgumentException("atom " + (i + 1) + " (" + a.getSymbol() + ") has " + h
                        + " implicit hydrogens; xtb needs them explicit");
            }
            el[i] = a.getSymbol();
            p[i] = new double[] {q.x, q.y, q.z};
            charge += a.getFormalCharge() == null ? 0 : a.getFormalCharge();
        }
        return new XtbGeometry(el, p, charge);
    }

    /** From one V2000 SD record with explicit hydrogens and 3-D coordinates (a design's SDF cell). */
    public static XtbGeometry fromSdf(String record) {
        try (MDLV2000Reader r = new MDLV2000Reader(new StringReader(record))) {
            return of(r.read(new AtomContainer()));
        } catch (CDKException | IOException e) {
            throw new IllegalArgumentException("cannot read the SD record: " + e.getMessage(), e);
        }
    }

    /** Number of unpaired electrons for xtb's {@code --uhf}: 0 for an even electron count, else 1. */
    public int unpairedElectrons() {
        int electrons = -charge;
        for (String e : elements) {
            electrons += atomicNumber(e);
        }
        return Math.floorMod(electrons, 2);
    }

    private static int atomicNumber(String symbol) {
        Integer z = org.openscience.cdk.config.Elements.ofString(symbol).number();
        if (z == null || z <= 0) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'");
        }
        return z;
    }

    /** The XYZ file xtb reads. */
    public String toXyz(String title) {
        StringBuilder b = new StringBuilder();
        b.append(elements.length).append('\n').append(title.replace('\n', ' ')).append('\n');
        for (int i = 0; i < elements.length; i++) {
            b.append(String.format(Locale.ROOT, "%-2s %14.8f %14.8f %14.8f%n", elements[i], xyz[i][0], xyz[i][1],
                    xyz[i][2]));
        }
        return b.toString();
    }
}
