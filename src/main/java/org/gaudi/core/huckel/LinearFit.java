package org.gaudi.core.huckel;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Least-squares line y ≈ intercept + slope·x with its Pearson r and the mean absolute error of the fitted line. */
public final class LinearFit {
    private final double intercept;
    private final double slope;
    private final double pearsonR;
    private final double mae;
    private final long n;

    private LinearFit(double intercept, double slope, double pearsonR, double mae, long n) {
        this.intercept = intercept;
        this.slope = slope;
        this.pearsonR = pearsonR;
        this.mae = mae;
        this.n = n;
    }

    /**
     * Fits y on x.
     *
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 3 points, contain non-finite
     *                                  values, or x is constant
     */
    public static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
        if (x.length < 3) {
            throw new IllegalArgumentException("need at least 3 points for a linear fit, got " + x.length);
        }
        SimpleRegression reg = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("non-finite value at point " + i);
            }
            reg.addData(x[i], y[i]);
        }
        double slope = reg.getSlope();
        double intercept = reg.getIntercept();
        double r = reg.getR();
        if (!Double.isFinite(slope) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("x is constant; no line can be fitted");
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(y[i] - (intercept + slope * x[i]));
        }
        return new LinearFit(intercept, slope, r, sum / x.length, x.length);
    }

    public double intercept() {
        return intercept;
    }

    public double slope() {
        return slope;
    }

    /** Pearson correlation of x and y (the signed square root of R²). */
    public double pearsonR() {
        return pearsonR;
    }

    /** Mean absolute residual of the fitted line, in y units. */
    public double meanAbsoluteError() {
        return mae;
    }

    public long count() {
        return n;
    }

    public double predict(double x) {
        return intercept + slope * x;
    }

    @Override
    public String toString() {
        return String.format("y = %.5f + %.5f x (r = %.4f, MAE = %.4f, n = %d)", intercept, slope, pearsonR, mae, n);
    }
}
