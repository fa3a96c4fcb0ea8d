package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.Test;

/** The array-backed input reads what Lucene's own heap input reads, call for call. */
class ByteArrayIndexInputTest {

    @Test
    void every_read_seek_slice_and_clone_gives_what_lucenes_input_gives() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(3_000)];
            random.nextBytes(data);
            ByteBuffersDataOutput output = new ByteBuffersDataOutput();
            output.writeBytes(data, data.length);
            IndexInput expected = ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER.apply("expected", output);
            IndexInput actual = new ByteArrayIndexInput("actual", data.clone());
            if (data.length > 10 && random.nextBoolean()) {
                // A slice of each, read the same way.
                long offset = random.nextInt(data.length / 2);
                long length = random.nextInt((int) (data.length - offset));
                expected = expected.slice("part", offset, length);
                actual = actual.slice("part", offset, length);
            }
            assertThat(actual.length()).isEqualTo(expected.length());
            for (int step = 0; step < 60; step++) {
                long left = expected.length() - expected.getFilePointer();
                switch (random.nextInt(12)) {
                    case 0 -> {
                        if (left >= 1) {
                            assertThat(actual.readByte()).isEqualTo(expected.readByte());
                        }
                    }
                    case 1 -> {
                        int n = (int) Math.min(left, random.nextInt(64));
                        byte[] a = new byte[n + 2];
                        byte[] e = new byte[n + 2];
                        actual.readBytes(a, 1, n);
                        expected.readBytes(e, 1, n);
                        assertThat(a).isEqualTo(e);
                    }
                    case 2 -> {
                        if (left >= 2) {
                            assertThat(actual.readShort()).isEqualTo(expected.readShort());
                        }
                    }
                    case 3 -> {
                        if (left >= 4) {
                            assertThat(actual.readInt()).isEqualTo(expected.readInt());
                        }
                    }
                    case 4 -> {
                        if (left >= 8) {
                            assertThat(actual.readLong()).isEqualTo(expected.readLong());
                        }
                    }
                    case 5 -> {
                        if (left >= 10) {
                            // Variable-length numbers stop at the first byte under 128; random bytes make
                            // them short or a format error, the same either way.
                            long at = expected.getFilePointer();
                            try {
                                long e = expected.readVLong();
                                assertThat(actual.readVLong()).isEqualTo(e);
                            } catch (IOException | RuntimeException notAVLong) {
                                expected.seek(at);
                                actual.seek(at);
                            }
                        }
                    }
                    case 6 -> {
                        long to = expected.length() == 0 ? 0 : random.nextLong(expected.length() + 1);
                        actual.seek(to);
                        expected.seek(to);
                    }
                    case 7 -> {
                        long skip = left == 0 ? 0 : random.nextLong(left + 1);
                        actual.skipBytes(skip);
                        expected.skipBytes(skip);
                    }
                    case 9 -> {
                        // Runs of numbers (a postings block), read in bulk.
                        int kind = random.nextInt(3);
                        int width = kind == 0 ? Long.BYTES : Integer.BYTES;
                        int n = (int) Math.min(left / width, random.nextInt(40));
                        int at = random.nextInt(3);
                        if (kind == 0) {
                            long[] a = new long[n + 3];
                            long[] e = new long[n + 3];
                            actual.readLongs(a, at, n);
                            expected.readLongs(e, at, n);
                            assertThat(a).isEqualTo(e);
                        } else if (kind == 1) {
                            int[] a = new int[n + 3];
                            int[] e = new int[n + 3];
                            actual.readInts(a, at, n);
                            expected.readInts(e, at, n);
                            assertThat(a).isEqualTo(e);
                        } else {
                            float[] a = new float[n + 3];
                            float[] e = new float[n + 3];
                            actual.readFloats(a, at, n);
                            expected.readFloats(e, at, n);
                            assertThat(a).isEqualTo(e);
                        }
                    }
                    case 10 -> {
                        // Reads by position (norms, doc values, the terms index), on a part of the file, not moving the pointer.
                        long offset = expected.length() == 0 ? 0 : random.nextLong(expected.length());
                        long length = random.nextLong(expected.length() - offset + 1);
                        RandomAccessInput a = actual.randomAccessSlice(offset, length);
                        RandomAccessInput e = expected.randomAccessSlice(offset, length);
                        assertThat(a.length()).isEqualTo(e.length());
                        for (int read = 0; read < 20 && length > 0; read++) {
                            int width = 1 << random.nextInt(4);
                            if (length < width) {
                                continue;
                            }
                            long position = random.nextLong(length - width + 1);
                            switch (width) {
                                case 1 -> assertThat(a.readByte(position)).isEqualTo(e.readByte(position));
                                case 2 -> assertThat(a.readShort(position)).isEqualTo(e.readShort(position));
                                case 4 -> assertThat(a.readInt(position)).isEqualTo(e.readInt(position));
                                default -> assertThat(a.readLong(position)).isEqualTo(e.readLong(position));
                            }
                        }
                    }
                    default -> {
                        // A clone reads on from where its original was, on its own.
                        IndexInput clone = actual.clone();
                        IndexInput expectedClone = expected.clone();
                        if (left >= 1) {
                            assertThat(clone.readByte()).isEqualTo(expectedClone.readByte());
                        }
                        assertThat(clone.getFilePointer()).isEqualTo(expectedClone.getFilePointer());
                    }
                }
                assertThat(actual.getFilePointer()).isEqualTo(expected.getFilePointer());
            }
        }
    }

    @Test
    void reading_or_seeking_past_the_end_is_an_end_of_file_not_another_files_bytes() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        IndexInput part = new ByteArrayIndexInput("data", data).slice("part", 2, 3);
        part.seek(3);
        assertThatThrownBy(part::readByte).isInstanceOf(EOFException.class);
        part.seek(1);
        assertThatThrownBy(part::readInt).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> part.readBytes(new byte[4], 0, 3)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> part.seek(4)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> part.slice("beyond", 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> part.readLongs(new long[1], 0, 1)).isInstanceOf(EOFException.class);
        RandomAccessInput byPosition = part.randomAccessSlice(0, 3);
        assertThatThrownBy(() -> byPosition.readShort(2)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> byPosition.readByte(-1)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> byPosition.readInt(0)).isInstanceOf(EOFException.class);
        assertThat(byPosition.readByte(2)).isEqualTo((byte) 5);
        part.seek(0);
        assertThat(part.readShort()).isEqualTo((short) (3 | 4 << 8));
    }

    @Test
    void a_built_or_updated_index_reads_every_file_from_an_array() throws Exception {
        SearchAnalyzers analyzers = new SearchAnalyzers("");
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            documents.add(new SearchDocument(SearchDocument.PROGRAM, "/programs/p" + i, "Program " + i, "Residency", "residency",
                    "Cardiology", "Medicine", null, "Summary " + i, null, "Residents read echocardiograms. Page " + i + "."));
        }
        SearchIndex built = new SearchIndex(documents, analyzers);
        SearchIndex updated = built.updated(List.of(new SearchDocument(SearchDocument.PROGRAM, "/programs/p1", "Program one", "Residency",
                "residency", "Cardiology", "Medicine", null, "Summary", null, "Fellows place stents.")), List.of("/programs/p2"));
        for (SearchIndex index : List.of(built, updated)) {
            String[] files = index.directory().listAll();
            // Without compound files each of Lucene's files (stored text, postings, norms...) is read from an array of its own.
            assertThat(files).noneMatch(name -> name.endsWith(".cfs")).anyMatch(name -> name.endsWith(".fdt")).anyMatch(name -> name.endsWith(".nvd"));
            for (String name : files) {
                if (!name.equals("write.lock")) {
                    try (IndexInput input = index.directory().openInput(name, org.apache.lucene.store.IOContext.DEFAULT)) {
                        assertThat(input).as(name).isInstanceOf(ByteArrayIndexInput.class);
                    }
                }
            }
        }
        assertThat(updated.search("stents", null, null, 1).hits()).extracting(SearchResults.Hit::url).containsExactly("/programs/p1");
        assertThat(updated.search("echocardiograms", null, null, 1).total()).isEqualTo(28);
    }
}
