package org.gaudi.core.objective;

/**
 * How the batched (differentiable) evaluation keeps every value finite. A <em>guard</em> replaces an argument
 * outside a function's domain by the nearest safe value before the function is applied; its gradient with respect
 * to the replaced argument is then 0 (the sample gets no push from that term), and the sample is counted as
 * clamped in the {@link DomainReport}. Inside the safe domain the batched value equals the exact value.
 *
 * <ul>
 * <li>{@code log(u)}: u &lt; {@value #FLOOR} is replaced by {@value #FLOOR} (so log ≥ −13.8).</li>
 * <li>{@code sqrt(u)}: u &lt; {@value #FLOOR} is replaced by {@value #FLOOR}; this also keeps the gradient
 * 1/(2√u) ≤ 500 finite near 0. sqrt(0) is therefore 0.001 in the batched path (exactly 0 in the double path).</li>
 * <li>{@code a / d} with a non-constant d: |d| &lt; {@value #FLOOR} is replaced by ±{@value #FLOOR} keeping the
 * sign (0 counts as positive).</li>
 * <li>{@code x ^ c} with a constant integer c ≥ 0: no guard. Constant integer c &lt; 0: x is guarded like a
 * denominator. Constant non-integer c, or a non-constant exponent: x &lt; {@value #FLOOR} is replaced by
 * {@value #FLOOR} (real powers need a positive base).</li>
 * <li>{@code exp(u)}: u &gt; {@value #EXP_ARGUMENT_MAX} is replaced by {@value #EXP_ARGUMENT_MAX} (e^80 ≈ 5.5e34,
 * safely inside float32).</li>
 * <li>{@code abs} at exactly 0 has gradient 0; {@code min}/{@code max} ties split the gradient equally (PyTorch's
 * convention). Neither needs a guard.</li>
 * </ul>
 *
 * NaN arguments are never replaced (every guard tests "is outside", which is false for NaN), so NaN inputs propagate
 * and are counted as non-finite rather than hidden. Values that still overflow (e.g. a huge polynomial) are counted
 * as non-finite too.
 */
public final class DomainPolicy {
    /** Smallest argument magnitude admitted by log, sqrt, division and real powers in the batched path. */
    public static final double FLOOR = 1e-6;
    /** Largest argument admitted by exp in the batched path. */
    public static final double EXP_ARGUMENT_MAX = 80.0;

    private DomainPolicy() {
    }

    /** @return whether a constant exponent is an integer that {@code pow} handles for any real base */
    static boolean isIntegerExponent(double c) {
        return c == Math.rint(c) && Math.abs(c) <= 1 << 30;
    }
}
