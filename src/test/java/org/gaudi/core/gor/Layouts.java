package org.gaudi.core.gor;

import javax.vecmath.Point2d;
import javax.vecmath.Point3d;

import org.gaudi.core.chem.MoleculeIdentity;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.layout.StructureDiagramGenerator;

/** Test geometry: CDK's 2-D layout of a SMILES, scaled so the mean bond is 1.40 Å, placed at z = 0. */
final class Layouts {
    private Layouts() {
    }

    static IAtomContainer planar(String smiles) throws CDKException {
        IAtomContainer mol = MoleculeIdentity.parseSmiles(smiles);
        StructureDiagramGenerator sdg = new StructureDiagramGenerator();
        sdg.generateCoordinates(mol);
        double sum = 0;
        for (IBond b : mol.bonds()) {
            sum += b.getBegin().getPoint2d().distance(b.getEnd().getPoint2d());
        }
        double scale = 1.40 / (sum / mol.getBondCount());
        for (IAtom a : mol.atoms()) {
            Point2d p = a.getPoint2d();
            a.setPoint3d(new Point3d(p.x * scale, p.y * scale, 0.0));
            a.setPoint2d(null);
        }
        return mol;
    }
}
