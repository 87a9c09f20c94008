package org.gaudi.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;

public class XyzParserTest {

    @Test
    public void readsSymbolsAtomicNumbersAndCoordinates() throws Exception {
        IAtomContainer m = XyzParser.parse("3\ncomment line\nC 0 0 0\n6 1.4 0.0 0.0\n  h  -1.0 0.5 2.5  \n\n", "m.xyz");
        assertEquals(3, m.getAtomCount());
        assertEquals(0, m.getBondCount());
        assertEquals("C", m.getAtom(1).getSymbol());
        assertEquals(6, (int) m.getAtom(1).getAtomicNumber());
        assertEquals("H", m.getAtom(2).getSymbol());
        assertEquals(2.5, m.getAtom(2).getPoint3d().z, 0);
        assertEquals(1.4, m.getAtom(1).getPoint3d().x, 0);
    }

    @Test
    public void errorsNameFileAndLine() {
        expect("", 1, "atom count");
        expect("two\nx\nC 0 0 0\n", 1, "'two'");
        expect("3\nx\nC 0 0 0\nC 1 0 0\n", 4, "announces 3 atoms");
        expect("1\nx\nC 0 0 0\n\nC 1 0 0\n", 4, "unexpected line");
        expect("2\nx\nC 0 0 0\nXx 1 0 0\n", 4, "unknown element 'Xx'");
        expect("2\nx\nC 0 0 0\nC 1 zero 0\n", 4, "'zero' is not a number");
        expect("2\nx\nC 0 0 0\nC 1 0\n", 4, "expected 'symbol x y z'");
        expect("1\nx\nC 0 0 NaN\n", 3, "not finite");
        expect("1\nx\nC 0 0 0\nC 1 0 0\n", 4, "unexpected line");
        expect("0\nx\n", 1, "positive");
    }

    private static void expect(String text, int line, String fragment) {
        try {
            XyzParser.parse(text, "f.xyz");
            fail("expected an error for: " + text);
        } catch (XyzFormatException e) {
            assertEquals(e.getMessage(), line, e.line());
            assertEquals("f.xyz", e.file());
            assertTrue(e.getMessage(), e.getMessage().startsWith("f.xyz line " + line + ": ")
                    && e.getMessage().contains(fragment));
        }
    }
}
