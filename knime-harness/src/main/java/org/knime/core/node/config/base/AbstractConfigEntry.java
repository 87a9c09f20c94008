package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;

import javax.swing.tree.TreeNode;

// Mirrors org.knime.core.node.config.base.AbstractConfigEntry, KNIME 5.5.0 (knime-shared analytics-platform/5.5.0,
// bundle org.knime.core.util): compile-only subset.
/** Harness stand-in: a keyed node of a config tree (in the harness only configs are entries of this kind). */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {

    private static final long serialVersionUID = 1L;

    private String key;
    private AbstractConfigEntry parent;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        this.key = key;
    }

    public final String getKey() {
        return key;
    }

    final void setKey(final String key) {
        this.key = key;
    }

    public final void setParent(final AbstractConfigEntry parent) {
        this.parent = parent;
    }

    @Override
    public String toString() {
        return key + "=" + toStringValue();
    }

    public abstract String toStringValue();

    @Override
    public boolean equals(final Object o) {
        return o == this || o != null && o.getClass() == getClass() && isIdentical((AbstractConfigEntry) o);
    }

    public final boolean isIdentical(final AbstractConfigEntry ace) {
        return ace != null && key.equals(ace.key) && hasIdenticalValue(ace);
    }

    abstract boolean hasIdenticalValue(AbstractConfigEntry ace);

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return null;
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public final TreeNode getParent() {
        return parent;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public final boolean getAllowsChildren() {
        return true;
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public Enumeration<TreeNode> children() {
        return Collections.emptyEnumeration();
    }
}
