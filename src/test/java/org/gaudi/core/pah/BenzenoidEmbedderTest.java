package org.gaudi.core.pah;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaudi.core.gor.GorEncodingException;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.testutil.SharedData;
import org.junit.Test;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

public class BenzenoidEmbedderTest {
    private static final SmilesParser SMILES = new SmilesParser(SilentChemObjectBuilder.getInstance());

    /** COMPAS-1D ring-count histogram (every converged cc-PBH with 1..10 rings). */
    private static final int[] COMPAS_PER_H = {1, 1, 2, 5, 12, 37, 121, 440, 1651, 6408};

    @Test
    public void embedsKnownMoleculesExactlyAsTheEnumerator() throws Exception {
        Map<String, String> known = new HashMap<>();
        known.put("naphthalene", "c1ccc2ccccc2c1");
        known.put("anthracene", "c1ccc2cc3ccccc3cc2c1");
        known.put("phenanthrene", "c1ccc2c(c1)ccc1ccccc12");
        known.put("[5]helicene", "C1=CC=C2C(=C1)C=CC3=C2C4=C(C=C3)C=CC5=CC=CC=C54");
        known.put("[6]helicene", "C1=CC=C2C(=C1)C=CC3=C2C4=C(C=C3)C=CC5=C4C6=CC=CC=C6C=C5");
        Map<String, String> expectedId = new HashMap<>();
        expectedId.put("naphthalene", "2:|");
        expectedId.put("anthracene", "3:(0)3");
        expectedId.put("phenanthrene", "3:(0)2");
        expectedId.put("[5]helicene", CataBenzenoid.of(AnnulationCodeTest.helicene(5)).id());
        expectedId.put("[6]helicene", CataBenzenoid.of(AnnulationCodeTest.helicene(6)).id());
        for (Map.Entry<String, String> e : known.entrySet()) {
            IAtomContainer mol = SMILES.parseSmiles(e.getValue());
            String id = BenzenoidEmbedder.canonicalId(mol);
            assertEquals(e.getKey(), expectedId.get(e.getKey()), id);
            GraphOfRings embedded = BenzenoidEmbedder.embed(mol);
            CataBenzenoid enumerated = find(id);
            assertEquals(e.getKey(), enumerated.gor(), embedded);
            assertArrayEquals(sortedDistances(enumerated.gor()), sortedDistances(embedded), 1e-12);
        }
        assertTrue(BenzenoidEmbedder.recognise(SMILES.parseSmiles(known.get("[5]helicene"))).planar());
        assertFalse(BenzenoidEmbedder.recognise(SMILES.parseSmiles(known.get("[6]helicene"))).planar());
    }

    @Test
    public void atomOrderAndExplicitHydrogensDoNotMatter() throws Exception {
        String[] chrysenes = {"c1ccc2c(c1)ccc1c2ccc2ccccc21", "C1=CC2=C(C=C1)C1=C(C=C2)C2=CC=CC=C2C=C1"};
        String id = BenzenoidEmbedder.canonicalId(SMILES.parseSmiles(chrysenes[0]));
        assertEquals(id, BenzenoidEmbedder.canonicalId(SMILES.parseSmiles(chrysenes[1])));
        IAtomContainer explicitH = SMILES.parseSmiles(chrysenes[0]);
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(explicitH);
        assertEquals(id, BenzenoidEmbedder.canonicalId(explicitH));
        assertEquals(BenzenoidEmbedder.embed(SMILES.parseSmiles(chrysenes[1])), BenzenoidEmbedder.embed(explicitH));
    }

    @Test
    public void roundTripsEveryEnumeratedMoleculeUpTo8Rings() throws Exception {
        for (int h = 1; h <= 8; h++) {
            for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(h)) {
                assertEquals(b.id(), BenzenoidEmbedder.canonicalId(b.molecule()));
                assertEquals(b.id(), BenzenoidEmbedder.canonicalId(SMILES.parseSmiles(b.smiles())));
            }
        }
    }

    @Test
    public void rejectsNonBenzenoidsWithNoGeometry() throws Exception {
        String[][] cases = {
            {"pyrene", "c1cc2ccc3cccc4ccc(c1)c2c34", "three rings"},
            {"perylene", "c1cc2cccc3c4cccc5cccc(c(c1)c23)c54", "three rings"},
            {"indene", "C1C=Cc2ccccc21", ""},
            {"azulene", "c1ccc2cccc2cc1", "six-membered"},
            {"quinoline", "c1ccc2ncccc2c1", "is N"},
            {"biphenyl", "c1ccc(cc1)-c1ccccc1", ""},
            {"toluene", "Cc1ccccc1", "carbon neighbours"},
            {"tetralin", "C1CCc2ccccc2C1", "H"},
            {"cyclohexane", "C1CCCCC1", "H"},
            {"two benzenes", "c1ccccc1.c1ccccc1", "fragment"},
            {"pyridinium", "c1cc[nH+]cc1", "is N"},
            {"hexane", "CCCCCC", "carbon neighbours"},
        };
        for (String[] c : cases) {
            try {
                BenzenoidEmbedder.embed(SMILES.parseSmiles(c[1]));
                fail(c[0] + " accepted");
            } catch (GorEncodingException e) {
                assertEquals(c[0], GorEncodingException.Reason.NO_GEOMETRY, e.reason());
                assertTrue(c[0] + ": " + e.getMessage(), e.getMessage().contains(c[2]));
                assertTrue(e.getMessage().startsWith("not a cata-condensed benzenoid"));
            }
        }
    }

    @Test
    public void everyCompasMoleculeIsAnEnumeratedIsomer() throws IOException, InvalidSmilesException {
        Path csv = SharedData.compasB3lyp();
        Set<String> enumerated = new HashSet<>();
        for (List<CataBenzenoid> level : CataBenzenoidEnumerator.enumerateUpTo(10)) {
            for (CataBenzenoid b : level) {
                enumerated.add(b.id());
            }
        }
        int[] perH = new int[10];
        Set<String> seen = new HashSet<>();
        int rows = 0;
        int nonPlanar = 0;
        long t0 = System.nanoTime();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : p) {
                rows++;
                String smiles = rec.get("smiles");
                int nRings = Integer.parseInt(rec.get("n_rings"));
                CataBenzenoid b;
                try {
                    b = BenzenoidEmbedder.recognise(SMILES.parseSmiles(smiles));
                } catch (GorEncodingException e) {
                    throw new AssertionError(csv + " line " + (rec.getRecordNumber() + 1) + ": " + e.getMessage());
                }
                assertEquals(smiles, nRings, b.ringCount());
                assertTrue(smiles + " -> " + b.id() + " not enumerated", enumerated.contains(b.id()));
                assertTrue("isomer listed twice: " + b.id(), seen.add(b.id()));
                perH[nRings - 1]++;
                if (!b.planar()) {
                    nonPlanar++;
                }
            }
        }
        System.out.printf("COMPAS-1D: %d molecules recognised in %.0f ms, %d non-planar%n", rows,
                (System.nanoTime() - t0) / 1e6, nonPlanar);
        assertEquals(8678, rows);
        assertArrayEquals(COMPAS_PER_H, perH);
    }

    private static CataBenzenoid find(String id) {
        int h = Integer.parseInt(id.substring(0, id.indexOf(':')));
        for (CataBenzenoid b : CataBenzenoidEnumerator.enumerate(h)) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new AssertionError(id + " not enumerated");
    }

    private static double[] sortedDistances(GraphOfRings g) {
        int n = g.ringCount();
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[k++] = g.distance(i, j);
            }
        }
        java.util.Arrays.sort(d);
        return d;
    }
}
