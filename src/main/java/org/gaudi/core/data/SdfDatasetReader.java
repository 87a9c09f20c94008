package org.gaudi.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gaudi.core.gor.GorEncoder;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.pah.BenzenoidEmbedder;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.ISimpleChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Reads an SD file (V2000 or V3000 molfiles with {@code > <field>} data items) into a {@link Dataset}. Records whose
 * atoms all carry 3D coordinates are encoded from them once their bond lengths look computed (a drawing saved as 3D
 * is rejected with BAD_GEOMETRY); records without 3D coordinates fall back to the lattice embedding when they are
 * benzenoids, each listed as a {@link GeometryFallback}, and are rejected with NO_GEOMETRY otherwise. The id is the chosen id field, or
 * else the title line, or else {@code record-<n>}. Rejections carry the 1-based record number. The SMILES of a record
 * is written by CDK from the molfile.
 */
public final class SdfDatasetReader {
    private static final int PROGRESS_EVERY = 256;
    private static final Aromaticity AROMATICITY = new Aromaticity(ElectronDonation.daylight(), Cycles.all());

    private final GorStrategy fromCoordinates;
    private final GorStrategy fromGraph;

    /** Uses {@link GorEncoder#encode} for 3D records and {@link BenzenoidEmbedder#embed} otherwise. */
    public SdfDatasetReader() {
        this(GorEncoder::encode, BenzenoidEmbedder::embed);
    }

    public SdfDatasetReader(GorStrategy fromCoordinates, GorStrategy fromGraph) {
        this.fromCoordinates = Objects.requireNonNull(fromCoordinates, "fromCoordinates");
        this.fromGraph = Objects.requireNonNull(fromGraph, "fromGraph");
    }

    /** What to read. Immutable; build with {@link #of(List)} and the {@code with…} methods. */
    public static final class Options {
        private final List<String> properties;
        private final String idField;
        private final int maxRings;
        private final long recordLimit;
        private final ReadProgress progress;

        private Options(List<String> properties, String idField, int maxRings, long recordLimit,
                ReadProgress progress) {
            this.properties = properties;
            this.idField = idField;
            this.maxRings = maxRings;
            this.recordLimit = recordLimit;
            this.progress = progress;
        }

        /** The property data fields to load, in this order; id from the title line, max 11 rings, no limit. */
        public static Options of(List<String> properties) {
            return new Options(RecordAssembler.checkedPropertyNames(properties), null, 11, Long.MAX_VALUE,
                    ReadProgress.NONE);
        }

        public static Options of(String... properties) {
            return of(List.of(properties));
        }

        /** Data field holding the molecule id (null: the title line). */
        public Options withIdField(String field) {
            return new Options(properties, field, maxRings, recordLimit, progress);
        }

        public Options withMaxRings(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max ring count must be at least 1, got " + max);
            }
            return new Options(properties, idField, max, recordLimit, progress);
        }

