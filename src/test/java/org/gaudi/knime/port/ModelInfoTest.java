package org.gaudi.knime.port;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;

/** ModelInfo validates its content and reads back exactly what it saved. */
public class ModelInfoTest {

    @Test
    public void saveLoadIsIdentity() throws Exception {
        ModelInfo info = ModelPortRoundTripTest.predictorInfo();
        ModelContent c = new ModelContent("x");
        info.save(c);
        assertEquals(info, ModelInfo.load(c));
        assertEquals(List.of("HMO_GAP_eV", "HMO_GAP_beta"), ModelInfo.load(c).targetNames());
    }

    @Test
    public void rejectsInconsistentContent() throws Exception {
        expectLoadError(c -> c.addStringArray(ModelInfo.CFG_TARGET_UNITS, "eV"), "differ in length");
        expectLoadError(c -> c.addInt(ModelInfo.CFG_VERSION, 2), "version 2");
        expectLoadError(c -> c.addDoubleArray(ModelInfo.CFG_METRIC_VALUES, Double.NaN), "not finite");
        expectLoadError(c -> c.addStringArray(ModelInfo.CFG_TARGET_NAMES, "a", "a"), "duplicate target");
    }

    interface Edit {
        void apply(ModelContent c);
    }

    private static void expectLoadError(Edit edit, String message) {
        ModelContent c = new ModelContent("x");
        ModelPortRoundTripTest.predictorInfo().save(c);
        edit.apply(c);
        try {
            ModelInfo.load(c);
            fail("accepted broken model description (" + message + ")");
        } catch (InvalidSettingsException e) {
            assertTrue(e.getMessage() + " should mention " + message, e.getMessage().contains(message));
        }
    }

    @Test
    public void builderRejectsBadValues() {
        try {
            ModelInfo.builder("edm").metric("loss", Double.POSITIVE_INFINITY);
            fail("infinite metric accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("loss"));
        }
        try {
            ModelInfo.builder("edm").vocabulary(List.of("Bn", "Bn")).build();
            fail("duplicate vocabulary accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("duplicate"));
        }
        try {
            ModelInfo.builder(" ").build();
            fail("blank kind accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("kind"));
        }
    }

    @Test
    public void summaryNamesTheEssentials() {
        String s = ModelPortRoundTripTest.edmInfo().summary();
        assertEquals("edm: T=1000 polynomial_2, ≤11 rings, 3 ring types", s);
    }
}
