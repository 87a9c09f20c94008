package org.gaudi.core.diffusion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.data.ReadProgress;
import org.gaudi.core.train.TrainingCancelledException;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

import io.github.dan2097.jnainchi.InchiStatus;

/**
 * Standard InChIKeys of training molecules, for novelty: GaUDI takes the InChI of each training SMILES (§8.1). As in
 * {@link org.gaudi.core.chem.MoleculeIdentity}, stereo and coordinates are dropped first, so the keys match those of
 * decoded samples; only the InChI is computed (no canonical SMILES), which halves the cost.
 *
 * @param keys     distinct InChIKeys, sorted
 * @param failures "id: reason" for each molecule whose SMILES gave no key (reported, not silently dropped)
 */
public record TrainingSetKeys(Set<String> keys, List<String> failures) {
    private static final int PROGRESS_EVERY = 256;

    public TrainingSetKeys {
        keys = Collections.unmodifiableSet(new TreeSet<>(keys));
        failures = List.copyOf(failures);
    }

    /**
     * Computes the keys of the given molecules.
     *
     * @param progress  receives (done, total) every few hundred molecules
     * @param cancelled checked every few hundred molecules
     * @throws TrainingCancelledException when cancelled (with 0 completed epochs)
     */
    public static TrainingSetKeys of(List<MoleculeRecord> records, ReadProgress progress, BooleanSupplier cancelled) {
        Set<String> keys = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        int done = 0;
        for (MoleculeRecord r : records) {
            if (done % PROGRESS_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new TrainingCancelledException(0);
                }
                progress.update(done, records.size());
            }
            try {
                keys.add(inchiKey(parser.parseSmiles(r.smiles())));
            } catch (CDKException | RuntimeException e) {
                failures.add(r.id() + ": " + e.getMessage());
            }
            done++;
        }
        progress.update(done, records.size());
        return new TrainingSetKeys(keys, failures);
    }

    /** The standard InChIKey of a SMILES (stereo ignored). */
    public static String inchiKey(String smiles) throws CDKException {
        return inchiKey(new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles));
    }

    private static String inchiKey(IAtomContainer m) throws CDKException {
        for (IAtom a : m.atoms()) {
            a.setPoint2d(null);
            a.setPoint3d(null);
        }
        m.setStereoElements(Collections.<IStereoElement>emptyList());
        InChIGenerator gen = InChIGeneratorFactory.getInstance().getInChIGenerator(m);
        if (gen.getStatus() == InchiStatus.ERROR) {
            throw new CDKException("InChI generation failed: " + gen.getMessage());
        }
        return gen.getInchiKey();
    }
}
