package org.gaudi.core.clm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.gaudi.core.diffusion.TrainingSetKeys;
import org.junit.Test;

public class SmilesCorpusTest {

    @Test
    public void tokenizerSplitsAtomsBondsBranchesAndRingClosures() {
        SmilesTokenizer.Tokens t = SmilesTokenizer.tokenize("Clc1ccc(Br)cc1[NH3+]C%12=O");
        assertEquals(List.of("Cl", "c", "1", "c", "c", "c", "(", "Br", ")", "c", "c", "1", "[NH3+]", "C", "%12", "=",
                "O"), t.tokens());
        assertTrue(t.complete());
    }

    @Test
    public void unknownCharactersAreReportedWithTheirColumn() {
        SmilesTokenizer.Tokens t = SmilesTokenizer.tokenize("c1ccccc1 X!");
        assertEquals(List.of("' ' at column 9", "'X' at column 10", "'!' at column 11"), t.unknown());
        assertFalse(t.complete());
    }

    @Test
    public void vocabularyEncodesWithBeginAndEndAndRejectsUnknownTokens() {
        SmilesVocabulary v = SmilesVocabulary.of(List.of("c", "1", "(", ")"));
        assertEquals(List.of("<pad>", "<bos>", "<eos>", "(", ")", "1", "c"), v.tokens());
        int[] ids = v.encode(List.of("c", "1", "c"));
        assertEquals(1, ids[0]);
        assertEquals(2, ids[ids.length - 1]);
        assertEquals("c1c", v.decode(ids));
        try {
            v.encode(List.of("c", "N"));
            throw new AssertionError("N is not in the vocabulary");
        } catch (IllegalArgumentException e) {
            assertEquals("token 'N' (position 2) is not in the model's vocabulary", e.getMessage());
        }
        assertEquals(v.tokens(), SmilesVocabulary.fromList(v.tokens()).tokens());
    }

    @Test
    public void corpusCanonicalisesCountsEveryRejectionAndRandomisesFaithfully() throws Exception {
        List<SmilesCorpus.Source> sources = List.of(
                new SmilesCorpus.Source("naphthalene", "C1=CC=C2C=CC=CC2=C1"),
                new SmilesCorpus.Source("anthracene", "c1ccc2cc3ccccc3cc2c1"),
                new SmilesCorpus.Source("bad", "c1ccccc"),
                new SmilesCorpus.Source("odd", "c1ccccc1 ?x"),
                new SmilesCorpus.Source("long", "c1ccc2cc3cc4cc5ccccc5cc4cc3cc2c1"));
        SmilesCorpus c = SmilesCorpus.build(sources, 3, 5, 20, null, () -> false);
        assertEquals(2, c.size());
        assertEquals("c1ccc2ccccc2c1", c.entries().get(0).canonical());
        assertEquals(1, (int) c.rejectionCounts().get(SmilesCorpus.Rejection.UNPARSEABLE));
        assertEquals(1, (int) c.rejectionCounts().get(SmilesCorpus.Rejection.UNKNOWN_TOKEN));
        assertEquals(1, (int) c.rejectionCounts().get(SmilesCorpus.Rejection.TOO_LONG));
        assertEquals(1, (int) c.unknownCharacters().get("' '"));
        assertEquals(1, (int) c.unknownCharacters().get("'x'"));
        assertTrue(c.rejections().get(0).startsWith("bad: UNPARSEABLE"));
        for (SmilesCorpus.Entry e : c.entries()) {
            assertEquals(4, e.variants().size());
            for (List<String> v : e.variants()) {
                assertEquals(e.inchiKey(), TrainingSetKeys.inchiKey(String.join("", v)));
            }
        }
        assertTrue("the randomised SMILES differ from the canonical one", c.entries().get(1).variants().stream()
                .map(v -> String.join("", v)).distinct().count() > 1);
        SmilesCorpus again = SmilesCorpus.build(sources, 0, 5, 60, SmilesVocabulary.of(List.of("c", "1", "2")),
                () -> false);
        assertEquals("anthracene and pentacene need ring-closure 3, not in the fixed vocabulary", 2,
                (int) again.rejectionCounts().get(SmilesCorpus.Rejection.NOT_IN_VOCABULARY));
    }
}
