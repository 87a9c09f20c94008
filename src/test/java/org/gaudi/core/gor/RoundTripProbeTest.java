package org.gaudi.core.gor;

import org.gaudi.core.chem.MoleculeIdentity;
import org.junit.Test;

public class RoundTripProbeTest {
    @Test
    public void probe() throws Exception {
        String[] smi = {"c1ccccc1", "c1ccc2ccccc2c1", "c1ccc2cc3ccccc3cc2c1", "c1ccc2c(c1)ccc1ccccc12",
            "c1cc2ccc3cccc4ccc(c1)c2c34", "c1ccc2sccc2c1", "c1ccc2occc2c1", "c1ccc2[nH]ccc2c1", "c1ccc2ncccc2c1",
            "c1ccc2nccnc2c1", "c1ccsc1", "c1ccncc1", "c1cc[nH]c1", "c1cnccn1", "B1C=CC=C1"};
        for (String s : smi) {
            try {
                GraphOfRings g = GorEncoder.encode(Layouts.planar(s));
                DecodedMolecule d = GorDecoder.decode(g);
                String in = MoleculeIdentity.ofSmiles(s).inchi();
                System.out.println(s + " -> " + GorText.format(g).length() + " " + java.util.Arrays.toString(g.types())
                        + " stab=" + d.stability() + " chem=" + d.chemicalFailure() + " " + d.chemicalFailureMessage()
                        + " smiles=" + d.smiles() + " same=" + in.equals(d.inchi()));
            } catch (Exception e) {
                System.out.println(s + " -> " + e);
            }
        }
    }
}
