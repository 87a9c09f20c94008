package org.gaudi.core.pas;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.RingType;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

public class HeteroSpaceTest {

    private static Set<String> smiles(HeteroSpace.Level level) {
        Set<String> out = new HashSet<>();
        for (HeteroSpace.Molecule m : level.molecules()) {
            out.add(m.smiles());
        }
        return out;
    }

    /** Standard InChIs of a level's molecules (identity independent of the Kekulé structure written). */
    private static Set<String> inchis(HeteroSpace.Level level) throws Exception {
        Set<String> out = new HashSet<>();
        for (HeteroSpace.Molecule m : level.molecules()) {
            out.add(MoleculeIdentity.inchi(m.molecule()));
        }
        return out;
    }

    private static String canonical(String smiles) throws Exception {
        return MoleculeIdentity.ofSmiles(smiles).inchi();
    }

    @Test
    public void singleRingsAreTheClosedShellRingTypes() throws Exception {
        HeteroSpace.Level one = HeteroSpace.standard().level(1);
        assertTrue(one.enumerated());
        assertEquals(10, one.distinct());
        assertEquals(9, one.molecules().size()); // cyclobutadiene is left out: open-shell Hückel ground state
        assertEquals(Integer.valueOf(1), one.rejected().get("open-shell Hückel ground state"));
        Set<String> got = inchis(one);
        for (String s : new String[] {"c1ccccc1", "c1ccncc1", "c1cnccn1", "c1cc[nH]c1", "c1ccoc1", "c1ccsc1",
            "B1C=CC=C1", "B1=CC=CC=C1", "B1=CC=BC=C1"}) {
            assertTrue(s + " missing from " + got, got.contains(canonical(s)));
        }
    }

    @Test
    public void twoRingSystemsFuseThroughCarbonCarbonBondsOnly() throws Exception {
        HeteroSpace.Level two = HeteroSpace.of(HeteroSpace.DEFAULT_SEED, 1000).level(2);
        assertTrue(two.enumerated());
        Set<String> got = inchis(two);
        // benzo-fused heterocycles, including both thiophene fusions (benzo[b] and the o-quinoid benzo[c])
        for (String s : new String[] {"c1ccc2ccccc2c1", "c1ccc2ncccc2c1", "c1ccc2cnccc2c1", "c1ccc2nccnc2c1",
            "c1ccc2[nH]ccc2c1", "c1ccc2occc2c1", "c1ccc2sccc2c1", "C1=CC2=CSC=C2C=C1", "s1ccc2sccc12"}) {
            assertTrue(s + " missing", got.contains(canonical(s)));
        }
        // a heteroatom at a ring junction (indolizine) or a 4-ring next to a 5-ring is never built
        assertFalse(got.contains(canonical("c1ccn2cccc2c1")));
        for (HeteroSpace.Molecule m : two.molecules()) {
            IAtomContainer mol = m.molecule();
            for (IAtom a : mol.atoms()) {
                int heavy = 0;
                for (IAtom nb : mol.getConnectedAtomsList(a)) {
                    heavy += "H".equals(nb.getSymbol()) ? 0 : 1;
                }
                if (heavy == 3) {
                    assertEquals(m.smiles() + ": junction atom", "C", a.getSymbol());
                }
            }
            List<RingType> types = List.of(m.gor().types());
            assertFalse(m.smiles(), types.contains(RingType.Cbd) && (types.contains(RingType.Th)
                    || types.contains(RingType.Fu) || types.contains(RingType.Pl) || types.contains(RingType.Bl)
                    || types.stream().filter(t -> t == RingType.Cbd).count() > 1));
            assertFalse(m.huckel().isOpenShell());
        }
    }

    /** Every valid 3-ring system is enumerated, so well-known tricyclic heteroaromatics must all be there. */
    @Test
    public void threeRingSpaceHoldsTheClassicTricyclicHeteroaromatics() throws Exception {
        HeteroSpace.Level three = HeteroSpace.of(HeteroSpace.DEFAULT_SEED, 1_000_000).level(3);
        assertTrue(three.enumerated());
        assertEquals(three.checked(), three.distinct());
        Set<String> got = inchis(three);
        String[][] known = {{"dibenzothiophene", "c1ccc2c(c1)sc1ccccc12"}, {"carbazole", "c1ccc2c(c1)[nH]c1ccccc12"},
            {"dibenzofuran", "c1ccc2c(c1)oc1ccccc12"}, {"acridine", "c1ccc2nc3ccccc3cc2c1"},
            {"phenazine", "c1ccc2nc3ccccc3nc2c1"}, {"anthracene", "c1ccc2cc3ccccc3cc2c1"},
            {"biphenylene", "c1ccc2c(c1)-c1ccccc1-2"}, {"dithienothiophene", "s1ccc2sc3ccsc3c12"}};
        for (String[] k : known) {
            assertTrue(k[0] + " missing", got.contains(canonical(k[1])));
        }
    }

