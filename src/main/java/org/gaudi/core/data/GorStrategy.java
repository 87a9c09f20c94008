package org.gaudi.core.data;

import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * One way of turning a molecule into a graph of rings: from its 3D atom coordinates
 * ({@link org.gaudi.core.gor.GorEncoder#encode}) or from its graph alone by lattice embedding
 * ({@link org.gaudi.core.pah.BenzenoidEmbedder#embed}). Dataset readers take these as constructor arguments.
 */
@FunctionalInterface
public interface GorStrategy {
    /** The graph of rings of a molecule, or a {@link GorEncodingException} saying why there is none. */
    GraphOfRings toGor(IAtomContainer molecule) throws GorEncodingException;
}
