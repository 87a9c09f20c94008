package org.gaudi.core.clm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gaudi.core.train.DataSplit;
import org.gaudi.core.train.LearningRateSchedule;
import org.gaudi.core.train.Trainer;
import org.gaudi.core.train.TrainingResult;
import org.gaudi.core.train.TrainingSettings;
import org.junit.Test;

import ai.djl.Device;

public class CausalLmTrainingTest {

    /**
     * Eight distinct, equally frequent sequences of 5 tokens + EOS: a perfect model pays ln 8 nats per sequence, i.e.
     * the corpus entropy ln 8 / 6 per predicted token, and nothing can do better on the training set.
     */
    @Test
    public void trainingLossFallsToTheCorpusEntropy() {
        SmilesVocabulary vocab = Gpt2NetworkTest.vocabulary(6);
        int[][] corpus = {
            {1, 3, 4, 5, 6, 7, 2}, {1, 3, 4, 5, 6, 8, 2}, {1, 3, 5, 5, 6, 7, 2}, {1, 3, 5, 5, 6, 8, 2},
            {1, 4, 4, 5, 6, 7, 2}, {1, 4, 4, 5, 6, 8, 2}, {1, 4, 5, 5, 6, 7, 2}, {1, 4, 5, 5, 6, 8, 2}};
        List<int[][]> items = new ArrayList<>();
        for (int[] s : corpus) {
            items.add(new int[][] {s});
        }
        double entropy = Math.log(8) / 6;
        Gpt2Config c = new Gpt2Config(vocab.size(), 8, 32, 2, 2, 0);
        try (ClmModel m = ClmModel.initialise(c, vocab, Device.cpu(), 1)) {
            TrainingSettings s = TrainingSettings.builder().epochs(150).batchSize(8).learningRate(3e-3)
                    .betas(0.9, 0.95).clipNorm(1).schedule(LearningRateSchedule.warmupCosine(10, 0.1)).seed(2)
                    .build();
            TrainingResult r = new Trainer(s).fit(new ClmTrainable(m, false), items,
                    DataSplit.of(items.size(), new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[0], new int[0]));
            double first = r.history().get(0).trainLoss();
            double last = r.finalTrainLoss();
            assertEquals("an untrained GPT-2 predicts nearly uniformly", Math.log(vocab.size()), first, 0.3);
            assertTrue("final loss " + last + " must approach the corpus entropy " + entropy,
                    last < entropy + 0.03 && last > entropy - 0.03);
            List<int[]> seqs = new ArrayList<>();
            for (int[] seq : corpus) {
                seqs.add(seq);
            }
            assertEquals(Math.exp(last), m.perplexity(seqs), 0.05);
        }
    }

    @Test
    public void warmupThenCosineDecay() {
        LearningRateSchedule s = LearningRateSchedule.warmupCosine(10, 0.1);
        assertEquals(0.1, s.factor(0, 110), 1e-12);
        assertEquals(1.0, s.factor(9, 110), 1e-12);
        assertEquals(1.0, s.factor(10, 110), 1e-12);
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 49 / 99)), s.factor(59, 110), 1e-12);
        assertEquals(0.1, s.factor(109, 110), 1e-12);
        assertEquals(1.0, LearningRateSchedule.CONSTANT.factor(5, 10), 0);
    }
}
