package edu.rush.gme.search;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * A Lucene file held in one byte array, read with plain array access. Every file of the index is
 * read through it ({@link SearchIndex#newDirectory()}). Lucene's LZ4 reads stored text a byte at a
 * time, and scoring reads each hit's norms, the facets' doc values and the terms index by position
 * ({@link RandomAccessInput}); through {@code ByteBuffersIndexInput} each of those bytes was a
 * buffer lookup, a bounds check and a position update, and each slice or clone (every term's
 * postings a query opens) a copy of its buffer list. With only the C1 compiler (deploy/jvm.options)
 * that was about a third of a search at 10,000 programs for the stored text alone. Lucene 9 has no
 * such input of its own (its {@code OUTPUT_AS_BYTE_ARRAY} gives a {@code ByteBuffersIndexInput} too).
 * Multi-byte numbers are little-endian, as Lucene 9 writes them; runs of them (the postings' blocks)
 * are copied in bulk through a little-endian view.
 */
final class ByteArrayIndexInput extends IndexInput implements RandomAccessInput {

    private final byte[] bytes;
    /** This input's part of {@link #bytes}: from {@code start} (file pointer 0) to {@code end}. */
    private final int start;
    private final int end;
    private int pos;

    ByteArrayIndexInput(String description, byte[] bytes) {
        this(description, bytes, 0, bytes.length);
    }

    private ByteArrayIndexInput(String description, byte[] bytes, int start, int length) {
        super(description);
        this.bytes = bytes;
        this.start = start;
        this.end = start + length;
        this.pos = start;
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return bytes[pos++];
    }

    @Override
    public void readBytes(byte[] b, int offset, int len) throws IOException {
        need(len);
        System.arraycopy(bytes, pos, b, offset, len);
        pos += len;
    }

    @Override
    public short readShort() throws IOException {
        need(Short.BYTES);
        short v = (short) ((bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8);
        pos += Short.BYTES;
        return v;
    }

    @Override
    public int readInt() throws IOException {
        need(Integer.BYTES);
        int v = intAt(pos);
        pos += Integer.BYTES;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        need(Long.BYTES);
        long v = (intAt(pos) & 0xFFFFFFFFL) | (long) intAt(pos + Integer.BYTES) << 32;
        pos += Long.BYTES;
        return v;
    }

    @Override
    public void readLongs(long[] dst, int offset, int length) throws IOException {
        need(length * (long) Long.BYTES);
        view(pos, length * Long.BYTES).asLongBuffer().get(dst, offset, length);
        pos += length * Long.BYTES;
    }

    @Override
    public void readInts(int[] dst, int offset, int length) throws IOException {
        need(length * (long) Integer.BYTES);
        view(pos, length * Integer.BYTES).asIntBuffer().get(dst, offset, length);
        pos += length * Integer.BYTES;
    }

    @Override
    public void readFloats(float[] dst, int offset, int length) throws IOException {
        need(length * (long) Float.BYTES);
        view(pos, length * Float.BYTES).asFloatBuffer().get(dst, offset, length);
        pos += length * Float.BYTES;
    }

    /** {@code length} bytes from {@code p}, as a little-endian buffer (checked by the caller). */
    private ByteBuffer view(int p, int length) {
        return ByteBuffer.wrap(bytes, p, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public byte readByte(long position) throws IOException {
        return bytes[at(position, 1)];
    }

    @Override
    public short readShort(long position) throws IOException {
        int p = at(position, Short.BYTES);
        return (short) ((bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8);
    }

    @Override
    public int readInt(long position) throws IOException {
        return intAt(at(position, Integer.BYTES));
    }

    @Override
    public long readLong(long position) throws IOException {
        int p = at(position, Long.BYTES);
        return (intAt(p) & 0xFFFFFFFFL) | (long) intAt(p + Integer.BYTES) << 32;
    }

    /** Where {@code count} bytes at {@code position} (of this input) are in the array; an end of file when they are not all inside it. */
    private int at(long position, int count) throws EOFException {
        if (position < 0 || position > end - start - count) {
            throw new EOFException("read of " + count + " bytes at " + position + " outside " + this);
        }
        return start + (int) position;
    }

    @Override
    public RandomAccessInput randomAccessSlice(long offset, long length) throws IOException {
        return (ByteArrayIndexInput) slice("random access", offset, length);
    }

    /** Fails, before anything is read, when fewer than {@code count} bytes are left. */
    private void need(long count) throws EOFException {
        if (count > end - pos) {
            throw new EOFException("read past the end of " + this);
        }
    }

    /** The little-endian int at {@code p}, unchecked. */
    private int intAt(int p) {
        return (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 3] & 0xFF) << 24;
    }

    @Override
    public long getFilePointer() {
        return pos - start;
    }

    @Override
    public void seek(long position) throws IOException {
        if (position < 0 || position > end - start) {
            throw new EOFException("seek to " + position + " outside " + this);
        }
        pos = start + (int) position;
    }

    @Override
    public void skipBytes(long count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("cannot skip a negative number of bytes: " + count);
        }
        seek(getFilePointer() + count);
    }

    @Override
    public long length() {
        return end - start;
    }

    @Override
    public IndexInput slice(String description, long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > end - start) {
            throw new IllegalArgumentException("slice " + offset + "+" + length + " outside " + this);
        }
        return new ByteArrayIndexInput(getFullSliceDescription(description), bytes, start + (int) offset, (int) length);
    }

    @Override
    public void close() {
        // Nothing to release: the array belongs to the directory.
    }
}
