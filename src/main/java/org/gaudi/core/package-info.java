/**
 * All science and machine learning of GaUDI for KNIME: datasets, graph-of-rings encoding and decoding, chemistry
 * (CDK), networks and diffusion (DJL), property prediction, objectives and guided sampling. Nothing here may depend
 * on KNIME; the node layer in {@code org.gaudi.knime} adapts these classes.
 */
package org.gaudi.core;
