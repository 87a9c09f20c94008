package org.gaudi.knime.table;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;
import org.junit.Test;

/** The GOR text column round-trips exactly and explains what is wrong with bad text. */
public class JsonGorCodecTest {

    private final JsonGorCodec codec = new JsonGorCodec();

    @Test
    public void embeddedMoleculesRoundTripExactly() {
        for (MoleculeRecord r : EmbeddedDataset.generate(5).records()) {
            String text = codec.format(r.gor());
            assertEquals(r.id() + ": " + text, r.gor(), codec.parse(text));
            assertTrue(text, !text.contains("\n") && text.startsWith("{\"types\":[\"Bn\""));
        }
    }

    @Test
    public void heteroRingsWithOrientationNodesRoundTrip() {
        GraphOfRings g = new GraphOfRings(new RingType[] {RingType.Th, RingType.Bn},
                new double[][] {{0.1, -2.5, 1e-9}, {2.42, 0, 0}}, new double[][] {{0.9, -3.1, 0}, {2.42, 0, 0}});
        assertEquals(g, codec.parse(codec.format(g)));
    }

    @Test
    public void badTextIsExplained() {
        expect("not json", "not JSON");
        expect("[1,2]", "JSON object");
        expect("{\"types\":[],\"centroids\":[]}", "non-empty array");
        expect("{\"types\":[\"Xx\"],\"centroids\":[[0,0,0]]}", "unknown ring type \"Xx\"");
        expect("{\"types\":[\"Bn\",\"Bn\"],\"centroids\":[[0,0,0]]}", "array of 2 points");
        expect("{\"types\":[\"Bn\"],\"centroids\":[[0,0]]}", "[x, y, z]");
        expect("{\"types\":[\"Bn\"],\"centroids\":[[0,\"a\",0]]}", "not a number");
    }

    private void expect(String text, String message) {
        try {
            codec.parse(text);
            fail("accepted " + text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() + " should contain " + message, e.getMessage().contains(message));
        }
    }
}
