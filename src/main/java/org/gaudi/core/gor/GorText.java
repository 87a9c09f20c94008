package org.gaudi.core.gor;

import java.util.ArrayList;
import java.util.List;

/**
 * One-line text form of a graph of rings, for string table cells:
 * <pre>
 *   Bn[x,y,z] Bn[x,y,z] ...                  (no orientation nodes: cata layout)
 *   Th[x,y,z|ox,oy,oz] Bn[x,y,z|x,y,z] ...   (orientation node after '|': hetero layout)
 *   Pz[x,y,z|ox,oy,oz|ax,ay,az]              (optional second orientation candidate after another '|')
 * </pre>
 * Ring keys are {@link RingType#key()} ('.' for the orientation marker); coordinates in Å written with
 * {@link Double#toString(double)}, so {@code parse(format(g)).equals(g)} holds exactly. The empty string is the
 * GOR with no rings. Either every ring has an orientation node or none has.
 */
public final class GorText {
    private GorText() {
    }

    /** A malformed GOR text; {@link #position()} is the 0-based character index of the problem. */
    public static final class ParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int position;

        ParseException(int position, String message) {
            super("GOR text, position " + position + ": " + message);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    /** Formats a GOR as one line. */
    public static String format(GraphOfRings gor) {
        StringBuilder sb = new StringBuilder(gor.ringCount() * 64);
        double[][] o = gor.orientationNodes();
        double[][] alt = gor.orientationAlternatives();
        for (int i = 0; i < gor.ringCount(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(gor.type(i).key()).append('[');
            appendPoint(sb, gor.centroid(i));
            if (o != null) {
                if (o[i] == null) {
                    throw new IllegalArgumentException("ring " + i + " has no orientation node");
                }
                sb.append('|');
                appendPoint(sb, o[i]);
                if (alt != null && alt[i] != null) {
                    sb.append('|');
                    appendPoint(sb, alt[i]);
                }
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private static void appendPoint(StringBuilder sb, double[] p) {
        sb.append(Double.toString(p[0])).append(',').append(Double.toString(p[1])).append(',')
                .append(Double.toString(p[2]));
    }

    /**
     * Parses the text written by {@link #format}.
     *
     * @throws ParseException naming the character position and what was expected
     */
    public static GraphOfRings parse(String text) {
        return new Parser(text).parse();
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private int ring;

        Parser(String s) {
            this.s = s;
        }

        GraphOfRings parse() {
            List<RingType> types = new ArrayList<>();
            List<double[]> centroids = new ArrayList<>();
            List<double[]> orientation = new ArrayList<>();
            List<double[]> alternatives = new ArrayList<>();
            boolean anyAlternative = false;
            Boolean withOrientation = null;
            skipSpaces();
            while (pos < s.length()) {
                if (ring > 0) {
                    if (!Character.isWhitespace(s.charAt(pos - 1))) {
                        throw error("expected a space before the next ring");
                    }
                }
                int start = pos;
                types.add(key());
                expect('[');
                centroids.add(point());
                boolean hasO = pos < s.length() && s.charAt(pos) == '|';
                if (withOrientation == null) {
                    withOrientation = hasO;
                } else if (withOrientation != hasO) {
                    throw new ParseException(start, "ring " + ring + (hasO ? " has" : " lacks")
                            + " an orientation node while ring 0 " + (hasO ? "lacks one" : "has one"));
                }
                if (hasO) {
                    pos++;
                    orientation.add(point());
                    if (pos < s.length() && s.charAt(pos) == '|') {
                        pos++;
                        alternatives.add(point());
                        anyAlternative = true;
                    } else {
                        alternatives.add(null);
                    }
                }
                expect(']');
                ring++;
                skipSpaces();
            }
            return new GraphOfRings(types.toArray(new RingType[0]), centroids.toArray(new double[0][]),
                    Boolean.TRUE.equals(withOrientation) ? orientation.toArray(new double[0][]) : null,
                    anyAlternative ? alternatives.toArray(new double[0][]) : null);
        }

        private RingType key() {
            int start = pos;
            while (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            String k = s.substring(start, pos);
            for (RingType t : RingType.values()) {
                if (t.key().equals(k)) {
                    return t;
                }
            }
            throw new ParseException(start, "ring " + ring + ": unknown ring type '" + k
                    + "' (expected one of Bn, Pl, Bl, Fu, Th, Pd, Pz, Bz, DhDb, Db, Cbd, .)");
        }

        private double[] point() {
            double x = number("x");
            expect(',');
            double y = number("y");
            expect(',');
            double z = number("z");
            return new double[] {x, y, z};
        }

        private double number(String what) {
            int start = pos;
            while (pos < s.length() && "0123456789+-.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw new ParseException(start, "ring " + ring + ": expected the " + what + " coordinate, found "
                        + found(start));
            }
            double v;
            try {
                v = Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new ParseException(start, "ring " + ring + ": '" + s.substring(start, pos)
                        + "' is not a number (" + what + " coordinate)");
            }
            if (!Double.isFinite(v)) {
                throw new ParseException(start, "ring " + ring + ": " + what + " coordinate is not finite");
            }
            return v;
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "', found " + found(pos));
            }
            pos++;
        }

        private ParseException error(String msg) {
            return new ParseException(pos, "ring " + ring + ": " + msg);
        }

        private String found(int at) {
            return at >= s.length() ? "end of text" : "'" + s.charAt(at) + "'";
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
