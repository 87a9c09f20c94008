package org.gaudi.core.chem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

public class MoleculeIdentityTest {

    @Test
    public void standardInchiAndKeysOfKnownMolecules() throws Exception {
        MoleculeIdentity benzene = MoleculeIdentity.ofSmiles("c1ccccc1");
        assertEquals("InChI=1S/C6H6/c1-2-4-6-5-3-1/h1-6H", benzene.inchi());
        assertEquals("UHOVQNZJYSORNB-UHFFFAOYSA-N", benzene.inchiKey());
        assertEquals("c1ccccc1", benzene.smiles());
        assertEquals("UFWIBTONFRDIAS-UHFFFAOYSA-N", MoleculeIdentity.ofSmiles("c1ccc2ccccc2c1").inchiKey());
        assertEquals("MWPLVEDNUUSJAV-UHFFFAOYSA-N", MoleculeIdentity.ofSmiles("c1ccc2cc3ccccc3cc2c1").inchiKey());
        assertEquals("YNPNZTXNASCQKK-UHFFFAOYSA-N", MoleculeIdentity.ofSmiles("c1ccc2c(c1)ccc1ccccc12").inchiKey());
        assertEquals("BBEAQIROQSPTKN-UHFFFAOYSA-N",
                MoleculeIdentity.ofSmiles("c1cc2ccc3cccc4ccc(c1)c2c34").inchiKey());
        assertEquals("JUJWROOIHBZHMG-UHFFFAOYSA-N", MoleculeIdentity.ofSmiles("c1ccncc1").inchiKey());
    }

    @Test
    public void smilesDoesNotDependOnTheKekuleStructure() throws Exception {
        MoleculeIdentity a = MoleculeIdentity.ofSmiles("C1=CC=C2C(=C1)C=CC1=CC=CC=C12");
        MoleculeIdentity b = MoleculeIdentity.ofSmiles("C=1C=CC2=C(C1)C=CC=3C=CC=CC32");
        assertEquals(a.smiles(), b.smiles());
        assertEquals(a.inchi(), b.inchi());
        assertTrue(a.smiles(), a.smiles().contains("c"));
    }

    @Test
    public void explicitHydrogensAndStereoDoNotChangeTheIdentity() throws Exception {
        IAtomContainer m = MoleculeIdentity.parseSmiles("c1ccc2ccccc2c1");
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(m);
        assertEquals(18, m.getAtomCount());
        MoleculeIdentity explicit = MoleculeIdentity.of(m);
        assertEquals(18, m.getAtomCount()); // input untouched
        assertEquals(MoleculeIdentity.ofSmiles("c1ccc2ccccc2c1").smiles(), explicit.smiles());
        // GaUDI uses non-isomeric SMILES: cis and trans but-2-ene are one identity
        assertEquals(MoleculeIdentity.ofSmiles("C/C=C/C").inchi(), MoleculeIdentity.ofSmiles("C/C=C\\C").inchi());
        assertNotEquals(MoleculeIdentity.ofSmiles("CC=CC").inchi(), MoleculeIdentity.ofSmiles("C=CCC").inchi());
    }
}
