package org.gaudi.core.gor;

import java.util.List;

/**
 * Ring types of GaUDI's {@code RINGS_DICT}, in its one-hot order. Each type lists its ring atoms in template
 * order (vertex 0..k of the template polygon). {@link #ORIENTATION} marks hetero orientation nodes.
 */
public enum RingType {
    Bn("C", "C", "C", "C", "C", "C"),
    Pl("C", "C", "C", "C", "N"),
    Bl("C", "C", "C", "C", "B"),
    Fu("C", "C", "C", "C", "O"),
    Th("C", "C", "C", "C", "S"),
    Pd("C", "C", "C", "C", "C", "N"),
    Pz("C", "C", "N", "C", "C", "N"),
    Bz("C", "C", "C", "C", "C", "B"),
    DhDb("C", "C", "B", "C", "C", "B"),
    Db("C", "C", "B", "C", "C", "B"),
    Cbd("C", "C", "C", "C"),
    /** Orientation-node marker ('.' in the reference code); not a ring. */
    ORIENTATION();

    private final List<String> templateElements;

    RingType(String... elements) {
        this.templateElements = List.of(elements);
    }

    /** Ring atoms' element symbols in template vertex order (empty for {@link #ORIENTATION}). */
    public List<String> templateElements() {
        return templateElements;
    }

    public int size() {
        return templateElements.size();
    }

    /** GaUDI's key for this type ('.' for the orientation marker). */
    public String key() {
        return this == ORIENTATION ? "." : name();
    }
}
