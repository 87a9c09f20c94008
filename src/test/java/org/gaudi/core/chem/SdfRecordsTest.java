package org.gaudi.core.chem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

public class SdfRecordsTest {

    @Test
    public void writesAV2000RecordWithPropertiesThatCdkReadsBack() throws Exception {
        IAtomContainer m = XyzParser.parse(XyzParserTest.benzeneXyz(), "benzene.xyz");
        CovalentBonds.perceive(m);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("GAP_eV", 6.1);
        props.put("note", "two\nlines");
        String sdf = SdfRecords.toSdf(m, "benzene", props);
        assertTrue(sdf.endsWith("$$$$\n"));
        assertTrue(sdf.contains("V2000"));
        assertTrue(sdf.startsWith("benzene\n"));
        assertEquals("benzene, C-C 1.40", m.getTitle()); // molecule unchanged
        try (IteratingSDFReader r = new IteratingSDFReader(new StringReader(sdf + sdf),
                SilentChemObjectBuilder.getInstance())) {
            int records = 0;
            while (r.hasNext()) {
                IAtomContainer back = r.next();
                records++;
                assertEquals(12, back.getAtomCount());
                assertEquals(12, back.getBondCount());
                assertEquals("6.1", back.getProperty("GAP_eV"));
                assertEquals("two lines", back.getProperty("note"));
                assertEquals(2.49, back.getAtom(6).getPoint3d().x, 1e-4);
            }
            assertEquals(2, records);
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsFieldNamesThatBreakTheFormat() throws Exception {
        IAtomContainer m = XyzParser.parse(XyzParserTest.benzeneXyz(), "benzene.xyz");
        SdfRecords.toSdf(m, "x", Map.of("a>b", 1));
    }

    @Test
    public void noPropertiesStillEndsTheRecord() throws Exception {
        IAtomContainer m = XyzParser.parse(XyzParserTest.benzeneXyz(), "benzene.xyz");
        String sdf = SdfRecords.toSdf(m, null, null);
        assertTrue(sdf.endsWith("M  END\n$$$$\n"));
        assertFalse(sdf.contains("> <"));
    }
}