    @Test
    public void everyMoleculeRoundTripsAndCarriesItsHydrogens() throws Exception {
        HeteroSpace space = HeteroSpace.of(3, 25);
        for (int h = 1; h <= 4; h++) {
            for (HeteroSpace.Molecule m : space.level(h).molecules()) {
                DecodedMolecule d = GorDecoder.decode(m.gor(), GorKind.HETERO);
                assertTrue(m.id() + " " + m.smiles() + ": " + d.failureMessage(), d.valid());
                assertEquals(m.smiles(), MoleculeIdentity.inchi(m.molecule()), d.inchi());
                IAtomContainer mol = m.molecule();
                int nh = 0;
                int bh = 0;
                for (IAtom a : mol.atoms()) {
                    assertEquals(Integer.valueOf(0), a.getFormalCharge());
                    long hydrogens = mol.getConnectedAtomsList(a).stream()
                            .filter(nb -> "H".equals(nb.getSymbol())).count() + a.getImplicitHydrogenCount();
                    if ("N".equals(a.getSymbol())) {
                        nh += (int) hydrogens;
                    } else if ("B".equals(a.getSymbol())) {
                        bh += (int) hydrogens;
                    }
                }
                // one N–H per pyrrole ring and one B–H per borole ring, none on pyridine/pyrazine N or on the
                // two-coordinate B of borabenzene/diborine
                List<RingType> types = List.of(m.gor().types());
                assertEquals(m.smiles(), types.stream().filter(t -> t == RingType.Pl).count(), nh);
                assertEquals(m.smiles(), types.stream().filter(t -> t == RingType.Bl).count(), bh);
            }
        }
    }

    @Test
    public void generationIsDeterministicForASeedAndSamplesBeyondTheEnumerationLimit() {
        // a small enumeration limit makes 3 rings a sampled level (the shipped space samples from 4 rings on)
        HeteroSpace a = HeteroSpace.fresh(7, 30, 2000);
        HeteroSpace b = HeteroSpace.fresh(7, 30, 2000);
        HeteroSpace c = HeteroSpace.fresh(8, 30, 2000);
        HeteroSpace.Level la = a.level(3);
        assertTrue(a.level(2).enumerated());
        assertFalse(la.enumerated());
        assertEquals(30, la.molecules().size());
        List<String> sa = new ArrayList<>();
        List<String> sb = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sa.add(la.molecules().get(i).id() + " " + la.molecules().get(i).smiles());
            sb.add(b.level(3).molecules().get(i).id() + " " + b.level(3).molecules().get(i).smiles());
        }
        assertEquals(sa, sb);
        assertFalse(smiles(c.level(3)).equals(smiles(la)));
    }

    @Test
    public void fusionRulesRefuseHeteroatomEdgesAndClashes() {
        FusedRingSystem th = FusedRingSystem.single(RingType.Th);
        // Th template: C C C C S; edges 3 (C–S) and 4 (S–C) are not C–C
        assertEquals(3, th.freeEdges(0).length);
        assertNull(th.fuse(0, 3, RingType.Bn, 0));
        assertNull(th.fuse(0, 0, RingType.Cbd, 0)); // cyclobutadiene only next to six-membered rings
        FusedRingSystem bt = th.fuse(0, 0, RingType.Bn, 0);
        assertNotNull(bt);
        assertEquals(1, bt.freeEdges(0).length); // edge 1 shares an atom with the fusion, edge 2 is free
        assertNull(bt.fuse(0, 1, RingType.Bn, 0));
        assertNotNull(bt.fuse(0, 2, RingType.Bn, 0)); // dibenzothiophene
        // [5]helicene-like crowding is refused: grow a benzenoid spiral until a fusion clashes
        FusedRingSystem s = FusedRingSystem.single(RingType.Bn);
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            FusedRingSystem next = null;
            int last = s.ringCount() - 1;
            for (int e : s.freeEdges(last)) {
                FusedRingSystem t = s.fuse(last, e, RingType.Bn, 0);
                if (t == null) {
                    refused++;
                } else if (next == null) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            s = next;
        }
        assertTrue("some spiral fusion must clash", refused > 0);
    }
}