        /** Read only the first {@code limit} records. */
        public Options withRecordLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("record limit must be at least 1, got " + limit);
            }
            return new Options(properties, idField, maxRings, limit, progress);
        }

        public Options withProgress(ReadProgress p) {
            return new Options(properties, idField, maxRings, recordLimit, Objects.requireNonNull(p));
        }

        public List<String> properties() {
            return properties;
        }

        public String idField() {
            return idField;
        }

        public int maxRings() {
            return maxRings;
        }

        public long recordLimit() {
            return recordLimit;
        }
    }

    /** One record's text: the molfile block and its data items. */
    private static final class SdRecord {
        final long number;
        final long firstLine;
        final String molfile;
        final Map<String, String> data;
        final String malformed;

        SdRecord(long number, long firstLine, String molfile, Map<String, String> data, String malformed) {
            this.number = number;
            this.firstLine = firstLine;
            this.molfile = molfile;
            this.data = data;
            this.malformed = malformed;
        }
    }

    /**
     * Reads the file.
     *
     * @throws DatasetFormatException when the file is empty or has no usable record (with the rejection summary)
     * @throws java.util.concurrent.CancellationException when the progress callback cancels
     */
    public Dataset read(Path sdf, Options options) throws IOException {
        if (!Files.isRegularFile(sdf)) {
            throw new NoSuchFileException(sdf.toString(), null, "SD file not found");
        }
        RecordAssembler assembler = new RecordAssembler(fromCoordinates, fromGraph, options.maxRings());
        SmilesGenerator smigen = new SmilesGenerator(SmiFlavor.Unique | SmiFlavor.UseAromaticSymbols);
        List<MoleculeRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<GeometryFallback> fallbacks = new ArrayList<>();
        Map<String, Long> firstRecord = new HashMap<>();
        String source = sdf.toString();
        long count = 0;
        try (Utf8LineReader utf8 = new Utf8LineReader(Files.newInputStream(sdf));
                BufferedReader in = new BufferedReader(utf8)) {
            SdRecord rec;
            long[] lineNo = {0};
            long start = 1;
            while (count < options.recordLimit() && (rec = next(in, count + 1, lineNo)) != null) {
                count++;
                String id = "";
                Utf8LineReader.BadByte bad = utf8.badByteIn(start, Math.max(start, lineNo[0]));
                start = lineNo[0] + 1;
                try {
                    if (bad != null) {
                        throw new RecordRejectedException(RejectionReason.BAD_ENCODING, "line " + bad.line() + ": "
                                + bad.describe() + "; " + Utf8LineReader.ADVICE);
                    }
                    if (rec.malformed != null) {
                        throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, rec.malformed);
                    }
                    IAtomContainer mol = parseMolfile(rec);
                    id = id(rec, mol, options);
                    records.add(assemble(rec, id, mol, options, assembler, smigen, firstRecord));
                    if (!has3d(mol)) {
                        fallbacks.add(new GeometryFallback(source, rec.number, id, has2d(mol)
                                ? FallbackReason.SDF_2D_COORDINATES : FallbackReason.SDF_NO_COORDINATES));
                    }
                } catch (RecordRejectedException e) {
                    rejections.add(new Rejection(source, rec.number, id, e.reason(),
                            e.getMessage() + " (record starts on line " + rec.firstLine + ")"));
                }
                if (count % PROGRESS_EVERY == 0) {
                    options.progress.update(count, -1);
                }
            }
        }
        options.progress.update(count, count);
        if (count == 0) {
            throw new DatasetFormatException(sdf + " is empty: expected SD records (molfile, data items, $$$$)");
        }
        if (records.isEmpty()) {
            throw new DatasetFormatException(sdf + ": none of the " + count + " records is usable; "
                    + CompasCsvReader.summary(rejections));
        }
        return new Dataset(source, options.properties(), records, rejections, fallbacks);
    }

    private static MoleculeRecord assemble(SdRecord rec, String id, IAtomContainer mol, Options options,
            RecordAssembler assembler, SmilesGenerator smigen, Map<String, Long> firstRecord)
            throws RecordRejectedException {
        Long seen = firstRecord.putIfAbsent(id, rec.number);
        if (seen != null) {
            throw new RecordRejectedException(RejectionReason.DUPLICATE_ID, "id first seen in record " + seen);
        }
        double[] props = new double[options.properties().size()];
        for (int i = 0; i < props.length; i++) {
            String field = options.properties().get(i);
            if (!rec.data.containsKey(field)) {
                throw new RecordRejectedException(RejectionReason.MISSING_PROPERTY, "no data field '" + field
                        + "'; fields are " + rec.data.keySet());
            }
            props[i] = RecordAssembler.property(field, rec.data.get(field));
        }
        String smiles;
        try {
            AROMATICITY.apply(mol); // aromatic SMILES as in COMPAS; the flags do not affect the geometry
            smiles = smigen.create(mol);
        } catch (CDKException | RuntimeException e) {
            throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "cannot write a SMILES: "
                    + e.getMessage());
        }
        int rings = assembler.checkRingCount(mol);
        RecordAssembler.checkRule(mol);
        GraphOfRings gor = has3d(mol)
                ? assembler.fromCoordinates(mol, rings, RejectionReason.BAD_GEOMETRY, "3D coordinates")
                : assembler.fromGraph(mol, rings);
        return new MoleculeRecord(id, smiles, gor, props);
    }

    private static String id(SdRecord rec, IAtomContainer mol, Options options) throws RecordRejectedException {
        if (options.idField() != null) {
            String v = rec.data.get(options.idField());
            if (v == null || v.isBlank()) {
                throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "no value in id field '"
                        + options.idField() + "'");
            }
            return v.trim();
        }
        String title = mol.getTitle();
        return title == null || title.isBlank() ? "record-" + rec.number : title.trim();
    }

    /** Whether some atom has a 2D point (CDK reads all-zero coordinates as none at all). */
    private static boolean has2d(IAtomContainer mol) {
        for (IAtom a : mol.atoms()) {
            if (a.getPoint2d() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean has3d(IAtomContainer mol) {
        if (mol.getAtomCount() == 0) {
            return false;
        }
        for (IAtom a : mol.atoms()) {
            if (a.getPoint3d() == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bond order 4 ("aromatic", a query type many tools still write) leaves CDK without bond orders or hydrogen
     * counts. For aromatic carbon (the atoms of GaUDI's ring types that matter here) both follow from the graph: a
     * carbon with d heavy-or-explicit neighbours has 3 − d hydrogens, and a Kekulé structure is then assigned. Other
     * aromatic atoms are ambiguous (pyrrole-type N has an H, pyridine-type not) and rejected with that reason.
     */
    private static void kekulizeAromaticBonds(IAtomContainer mol) throws RecordRejectedException {
        boolean any = false;
        for (org.openscience.cdk.interfaces.IBond b : mol.bonds()) {
            if (b.getOrder() == null || b.getOrder() == org.openscience.cdk.interfaces.IBond.Order.UNSET) {
                if (!b.isAromatic()) {
                    continue;
                }
                any = true;
                for (IAtom a : b.atoms()) {
                    if (!"C".equals(a.getSymbol())) {
                        throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "bond "
                                + (mol.indexOf(b) + 1) + " has order 4 (aromatic) at a " + a.getSymbol()
                                + " atom, whose hydrogens it leaves undefined; save the file with Kekulé bonds"
                                + " (orders 1 and 2)");
                    }
                }
            }
        }
        if (!any) {
            return;
        }
        for (IAtom a : mol.atoms()) {
            if (a.getImplicitHydrogenCount() == null && "C".equals(a.getSymbol()) && a.isAromatic()) {
                a.setImplicitHydrogenCount(Math.max(0, 3 - mol.getConnectedBondsCount(a)));
            }
        }
        try {
            org.openscience.cdk.aromaticity.Kekulization.kekulize(mol);
        } catch (CDKException e) {
            throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "its order-4 (aromatic) bonds"
                    + " admit no Kekulé structure: " + e.getMessage());
        }
    }

    private static IAtomContainer parseMolfile(SdRecord rec) throws RecordRejectedException {
        String[] lines = rec.molfile.split("\n", 5);
        boolean v3000 = lines.length > 3 && lines[3].contains("V3000");
        try (ISimpleChemObjectReader reader = v3000 ? new MDLV3000Reader(new StringReader(rec.molfile))
                : new MDLV2000Reader(new StringReader(rec.molfile))) {
            IAtomContainer mol = reader.read(SilentChemObjectBuilder.getInstance().newAtomContainer());
            if (mol == null || mol.getAtomCount() == 0) {
                throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "molfile has no atoms");
            }
            if (mol.getTitle() == null && !lines[0].isBlank()) {
                mol.setTitle(lines[0].trim());
            }
            kekulizeAromaticBonds(mol);
            return mol;
        } catch (RecordRejectedException e) {
            throw e;
        } catch (CDKException | IOException | RuntimeException e) {
            throw new RecordRejectedException(RejectionReason.MALFORMED_RECORD, "unreadable molfile: "
                    + e.getMessage());
        }
    }

    /**
     * Next record: lines up to {@code $$$$} (or the end of the file). The molfile ends at {@code M  END}; data items
     * follow as a {@code > <name>} line and value lines up to a blank line. Null at the end of the file.
     */
    private static SdRecord next(BufferedReader in, long number, long[] lineNo) throws IOException {
        List<String> lines = new ArrayList<>();
        long first = -1;
        String line;
        boolean terminated = false;
        while ((line = in.readLine()) != null) {
            lineNo[0]++;
            if (line.startsWith("$$$$")) {
                terminated = true;
                break;
            }
            if (first < 0) {
                first = lineNo[0];
            }
            lines.add(line);
        }
        if (lines.stream().allMatch(String::isBlank)) {
            return terminated ? new SdRecord(number, Math.max(first, lineNo[0]), "", Map.of(), "empty record")
                    : null;
        }
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("M  END")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return new SdRecord(number, first, "", Map.of(), "no 'M  END' line");
        }
        StringBuilder molfile = new StringBuilder();
        for (int i = 0; i <= end; i++) {
            molfile.append(lines.get(i)).append('\n');
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = end + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith(">")) {
                continue;
            }
            int open = l.indexOf('<');
            int close = l.indexOf('>', open + 1);
            if (open < 0 || close < 0) {
                continue; // data header without a field name (e.g. "> 25"): not addressable by name
            }
            String name = l.substring(open + 1, close);
            StringBuilder value = new StringBuilder();
            while (i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
                i++;
                if (value.length() > 0) {
                    value.append('\n');
                }
                value.append(lines.get(i));
            }
            data.putIfAbsent(name, value.toString());
        }
        return new SdRecord(number, first, molfile.toString(), data, null);
    }
}
