package io.gloss.dataset.format;

import io.gloss.dataset.DatasetFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of a dataset that hashes (SHA-256) and counts its bytes as they are written, so that
 * the manifest never reads a file back. Callers buffer in front of it.
 */
public final class HashedFile extends OutputStream {

    private final String name;
    private final DigestOutputStream out;
    private long bytes;

    private HashedFile(String name, OutputStream file) {
        this.name = name;
        try {
            this.out = new DigestOutputStream(file, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static HashedFile create(Path directory, String name) throws IOException {
        return new HashedFile(name, Files.newOutputStream(directory.resolve(name)));
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytes += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Name, size and hash; call once, after the file is closed. */
    public DatasetFile describe() {
        return new DatasetFile(name, bytes, HexFormat.of().formatHex(out.getMessageDigest().digest()));
    }
}
