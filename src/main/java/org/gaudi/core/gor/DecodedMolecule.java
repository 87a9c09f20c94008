package org.gaudi.core.gor;

import java.util.Map;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.chem.SdfRecords;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * A graph of rings decoded to a molecule, with GaUDI's two verdicts:
 * <ul>
 * <li>{@link #stable()}: the geometric checks of §4.2 (GaUDI's {@code mol_stable});</li>
 * <li>{@link #chemicallyValid()}: the atom-level reconstruction and xyz2mol/RDKit-style validity of §4.3–4.4
 * (GaUDI's {@code mol_valid}, used for validity, uniqueness and novelty and by guided design).</li>
 * </ul>
 * {@link #valid()} requires both. {@link #failure()} is the first failed check overall (input, then geometry, then
 * decoding, then chemistry); {@link #chemicalFailure()} is the first failure of the reconstruction alone, which
 * runs even when a geometric check failed. SMILES, InChI and InChIKey are available whenever the molecule is
 * chemically valid and are computed on first use.
 */
public final class DecodedMolecule {
    private final GraphOfRings gor;
    private final GorKind kind;
    private final StabilityReport stability;
    private final InvalidReason chemFailure;
    private final String chemMessage;
    private final IAtomContainer molecule;
    private final InvalidReason failure;
    private final String failureMessage;
    private MoleculeIdentity identity;

    DecodedMolecule(GraphOfRings gor, GorKind kind, StabilityReport stability, GorDecoder.Chemistry chem) {
        this.gor = gor;
        this.kind = kind;
        this.stability = stability;
        this.chemFailure = chem.reason;
        this.chemMessage = chem.reason == null ? "" : chem.message;
        this.molecule = chem.molecule;
        if (!stability.stable()) {
            this.failure = InvalidReason.of(stability.firstFailure());
            this.failureMessage = stability.message();
        } else {
            this.failure = chemFailure;
            this.failureMessage = chemMessage;
        }
    }

    private DecodedMolecule(GraphOfRings gor, GorKind kind, InvalidReason reason, String message) {
        this.gor = gor;
        this.kind = kind;
        this.stability = null;
        this.chemFailure = reason;
        this.chemMessage = message;
        this.molecule = null;
        this.failure = reason;
        this.failureMessage = message;
    }

    static DecodedMolecule failedInput(GraphOfRings gor, GorKind kind, InvalidReason reason, String message) {
        return new DecodedMolecule(gor, kind, reason, message);
    }

    /** The decoded graph of rings; null when the input nodes could not form one (non-finite coordinates). */
    public GraphOfRings gor() {
        return gor;
    }

    public GorKind kind() {
        return kind;
    }

    /** Geometric check results; null when the input was rejected before the checks ran. */
    public StabilityReport stability() {
        return stability;
    }

    /** Geometric checks passed (GaUDI {@code mol_stable}). */
    public boolean stable() {
        return stability != null && stability.stable();
    }

    /** Reconstruction and chemistry passed (GaUDI {@code mol_valid}). */
    public boolean chemicallyValid() {
        return chemFailure == null;
    }

    /** Both {@link #stable()} and {@link #chemicallyValid()}. */
    public boolean valid() {
        return failure == null;
    }

    /** First failed check overall, or null when valid. */
    public InvalidReason failure() {
        return failure;
    }

    /** Message of {@link #failure()} naming rings, atoms and values; empty when valid. */
    public String failureMessage() {
        return failure == null ? "" : failureMessage;
    }

    /** First failure of the reconstruction and chemistry alone, or null when chemically valid. */
    public InvalidReason chemicalFailure() {
        return chemFailure;
    }

    public String chemicalFailureMessage() {
        return chemFailure == null ? "" : chemMessage;
    }

    /**
     * The decoded molecule with explicit H atoms, bond orders and formal charges from the assignment, 2-D points
     * and 3-D points (z = 0) in Å. Null when decoding stopped before atoms existed (input, template, orientation,
     * isolated-ring or fusion failures). Shared: clone before modifying.
     */
    public IAtomContainer molecule() {
        return molecule;
    }

    /** Identity strings of a chemically valid molecule (computed once); null otherwise. */
    public synchronized MoleculeIdentity identity() {
        if (!chemicallyValid()) {
            return null;
        }
        if (identity == null) {
            try {
                identity = MoleculeIdentity.of(molecule);
            } catch (CDKException e) {
                throw new IllegalStateException("identity of a decoded molecule failed: " + e.getMessage(), e);
            }
        }
        return identity;
    }

    /** Non-isomeric canonical SMILES, or null when not chemically valid. */
    public String smiles() {
        MoleculeIdentity id = identity();
        return id == null ? null : id.smiles();
    }

    /** Standard InChI, or null when not chemically valid. */
    public String inchi() {
        MoleculeIdentity id = identity();
        return id == null ? null : id.inchi();
    }

    /** Standard InChIKey, or null when not chemically valid. */
    public String inchiKey() {
        MoleculeIdentity id = identity();
        return id == null ? null : id.inchiKey();
    }

    /**
     * The molecule as an SDF record (V2000, explicit H, 3-D block, ends with {@code $$$$}).
     *
     * @throws IllegalStateException when no molecule was built
     */
    public String toSdf(String title, Map<String, ?> properties) throws CDKException {
        if (molecule == null) {
            throw new IllegalStateException("no molecule was built: " + failureMessage());
        }
        return SdfRecords.toSdf(molecule, title, properties);
    }

    @Override
    public String toString() {
        return valid() ? "DecodedMolecule[valid, " + molecule.getAtomCount() + " atoms]"
                : "DecodedMolecule[" + failure + ": " + failureMessage + "]";
    }
}
