package org.gaudi.core.chem;

import java.util.Arrays;

/**
 * Bond orders and formal charges from connectivity alone: a port of the semantics of Jensen's xyz2mol
 * ({@code AC2BO} + {@code BO2mol}, Kim &amp; Kim 2015) as GaUDI uses it (GaUDI method §4.4), with charged fragments
 * allowed.
 * <ol>
 * <li>Each atom keeps the allowed valences ≥ its degree (H 1; B 3,4; C 4; N 3,4; O 2,1,3; S 6,3,2); an atom with
 * none left fails ({@link Outcome#NO_ALLOWED_VALENCE}, where xyz2mol calls {@code sys.exit}).</li>
 * <li>The Cartesian product of candidate valences is walked with the last atom varying fastest. For each choice,
 * unsaturated atoms are paired by a maximum-cardinality matching over their bonds and matched bonds are raised by
 * one, repeatedly, until the deficits stop changing. The first bond-order matrix that passes {@code BO_is_OK}
 * (no atom above its valence, all deficits filled, total charge equal to the target) is returned; otherwise the
 * neutral, not-over-valent matrix with the largest bond-order sum seen.</li>
 * <li>Formal charges follow xyz2mol's {@code set_atomic_charges}, carbon special cases included.</li>
 * </ol>
 * Equal-size matchings may differ from networkx's choice, which can change the outcome in rare ties.
 */
public final class BondOrderAssigner {
    /** Walking more valence combinations than this is abandoned ({@link Outcome#TOO_MANY_COMBINATIONS}). */
    public static final int MAX_COMBINATIONS = 1 << 16;

    /** How the assignment ended. */
    public enum Outcome {
        /** A bond-order matrix passing xyz2mol's {@code BO_is_OK} was found. */
        ASSIGNED,
        /** None passed; the best neutral, not over-valent matrix (possibly the plain connectivity) is returned. */
        BEST_EFFORT,
        /** An atom has more neighbours than any of its allowed valences. */
        NO_ALLOWED_VALENCE,
        /** More than {@link #MAX_COMBINATIONS} valence combinations would have to be tried. */
        TOO_MANY_COMBINATIONS
    }

    /** Result of {@link #assign}. Arrays are owned by the result; do not modify. */
    public static final class Result {
        private final Outcome outcome;
        private final int[][] bondOrder;
        private final int[] formalCharge;
        private final int failedAtom;

        Result(Outcome outcome, int[][] bondOrder, int[] formalCharge, int failedAtom) {
            this.outcome = outcome;
            this.bondOrder = bondOrder;
            this.formalCharge = formalCharge;
            this.failedAtom = failedAtom;
        }

        public Outcome outcome() {
            return outcome;
        }

        /** Symmetric bond-order matrix (0 = no bond); null for {@link Outcome#NO_ALLOWED_VALENCE}/TOO_MANY. */
        public int[][] bondOrder() {
            return bondOrder;
        }

        /** Formal charge per atom as xyz2mol sets it; null when no bond orders were produced. */
        public int[] formalCharge() {
            return formalCharge;
        }

        /** Sum of the formal charges (0 when none were produced). */
        public int totalCharge() {
            int q = 0;
            if (formalCharge != null) {
                for (int c : formalCharge) {
                    q += c;
                }
            }
            return q;
        }

