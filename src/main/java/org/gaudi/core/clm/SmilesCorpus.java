package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.train.TrainingCancelledException;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * The training text of a chemical language model: every input molecule as CDK's canonical SMILES (aromatic symbols,
 * no stereo, as {@link MoleculeIdentity}), optionally with randomised SMILES of the same molecule (the atoms
 * renumbered at random before writing, Bjerrum 2017; Arús-Pous et al. 2019), tokenized with {@link SmilesTokenizer}.
 * Molecules that do not parse, contain characters outside the token expression, contain tokens outside a given
 * vocabulary or are too long for the context are rejected, each counted by reason and listed, never dropped
 * silently; unknown characters are also counted by character.
 */
public final class SmilesCorpus {
    /** A molecule to learn from: an id (for messages and splits) and its SMILES as given. */
    public record Source(String id, String smiles) {
    }

    /**
     * One kept molecule.
     *
     * @param id        the source id
     * @param canonical CDK canonical SMILES
     * @param inchiKey  standard InChIKey (for novelty)
     * @param variants  token lists: the canonical SMILES first, then the randomised ones
     */
    public record Entry(String id, String canonical, String inchiKey, List<List<String>> variants) {
    }

    /** Why a molecule was left out. */
    public enum Rejection {
        UNPARSEABLE, UNKNOWN_TOKEN, NOT_IN_VOCABULARY, TOO_LONG
    }

    private final List<Entry> entries;
    private final SmilesVocabulary vocabulary;
    private final Map<Rejection, Integer> rejectionCounts;
    private final List<String> rejections;
    private final Map<String, Integer> unknownCharacters;
    private final int randomisedPerMolecule;

    private SmilesCorpus(List<Entry> entries, SmilesVocabulary vocabulary, Map<Rejection, Integer> counts,
            List<String> rejections, Map<String, Integer> unknown, int randomised) {
        this.entries = List.copyOf(entries);
        this.vocabulary = vocabulary;
        this.rejectionCounts = Collections.unmodifiableMap(counts);
        this.rejections = List.copyOf(rejections);
        this.unknownCharacters = Collections.unmodifiableMap(unknown);
        this.randomisedPerMolecule = randomised;
    }

    /**
     * Builds the corpus.
     *
     * @param randomised randomised SMILES per molecule besides the canonical one (0 = canonical only)
     * @param seed       seed of the randomisation
     * @param maxTokens  the longest token list kept (the model's context minus begin and end tokens)
     * @param fixed      the vocabulary to use (e.g. of a model being continued), or null to build one from the data
     * @param cancelled  checked every 64 molecules
     * @throws IllegalArgumentException when no molecule is left
     * @throws TrainingCancelledException when cancelled
     */
    public static SmilesCorpus build(List<Source> sources, int randomised, long seed, int maxTokens,
            SmilesVocabulary fixed, BooleanSupplier cancelled) {
        if (randomised < 0) {
            throw new IllegalArgumentException("randomised SMILES per molecule must be >= 0, got " + randomised);
        }
        List<Entry> kept = new ArrayList<>();
        Map<Rejection, Integer> counts = new TreeMap<>();
        List<String> rejected = new ArrayList<>();
        Map<String, Integer> unknown = new TreeMap<>();
        Random random = new Random(seed);
        SmilesGenerator generic = new SmilesGenerator(SmiFlavor.UseAromaticSymbols);
        int n = 0;
        for (Source s : sources) {
            if (n++ % 64 == 0 && cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(0);
            }
            SmilesTokenizer.Tokens given = SmilesTokenizer.tokenize(s.smiles().trim());
            if (!given.complete()) {
                for (String u : given.unknown()) {
                    unknown.merge(u.substring(0, 3), 1, Integer::sum);
                }
                reject(counts, rejected, Rejection.UNKNOWN_TOKEN, s, "characters outside the SMILES token expression: "
                        + given.unknown());
                continue;
            }
            MoleculeIdentity identity;
            IAtomContainer molecule;
            try {
                identity = MoleculeIdentity.ofSmiles(s.smiles().trim());
                molecule = MoleculeIdentity.parseSmiles(identity.smiles());
            } catch (CDKException | RuntimeException e) {
                reject(counts, rejected, Rejection.UNPARSEABLE, s, String.valueOf(e.getMessage()));
                continue;
            }
            List<List<String>> variants = new ArrayList<>();
            variants.add(SmilesTokenizer.tokenize(identity.smiles()).tokens());
            try {
                for (int k = 0; k < randomised; k++) {
                    variants.add(SmilesTokenizer.tokenize(generic.create(shuffled(molecule, random))).tokens());
                }
            } catch (CDKException e) {
                reject(counts, rejected, Rejection.UNPARSEABLE, s, "no randomised SMILES: " + e.getMessage());
                continue;
            }
            String problem = check(variants, maxTokens, fixed);
            if (problem != null) {
                reject(counts, rejected, problem.startsWith("token") ? Rejection.NOT_IN_VOCABULARY
                        : Rejection.TOO_LONG, s, problem);
                continue;
            }
            kept.add(new Entry(s.id(), identity.smiles(), identity.inchiKey(), variants));
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no molecule is usable for the language model (" + counts
                    + (rejected.isEmpty() ? "" : ", e.g. " + rejected.get(0)) + ")");
        }
        SmilesVocabulary vocabulary = fixed;
        if (vocabulary == null) {
            Set<String> tokens = new LinkedHashSet<>();
            for (Entry e : kept) {
                for (List<String> v : e.variants()) {
                    tokens.addAll(v);
                }
            }
            vocabulary = SmilesVocabulary.of(tokens);
        }
        return new SmilesCorpus(kept, vocabulary, counts, rejected, unknown, randomised);
    }

