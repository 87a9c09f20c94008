package org.gaudi.core.clm;

/**
 * One sequence drawn from a language model.
 *
 * @param index         0-based position in the run
 * @param batch         generation batch
 * @param seed          the batch's seed
 * @param text          the SMILES text (tokens joined, without begin/end tokens)
 * @param tokens        SMILES tokens generated (the end token not counted)
 * @param finished      the model ended the sequence itself (false: cut at the maximum length)
 * @param logLikelihood log-probability (nats) of the tokens and the end token under the model's own distribution
 *                      (temperature 1, no top-k), whatever the sampling settings
 */
public record GeneratedSmiles(int index, int batch, long seed, String text, int tokens, boolean finished,
        double logLikelihood) {
}
