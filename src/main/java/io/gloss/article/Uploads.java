package io.gloss.article;

import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Files uploaded through the import forms: their bytes, and their text when it must be UTF-8 (a 415 saying so otherwise). */
public final class Uploads {

    private Uploads() {
    }

    public static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String decode(byte[] bytes, String name) {
        try {
            return TextNormalizer.decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new GlossException(415, "not_utf8", name + " is not UTF-8 text. Save it as UTF-8 and upload it again; nothing was imported.");
        }
    }

    /** The name the browser gave the file, or "upload". */
    public static String name(FileUpload file) {
        return file.fileName() == null ? "upload" : file.fileName();
    }
}
