package org.gaudi.core.chem;

import java.util.Collections;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

import io.github.dan2097.jnainchi.InchiStatus;

/**
 * The identity of a molecule as GaUDI counts it: a non-isomeric canonical SMILES and the standard InChI /
 * InChIKey of that (stereo-free) structure. GaUDI takes the InChI of its non-isomeric canonical SMILES, so stereo
 * and coordinates are dropped before the InChI is made. The SMILES uses aromatic symbols (Daylight model), so it
 * does not depend on which Kekulé structure the input had. Works offline (bundled InChI library). Thread-safe:
 * calls into the native InChI library are serialised.
 */
public final class MoleculeIdentity {
    /** The native InChI library is not documented as thread-safe and jna-inchi does not serialise calls. */
    private static final Object INCHI_LOCK = new Object();
    private static final Aromaticity AROMATICITY =
            new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.relevant()));

    private final String smiles;
    private final String inchi;
    private final String inchiKey;

    private MoleculeIdentity(String smiles, String inchi, String inchiKey) {
        this.smiles = smiles;
        this.inchi = inchi;
        this.inchiKey = inchiKey;
    }

    /** Non-isomeric canonical SMILES (CDK, aromatic symbols, hydrogens implicit). */
    public String smiles() {
        return smiles;
    }

    /** Standard InChI (starts with {@code InChI=1S/}). */
    public String inchi() {
        return inchi;
    }

    /** Standard InChIKey. */
    public String inchiKey() {
        return inchiKey;
    }

    /**
     * Identity of a molecule with explicit or implicit hydrogens and defined bond orders. The molecule is not
     * modified. Every atom needs an implicit-H count (0 is fine when hydrogens are explicit atoms).
     *
     * @throws CDKException when SMILES or InChI generation fails (the message says which)
     */
    public static MoleculeIdentity of(IAtomContainer molecule) throws CDKException {
        IAtomContainer m = stripped(molecule);
        String inchi;
        String key;
        synchronized (INCHI_LOCK) {
            InChIGenerator gen = InChIGeneratorFactory.getInstance().getInChIGenerator(m);
            if (gen.getStatus() == InchiStatus.ERROR) {
                throw new CDKException("InChI generation failed: " + gen.getMessage());
            }
            inchi = gen.getInchi();
            key = gen.getInchiKey();
        }
        return new MoleculeIdentity(aromaticSmiles(m), inchi, key);
    }

    /**
     * The non-isomeric canonical SMILES of {@link #smiles()} alone, without the (slower, serialised) InChI: for
     * callers that make many molecules, e.g. the embedded hetero space.
     */
    public static String canonicalSmiles(IAtomContainer molecule) throws CDKException {
        return aromaticSmiles(stripped(molecule));
    }

    private static String aromaticSmiles(IAtomContainer m) throws CDKException {
        AROMATICITY.apply(m);
        return new SmilesGenerator(SmiFlavor.Canonical | SmiFlavor.UseAromaticSymbols).create(m);
    }

    /** A copy without coordinates, stereo and explicit hydrogens. */
    private static IAtomContainer stripped(IAtomContainer molecule) throws CDKException {
        IAtomContainer m;
        try {
            m = molecule.clone();
        } catch (CloneNotSupportedException e) {
            throw new CDKException("cannot copy molecule: " + e.getMessage(), e);
        }
        for (IAtom a : m.atoms()) {
            if (a.getImplicitHydrogenCount() == null) {
                throw new CDKException("atom " + (m.indexOf(a) + 1) + " (" + a.getSymbol()
                        + ") has no implicit hydrogen count");
            }
            a.setPoint2d(null);
            a.setPoint3d(null);
        }
        m.setStereoElements(Collections.<IStereoElement>emptyList());
        return AtomContainerManipulator.suppressHydrogens(m);
    }

    /** Identity of a SMILES string (stereo is ignored, as in GaUDI's non-isomeric SMILES → InChI). */
    public static MoleculeIdentity ofSmiles(String smiles) throws CDKException {
        return of(parseSmiles(smiles));
    }

    /** Parses a SMILES with CDK (Kekulé bond orders assigned, implicit H set). */
    public static IAtomContainer parseSmiles(String smiles) throws CDKException {
        return new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
    }

    /** Standard InChI of a molecule (shorthand for {@code of(m).inchi()}). */
    public static String inchi(IAtomContainer molecule) throws CDKException {
        return of(molecule).inchi();
    }

    @Override
    public String toString() {
        return smiles + " " + inchiKey;
    }
}
