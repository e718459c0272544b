package io.gloss.article;

import io.gloss.project.Project;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * An immutable text with metadata. The text is normalised once at import (NFC, line endings to
 * {@code \n}) and never changes; {@link #length} counts Unicode code points, the unit of every
 * offset in Gloss.
 */
@Entity
public class Article extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    public String title;
    public String source;
    public String url;
    public String author;
    /** As given at import (ISO date or date-time). */
    public String published;
    public String language;
    @Column(name = "external_id")
    public String externalId;

    /** The normalised text ("text" is a reserved word in some SQL dialects). */
    @Column(name = "body")
    public String text;

    /** Length in code points. */
    public int length;

    /** SHA-256 of the normalised text in UTF-8, lower-case hex. */
    public String sha256;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether pages may link to {@link #url}: articles stored before only http(s) was accepted may hold others. */
    public boolean hasWebUrl() {
        return ArticleInput.isHttp(url);
    }
}
