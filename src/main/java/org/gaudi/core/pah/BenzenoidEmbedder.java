package org.gaudi.core.pah;

import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.openscience.cdk.interfaces.IAtomContainer;

/** Cata-condensed benzenoid given only by its graph (e.g. parsed SMILES) → ring centroids on the hexagonal lattice. */
public final class BenzenoidEmbedder {
    private BenzenoidEmbedder() {
    }

    /**
     * Places the rings of a cata-condensed benzenoid on the hexagonal lattice (fused rings ≈2.42–2.45 Å apart),
     * relaxing helicenes in 3D so that no two non-fused ring centroids come closer than GaUDI's minimum distance.
     *
     * @throws GorEncodingException NO_GEOMETRY when the molecule is not a cata-condensed benzenoid
     */
    public static GraphOfRings embed(IAtomContainer molecule) throws GorEncodingException {
        throw new UnsupportedOperationException("not implemented yet"); // TODO(pah helper)
    }
}
