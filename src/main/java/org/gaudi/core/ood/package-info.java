/**
 * Designing beyond the data, measured exactly: the figures of {@code bench ood} per method and scale
 * ({@link org.gaudi.core.ood.OodFigures}) and the sample-and-rank baseline ({@link org.gaudi.core.ood.SampleAndRank}).
 */
package org.gaudi.core.ood;
