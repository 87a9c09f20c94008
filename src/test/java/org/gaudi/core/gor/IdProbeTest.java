package org.gaudi.core.gor;

import java.nio.file.Files;
import java.util.*;

import org.gaudi.core.chem.MoleculeIdentity;
import org.junit.Test;
import org.openscience.cdk.aromaticity.*;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smiles.*;
import org.gaudi.testutil.SharedData;

public class IdProbeTest {
    @Test
    public void probe() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.compasB3lyp());
        List<IAtomContainer> mols = new ArrayList<>();
        for (String line : lines.subList(lines.size() - 1000, lines.size())) {
            mols.add(MoleculeIdentity.parseSmiles(line.split(",")[1]));
        }
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            for (IAtomContainer m : mols) InChIGeneratorFactory.getInstance().getInChIGenerator(m).getInchi();
            long t1 = System.nanoTime();
            Aromaticity ar = new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.relevant()));
            for (IAtomContainer m : mols) { IAtomContainer c = m.clone(); ar.apply(c); }
            long t2 = System.nanoTime();
            Aromaticity ar2 = new Aromaticity(ElectronDonation.daylight(), Cycles.relevant());
            for (IAtomContainer m : mols) { IAtomContainer c = m.clone(); ar2.apply(c); }
            long t3 = System.nanoTime();
            SmilesGenerator sg = new SmilesGenerator(SmiFlavor.Canonical | SmiFlavor.UseAromaticSymbols);
            for (IAtomContainer m : mols) { IAtomContainer c = m.clone(); ar2.apply(c); sg.create(c); }
            long t4 = System.nanoTime();
            for (IAtomContainer m : mols) MoleculeIdentity.of(m);
            long t5 = System.nanoTime();
            System.out.printf("inchi %.3f arom(all) %.3f arom(rel) %.3f arom+smi %.3f identity %.3f ms%n",
                (t1-t0)/1e6/1000, (t2-t1)/1e6/1000, (t3-t2)/1e6/1000, (t4-t3)/1e6/1000, (t5-t4)/1e6/1000);
        }
    }
}
