package io.gloss.article;

import io.gloss.audit.RecordNames;
import io.gloss.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/** Names the projects and articles of audit events, one query per kind and page. */
@ApplicationScoped
public class AuditRecordNames implements RecordNames {

    @Override
    public Map<Long, String> projects(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : Project.names(ids);
    }

    @Override
    public Map<Long, String> articles(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : Article.titles(ids);
    }
}
