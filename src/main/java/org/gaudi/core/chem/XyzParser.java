package org.gaudi.core.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.vecmath.Point3d;

import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.config.Elements;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.Atom;
import org.openscience.cdk.silent.AtomContainer;

/**
 * Reads one molecule in xyz format (GaUDI §2.5): line 1 the atom count, line 2 a comment (kept as the title),
 * then one line per atom {@code symbol x y z} (Å), where the symbol may also be an atomic number. Extra columns
 * after z are ignored; blank lines are allowed only after the last atom. The result has 3D coordinates, explicit
 * atoms only (implicit H count 0) and no bonds; see {@link CovalentBonds#perceive(IAtomContainer)}.
 */
public final class XyzParser {
    private XyzParser() {
    }

    /** Parses xyz text; {@code source} names the text in error messages (e.g. the file name). */
    public static IAtomContainer parse(String text, String source) throws XyzFormatException {
        try {
            return parse(new StringReader(text), source);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen for a StringReader
        }
    }

    /** Reads an xyz file (UTF-8). */
    public static IAtomContainer read(Path file) throws IOException, XyzFormatException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /** Parses xyz text from a reader (not closed). */
    public static IAtomContainer parse(Reader reader, String source) throws IOException, XyzFormatException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        String countLine = in.readLine();
        if (countLine == null) {
            throw new XyzFormatException(source, 1, "empty input, expected the atom count");
        }
        int count;
        try {
            count = Integer.parseInt(countLine.trim());
        } catch (NumberFormatException e) {
            throw new XyzFormatException(source, 1, "expected the atom count, found '" + clip(countLine) + "'");
        }
        if (count < 0) {
            throw new XyzFormatException(source, 1, "negative atom count " + count);
        }
        String comment = in.readLine();
        if (comment == null) {
            throw new XyzFormatException(source, 2, "missing comment line");
        }
        IAtomContainer mol = new AtomContainer();
        if (!comment.isBlank()) {
            mol.setProperty(CDKConstants.TITLE, comment.trim());
        }
        List<IAtom> atoms = new ArrayList<>(count);
        int lineNo = 2;
        for (int k = 0; k < count; k++) {
            String line = in.readLine();
            lineNo++;
            if (line == null) {
                throw new XyzFormatException(source, lineNo,
                        "unexpected end of input: header announces " + count + " atoms, found " + k);
            }
            atoms.add(parseAtom(line, source, lineNo));
        }
        String rest;
        while ((rest = in.readLine()) != null) {
            lineNo++;
            if (!rest.isBlank()) {
                throw new XyzFormatException(source, lineNo, "header announces " + count
                        + " atoms but more non-blank lines follow (multi-frame xyz is not supported)");
            }
        }
        for (IAtom a : atoms) {
            mol.addAtom(a);
        }
        return mol;
    }

    private static IAtom parseAtom(String line, String source, int lineNo) throws XyzFormatException {
        String[] tok = line.trim().split("\\s+");
        if (tok.length < 4 || tok[0].isEmpty()) {
            throw new XyzFormatException(source, lineNo, "expected 'symbol x y z', found '" + clip(line) + "'");
        }
        Elements e = element(tok[0]);
        if (e == null) {
            throw new XyzFormatException(source, lineNo, "unknown element '" + tok[0] + "'");
        }
        double[] xyz = new double[3];
        for (int c = 0; c < 3; c++) {
            try {
                xyz[c] = Double.parseDouble(tok[c + 1]);
            } catch (NumberFormatException ex) {
                throw new XyzFormatException(source, lineNo,
                        "coordinate " + "xyz".charAt(c) + " is not a number: '" + tok[c + 1] + "'");
            }
            if (!Double.isFinite(xyz[c])) {
                throw new XyzFormatException(source, lineNo, "coordinate " + "xyz".charAt(c) + " is not finite");
            }
        }
        IAtom atom = new Atom(e.symbol());
        atom.setAtomicNumber(e.number());
        atom.setImplicitHydrogenCount(0);
        atom.setPoint3d(new Point3d(xyz[0], xyz[1], xyz[2]));
        return atom;
    }

    /** Element from a symbol (any case) or an atomic number; null if unknown. */
    static Elements element(String token) {
        Elements e;
        if (Character.isDigit(token.charAt(0))) {
            try {
                e = Elements.ofNumber(Integer.parseInt(token));
            } catch (NumberFormatException ex) {
                return null;
            }
        } else {
            String sym = token.substring(0, 1).toUpperCase(Locale.ROOT) + token.substring(1).toLowerCase(Locale.ROOT);
            e = Elements.ofString(sym);
            if (e != null && !e.symbol().equals(sym)) {
                return null;
            }
        }
        return e == null || e == Elements.Unknown || e.number() <= 0 ? null : e;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
