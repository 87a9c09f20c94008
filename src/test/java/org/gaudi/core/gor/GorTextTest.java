package org.gaudi.core.gor;

import static org.gaudi.core.gor.Lattice.at;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Random;

import org.junit.Test;

public class GorTextTest {

    @Test
    public void cataRoundTripIsExact() {
        GraphOfRings g = Lattice.cata(at(0, 0), at(1, 0), at(1, 1));
        String text = GorText.format(g);
        assertTrue(text, text.startsWith("Bn[0.0,0.0,0.0] Bn[2.424871130596428,0.0,0.0] Bn["));
        assertFalse(text.contains("|"));
        assertEquals(g, GorText.parse(text));
    }

    @Test
    public void heteroRoundTripCarriesOrientationNodes() throws Exception {
        GraphOfRings g = GorEncoder.encode(Layouts.planar("c1ccc2sccc2c1"));
        String text = GorText.format(g);
        assertTrue(text, text.contains("Th[") && text.contains("|"));
        GraphOfRings back = GorText.parse(text);
        assertEquals(g, back);
        assertTrue(back.hasOrientationNodes());
    }

    @Test
    public void awkwardDoublesSurviveExactly() {
        Random rnd = new Random(11);
        double[] special = {-0.0, 0.0, Double.MIN_VALUE, 1e-300, -123456.789e10, 1.0 / 3, Math.PI, -Double.MAX_VALUE};
        RingType[] types = {RingType.Pz, RingType.Cbd, RingType.Db, RingType.DhDb, RingType.ORIENTATION};
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(5);
            RingType[] t = new RingType[n];
            double[][] c = new double[n][3];
            double[][] o = new double[n][3];
            for (int i = 0; i < n; i++) {
                t[i] = types[rnd.nextInt(types.length)];
                for (int k = 0; k < 3; k++) {
                    c[i][k] = rnd.nextBoolean() ? special[rnd.nextInt(special.length)] : rnd.nextGaussian() * 5;
                    o[i][k] = Double.longBitsToDouble(rnd.nextLong() & 0x3fffffffffffffffL); // finite values
                }
            }
            GraphOfRings g = new GraphOfRings(t, c, rnd.nextBoolean() ? o : null);
            assertEquals(g, GorText.parse(GorText.format(g)));
        }
    }

    @Test
    public void emptyTextIsTheEmptyGraph() {
        GraphOfRings empty = GorText.parse("  ");
        assertEquals(0, empty.ringCount());
        assertEquals("", GorText.format(empty));
    }

    private static void expectError(String text, int position, String fragment) {
        try {
            GorText.parse(text);
            fail("expected a parse error for " + text);
        } catch (GorText.ParseException e) {
            assertEquals(e.getMessage(), position, e.position());
            assertTrue(e.getMessage(), e.getMessage().startsWith("GOR text, position " + position + ": "));
            assertTrue(e.getMessage(), e.getMessage().contains(fragment));
        }
    }

    @Test
    public void parseErrorsNameThePosition() {
        expectError("Xx[0,0,0]", 0, "unknown ring type 'Xx'");
        expectError("Bn[0,0]", 6, "expected ','");
        expectError("Bn[0,0,0", 8, "found end of text");
        expectError("Bn(0,0,0)", 2, "expected '['");
        expectError("Bn[0,zero,0]", 5, "expected the y coordinate");
        expectError("Bn[0,1.2.3,0]", 5, "'1.2.3' is not a number");
        expectError("Bn[0,0,1e999]", 7, "not finite");
        expectError("Bn[0,0,0]Bn[1,1,1]", 9, "space");
        expectError("Bn[0,0,0] Bn[1,1,1|1,1,1]", 10, "ring 1 has an orientation node while ring 0 lacks one");
        expectError("Th[0,0,0|1,0,0] Bn[1,1,1]", 16, "ring 1 lacks");
    }
}
