/**
 * The KNIME node layer of GaUDI for KNIME: thin adapters between KNIME's node API and the science in
 * {@code org.gaudi.core}. Conventions every node follows (the integrator extends the layer along them):
 * <ul>
 * <li><b>One package per node</b> under {@code org.gaudi.knime.nodes.<node>} holding {@code XxxNodeFactory},
 * {@code XxxNodeModel}, {@code XxxNodeDialog}. The description {@code XxxNodeFactory.xml} (namespace
 * {@code http://knime.org/node/v4.1}) lives under {@code nodes/} in the same package path, the 16×16 icon under
 * {@code icons/}; the factory is registered in {@code plugin.xml} under category {@code /community/gaudi}.</li>
 * <li><b>Config keys are {@code public static final String CFG_...} constants</b> of the NodeModel, and every setting
 * has a {@code static SettingsModelXxx createXxxModel()} factory there; the model's fields and the dialog's
 * components are both made from these factories, so keys and defaults cannot diverge. Seeds and devices are
 * ordinary settings, so flow variables can drive batch runs.</li>
 * <li><b>NodeModels hold no science.</b> configure() checks input specs and settings and fails early with a message
 * that names the setting or column; execute() converts tables to core objects ({@link org.gaudi.knime.table}),
 * calls the core inside {@link org.gaudi.knime.CoreCalls} (thread context class loader = the plugin's, as DJL
 * needs in OSGi) with an {@link org.gaudi.knime.ExecutionProgress} for progress and cancel (its
 * {@code cancelCheck()} for core loops taking a {@code BooleanSupplier}, {@code count(...)} for callbacks that may
 * throw {@code CancellationException}, {@link org.gaudi.knime.TrainingProgressReporter} for training), and converts
 * the results back with {@link org.gaudi.knime.table.MoleculeTable} / {@link org.gaudi.knime.table.MoleculeTableReader}. Core exceptions surface with their messages; nothing is dropped silently (rejected rows go to a
 * rejection table or a warning with counts).</li>
 * <li><b>Model ports</b> are binary {@link org.knime.core.node.port.AbstractPortObject}s carrying the core's model
 * file bytes ({@link org.gaudi.knime.port.ModelPortObject}) with an
 * {@link org.knime.core.node.port.AbstractSimplePortObjectSpec} that holds what downstream configure() needs
 * ({@link org.gaudi.knime.port.ModelPortObjectSpec}); each concrete port type declares
 * {@code public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(X.class)}, empty nested
 * {@code Serializer} classes, and is registered under {@code org.knime.core.PortType} in {@code plugin.xml}.</li>
 * <li>The <b>objective port</b> ({@link org.gaudi.knime.port.ObjectivePortObject}) carries a few strings, so it is an
 * {@link org.knime.core.node.port.AbstractSimplePortObject} (readable model content); its spec already holds the whole
 * objective (canonical text, direction, target names), so downstream nodes check it at configure time.</li>
 * <li>Learners return {@code null} for their model port at configure time (vocabulary, capacity and metrics are
 * known only after training) and a full spec for their statistics tables; downstream nodes configure once the
 * learner has run. Device and seed settings use {@link org.gaudi.knime.Devices}; the Guided Sampler reports the
 * device that ran in its summary and the flow variable {@code gaudi.device}.</li>
 * <li>A model input port's description names its port type (e.g. "EDM", "Property Predictor"); the tests check
 * this and the rest of the description against the NodeModel.</li>
 * <li>Only KNIME API present in the {@code knime-harness} module may be used; when a node needs more, add the exact
 * KNIME signatures there.</li>
 * </ul>
 */
package org.gaudi.knime;