    private static String check(List<List<String>> variants, int maxTokens, SmilesVocabulary fixed) {
        for (List<String> v : variants) {
            if (v.size() > maxTokens) {
                return v.size() + " tokens, more than the " + maxTokens + " the context holds";
            }
            if (fixed != null) {
                for (String t : v) {
                    if (!fixed.contains(t)) {
                        return "token '" + t + "' is not in the model's vocabulary";
                    }
                }
            }
        }
        return null;
    }

    private static void reject(Map<Rejection, Integer> counts, List<String> rejected, Rejection why, Source s,
            String message) {
        counts.merge(why, 1, Integer::sum);
        rejected.add(s.id() + ": " + why + ": " + message);
    }

    /** A copy of the molecule with its atoms in random order (the SMILES writer then starts and walks elsewhere). */
    private static IAtomContainer shuffled(IAtomContainer molecule, Random random) throws CDKException {
        IAtomContainer copy;
        try {
            copy = molecule.clone();
        } catch (CloneNotSupportedException e) {
            throw new CDKException("cannot copy molecule", e);
        }
        List<IAtom> atoms = new ArrayList<>();
        for (IAtom a : copy.atoms()) {
            atoms.add(a);
        }
        Collections.shuffle(atoms, random);
        copy.setAtoms(atoms.toArray(new IAtom[0]));
        return copy;
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public SmilesVocabulary vocabulary() {
        return vocabulary;
    }

    public int randomisedPerMolecule() {
        return randomisedPerMolecule;
    }

    /** Molecules left out, by reason. */
    public Map<Rejection, Integer> rejectionCounts() {
        return rejectionCounts;
    }

    /** "id: REASON: message" of every molecule left out. */
    public List<String> rejections() {
        return rejections;
    }

    /** Unknown characters (as {@code 'x'}) and how often they occurred. */
    public Map<String, Integer> unknownCharacters() {
        return unknownCharacters;
    }

    /** Longest token list over all variants. */
    public int longestTokens() {
        int m = 0;
        for (Entry e : entries) {
            for (List<String> v : e.variants()) {
                m = Math.max(m, v.size());
            }
        }
        return m;
    }

    /** Every entry's variants as id sequences (BOS ... EOS), for training. */
    public List<int[][]> encoded() {
        List<int[][]> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            int[][] v = new int[e.variants().size()][];
            for (int k = 0; k < v.length; k++) {
                v[k] = vocabulary.encode(e.variants().get(k));
            }
            out.add(v);
        }
        return out;
    }

    /** A one-line summary for logs and model headers. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("molecules", entries.size());
        m.put("randomisedPerMolecule", randomisedPerMolecule);
        m.put("rejected", rejections.size());
        Map<String, Integer> byReason = new LinkedHashMap<>();
        rejectionCounts.forEach((k, v) -> byReason.put(k.name(), v));
        m.put("rejectedByReason", byReason);
        m.put("unknownCharacters", unknownCharacters);
        m.put("longestTokens", longestTokens());
        return m;
    }
}
