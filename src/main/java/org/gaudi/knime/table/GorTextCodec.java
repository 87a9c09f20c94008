package org.gaudi.knime.table;

import org.gaudi.core.gor.GraphOfRings;

/**
 * How the graph-of-rings column is written and read: a readable text per molecule. The node layer does not define
 * the format; the core does (its GOR text encoding). Learners parse what the reader wrote with the same codec.
 */
public interface GorTextCodec {

    /** The text of one graph of rings (a single cell). */
    String format(GraphOfRings gor);

    /**
     * Parses one cell.
     *
     * @throws IllegalArgumentException with a message saying what is wrong with the text
     */
    GraphOfRings parse(String text);
}
