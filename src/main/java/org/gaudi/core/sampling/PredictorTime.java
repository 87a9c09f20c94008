package org.gaudi.core.sampling;

/**
 * The network time the property predictor is told when its gradient is taken at the freshly sampled state z_s of a
 * reverse step t → s (GaUDI §7.1 step 3).
 *
 * <p>The default is {@link #S}: z_s is (approximately) a draw from q(z_s | x), i.e. carries the noise level of time
 * s, and the predictor was trained on inputs noised to time t paired with the time input t/T. Telling it t for a
 * state at noise level s asks it about an input noisier than the one it sees. With all T steps the difference is one
 * step in a thousand (harmless, which is why the reference's off-by-one goes unnoticed); with a respaced grid of K
 * steps it is T/K steps, and at the last step (s = 0, a nearly clean z_0) the reference tells the predictor t = 1/T
 * or more. {@link #T} reproduces the reference for comparisons.
 */
public enum PredictorTime {
    /** s/T, the noise level of z_s (default). */
    S,
    /** t/T, the time of the step's input z_t, as the reference code does (an off-by-one). */
    T
}
