package io.gloss.dataset;

import java.io.InputStream;
import java.util.function.IntFunction;

/** A stored file read chunk by chunk as they are needed: only one chunk is in memory at a time. */
final class ChunkInputStream extends InputStream {

    /** Chunk {@code seq} of the file, or null past its last. */
    private final IntFunction<byte[]> chunks;
    private byte[] chunk = new byte[0];
    private int position;
    private int next;
    private boolean ended;

    ChunkInputStream(IntFunction<byte[]> chunks) {
        this.chunks = chunks;
    }

    @Override
    public int read() {
        return available() > 0 || fill() ? chunk[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (available() == 0 && !fill()) {
            return -1;
        }
        int n = Math.min(len, available());
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.length - position;
    }

    /** Reads chunks until one has bytes (a stored empty file is one empty chunk); false at the end. */
    private boolean fill() {
        while (!ended) {
            byte[] read = chunks.apply(next++);
            if (read == null) {
                ended = true;
                chunk = new byte[0];
            } else {
                chunk = read;
            }
            position = 0;
            if (chunk.length > 0) {
                return true;
            }
        }
        return false;
    }
}
