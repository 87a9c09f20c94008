package org.gaudi.core.gor;

import java.nio.file.Files;
import java.util.*;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.gaudi.testutil.SharedData;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;

public class CompasProbeTest {
    @Test
    public void probe() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        long tParse = 0, tEmb = 0, tDec = 0, tInchiIn = 0, tIdOut = 0;
        int n = 0;
        List<String> examples = new ArrayList<>();
        List<String> lines = Files.readAllLines(SharedData.compasB3lyp());
        List<String> head = Arrays.asList(lines.get(0).split(","));
        int cs = head.indexOf("smiles"), cm = head.indexOf("molecule"), cr = head.indexOf("n_rings");
        List<GraphOfRings> gors = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] rec = line.split(",", -1);
            String smi = rec[cs];
            n++;
            long t0 = System.nanoTime();
            IAtomContainer mol = MoleculeIdentity.parseSmiles(smi);
            long t1 = System.nanoTime();
            GraphOfRings g = BenzenoidEmbedder.embed(mol);
            gors.add(g);
            long t2 = System.nanoTime();
            DecodedMolecule d = GorDecoder.decode(g);
            long t3 = System.nanoTime();
            String in = MoleculeIdentity.of(mol).inchi();
            long t4 = System.nanoTime();
            String key;
            if (d.chemicallyValid()) {
                key = in.equals(d.inchi()) ? "same" : "different";
            } else {
                key = "chem:" + d.chemicalFailure();
            }
            if (!d.stable()) key += " unstable:" + d.failure();
            long t5 = System.nanoTime();
            tParse += t1 - t0; tEmb += t2 - t1; tDec += t3 - t2; tInchiIn += t4 - t3; tIdOut += t5 - t4;
            counts.merge(key, 1, Integer::sum);
            if (!key.equals("same") && examples.size() < 15) {
                examples.add(rec[cm] + " " + smi + " " + key + " " + d.failureMessage() + " / " + d.chemicalFailureMessage());
            }
        }
        System.out.println("n=" + n + " " + counts);
        examples.forEach(System.out::println);
        System.out.printf("ms/mol parse %.3f embed %.3f dec %.3f inchiIn %.3f idOut %.3f%n", tParse / 1e6 / n, tEmb / 1e6 / n,
                tDec / 1e6 / n, tInchiIn / 1e6 / n, tIdOut / 1e6 / n);
        for (int rep = 0; rep < 3; rep++) {
            long t = System.nanoTime();
            int valid = 0;
            for (GraphOfRings g : gors) {
                if (GorDecoder.decode(g).valid()) valid++;
            }
            System.out.printf("warm decode pass %d: %.3f ms/mol (%d valid)%n", rep, (System.nanoTime() - t) / 1e6 / gors.size(), valid);
        }
    }
}
