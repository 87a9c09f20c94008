/**
 * Exact ground truth for designs in the embedded space: every cata-condensed benzenoid with a given ring count is
 * enumerated and scored with Hückel theory ({@link org.gaudi.core.oracle.EmbeddedSpace}, cached per ring count), so a
 * decoded design can be ranked against the <b>whole</b> space of its ring count
 * ({@link org.gaudi.core.oracle.ExactOracle} → {@link org.gaudi.core.oracle.OracleScore}), compared with the best
 * molecule the models were trained on ({@link org.gaudi.core.oracle.TrainingReference}). Design tables carry the
 * scores ({@link org.gaudi.core.sampling.DesignedMolecule#exact()}); {@code org.gaudi.core.ood} sums them up per method.
 */
package org.gaudi.core.oracle;
