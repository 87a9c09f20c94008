package org.gaudi.core.chem;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.MDLV2000Writer;

/** One SD-file record (V2000 molblock + data fields + {@code $$$$}) as a string. */
public final class SdfRecords {
    private SdfRecords() {
    }

    /**
     * Writes a molecule as an SDF record. Hydrogens are written as they are in the molecule (explicit atoms stay
     * explicit); 3D coordinates are written when every atom has them. The molecule is not modified.
     *
     * @param title      first header line (null: the molecule's title or empty); line breaks become spaces
     * @param properties data fields in iteration order ({@code > <name>} then the value); null for none. Values are
     *                   written with {@code String.valueOf}; line breaks in values become spaces, since a blank
     *                   line would end the field.
     * @throws IllegalArgumentException for a field name that is empty or contains '<', '>' or a line break
     */
    public static String toSdf(IAtomContainer molecule, String title, Map<String, ?> properties) throws CDKException {
        StringWriter sw = new StringWriter();
        Object oldTitle = molecule.getTitle();
        String t = title != null ? title : oldTitle == null ? "" : oldTitle.toString();
        try (MDLV2000Writer w = new MDLV2000Writer(sw)) {
            molecule.setTitle(oneLine(t));
            w.write(molecule);
        } catch (IOException e) {
            throw new CDKException("cannot write molblock: " + e.getMessage(), e);
        } finally {
            if (oldTitle == null) {
                molecule.removeProperty(CDKConstants.TITLE);
            } else {
                molecule.setTitle(oldTitle.toString());
            }
        }
        StringBuilder sb = new StringBuilder(sw.toString());
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        if (properties != null) {
            for (Map.Entry<String, ?> e : properties.entrySet()) {
                String name = e.getKey();
                if (name == null || name.isEmpty() || name.matches(".*[<>\\r\\n].*")) {
                    throw new IllegalArgumentException("invalid SDF field name '" + name + "'");
                }
                sb.append("> <").append(name).append(">\n").append(oneLine(String.valueOf(e.getValue())))
                        .append("\n\n");
            }
        }
        sb.append("$$$$\n");
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
