package io.gloss.suggestion;

import io.gloss.article.Article;
import io.gloss.project.Label;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * What a suggestion proposes and a rejection refuses: a label at {@code text[start:end]} of an
 * article (code points, end exclusive), the columns both tables share.
 */
@MappedSuperclass
public abstract class SuggestedPlace extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "label_id")
    public Label label;

    @Column(name = "start_offset")
    public int start;

    @Column(name = "end_offset")
    public int end;

    /** Takes the other's place: the same project, article, label and offsets. */
    void placeAs(SuggestedPlace other) {
        projectId = other.projectId;
        article = other.article;
        label = other.label;
        start = other.start;
        end = other.end;
    }
}
