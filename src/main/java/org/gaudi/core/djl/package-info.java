/**
 * DJL plumbing shared by every network of the plugin: {@link org.gaudi.core.djl.Djl} runs DJL code under the
 * plugin's class loader (needed inside OSGi/KNIME), selects the device from an {@code auto|cpu|gpu} setting, seeds
 * the engine, switches autograd off for inference on worker threads and checks tensors for NaN/Inf
 * ({@link org.gaudi.core.djl.NonFiniteValueException}).
 */
package org.gaudi.core.djl;
