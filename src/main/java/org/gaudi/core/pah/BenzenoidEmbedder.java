package org.gaudi.core.pah;

import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.openscience.cdk.interfaces.IAtomContainer;

/** Cata-condensed benzenoid given only by its graph (e.g. parsed SMILES) → ring centroids on the hexagonal lattice. */
public final class BenzenoidEmbedder {
    private BenzenoidEmbedder() {
    }

    /**
     * Places the rings of a cata-condensed benzenoid on the hexagonal lattice (fused rings
     * {@value CataBenzenoid#FUSED_DISTANCE} Å apart), relaxing helicenes in 3D so that no two non-fused ring
     * centroids come closer than GaUDI's bond window. The result is exactly {@link CataBenzenoid#gor()} of the
     * recognised isomer, so equal isomers get equal coordinates whatever the input atom order.
     *
     * @throws GorEncodingException NO_GEOMETRY when the molecule is not a cata-condensed benzenoid
     */
    public static GraphOfRings embed(IAtomContainer molecule) throws GorEncodingException {
        return recognise(molecule).gor();
    }

    /**
     * The cata-condensed benzenoid isomer of a molecule graph (coordinates, if any, are ignored; explicit or
     * implicit hydrogens both work).
     *
     * @throws GorEncodingException NO_GEOMETRY, with the reason in the message, when the molecule is not an
     *         all-carbon cata-condensed benzenoid (hetero atoms, non-6 rings, peri-condensation, substituents,
     *         saturated carbons, several fragments)
     */
    public static CataBenzenoid recognise(IAtomContainer molecule) throws GorEncodingException {
        return CataBenzenoid.of(BenzenoidRecognizer.recognise(molecule));
    }

    /** Canonical annulation id of a molecule graph, as {@link CataBenzenoid#id()}. */
    public static String canonicalId(IAtomContainer molecule) throws GorEncodingException {
        return AnnulationCode.of(BenzenoidRecognizer.recognise(molecule));
    }
}
