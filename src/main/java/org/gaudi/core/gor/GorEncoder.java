package org.gaudi.core.gor;

import org.openscience.cdk.interfaces.IAtomContainer;

/** Molecule with 3D heavy-atom coordinates → graph of rings (GaUDI §3). */
public final class GorEncoder {
    private GorEncoder() {
    }

    /**
     * Encodes a molecule whose atoms carry 3D coordinates (Å). Hydrogens are ignored for ring perception.
     *
     * @throws GorEncodingException with a reason when the molecule has no usable rings or geometry
     */
    public static GraphOfRings encode(IAtomContainer molecule) throws GorEncodingException {
        throw new UnsupportedOperationException("not implemented yet"); // TODO(gor helper)
    }
}
