package org.gaudi.osgi.probe;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.SampleResult;
import org.gaudi.core.diffusion.SamplingHook;
import org.gaudi.core.diffusion.SamplingOptions;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.knime.CoreCalls;

/**
 * Runs inside OSGi as a fragment of the node bundle (so it is loaded by the node bundle's class loader, like a
 * NodeModel): loads an EDM file, samples a few graphs of rings for a few steps with DJL and decodes them, and computes
 * an InChIKey with CDK, going through {@link CoreCalls} as the nodes do. Only java.* types cross back to the test.
 */
public final class SamplingProbe implements Callable<Map<String, String>> {

    /** System property naming the EDM model file to sample. */
    public static final String EDM_PROPERTY = "gaudi.probe.edm";

    @Override
    public Map<String, String> call() throws Exception {
        Path file = Path.of(System.getProperty(EDM_PROPERTY));
        return CoreCalls.call(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (EdmModel edm = EdmModel.load(file, Djl.DeviceSetting.CPU)) {
                SamplingOptions options = edm.unconditionalOptions(11).withSteps(8);
                SampleResult result = edm.sample(new int[] {3, 4}, options, SamplingHook.none());
                int valid = 0;
                for (DecodedMolecule m : edm.decode(result)) {
                    valid += m.valid() ? 1 : 0;
                }
                boolean finite = true;
                for (float v : result.x()) {
                    finite &= Float.isFinite(v);
                }
                out.put("graphs", Integer.toString(result.graphs().size()));
                out.put("decoded-valid", Integer.toString(valid));
                out.put("coordinates-finite", Boolean.toString(finite));
                // Through reflection: ai.djl.engine is not exported to the node bundle (nodes never need it).
                Object engine = Djl.class.getMethod("engine").invoke(null);
                out.put("engine", engine.getClass().getMethod("getEngineName").invoke(engine) + " "
                        + engine.getClass().getMethod("getVersion").invoke(engine));
                out.put("engine-loader", describe(engine.getClass().getClassLoader()));
            }
            out.put("naphthalene-inchikey", MoleculeIdentity.ofSmiles("c1ccc2ccccc2c1").inchiKey());
            out.put("probe-loader", describe(SamplingProbe.class.getClassLoader()));
            return out;
        });
    }

    /** The bundle behind an OSGi class loader (its toString names it), else the loader's class. */
    private static String describe(ClassLoader loader) {
        return loader == null ? "boot" : loader.toString();
    }
}
