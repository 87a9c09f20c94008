package org.gaudi.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;

/**
 * AdamW with AMSGrad, the update of PyTorch's {@code torch.optim.AdamW(amsgrad=True)}, which the reference trains
 * with (§5.5, §6.2); DJL's own Adam/AdamW have no AMSGrad. Per parameter and step t:
 *
 * <pre>
 *   p     ← p · (1 − lr·wd)                      (decoupled weight decay, before the moments)
 *   m     ← β1·m + (1 − β1)·g
 *   v     ← β2·v + (1 − β2)·g²
 *   v̂max  ← max(v̂max, v)                         (of the raw, uncorrected v)
 *   denom ← √v̂max / √(1 − β2^t) + ε
 *   p     ← p − lr/(1 − β1^t) · m / denom
 * </pre>
 *
 * <p>It is a DJL {@link Optimizer}, so it also works inside DJL's own {@code Trainer}; GaUDI's {@link Trainer} calls
 * {@link #update} directly with stable parameter names (the keys of {@code Block.getParameters()}), which is what
 * makes {@link #saveState}/{@link #loadState} usable for resume (DJL's parameter ids are random per session).
 * The base-class options {@code setRescaleGrad} and {@code optClipGrad} (element-wise clip) are honoured;
 * {@code optWeightDecays} sets the decoupled weight decay.
 *
 * <p>State (m, v, v̂max) lives on the parameter's device in a manager owned by this optimiser: close the optimiser
 * when training ends. Each update frees its temporaries (no per-step growth). Updates must run with gradient
 * recording off ({@link GradMode#disabled()}). Not thread-safe.
 */
public final class AmsGradAdamW extends Optimizer implements AutoCloseable {
    private static final int STATE_MAGIC = 0x47414d53; // "GAMS"
    private static final int STATE_VERSION = 1;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final Map<String, State> states = new LinkedHashMap<>();
    private NDManager stateManager;
    private double learningRateFactor = 1;

    private static final class State {
        long step;
        NDArray m;
        NDArray v;
        NDArray vMax;
    }

    private AmsGradAdamW(Builder b) {
        super(b);
        this.learningRate = b.learningRate;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.weightDecay = b.weightDecay;
    }

    /** A builder with PyTorch's defaults except weight decay: lr 1e-3, betas (0.9, 0.999), eps 1e-8, wd 1e-12. */
    public static Builder builder() {
        return new Builder();
    }

    public double learningRate() {
        return learningRate;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Scales the learning rate of the following updates (a schedule's factor for the current step); the decoupled
     * weight decay uses the scaled rate, as PyTorch's schedulers do.
     */
    public void setLearningRateFactor(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("learning-rate factor must be positive and finite, got " + factor);
        }
        this.learningRateFactor = factor;
    }

    /** Number of updates applied so far to the named parameter (0 if never). */
    public long stepCount(String parameterName) {
        State s = states.get(parameterName);
        return s == null ? 0 : s.step;
    }

    /**
     * Applies one AMSGrad-AdamW step to {@code weight} in place.
     *
     * @param parameterName stable key of the parameter (its optimiser state is kept under this name)
     * @param weight the parameter array (updated in place)
     * @param grad its gradient (not modified)
     */
    @Override
    public void update(String parameterName, NDArray weight, NDArray grad) {
        State s = states.get(parameterName);
        if (s == null) {
            s = newState(weight);
            states.put(parameterName, s);
        }
        s.step++;
        double bc1 = 1 - Math.pow(beta1, s.step);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, s.step));
        double lr = learningRate * learningRateFactor;
        double stepSize = lr / bc1;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = grad;
            if (rescaleGrad != 1f) {
                g = g.mul(rescaleGrad);
            }
            if (clipGrad > 0) {
                g = g.clip(-clipGrad, clipGrad);
            }
            float decay = (float) (1 - lr * weightDecay);
            if (decay != 1f) { // the reference's 1e-3 * 1e-12 rounds to exactly 1 in float32: skip the no-op pass
                weight.muli(decay);
            }
            s.m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            s.v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            NDArray newMax = s.vMax.maximum(s.v);
            NDScope.unregister(newMax);
            s.vMax.close();
            s.vMax = newMax;
            NDArray denom = s.vMax.sqrt().divi((float) bc2Sqrt).addi((float) epsilon);
            weight.subi(s.m.div(denom).muli((float) stepSize));
        }
    }

    private State newState(NDArray weight) {
        if (stateManager == null) {
            stateManager = weight.getManager().newSubManager(weight.getDevice());
        }
        State s = new State();
        s.m = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        s.v = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        s.vMax = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        return s;
    }

    /** Writes the per-parameter step counts and moments (m, v, v̂max) for resume. */
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(STATE_MAGIC);
        out.writeInt(STATE_VERSION);
        out.writeInt(states.size());
        for (Map.Entry<String, State> e : states.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().step);
            writeArray(out, e.getValue().m);
            writeArray(out, e.getValue().v);
            writeArray(out, e.getValue().vMax);
        }
    }

    /**
     * Replaces the state with one written by {@link #saveState}. The arrays are created on {@code manager}'s device
     * in a child manager owned by this optimiser.
     *
     * @throws IOException if the data is not optimiser state or is damaged
     */
    public void loadState(DataInputStream in, NDManager manager) throws IOException {
        if (in.readInt() != STATE_MAGIC) {
            throw new IOException("not AMSGrad-AdamW optimiser state (bad magic number)");
        }
        int version = in.readInt();
        if (version != STATE_VERSION) {
            throw new IOException("optimiser state version " + version + " is not supported (expected "
                    + STATE_VERSION + ")");
        }
        NDManager fresh = manager.newSubManager();
        Map<String, State> loaded = new LinkedHashMap<>();
        try {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative parameter count in optimiser state");
            }
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                State s = new State();
                s.step = in.readLong();
                s.m = readArray(in, fresh);
                s.v = readArray(in, fresh);
                s.vMax = readArray(in, fresh);
                loaded.put(name, s);
            }
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        close();
        stateManager = fresh;
        states.putAll(loaded);
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        byte[] b = a.encode();
        out.writeInt(b.length);
        out.write(b);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > Integer.MAX_VALUE - 16) {
            throw new IOException("damaged optimiser state (array length " + len + ")");
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return manager.decode(b);
    }

    /** Frees the optimiser state; a later update starts from zero moments. */
    @Override
    public void close() {
        states.clear();
        if (stateManager != null) {
            stateManager.close();
            stateManager = null;
        }
    }

    /** Builder; every setter validates its argument. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double weightDecay = 1e-12;

        private Builder() {
        }

        public Builder learningRate(double lr) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        public Builder betas(double b1, double b2) {
            if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) {
                throw new IllegalArgumentException("betas must be in [0, 1), got (" + b1 + ", " + b2 + ")");
            }
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        public Builder epsilon(double eps) {
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("epsilon must be positive and finite, got " + eps);
            }
            this.epsilon = eps;
            return this;
        }

        public Builder weightDecay(double wd) {
            if (!(wd >= 0) || Double.isInfinite(wd)) {
                throw new IllegalArgumentException("weight decay must be >= 0 and finite, got " + wd);
            }
            this.weightDecay = wd;
            return this;
        }

        @Override
        public Builder optWeightDecays(float wd) {
            weightDecay(wd);
            return super.optWeightDecays(wd);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public AmsGradAdamW build() {
            return new AmsGradAdamW(this);
        }
    }
}
