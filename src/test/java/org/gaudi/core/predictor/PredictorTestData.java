package org.gaudi.core.predictor;

import java.util.Random;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Random padded predictor inputs for tests: z, node mask, edge mask (fully connected, no self-edges) and t. */
final class PredictorTestData {
    final float[][][] z; // [b][n][3+F]
    final int[] realNodes;
    final float[] t;

    PredictorTestData(long seed, int[] realNodes, int nPad, int featureDim) {
        Random rnd = new Random(seed);
        this.realNodes = realNodes.clone();
        int b = realNodes.length;
        z = new float[b][nPad][3 + featureDim];
        t = new float[b];
        for (int s = 0; s < b; s++) {
            t[s] = rnd.nextFloat();
            for (int i = 0; i < nPad; i++) {
                for (int c = 0; c < 3 + featureDim; c++) {
                    // padded slots get garbage too: the network must ignore it
                    z[s][i][c] = (float) (c < 3 ? rnd.nextGaussian() : rnd.nextGaussian() * 0.3);
                }
            }
        }
    }

    int batch() {
        return z.length;
    }

    int nPad() {
        return z[0].length;
    }

    /** [z, t, nodeMask, edgeMask], the network's input order. */
    NDList toNd(NDManager m) {
        int b = batch();
        int n = nPad();
        int c = z[0][0].length;
        float[] zf = new float[b * n * c];
        float[] nm = new float[b * n];
        float[] em = new float[b * n * n];
        for (int s = 0; s < b; s++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(z[s][i], 0, zf, (s * n + i) * c, c);
                nm[s * n + i] = i < realNodes[s] ? 1f : 0f;
                for (int j = 0; j < n; j++) {
                    em[(s * n + i) * n + j] = i != j && i < realNodes[s] && j < realNodes[s] ? 1f : 0f;
                }
            }
        }
        return new NDList(m.create(zf, new Shape(b, n, c)), m.create(t, new Shape(b, 1)),
                m.create(nm, new Shape(b, n, 1)), m.create(em, new Shape(b, n, n, 1)));
    }

    /** Applies x ← R·x + shift to every real node (an orthogonal R, possibly a reflection). */
    PredictorTestData transformed(double[][] rot, double[] shift) {
        PredictorTestData d = copy();
        for (int s = 0; s < batch(); s++) {
            for (int i = 0; i < realNodes[s]; i++) {
                float[] p = z[s][i];
                for (int k = 0; k < 3; k++) {
                    d.z[s][i][k] = (float) (rot[k][0] * p[0] + rot[k][1] * p[1] + rot[k][2] * p[2] + shift[k]);
                }
            }
        }
        return d;
    }

    /** Reorders the real nodes of every sample by perm (perm[new] = old; must fix padded slots). */
    PredictorTestData permuted(int[][] perm) {
        PredictorTestData d = copy();
        for (int s = 0; s < batch(); s++) {
            for (int i = 0; i < nPad(); i++) {
                d.z[s][i] = z[s][perm[s][i]].clone();
            }
        }
        return d;
    }

    /** Appends extra padded slots filled with garbage. */
    PredictorTestData withExtraPadding(int extra, long seed) {
        Random rnd = new Random(seed);
        PredictorTestData d = new PredictorTestData(0, realNodes, nPad() + extra, z[0][0].length - 3);
        for (int s = 0; s < batch(); s++) {
            d.t[s] = t[s];
            for (int i = 0; i < d.nPad(); i++) {
                for (int c = 0; c < z[0][0].length; c++) {
                    d.z[s][i][c] = i < nPad() ? z[s][i][c] : (float) rnd.nextGaussian();
                }
            }
        }
        return d;
    }

    private PredictorTestData copy() {
        PredictorTestData d = new PredictorTestData(0, realNodes, nPad(), z[0][0].length - 3);
        for (int s = 0; s < batch(); s++) {
            d.t[s] = t[s];
            for (int i = 0; i < nPad(); i++) {
                d.z[s][i] = z[s][i].clone();
            }
        }
        return d;
    }

    /** A random orthogonal 3×3 matrix (Gram–Schmidt of a Gaussian matrix), a reflection when reflect is set. */
    static double[][] randomOrthogonal(long seed, boolean reflect) {
        Random rnd = new Random(seed);
        double[][] q = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 3; c++) {
                q[k][c] = rnd.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = q[k][0] * q[j][0] + q[k][1] * q[j][1] + q[k][2] * q[j][2];
                for (int c = 0; c < 3; c++) {
                    q[k][c] -= dot * q[j][c];
                }
            }
            double norm = Math.sqrt(q[k][0] * q[k][0] + q[k][1] * q[k][1] + q[k][2] * q[k][2]);
            for (int c = 0; c < 3; c++) {
                q[k][c] /= norm;
            }
        }
        if (reflect) {
            for (int c = 0; c < 3; c++) {
                q[2][c] = -q[2][c];
            }
        }
        return q;
    }
}
