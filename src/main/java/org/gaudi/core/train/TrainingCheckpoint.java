package org.gaudi.core.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything needed to continue a {@link Trainer} run exactly where it stopped (at an epoch boundary): current
 * weights, optimiser moments, clipping queue, EMA shadows, the best weights so far, the split and the per-epoch
 * history. Serialises to bytes ({@link #toBytes()}), which {@code ModelArchive} stores as {@code optimizer.bin}.
 * Immutable.
 */
public final class TrainingCheckpoint {
    private static final int MAGIC = 0x47434b50; // "GCKP"
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The scalar part, stored as JSON. */
    record Info(int version, long seed, int batchSize, int epochsCompleted, long globalStep, int bestEpoch,
            double bestValidationLoss, int itemCount, int[] train, int[] validation, int[] test,
            double[] clipHistory, List<EpochStats> history) {
    }

    private final Info info;
    private final ParameterSnapshot parameters;
    private final byte[] optimizerState;
    private final ParameterSnapshot ema;
    private final ParameterSnapshot best;

    TrainingCheckpoint(Info info, ParameterSnapshot parameters, byte[] optimizerState, ParameterSnapshot ema,
            ParameterSnapshot best) {
        this.info = info;
        this.parameters = parameters;
        this.optimizerState = optimizerState;
        this.ema = ema;
        this.best = best;
    }

    /** Epochs finished when the checkpoint was taken; a resume starts with this epoch index. */
    public int epochsCompleted() {
        return info.epochsCompleted();
    }

    /** Optimiser steps taken so far. */
    public long globalStep() {
        return info.globalStep();
    }

    /** Seed of the run (a resume must use the same). */
    public long seed() {
        return info.seed();
    }

    /** Epoch of the best weights so far, or -1 if none yet. */
    public int bestEpoch() {
        return info.bestEpoch();
    }

    /** Lowest validation loss so far (NaN if none). */
    public double bestValidationLoss() {
        return info.bestValidationLoss();
    }

    /** The split of the run. */
    public DataSplit split() {
        return DataSplit.of(info.itemCount(), info.train(), info.validation(), info.test());
    }

    /** Per-epoch figures so far. */
    public List<EpochStats> history() {
        return List.copyOf(info.history());
    }

    /** Weights at the end of the last completed epoch (not the best ones). */
    public ParameterSnapshot parameters() {
        return parameters;
    }

    /** Best weights so far, or null if no validation has run (or there is no validation set). */
    public ParameterSnapshot bestParameters() {
        return best;
    }

    Info info() {
        return info;
    }

    byte[] optimizerState() {
        return optimizerState;
    }

    ParameterSnapshot ema() {
        return ema;
    }

    /** Serialises the checkpoint. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bos)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                byte[] json = JSON.writeValueAsBytes(info);
                out.writeInt(json.length);
                out.write(json);
                parameters.write(out);
                out.writeInt(optimizerState.length);
                out.write(optimizerState);
                out.writeBoolean(ema != null);
                if (ema != null) {
                    ema.write(out);
                }
                out.writeBoolean(best != null);
                if (best != null) {
                    best.write(out);
                }
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise training checkpoint", e);
        }
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IOException naming the problem if the bytes are not a checkpoint, truncated or from a newer version
     */
    public static TrainingCheckpoint fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a training checkpoint (bad magic number)");
            }
            int version = in.readInt();
            if (version > VERSION || version < 1) {
                throw new IOException("training checkpoint version " + version + " is not supported (this version"
                        + " reads up to " + VERSION + ")");
            }
            int jsonLength = in.readInt();
            if (jsonLength < 0 || jsonLength > bytes.length) {
                throw new IOException("damaged training checkpoint (header length " + jsonLength + ")");
            }
            byte[] json = new byte[jsonLength];
            in.readFully(json);
            Info info = JSON.readValue(json, Info.class);
            ParameterSnapshot params = ParameterSnapshot.read(in);
            int optLength = in.readInt();
            if (optLength < 0 || optLength > bytes.length) {
                throw new IOException("damaged training checkpoint (optimiser state length " + optLength + ")");
            }
            byte[] opt = new byte[optLength];
            in.readFully(opt);
            ParameterSnapshot ema = in.readBoolean() ? ParameterSnapshot.read(in) : null;
            ParameterSnapshot best = in.readBoolean() ? ParameterSnapshot.read(in) : null;
            if (in.read() != -1) {
                throw new IOException("damaged training checkpoint (unexpected data after the end)");
            }
            return new TrainingCheckpoint(info, params, opt, ema, best);
        } catch (EOFException e) {
            throw new IOException("training checkpoint is truncated", e);
        }
    }
}
