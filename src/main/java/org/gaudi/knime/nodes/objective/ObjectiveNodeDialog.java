package org.gaudi.knime.nodes.objective;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Objective node: the objective text, bound to the NodeModel's settings model factory. */
final class ObjectiveNodeDialog extends DefaultNodeSettingsPane {

    static final String LABEL_OBJECTIVE = "Objective";

    ObjectiveNodeDialog() {
        addDialogComponent(new DialogComponentString(ObjectiveNodeModel.createObjectiveModel(), LABEL_OBJECTIVE));
    }
}
