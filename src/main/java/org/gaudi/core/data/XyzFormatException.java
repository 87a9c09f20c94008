package org.gaudi.core.data;

/** An xyz geometry that cannot be read, with the file name and 1-based line of the problem. */
public final class XyzFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public XyzFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the problem; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
