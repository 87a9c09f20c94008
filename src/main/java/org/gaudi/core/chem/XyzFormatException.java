package org.gaudi.core.chem;

/** An xyz text that does not follow the expected format; names the source and the 1-based line. */
public final class XyzFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public XyzFormatException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file name or label given to the parser. */
    public String source() {
        return source;
    }

    /** 1-based line number of the problem. */
    public int line() {
        return line;
    }
}
