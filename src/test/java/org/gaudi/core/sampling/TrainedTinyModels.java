package org.gaudi.core.sampling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.EdmTraining;
import org.gaudi.core.diffusion.EdmTrainingSettings;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.predictor.PredictorTraining;
import org.gaudi.core.predictor.PredictorTrainingSettings;
import org.gaudi.core.predictor.PropertyPredictor;

/**
 * A tiny EDM and a tiny predictor trained once per JVM on the embedded benzenoids with 1–5 rings (about 6 s on one
 * thread), as model archives that tests load and close themselves.
 *
 * <p>The predictor's first target, {@value #SPREAD} = mean squared distance of the ring centroids from their centre
 * (Å², i.e. the squared radius of gyration of the graph of rings), is an easy function of the geometry: the
 * predictor's edge messages see squared distances directly, so a few epochs give a gradient that points the right
 * way, and the test can measure the same quantity on the sampled graphs independently of the predictor. The second
 * target is the embedded dataset's Hückel gap (eV).
 */
public final class TrainedTinyModels {
    public static final String SPREAD = "SPREAD_A2";
    public static final String GAP = "HMO_GAP_eV";

    private static ModelArchive edm;
    private static ModelArchive predictor;

    private TrainedTinyModels() {
    }

    /** Mean squared distance of the ring centroids from their mean (Å²). */
    static double spread(GraphOfRings g) {
        double[][] c = g.centroids();
        double[] m = new double[3];
        for (double[] p : c) {
            for (int a = 0; a < 3; a++) {
                m[a] += p[a] / c.length;
            }
        }
        double s = 0;
        for (double[] p : c) {
            for (int a = 0; a < 3; a++) {
                s += (p[a] - m[a]) * (p[a] - m[a]) / c.length;
            }
        }
        return s;
    }

    public static synchronized ModelArchive edmArchive() {
        train();
        return edm;
    }

    public static synchronized ModelArchive predictorArchive() {
        train();
        return predictor;
    }

    static EdmModel edm() {
        try {
            return EdmModel.fromArchive(edmArchive(), ai.djl.Device.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PropertyPredictor predictor() {
        try {
            return PropertyPredictor.fromArchive(predictorArchive(), ai.djl.Device.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void train() {
        if (edm != null) {
            return;
        }
        Dataset data = EmbeddedDataset.generate(1, 5, i -> { });
        int gap = data.propertyIndex(GAP);
        List<MoleculeRecord> records = new ArrayList<>();
        for (MoleculeRecord r : data.records()) {
            records.add(new MoleculeRecord(r.id(), r.smiles(), r.gor(),
                    new double[] {spread(r.gor()), r.property(gap)}));
        }
        Dataset withSpread = new Dataset(data.source() + " + spread", List.of(SPREAD, GAP), records, List.of());
        try {
            EdmTrainingSettings es = EdmTrainingSettings.builder().layers(2).hidden(16).epochs(40).batchSize(8)
                    .learningRate(3e-3).seed(5).device(Djl.DeviceSetting.CPU).validationFraction(0.2)
                    .testFraction(0.0).ringRange(1, 5).build();
            try (EdmModel m = new EdmTraining(es).train(data).model()) {
                PredictorTrainingSettings ps = PredictorTrainingSettings.builder().targets(List.of(SPREAD, GAP))
                        .layers(2).hidden(32).batchSize(16).learningRate(3e-3).seed(1)
                        .device(Djl.DeviceSetting.CPU).epochs(30).validationFraction(0.2).testFraction(0.0)
                        .ringRange(1, 5).build();
                try (PropertyPredictor p = new PredictorTraining(ps).matching(m.architecture()).train(withSpread)
                        .predictor()) {
                    predictor = p.toArchive();
                }
                edm = m.toArchive();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
