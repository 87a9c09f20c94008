package org.gaudi.core.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes UTF-8 text line by line and, instead of aborting at the first byte that is not UTF-8 (Java's
 * "Input length = 1"), replaces it by U+FFFD and remembers where it was, so that a reader can reject just the
 * record on that line and name the line, column and byte. Lines are counted from 1 at each '\n'.
 */
public final class Utf8LineReader extends Reader {
    /** Advice appended to every encoding message. */
    public static final String ADVICE = "the file must be UTF-8 encoded (convert it, e.g. iconv -f latin1 -t utf-8)";

    /** The first undecodable byte of a line. */
    public record BadByte(long line, int column, int value) {
        /** "byte 0xE9 at column 4 is not valid UTF-8" (without the line). */
        public String describe() {
            return String.format(Locale.ROOT, "byte 0x%02X at column %d is not valid UTF-8", value, column);
        }

        /** "line 2: byte 0xE9 at column 4 is not valid UTF-8; the file must be …". */
        public String message() {
            return "line " + line + ": " + describe() + "; " + ADVICE;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final TreeMap<Long, BadByte> bad = new TreeMap<>();
    private byte[] bytes = new byte[256];
    private char[] chars = new char[0];
    private int pos;
    private int len;
    private long line;
    private boolean eof;

    public Utf8LineReader(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
    }

    /** Decodes bytes held in memory (an xyz file, an archive entry). */
    public static Decoded decode(byte[] data) {
        try (Utf8LineReader r = new Utf8LineReader(new ByteArrayInputStream(data))) {
            StringBuilder sb = new StringBuilder(data.length);
            char[] buf = new char[4096];
            int n;
            while ((n = r.read(buf, 0, buf.length)) >= 0) {
                sb.append(buf, 0, n);
            }
            return new Decoded(sb.toString(), r.firstBadByte());
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen in memory
        }
    }

    /** Decoded text and its first undecodable byte (null when it was all UTF-8). */
    public record Decoded(String text, BadByte firstBadByte) {
    }

    @Override
    public int read(char[] cbuf, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        while (pos >= len) {
            if (eof || !nextLine()) {
                return -1;
            }
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(chars, pos, cbuf, off, k);
        pos += k;
        return k;
    }

    private boolean nextLine() throws IOException {
        int count = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (count == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, count * 2);
            }
            bytes[count++] = (byte) b;
            if (b == '\n') {
                break;
            }
        }
        if (b < 0) {
            eof = true;
        }
        if (count == 0) {
            return false;
        }
        line++;
        decodeLine(count);
        return true;
    }

    private void decodeLine(int count) {
        ByteBuffer src = ByteBuffer.wrap(bytes, 0, count);
        CharBuffer dst = CharBuffer.allocate(count + 1);
        decoder.reset();
        while (true) {
            CoderResult r = decoder.decode(src, dst, true);
            if (r.isError()) {
                bad.putIfAbsent(line, new BadByte(line, dst.position() + 1, bytes[src.position()] & 0xFF));
                src.position(src.position() + r.length());
                dst.put('\uFFFD');
            } else {
                break; // underflow: all input consumed (the buffer is large enough never to overflow)
            }
        }
        decoder.flush(dst);
        chars = dst.array();
        pos = 0;
        len = dst.position();
    }

    /** The first undecodable byte on lines {@code from..to} (inclusive), or null. */
    public BadByte badByteIn(long from, long to) {
        Map.Entry<Long, BadByte> e = bad.ceilingEntry(from);
        return e != null && e.getKey() <= to ? e.getValue() : null;
    }

    /** The first undecodable byte read so far, or null. */
    public BadByte firstBadByte() {
        return bad.isEmpty() ? null : bad.firstEntry().getValue();
    }

    /** Lines with an undecodable byte so far. */
    public int badLines() {
        return bad.size();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
