package org.gaudi.knime.table;

/**
 * The one place that decides how the graph-of-rings column is encoded, so the reader and the learners always agree.
 * Currently {@link JsonGorCodec}; switch here to the core's GOR text format once it exists.
 */
public final class GorColumns {

    /** The codec every node uses for the {@value MoleculeTable#COL_GOR} column. */
    public static final GorTextCodec CODEC = new JsonGorCodec();

    private GorColumns() {
    }
}
