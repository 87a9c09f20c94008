package org.gaudi.core.oracle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.Objective;
import org.junit.Test;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** The exact oracle on the embedded space: ranks against an independent count, identity from graphs, coverage. */
public class ExactOracleTest {
    private static final SmilesParser SMILES = new SmilesParser(SilentChemObjectBuilder.getInstance());

    @Test
    public void ranksEveryMoleculeOfARingCountByItsExactHuckelValue() throws Exception {
        Dataset d = EmbeddedDataset.generate(6, 6, i -> { });
        int gap = d.propertyIndex(HuckelProperties.GAP_EV);
        ExactOracle max = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        ExactOracle min = ExactOracle.forObjective(Objective.parse("minimize HMO_GAP_eV")).orElseThrow();
        assertEquals(37, EmbeddedSpace.of(6).size());
        int ones = 0;
        for (MoleculeRecord r : d.records()) {
            int higher = 0;
            int lower = 0;
            for (MoleculeRecord o : d.records()) {
                higher += o.property(gap) > r.property(gap) + 1e-12 ? 1 : 0;
                lower += o.property(gap) < r.property(gap) - 1e-12 ? 1 : 0;
            }
            OracleScore s = max.score(r.id());
            assertEquals(r.id(), 1 + higher, s.rank());
            assertEquals(r.id(), 1 + lower, min.score(r.id()).rank());
            assertEquals(r.property(gap), s.value(), 1e-12);
            assertEquals(37, s.of());
            assertEquals(6, s.rings());
            ones += s.rank() == 1 ? 1 : 0;
        }
        assertTrue(ones >= 1);
        assertEquals(d.records().stream().mapToDouble(r -> r.property(gap)).max().orElseThrow(), max.bestValue(6),
                1e-12);
        assertEquals(d.records().stream().mapToDouble(r -> r.property(gap)).min().orElseThrow(), min.bestValue(6),
                1e-12);
    }

    @Test
    public void phenanthreneHasTheLargerGapOfTheThreeRingIsomers() throws Exception {
        ExactOracle max = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        OracleScore phenanthrene = max.score(SMILES.parseSmiles("c1ccc2c(c1)ccc1ccccc12"));
        OracleScore anthracene = max.score(SMILES.parseSmiles("c1ccc2cc3ccccc3cc2c1"));
        assertEquals(1, phenanthrene.rank());
        assertEquals(2, anthracene.rank());
        assertEquals(2, anthracene.of());
        assertEquals(0.0, anthracene.percentile(), 0);
        assertEquals(50.0, phenanthrene.percentile(), 0);
        assertEquals(50.0, phenanthrene.topPercent(), 0);
    }

    @Test
    public void aDecodedGraphOfRingsAndItsSmilesGetTheSameScore() throws Exception {
        ExactOracle o = ExactOracle.forObjective(Objective.parse("maximize HMO_HOMO_eV - HMO_LUMO_eV"))
                .orElseThrow();
        for (MoleculeRecord r : EmbeddedDataset.generate(5, 5, i -> { }).records()) {
            OracleScore fromId = o.score(r.id());
            assertEquals(fromId, o.score(SMILES.parseSmiles(r.smiles())));
            assertEquals(fromId, o.score(GorDecoder.decode(r.gor(), GorKind.CATA).molecule()));
        }
    }

    @Test
    public void noScoreOutsideTheEmbeddedSpace() throws Exception {
        ExactOracle o = ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV")).orElseThrow();
        assertNull("substituted", o.score(SMILES.parseSmiles("Cc1ccccc1")));
        assertNull("peri-condensed", o.score(SMILES.parseSmiles("c1cc2ccc3cccc4ccc(c1)c2c34")));
        assertNull("hetero ring", o.score(SMILES.parseSmiles("c1ccncc1")));
        assertNull(o.score((org.openscience.cdk.interfaces.IAtomContainer) null));
        assertFalse("a DFT property", ExactOracle.forObjective(Objective.parse("maximize GAP_eV")).isPresent());
        assertFalse(ExactOracle.forObjective(Objective.parse("maximize HMO_GAP_eV + aEA_eV",
                List.of("HMO_GAP_eV", "aEA_eV"))).isPresent());
        assertFalse(ExactOracle.forObjective(null).isPresent());
        assertFalse(EmbeddedSpace.covers(12));
        assertTrue(EmbeddedSpace.covers(11));
    }

    @Test
    public void topHalfPercentOfNineRingsIsPercentileAtLeast99Point5() {
        assertEquals(1689, EmbeddedSpace.of(9).size());
        OracleScore eighth = new OracleScore("x", 9, 1.0, 8, 1689);
        OracleScore ninth = new OracleScore("x", 9, 1.0, 9, 1689);
        assertTrue(eighth.topPercent() <= 0.5 && eighth.percentile() >= 99.5);
        assertTrue(ninth.topPercent() > 0.5 && ninth.percentile() < 99.5);
        assertEquals(100.0, eighth.topPercent() + eighth.percentile(), 1e-12);
    }
}
