/**
 * Design objectives over a property predictor's outputs, written as text such as
 * {@code minimize 3*GAP_eV + aIP_eV - aEA_eV} or {@code maximize -abs(GAP_eV - 2.5)}.
 *
 * <p>{@link org.gaudi.core.objective.Objective} parses (with positioned errors, see
 * {@link org.gaudi.core.objective.ObjectiveSyntaxException}), prints a canonical text for KNIME ports and flow
 * variables, evaluates exactly on one property vector for reporting, and evaluates differentiably on a DJL batch for
 * guidance. The guided sampler minimises {@link org.gaudi.core.objective.Objective#loss loss} (= value for minimize,
 * −value for maximize). The batched path keeps values finite by the guards of
 * {@link org.gaudi.core.objective.DomainPolicy} and counts what it clamped in a
 * {@link org.gaudi.core.objective.DomainReport}.
 */
package org.gaudi.core.objective;
