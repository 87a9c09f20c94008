package org.gaudi.core.sampling;

import java.util.Collections;
import java.util.List;

import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.oracle.OracleScore;

/**
 * One generated molecule: a row of the design table. Fields that do not apply are {@code null} (never NaN).
 *
 * @param id               {@code design-<index>} with the index zero-padded to the run's width, unique in a run
 * @param index            0-based position in the run
 * @param batch            0-based sampling batch
 * @param seed             seed of the batch's sampling noise (derived from the run seed; see
 *                         {@link GuidedSampler#batchSeed})
 * @param ringCount        rings sampled
 * @param valid            chemically valid (GaUDI's {@code mol_valid}: atom reconstruction and xyz2mol-style checks
 *                         of §4.3–4.4)
 * @param invalidReason    for an invalid molecule, the first failed check and its message (e.g.
 *                         {@code FRAGMENTED: ...}); null when valid
 * @param stable           all geometric checks of §4.2 passed (GaUDI's {@code mol_stable})
 * @param stabilityFailure the first failed geometric check, or null when stable
 * @param smiles           canonical SMILES (CDK, non-isomeric); null when invalid
 * @param inchi            standard InChI; null when invalid
 * @param inchiKey         standard InChIKey; null when invalid
 * @param sdf              the molecule as one SDF record (V2000, explicit H, decoded coordinates in Å, the other fields
 *                         of this row as data fields); null when invalid
 * @param predicted        the predictor's values of its targets in physical units (see
 *                         {@link DesignResult#propertyNames()}), at t = 0 on the clean sampled graph of rings (the
 *                         final positions and argmax ring types, as GaUDI re-scores designs), for every molecule, valid
 *                         or not; empty without a predictor; an entry is null if it was not finite
 * @param objective        the objective's value (physical units, not the loss) of {@code predicted}; null without an
 *                         objective or where it is undefined
 * @param huckelGapBeta    Hückel (HMO) HOMO–LUMO gap of the decoded molecule in |β|, an independent physics check on
 *                         the predictor; null when invalid or when Hückel theory does not apply
 * @param huckelGapEv      the same in eV via {@link org.gaudi.core.huckel.HuckelCalibration#gapEv} (fitted on
 *                         benzenoids, approximate for hetero rings)
 * @param novel            InChIKey not among the EDM's training molecules; null when invalid
 * @param duplicate        valid, and an earlier molecule of this run has the same InChI
 * @param gor              the sampled graph of rings (ring centroids in Å, argmax ring types, orientation nodes for
 *                         hetero models) the molecule was decoded from
 * @param exact            where the design ranks among all molecules of its ring count by the objective evaluated on
 *                         exact Hückel properties ({@link org.gaudi.core.oracle.ExactOracle}); null when invalid,
 *                         without an objective, when the objective reads properties Hückel theory does not give, or
 *                         when the design is not a cata-condensed benzenoid the embedded space covers
 */
public record DesignedMolecule(String id, int index, int batch, long seed, int ringCount, boolean valid,
        String invalidReason, boolean stable, String stabilityFailure, String smiles, String inchi, String inchiKey,
        String sdf, List<Double> predicted, Double objective, Double huckelGapBeta, Double huckelGapEv, Boolean novel,
        boolean duplicate, GraphOfRings gor, OracleScore exact) {

    public DesignedMolecule {
        predicted = Collections.unmodifiableList(new java.util.ArrayList<>(predicted));
    }

    /** A row without an exact-oracle score. */
    public DesignedMolecule(String id, int index, int batch, long seed, int ringCount, boolean valid,
            String invalidReason, boolean stable, String stabilityFailure, String smiles, String inchi,
            String inchiKey, String sdf, List<Double> predicted, Double objective, Double huckelGapBeta,
            Double huckelGapEv, Boolean novel, boolean duplicate, GraphOfRings gor) {
        this(id, index, batch, seed, ringCount, valid, invalidReason, stable, stabilityFailure, smiles, inchi,
                inchiKey, sdf, predicted, objective, huckelGapBeta, huckelGapEv, novel, duplicate, gor, null);
    }
}
