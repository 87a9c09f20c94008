package org.gaudi.core.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Which item indices (into the training data list) are used for training, validation and test. Immutable; the
 * arrays handed out are copies.
 *
 * <p>{@link #random} follows the reference scheme (§2.3): the test part is drawn first from all items, the
 * validation part from the rest, counts rounded half-to-even as Python's {@code round} does. The exact reference
 * permutation (numpy/pandas) is not reproduced, only the scheme and the proportions.
 */
public final class DataSplit {
    private final int itemCount;
    private final int[] train;
    private final int[] validation;
    private final int[] test;

    private DataSplit(int itemCount, int[] train, int[] validation, int[] test) {
        this.itemCount = itemCount;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * A seeded random split of {@code itemCount} items.
     *
     * @param testFraction fraction of all items held out for test, in [0, 1)
     * @param validationFraction fraction of the items left after the test draw used for validation, in [0, 1)
     * @throws IllegalArgumentException if a fraction is out of range or no training item would remain
     */
    public static DataSplit random(int itemCount, double validationFraction, double testFraction, long seed) {
        if (itemCount < 1) {
            throw new IllegalArgumentException("cannot split " + itemCount + " items");
        }
        checkFraction("validation", validationFraction);
        checkFraction("test", testFraction);
        int[] perm = permutation(itemCount, new Random(seed));
        int nTest = (int) Math.rint(testFraction * itemCount);
        int nVal = (int) Math.rint(validationFraction * (itemCount - nTest));
        int nTrain = itemCount - nTest - nVal;
        if (nTrain < 1) {
            throw new IllegalArgumentException("split of " + itemCount + " items with validation fraction "
                    + validationFraction + " and test fraction " + testFraction + " leaves no training item");
        }
        int[] test = sorted(Arrays.copyOfRange(perm, 0, nTest));
        int[] val = sorted(Arrays.copyOfRange(perm, nTest, nTest + nVal));
        int[] tr = sorted(Arrays.copyOfRange(perm, nTest + nVal, itemCount));
        return new DataSplit(itemCount, tr, val, test);
    }

    /**
     * A split given explicitly (e.g. from a split column). The three parts must be disjoint, in range and the
     * training part non-empty; items in no part are simply unused.
     */
    public static DataSplit of(int itemCount, int[] train, int[] validation, int[] test) {
        boolean[] seen = new boolean[itemCount];
        int[][] parts = {train, validation, test};
        String[] names = {"training", "validation", "test"};
        for (int p = 0; p < 3; p++) {
            for (int i : parts[p]) {
                if (i < 0 || i >= itemCount) {
                    throw new IllegalArgumentException(names[p] + " index " + i + " is outside [0, " + itemCount
                            + ")");
                }
                if (seen[i]) {
                    throw new IllegalArgumentException("item " + i + " is listed twice in the split (again in the "
                            + names[p] + " part)");
                }
                seen[i] = true;
            }
        }
        if (train.length == 0) {
            throw new IllegalArgumentException("the split has no training item");
        }
        return new DataSplit(itemCount, train.clone(), validation.clone(), test.clone());
    }

    /** Number of items the split was made for. */
    public int itemCount() {
        return itemCount;
    }

    public int[] train() {
        return train.clone();
    }

    public int[] validation() {
        return validation.clone();
    }

    public int[] test() {
        return test.clone();
    }

    int trainSize() {
        return train.length;
    }

    int validationSize() {
        return validation.length;
    }

    int trainIndex(int k) {
        return train[k];
    }

    int validationIndex(int k) {
        return validation[k];
    }

    /** Fisher-Yates permutation of 0..n-1. */
    static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] sorted(int[] a) {
        Arrays.sort(a);
        return a;
    }

    private static void checkFraction(String name, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException(name + " fraction must be in [0, 1), got " + f);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSplit s && s.itemCount == itemCount && Arrays.equals(s.train, train)
                && Arrays.equals(s.validation, validation) && Arrays.equals(s.test, test);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(train) * 31 + Arrays.hashCode(validation) * 17 + Arrays.hashCode(test) + itemCount;
    }

    @Override
    public String toString() {
        return "DataSplit[" + train.length + " train, " + validation.length + " validation, " + test.length
                + " test of " + itemCount + "]";
    }
}
