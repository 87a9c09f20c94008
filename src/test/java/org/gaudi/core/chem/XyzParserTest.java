package org.gaudi.core.chem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;

public class XyzParserTest {

    public static String benzeneXyz() {
        return benzeneXyz(0.0);
    }

    /** Benzene (C–C 1.40 Å, C–H 1.09 Å) in the plane z = {@code z}, H given by atomic number. */
    public static String benzeneXyz(double z) {
        StringBuilder sb = new StringBuilder("12\nbenzene, C-C 1.40\n");
        for (int k = 0; k < 6; k++) {
            double a = Math.toRadians(60 * k);
            sb.append(String.format(java.util.Locale.ROOT, "C %.6f %.6f %.6f%n", 1.40 * Math.cos(a), 1.40 * Math.sin(a), z));
        }
        for (int k = 0; k < 6; k++) {
            double a = Math.toRadians(60 * k);
            sb.append(String.format(java.util.Locale.ROOT, "1 %.6f %.6f %.6f%n", 2.49 * Math.cos(a), 2.49 * Math.sin(a), z));
        }
        return sb.toString();
    }

    @Test
    public void readsSymbolsAndAtomicNumbers() throws Exception {
        IAtomContainer m = XyzParser.parse(benzeneXyz() + "\n\n", "benzene.xyz");
        assertEquals(12, m.getAtomCount());
        assertEquals(0, m.getBondCount());
        assertEquals("benzene, C-C 1.40", m.getTitle());
        assertEquals("C", m.getAtom(0).getSymbol());
        assertEquals("H", m.getAtom(6).getSymbol());
        assertEquals(1, (int) m.getAtom(6).getAtomicNumber());
        assertEquals(1.4, m.getAtom(0).getPoint3d().x, 1e-9);
        assertEquals(0, (int) m.getAtom(0).getImplicitHydrogenCount());
        assertNull(XyzParser.element("Xx"));
        assertEquals("Cl", XyzParser.element("CL").symbol());
        assertEquals("S", XyzParser.element("16").symbol());
    }

    @Test
    public void perceivesBondsWithAlvarezRadii() throws Exception {
        IAtomContainer m = XyzParser.parse(benzeneXyz(), "benzene.xyz");
        assertEquals(12, CovalentBonds.perceive(m)); // 6 C-C + 6 C-H, no 1,3 contacts
        assertTrue(CovalentRadii.bonded(6, 6, 1.976));
        assertTrue(!CovalentRadii.bonded(6, 6, 1.977));
    }

    private static void expectError(String text, int line, String fragment) {
        try {
            XyzParser.parse(text, "t.xyz");
            fail("expected an error for:\n" + text);
        } catch (XyzFormatException e) {
            assertEquals(e.getMessage(), line, e.line());
            assertTrue(e.getMessage(), e.getMessage().startsWith("t.xyz, line " + line + ": "));
            assertTrue(e.getMessage(), e.getMessage().contains(fragment));
        }
    }

    @Test
    public void errorsNameTheLine() {
        expectError("", 1, "atom count");
        expectError("two\nc\nC 0 0 0\n", 1, "atom count");
        expectError("2\n", 2, "comment");
        expectError("2\nc\nC 0 0 0\n", 4, "found 1");
        expectError("1\nc\nC 0 0\n", 3, "symbol x y z");
        expectError("1\nc\nQq 0 0 0\n", 3, "unknown element 'Qq'");
        expectError("1\nc\nC 0 zero 0\n", 3, "coordinate y");
        expectError("1\nc\nC 0 0 NaN\n", 3, "not finite");
        expectError("1\nc\nC 0 0 0\n\nC 1 1 1\n", 5, "multi-frame");
    }
}
