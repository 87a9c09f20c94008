package org.gaudi.core.report;

import java.awt.Color;

import org.openscience.cdk.depict.Depiction;
import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * 2D depictions of molecules as SVG with CDK's {@link DepictionGenerator} (fresh 2D layout from the SMILES, so the
 * picture does not depend on the decoded 3D coordinates). Works headless. Not thread-safe; one per thread.
 */
public final class MoleculeDepictor {
    private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    private final DepictionGenerator generator;

    /**
     * @param width  picture width in px
     * @param height picture height in px
     */
    public MoleculeDepictor(int width, int height) {
        this.generator = new DepictionGenerator().withSize(width, height).withFillToFit().withAtomColors()
                .withBackgroundColor(new Color(0, 0, 0, 0)).withMargin(4);
    }

    /**
     * The molecule as an SVG document.
     *
     * @throws IllegalArgumentException naming the SMILES when it cannot be parsed or laid out
     */
    public String svg(String smiles) {
        try {
            IAtomContainer mol = parser.parseSmiles(smiles);
            return generator.depict(mol).toSvgStr(Depiction.UNITS_PX);
        } catch (CDKException | RuntimeException e) {
            throw new IllegalArgumentException("cannot depict SMILES '" + smiles + "': " + e.getMessage(), e);
        }
    }
}
