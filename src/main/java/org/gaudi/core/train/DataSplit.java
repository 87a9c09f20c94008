package org.gaudi.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Which item indices (into the training data list) are used for training, validation and test. Immutable; the
 * arrays handed out are copies.
 *
 * <p>{@link #random} follows the reference scheme (§2.3): the test part is drawn first from all items, the
 * validation part from the rest, counts rounded half-to-even as Python's {@code round} does. The exact reference
 * permutation (numpy/pandas) is not reproduced, only the scheme and the proportions.
 */
public final class DataSplit {
    /** Part names used by {@link #ids} and {@link #fromIds}. */
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

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

    /**
     * The split as item ids per part ("train", "validation", "test"), for model-file metadata and reports.
     *
     * @param items the list the indices refer to
     * @param id the id of an item (e.g. {@code MoleculeRecord::id})
     */
    public <T> Map<String, List<String>> ids(List<T> items, Function<? super T, String> id) {
        if (items.size() != itemCount) {
            throw new IllegalArgumentException("the split is for " + itemCount + " items, but " + items.size()
                    + " were given");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(TRAIN, idsOf(train, items, id));
        m.put(VALIDATION, idsOf(validation, items, id));
        m.put(TEST, idsOf(test, items, id));
        return m;
    }

    /**
     * Rebuilds a split from ids written by {@link #ids} (e.g. to evaluate a stored model on its own test part).
     *
     * @throws IllegalArgumentException naming the first id that is not among the items, or a duplicate item id
     */
    public static <T> DataSplit fromIds(List<T> items, Function<? super T, String> id,
            Map<String, List<String>> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer prev = index.put(id.apply(items.get(i)), i);
            if (prev != null) {
                throw new IllegalArgumentException("item id '" + id.apply(items.get(i)) + "' occurs twice (items "
                        + prev + " and " + i + ")");
            }
        }
        int[][] parts = new int[3][];
        String[] names = {TRAIN, VALIDATION, TEST};
        for (int p = 0; p < 3; p++) {
            List<String> list = ids.getOrDefault(names[p], List.of());
            parts[p] = new int[list.size()];
            for (int k = 0; k < list.size(); k++) {
                Integer i = index.get(list.get(k));
                if (i == null) {
                    throw new IllegalArgumentException(names[p] + " item '" + list.get(k)
                            + "' is not in the data");
                }
                parts[p][k] = i;
            }
        }
        return of(items.size(), parts[0], parts[1], parts[2]);
    }

    private static <T> List<String> idsOf(int[] idx, List<T> items, Function<? super T, String> id) {
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(id.apply(items.get(i)));
        }
        return out;
    }

    /** Number of items the split was made for. */
    public int itemCount() {
        return itemCount;
    }

    public int[] train() {
        return train.clone();
    }

    /**
     * Fails unless the training part (and, when {@code validation} is set, the validation part) holds molecules.
     * The validation part picks the best epoch; without it every validation figure is NaN and the model is simply
     * the last epoch's.
     *
     * @param validationFraction the fraction asked for, for the message
     * @throws IllegalArgumentException naming the sizes and what to change
     */
    public void requireTraining(boolean validation, double validationFraction) {
        if (train.length == 0) {
            throw new IllegalArgumentException("the training part is empty (" + itemCount + " molecules); use more"
                    + " data or smaller validation/test fractions");
        }
        if (validation && this.validation.length == 0) {
            throw new IllegalArgumentException("the validation part is empty (" + itemCount + " molecules,"
                    + " validation fraction " + validationFraction + "); it picks the best epoch, so it needs at"
                    + " least one molecule: use more molecules or a larger validation fraction");
        }
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
