package org.gaudi.knime.harness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.Closeable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

import javax.swing.JLabel;
import javax.swing.tree.TreeNode;

import org.junit.Test;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.RowKeyValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.container.RowAppender;
import org.knime.core.data.container.RowFlushable;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.ModelContent;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * The harness must have KNIME 5.5.0's shape (issue 12): facts checked against the real org.knime.core sources, so a
 * harness edit that lets code compile here but not against KNIME fails. The full member-by-member comparison needs the
 * KNIME sources and runs outside the build: {@code knime-harness/verify-against-knime.sh}.
 */
public class HarnessShapeTest {

    @Test
    public void finalAndNonFinalAsInKnime() throws Exception {
        for (Class<?> c : List.of(NodeSettings.class, ModelContent.class, DialogComponentBoolean.class,
                DialogComponentString.class, DialogComponentStringSelection.class)) {
            assertTrue(c + " is final in KNIME", Modifier.isFinal(c.getModifiers()));
        }
        assertFalse(Modifier.isFinal(IntCell.class.getModifiers()));
        assertFalse(Modifier.isFinal(LongCell.class.getModifiers()));
        assertFalse(Modifier.isFinal(DataCell.class.getMethod("isMissing").getModifiers()));
        assertTrue(Modifier.isFinal(DefaultRow.class.getMethod("getKey").getModifiers()));
        assertTrue(Modifier.isFinal(DefaultRow.class.getMethod("getCell", int.class).getModifiers()));
        assertTrue(Modifier.isFinal(Config.class.getMethod("getConfig", String.class).getModifiers()));
        assertTrue(Modifier.isFinal(Config.class.getMethod("addConfig", String.class).getModifiers()));
        assertTrue(Modifier.isFinal(DialogComponent.class.getMethod("getModel").getModifiers()));
    }

    @Test
    public void returnTypesAndConstructorsAsInKnime() throws Exception {
        assertEquals(List.class, DataType.class.getMethod("getValueClasses").getReturnType());
        assertEquals(NodeSettings.class, NodeSettings.class.getMethod("getNodeSettings", String.class).getReturnType());
        assertEquals(ModelContent.class,
                ModelContent.class.getMethod("getModelContent", String.class).getReturnType());
        assertEquals(ConfigBase.class, ConfigBase.class.getMethod("getInstance", String.class).getReturnType());
        assertEquals(Config.class, Config.class.getDeclaredMethod("getInstance", String.class).getReturnType());
        assertTrue(Modifier.isPublic(ConfigBase.class.getConstructor(String.class).getModifiers()));
        assertTrue(Modifier.isPublic(DataCell.class.getConstructor().getModifiers()));
        DefaultRow.class.getConstructor(RowKey.class, List.class);
        Method objects = PortTypeRegistry.class.getMethod("getObjectSerializer", Class.class);
        assertEquals(Optional.class, objects.getReturnType());
        assertEquals("java.util.Optional<org.knime.core.node.port.PortObject$PortObjectSerializer<"
                + PortObject.class.getName() + ">>", objects.getGenericReturnType().getTypeName());
        assertEquals("java.lang.Class<? extends " + PortObjectSpec.class.getName() + ">",
                PortTypeRegistry.class.getMethod("getSpecSerializer", Class.class).getGenericParameterTypes()[0]
                        .getTypeName());
    }

    @Test
    public void supertypesAsInKnime() {
        assertTrue(RowKeyValue.class.isAssignableFrom(RowKey.class));
        assertTrue(Closeable.class.isAssignableFrom(CloseableRowIterator.class));
        assertEquals(List.of(RowAppender.class, RowFlushable.class), List.of(DataContainer.class.getInterfaces()));
        assertTrue(TreeNode.class.isAssignableFrom(ConfigRO.class));
        assertTrue(NominalValue.class.isAssignableFrom(StringCell.class));
        assertTrue(BoundedValue.class.isAssignableFrom(IntCell.class));
        assertTrue(FuzzyIntervalValue.class.isAssignableFrom(DoubleCell.class));
    }

    @Test
    public void dialogComponentHooksAreAbstractAsInKnime() throws Exception {
        for (String hook : List.of("updateComponent", "validateSettingsBeforeSave", "setEnabledComponents",
                "checkConfigurabilityBeforeLoad", "setToolTipText")) {
            Method m = List.of(DialogComponent.class.getDeclaredMethods()).stream()
                    .filter(x -> x.getName().equals(hook)).findFirst().orElseThrow();
            assertTrue(hook + " is abstract in KNIME", Modifier.isAbstract(m.getModifiers()));
        }
    }

    @Test
    public void noHarnessOnlyClassUnderOrgKnime() throws Exception {
        for (String accessor : List.of("getLabel", "getChoices", "getSelection")) {
            for (Class<?> c : List.of(DialogComponentString.class, DialogComponentStringSelection.class,
                    DialogComponentBoolean.class)) {
                assertFalse(c.getSimpleName() + "." + accessor + " is not KNIME API",
                        List.of(c.getMethods()).stream().anyMatch(m -> m.getName().equals(accessor)));
            }
        }
        assertEquals("DialogComponentNumber.getLabel() returns a JLabel in KNIME", JLabel.class,
                DialogComponentNumber.class.getMethod("getLabel").getReturnType());
        try {
            Class.forName("org.knime.core.node.HarnessNode");
            throw new AssertionError("HarnessNode is not KNIME API; use org.gaudi.knime.testsupport.NodeDriver");
        } catch (ClassNotFoundException expected) {
            // as in KNIME
        }
    }
}