        /** Index of the first atom carrying a formal charge, or -1. */
        public int firstChargedAtom() {
            if (formalCharge != null) {
                for (int i = 0; i < formalCharge.length; i++) {
                    if (formalCharge[i] != 0) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** The atom with no allowed valence ({@link Outcome#NO_ALLOWED_VALENCE}), else -1. */
        public int failedAtom() {
            return failedAtom;
        }
    }

    private BondOrderAssigner() {
    }

    /** xyz2mol's allowed valences, in its order of preference; null if the element is not supported. */
    static int[] allowedValences(int z) {
        switch (z) {
        case 1: return new int[] {1};
        case 5: return new int[] {3, 4};
        case 6: return new int[] {4};
        case 7: return new int[] {3, 4};
        case 8: return new int[] {2, 1, 3};
        case 9: case 17: case 35: case 53: return new int[] {1};
        case 14: return new int[] {4};
        case 15: return new int[] {5, 3};
        case 16: return new int[] {6, 3, 2};
        default: return null;
        }
    }

    static int valenceElectrons(int z) {
        switch (z) {
        case 1: return 1;
        case 5: return 3;
        case 6: case 14: return 4;
        case 7: case 15: return 5;
        case 8: case 16: return 6;
        case 9: case 17: case 35: case 53: return 7;
        default: throw new IllegalArgumentException("unsupported element Z=" + z);
        }
    }

    /** xyz2mol's {@code get_atomic_charge}. */
    static int atomicCharge(int z, int boValence) {
        if (z == 1) {
            return 1 - boValence;
        }
        if (z == 5) {
            return 3 - boValence;
        }
        if ((z == 15 && boValence == 5) || (z == 16 && boValence == 6)) {
            return 0;
        }
        return valenceElectrons(z) - 8 + boValence;
    }

    /**
     * Assigns bond orders to a connectivity.
     *
     * @param atomicNumbers element of each atom (H, B, C, N, O, S and halogens, Si, P)
     * @param neighbours    adjacency lists (each bond at both ends, no duplicates, no self-bonds)
     * @param charge        total molecular charge (GaUDI: 0)
     * @throws IllegalArgumentException for an unsupported element
     */
    public static Result assign(int[] atomicNumbers, int[][] neighbours, int charge) {
        int n = atomicNumbers.length;
        int[][] ac = new int[n][n];
        int[] degree = new int[n];
        int[][] options = new int[n][];
        for (int i = 0; i < n; i++) {
            for (int j : neighbours[i]) {
                ac[i][j] = 1;
            }
            degree[i] = neighbours[i].length;
            int[] allowed = allowedValences(atomicNumbers[i]);
            if (allowed == null) {
                throw new IllegalArgumentException("atom " + i + ": element Z=" + atomicNumbers[i]
                        + " not supported by the bond-order assignment");
            }
            final int d = degree[i];
            options[i] = Arrays.stream(allowed).filter(v -> v >= d).toArray();
            if (options[i].length == 0) {
                return new Result(Outcome.NO_ALLOWED_VALENCE, null, null, i);
            }
        }
        long combos = 1;
        for (int[] o : options) {
            combos *= o.length;
            if (combos > MAX_COMBINATIONS) {
                return walk(atomicNumbers, ac, degree, options, charge, true);
            }
        }
        return walk(atomicNumbers, ac, degree, options, charge, false);
    }

    private static Result walk(int[] z, int[][] ac, int[] degree, int[][] options, int charge, boolean capped) {
        int n = z.length;
        int[] idx = new int[n];
        int[] val = new int[n];
        int[][] best = copy(ac);
        int bestSum = sum(ac);
        int tried = 0;
        while (true) {
            if (capped && tried++ >= MAX_COMBINATIONS) {
                return new Result(Outcome.TOO_MANY_COMBINATIONS, null, null, -1);
            }
            for (int i = 0; i < n; i++) {
                val[i] = options[i][idx[i]];
            }
            int[] duFromAc = deficits(val, degree);
            int[][] bo = raiseBondOrders(ac, val, degree);
            if (boIsOk(z, bo, ac, val, duFromAc, charge)) {
                return new Result(Outcome.ASSIGNED, bo, formalCharges(z, bo, charge), -1);
            }
            int s = sum(bo);
            if (s >= bestSum && notTooLarge(bo, val) && chargeIsOk(z, bo, charge)) {
                best = bo;
                bestSum = s;
            }
            // next combination, last atom fastest (itertools.product order)
            int k = n - 1;
            while (k >= 0 && idx[k] == options[k].length - 1) {
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                break;
            }
            idx[k]++;
        }
        return new Result(Outcome.BEST_EFFORT, best, formalCharges(z, best, charge), -1);
    }

    /** Deficits (valence − current) of the unsaturated atoms, in atom order (xyz2mol's DU list). */
    private static int[] deficits(int[] val, int[] current) {
        int c = 0;
        for (int i = 0; i < val.length; i++) {
            if (val[i] - current[i] > 0) {
                c++;
            }
        }
        int[] du = new int[c];
        c = 0;
        for (int i = 0; i < val.length; i++) {
            if (val[i] - current[i] > 0) {
                du[c++] = val[i] - current[i];
            }
        }
        return du;
    }

    /** xyz2mol's {@code get_BO}: raise matched bonds between unsaturated atoms until the deficits settle. */
    private static int[][] raiseBondOrders(int[][] ac, int[] val, int[] degree) {
        int n = val.length;
        int[][] bo = copy(ac);
        int[] boValence = degree.clone();
        int[] du = deficits(val, boValence);
        if (du.length == 0) {
            return bo;
        }
        int[] mate = matchUnsaturated(ac, val, boValence);
        int[] duSave = null;
        while (!Arrays.equals(du, duSave)) {
            for (int i = 0; i < n; i++) {
                if (mate[i] > i) {
                    bo[i][mate[i]]++;
                    bo[mate[i]][i]++;
                    boValence[i]++;
                    boValence[mate[i]]++;
                }
            }
            duSave = du;
            du = deficits(val, boValence);
            mate = matchUnsaturated(ac, val, boValence);
        }
        return bo;
    }

    /** Maximum matching over the connectivity bonds joining unsaturated atoms; mate array over all atoms. */
    private static int[] matchUnsaturated(int[][] ac, int[] val, int[] boValence) {
        int n = val.length;
        int[] local = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            local[i] = val[i] - boValence[i] > 0 ? m++ : -1;
        }
        int[] mate = new int[n];
        Arrays.fill(mate, -1);
        if (m < 2) {
            return mate;
        }
        int[] global = new int[m];
        int[][] adj = new int[m][];
        int[] buf = new int[n];
        for (int i = 0; i < n; i++) {
            if (local[i] < 0) {
                continue;
            }
            global[local[i]] = i;
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && local[j] >= 0 && ac[i][j] == 1) {
                    buf[c++] = local[j];
                }
            }
            adj[local[i]] = Arrays.copyOf(buf, c);
        }
        int[] localMate = MaximumMatching.of(adj);
        for (int a = 0; a < m; a++) {
            if (localMate[a] >= 0) {
                mate[global[a]] = global[localMate[a]];
            }
        }
        return mate;
    }

    private static boolean boIsOk(int[] z, int[][] bo, int[][] ac, int[] val, int[] duFromAc, int charge) {
        if (!notTooLarge(bo, val)) {
            return false;
        }
        int raised = sum(bo) - sum(ac);
        int du = 0;
        for (int d : duFromAc) {
            du += d;
        }
        return raised == du && chargeIsOk(z, bo, charge);
    }

    private static boolean notTooLarge(int[][] bo, int[] val) {
        for (int i = 0; i < bo.length; i++) {
            if (rowSum(bo[i]) > val[i]) {
                return false;
            }
        }
        return true;
    }

    /** xyz2mol's {@code charge_is_OK} with charged fragments allowed. */
    private static boolean chargeIsOk(int[] z, int[][] bo, int charge) {
        int q = 0;
        for (int i = 0; i < z.length; i++) {
            int v = rowSum(bo[i]);
            q += atomicCharge(z[i], v);
            if (z[i] == 6) {
                int singles = countSingles(bo[i]);
                if (singles == 2 && v == 2) {
                    q += 1;
                }
                if (singles == 3 && q + 1 < charge) {
                    q += 2;
                }
            }
        }
        return q == charge;
    }

    /** xyz2mol's {@code set_atomic_charges}. */
    static int[] formalCharges(int[] z, int[][] bo, int charge) {
        int[] fc = new int[z.length];
        int q = 0;
        for (int i = 0; i < z.length; i++) {
            int v = rowSum(bo[i]);
            int c = atomicCharge(z[i], v);
            q += c;
            if (z[i] == 6) {
                int singles = countSingles(bo[i]);
                if (singles == 2 && v == 2) {
                    q += 1;
                    c = 0;
                }
                if (singles == 3 && q + 1 < charge) {
                    q += 2;
                    c = 1;
                }
            }
            fc[i] = c;
        }
        return fc;
    }

    private static int countSingles(int[] row) {
        int c = 0;
        for (int b : row) {
            if (b == 1) {
                c++;
            }
        }
        return c;
    }

    private static int rowSum(int[] row) {
        int s = 0;
        for (int b : row) {
            s += b;
        }
        return s;
    }

    private static int sum(int[][] m) {
        int s = 0;
        for (int[] row : m) {
            s += rowSum(row);
        }
        return s;
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
