package org.gaudi.testutil;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaudi.core.nn.EgnnDynamics;
import org.gaudi.core.predictor.EgnnPredictor;

/**
 * Loads GaUDI's recorded {@code state_dict} (a {@link GoldenData} file) into our networks: the documented mapping
 * from GaUDI's parameter names to our layers.
 *
 * <ul>
 *   <li>EDM ({@code EGNN_dynamics} with {@code egnn_new.EGNN}): {@code dynamics.egnn.} is dropped;
 *       {@code nn.Sequential} indices of the MLPs count Linear and activation modules, ours count Linear layers
 *       only, so {@code edge_mlp.0/.2}, {@code node_mlp.0/.2} and {@code coord_mlp.0/.2/.4} become
 *       {@code linear0/1/2}; {@code att_mlp.0} (Linear + Sigmoid) is our {@code att_mlp}. Block and layer names
 *       ({@code e_block_k}, {@code gcl_0}, {@code gcl_equiv}, {@code embedding}, {@code embedding_out}) agree.</li>
 *   <li>Predictor ({@code EGNN_predictor} with {@code gcl.E_GCL}): {@code egnn.} is dropped; the rest agrees
 *       name for name ({@code gcl_k.edge_mlp.0}, {@code coord_mlp.2}, {@code att_mlp.0}, ...).</li>
 * </ul>
 * Buffers ({@code buffer}, {@code gamma.gamma}) are not network parameters and are skipped. Every parameter of ours
 * must receive a value and every GaUDI parameter must find a home, else this fails naming the odd ones.
 */
public final class GaudiWeights {
    private static final Pattern SEQUENTIAL = Pattern.compile("(edge_mlp|node_mlp|coord_mlp)\\.(\\d+)\\.");

    private GaudiWeights() {
    }

    /** Our parameter path for a GaUDI EDM state_dict name, or null for buffers. */
    public static String edmPath(String gaudiName) {
        if (!gaudiName.startsWith("dynamics.egnn.")) {
            return null;
        }
        String rest = gaudiName.substring("dynamics.egnn.".length()).replace("att_mlp.0.", "att_mlp.");
        Matcher m = SEQUENTIAL.matcher(rest);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(2));
            if (index % 2 != 0) {
                throw new IllegalArgumentException(gaudiName + " names an activation, not a Linear layer");
            }
            m.appendReplacement(sb, m.group(1) + ".linear" + index / 2 + ".");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Our parameter path for a GaUDI predictor state_dict name. */
    public static String predictorPath(String gaudiName) {
        return gaudiName.startsWith("egnn.") ? gaudiName.substring("egnn.".length()) : null;
    }

    public static void loadEdm(EgnnDynamics net, GoldenData golden) {
        load(net, golden, GaudiWeights::edmPath);
    }

    public static void loadPredictor(EgnnPredictor net, GoldenData golden) {
        load(net, golden, GaudiWeights::predictorPath);
    }

    private static void load(Block net, GoldenData golden, java.util.function.Function<String, String> mapping) {
        Map<String, Parameter> ours = BlockPaths.parameters(net);
        Set<String> unset = new LinkedHashSet<>(ours.keySet());
        Set<String> homeless = new LinkedHashSet<>();
        for (Map.Entry<String, GoldenData.Tensor> e : golden.params().entrySet()) {
            String path = mapping.apply(e.getKey());
            if (path == null) {
                continue;
            }
            Parameter p = ours.get(path);
            if (p == null) {
                homeless.add(e.getKey() + " -> " + path);
                continue;
            }
            BlockPaths.set(p, e.getKey(), e.getValue().shape(), e.getValue().values());
            unset.remove(path);
        }
        if (!unset.isEmpty() || !homeless.isEmpty()) {
            throw new IllegalStateException("GaUDI weights do not fit: ours without a value " + unset
                    + ", GaUDI's without a home " + homeless);
        }
    }
}
