package io.gloss.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One frozen file of a dataset, with what it was when written. */
@Embeddable
public class DatasetFile {

    @Column(name = "name")
    public String name;

    @Column(name = "bytes")
    public long bytes;

    /** SHA-256 of the file's bytes, lower-case hex. */
    @Column(name = "sha256")
    public String sha256;

    public DatasetFile() {
    }

    public DatasetFile(String name, long bytes, String sha256) {
        this.name = name;
        this.bytes = bytes;
        this.sha256 = sha256;
    }
}
