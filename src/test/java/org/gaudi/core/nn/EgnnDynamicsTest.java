package org.gaudi.core.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.gaudi.core.diffusion.GorBatch;
import org.gaudi.core.diffusion.GorFeaturizer;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.RingType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class EgnnDynamicsTest {
    private static final int B = 3;
    private static final int N = 5;
    private static final int F = 3;

    private NDManager manager;
    private EgnnDynamics net;
    private ParameterStore ps;

    @Before
    public void setUp() {
        manager = Djl.call(() -> NDManager.newBaseManager(Device.cpu()));
        net = new EgnnDynamics(F, 16, 3);
        net.initializeParameters(manager, 42);
        // the coordinate heads start almost at zero (gain 0.001); scale them up so the x path is really exercised
        for (EquivariantBlock b : net.blocks()) {
            NDArray w = b.update().coordMlp().layers().get(2).weight().getArray();
            w.muli(300f);
        }
        ps = new ParameterStore(manager, false);
    }

    @After
    public void tearDown() {
        manager.close();
    }

    @Test
    public void parameterCountsMatchTheReference() {
        assertEquals(3_007_691L, new EgnnDynamics(1, 192, 9).parameterCount());
        assertEquals(3_011_926L, new EgnnDynamics(12, 192, 9).parameterCount());
        assertEquals(3_138_178L, new EgnnDynamics(12, 196, 9).parameterCount());
        EquivariantBlock block = new EgnnDynamics(1, 192, 1).blocks().get(0);
        assertEquals(222_529L, SeededInit.parameterCount(block.gcl()));
        assertEquals(111_552L, SeededInit.parameterCount(block.update()));
    }

    /** Random inputs: sample b has 5 - b real nodes; padded nodes are zero. */
    private NDArray[] inputs(long seed) {
        Random r = new Random(seed);
        float[] z = new float[B * N * (3 + F)];
        float[] nm = new float[B * N];
        float[] em = new float[B * N * N];
        for (int b = 0; b < B; b++) {
            int n = N - b;
            for (int i = 0; i < n; i++) {
                nm[b * N + i] = 1;
                for (int c = 0; c < 3 + F; c++) {
                    z[(b * N + i) * (3 + F) + c] = (float) r.nextGaussian();
                }
                for (int j = 0; j < n; j++) {
                    em[(b * N + i) * N + j] = i == j ? 0 : 1;
                }
            }
        }
        return new NDArray[] {manager.create(z, new Shape(B, N, 3 + F)), manager.create(new float[] {0.1f, 0.5f,
            0.9f}, new Shape(B, 1)), manager.create(nm, new Shape(B, N, 1)), manager.create(em, new Shape(B, N, N, 1))};
    }

    private NDArray eps(NDArray[] in) {
        return net.predict(ps, in[0], in[1], in[2], in[3], false);
    }

    private static float maxAbsDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    public void outputShapeMaskAndCentring() {
        NDArray[] in = inputs(1);
        NDArray out = eps(in);
        assertEquals(new Shape(B, N, 3 + F), out.getShape());
        float[] v = out.toFloatArray();
        float[] nm = in[2].toFloatArray();
        for (int b = 0; b < B; b++) {
            double[] com = new double[3];
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < 3 + F; c++) {
                    float val = v[(b * N + i) * (3 + F) + c];
                    if (nm[b * N + i] == 0) {
                        assertEquals("padded node output must be zero", 0f, val, 0f);
                    }
                    if (c < 3) {
                        com[c] += val;
                    }
                }
            }
            for (double c : com) {
                assertEquals(0, c, 1e-5);
            }
        }
        // x path is active (not trivially zero)
        assertTrue(out.get(":, :, 0:3").abs().max().getFloat() > 1e-3f);
        assertEquals(0, net.nanResets());
    }

    @Test
    public void factorisedEqualsUnfactorised() {
        NDArray[] in = inputs(2);
        NDArray a = eps(in);
        net.setFactorised(false);
        NDArray b = eps(in);
        net.setFactorised(true);
        assertTrue("factorised vs unfactorised: " + maxAbsDiff(a, b), maxAbsDiff(a, b) < 1e-5f);
        assertTrue(new EgnnDynamics(1, 192, 9).forwardFlops(1, 11) < 0.5 * unfactorisedFlops());
    }

    @Test
    public void offDiagonalPairsEqualDensePairs() {
        NDArray[] in = inputs(6);
        NDArray off = eps(in);
        PairLayout.setOffDiagonal(false);
        NDArray dense;
        try {
            dense = eps(in);
        } finally {
            PairLayout.setOffDiagonal(true);
        }
        assertTrue("off-diagonal vs dense pairs: " + maxAbsDiff(off, dense), maxAbsDiff(off, dense) < 1e-5f);
        assertTrue(maxAbsDiff(off, dense.zerosLike()) > 1e-3f);
    }

    private static long unfactorisedFlops() {
        EgnnDynamics d = new EgnnDynamics(1, 192, 9);
        d.setFactorised(false);
        long f = d.forwardFlops(1, 11);
        // spec §11.2: about 0.5 GFLOP per molecule for the reference (unfactorised) forward pass
        assertEquals(0.5e9, f, 0.05e9);
        return f;
    }

    private static double[][] randomRotation(Random r) {
        // random unit quaternion -> rotation matrix, times a reflection half of the time (E(3))
        double q0 = r.nextGaussian(), q1 = r.nextGaussian(), q2 = r.nextGaussian(), q3 = r.nextGaussian();
        double n = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= n; q1 /= n; q2 /= n; q3 /= n;
        double[][] m = {
            {1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2)},
            {2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1)},
            {2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)}};
        return m;
    }

    /** Applies x -> R x + shift to the first 3 channels of real nodes. */
    private NDArray transform(NDArray z, NDArray nodeMask, double[][] rot, double[] shift) {
        float[] v = z.toFloatArray();
        float[] nm = nodeMask.toFloatArray();
        int d = 3 + F;
        for (int k = 0; k < B * N; k++) {
            if (nm[k] == 0) {
                continue;
            }
            double[] p = {v[k * d], v[k * d + 1], v[k * d + 2]};
            for (int a = 0; a < 3; a++) {
                v[k * d + a] = (float) (rot[a][0] * p[0] + rot[a][1] * p[1] + rot[a][2] * p[2] + shift[a]);
            }
        }
        return manager.create(v, z.getShape());
    }

    @Test
    public void rotationTranslationEquivarianceAndReflection() {
        Random r = new Random(5);
        NDArray[] in = inputs(3);
        NDArray out = eps(in);
        for (int trial = 0; trial < 2; trial++) {
            double[][] rot = randomRotation(r);
            if (trial == 1) {
                for (int a = 0; a < 3; a++) {
                    rot[a][0] = -rot[a][0]; // reflection
                }
            }
            double[] shift = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            NDArray z2 = transform(in[0], in[2], rot, shift);
            NDArray out2 = eps(new NDArray[] {z2, in[1], in[2], in[3]});
            NDArray expected = transform(out, in[2], rot, new double[3]);
            float err = maxAbsDiff(out2, expected);
            assertTrue("E(3) equivariance error " + err, err < 1e-4f);
        }
    }

    @Test
    public void permutationEquivariance() {
        NDArray[] in = inputs(4);
        NDArray out = eps(in);
        // permute the 4 real nodes of sample 1 (n = 4) and keep the padded node last
        int[] perm = {2, 0, 3, 1, 4};
        NDArray z2 = permute(in[0], perm, 1);
        NDArray out2 = eps(new NDArray[] {z2, in[1], in[2], in[3]});
        NDArray expected = permute(out, perm, 1);
        float err = maxAbsDiff(out2, expected);
        assertTrue("permutation equivariance error " + err, err < 1e-4f);
    }

    private NDArray permute(NDArray z, int[] perm, int sample) {
        float[] v = z.toFloatArray();
        float[] w = v.clone();
        int d = (int) z.getShape().get(2);
        for (int i = 0; i < N; i++) {
            System.arraycopy(v, (sample * N + perm[i]) * d, w, (sample * N + i) * d, d);
        }
        return manager.create(w, z.getShape());
    }

    @Test
    public void paddingDoesNotChangeRealNodes() {
        GorFeaturizer feat = new GorFeaturizer(List.of(RingType.Bn, RingType.Pd, RingType.Th), 6,
                org.gaudi.core.diffusion.NodeLayout.RINGS);
        GraphOfRings g = new GraphOfRings(new RingType[] {RingType.Bn, RingType.Pd, RingType.Th},
                new double[][] {{0, 0, 0}, {2.45, 0, 0}, {1.2, 2.1, 0.1}}, null);
        GorBatch tight = feat.encode(List.of(g), 3);
        GorBatch padded = feat.encode(List.of(g), 6);
        NDArray t = manager.create(new float[] {0.3f}, new Shape(1, 1));
        NDArray a = net.predict(ps, tight.z(manager), t, tight.nodeMask(manager), tight.edgeMask(manager), false);
        NDArray b = net.predict(ps, padded.z(manager), t, padded.nodeMask(manager), padded.edgeMask(manager), false);
        float err = maxAbsDiff(a, b.get(":, 0:3, :"));
        assertTrue("padding changed real-node outputs by " + err, err < 1e-5f);
        assertEquals(0f, b.get(":, 3:, :").abs().max().getFloat(), 0f);
    }
}
