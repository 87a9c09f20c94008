package org.gaudi.core.data;

import javax.vecmath.Point3d;

import org.openscience.cdk.config.Elements;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * Reads one xyz geometry: line 1 the atom count, line 2 a comment, then one {@code symbol x y z} line per atom (Å);
 * the symbol may also be an atomic number. Trailing blank lines are allowed; anything else is an error naming the
 * line. The molecule has atoms with 3D coordinates and no bonds (bonds are perceived by the GOR encoder).
 */
public final class XyzParser {
    private XyzParser() {
    }

    public static IAtomContainer parse(String text, String fileName) throws XyzFormatException {
        String[] all = text.split("\r?\n|\r", -1);
        int used = all.length;
        while (used > 0 && all[used - 1].isBlank()) {
            used--; // trailing blank lines are allowed
        }
        String[] lines = java.util.Arrays.copyOf(all, used);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new XyzFormatException(fileName, 1, "expected the atom count, found an empty line");
        }
        int count;
        try {
            count = Integer.parseInt(lines[0].trim());
        } catch (NumberFormatException e) {
            throw new XyzFormatException(fileName, 1, "expected the atom count, found '" + lines[0].trim() + "'");
        }
        if (count <= 0) {
            throw new XyzFormatException(fileName, 1, "atom count must be positive, found " + count);
        }
        if (lines.length < count + 2) {
            throw new XyzFormatException(fileName, lines.length, "file ends after " + Math.max(0, lines.length - 2)
                    + " atom lines, but line 1 announces " + count + " atoms");
        }
        IAtomContainer mol = SilentChemObjectBuilder.getInstance().newAtomContainer();
        for (int i = 0; i < count; i++) {
            int lineNo = i + 3;
            mol.addAtom(atom(lines[i + 2], fileName, lineNo));
        }
        if (lines.length > count + 2) {
            int i = count + 2;
            throw new XyzFormatException(fileName, i + 1, "unexpected line after the " + count
                    + " announced atoms: '" + abbreviate(lines[i]) + "'");
        }
        return mol;
    }

    private static IAtom atom(String line, String file, int lineNo) throws XyzFormatException {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4 || f[0].isEmpty()) {
            throw new XyzFormatException(file, lineNo, "expected 'symbol x y z', found '" + abbreviate(line) + "'");
        }
        Elements element = element(f[0]);
        if (element == null) {
            throw new XyzFormatException(file, lineNo, "unknown element '" + f[0] + "'");
        }
        double[] xyz = new double[3];
        for (int k = 0; k < 3; k++) {
            try {
                xyz[k] = Double.parseDouble(f[k + 1]);
            } catch (NumberFormatException e) {
                throw new XyzFormatException(file, lineNo, "coordinate '" + f[k + 1] + "' is not a number");
            }
            if (!Double.isFinite(xyz[k])) {
                throw new XyzFormatException(file, lineNo, "coordinate '" + f[k + 1] + "' is not finite");
            }
        }
        IAtom a = SilentChemObjectBuilder.getInstance().newAtom();
        a.setAtomicNumber(element.number());
        a.setSymbol(element.symbol());
        a.setImplicitHydrogenCount(0);
        a.setPoint3d(new Point3d(xyz[0], xyz[1], xyz[2]));
        return a;
    }

    private static Elements element(String token) {
        if (token.length() <= 3 && token.chars().allMatch(Character::isDigit)) {
            int z = Integer.parseInt(token);
            Elements e = Elements.ofNumber(z);
            return z > 0 && e != Elements.Unknown ? e : null;
        }
        String sym = token.length() == 1 ? token.toUpperCase() : token.substring(0, 1).toUpperCase()
                + token.substring(1).toLowerCase();
        Elements e = Elements.ofString(sym);
        return e == Elements.Unknown ? null : e;
    }

    private static String abbreviate(String s) {
        String t = s.trim();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
