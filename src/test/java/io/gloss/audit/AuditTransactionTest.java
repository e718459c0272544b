package io.gloss.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gloss.TestData;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationService;
import io.gloss.annotation.AnnotationView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

/** An audit event shares the fate of the change it describes. */
@QuarkusTest
@TestSecurity(user = "audit-editor", roles = "editor")
class AuditTransactionTest {

    @Inject
    TestData data;

    @Inject
    AnnotationService annotations;

    @Inject
    AuditService audit;

    @Test
    void eventIsWrittenWithTheChangeAndRolledBackWithIt() {
        long project = data.project("audit-editor");
        long article = data.article(project, "Audit", "Kyiv and Kursk.");
        long[] id = new long[1];
        QuarkusTransaction.begin();
        AnnotationView created = annotations.create(new AnnotationService.NewAnnotation(article, "LOCATION", 0, 4, "Kyiv", null));
        id[0] = created.id();
        assertEquals(1, AuditEvent.count("entity = 'annotation' and entityId = ?1", id[0]), "written in the same transaction");
        QuarkusTransaction.rollback();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("entity = 'annotation' and entityId = ?1", id[0])), "rolled back with the change");
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Annotation.findById(id[0])));

        AnnotationView kept = annotations.create(new AnnotationService.NewAnnotation(article, "LOCATION", 0, 4, "Kyiv", null));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("entity = 'annotation' and entityId = ?1 and action = 'create'", kept.id())));
    }

    @Test
    void auditRefusesToRunOutsideATransaction() {
        assertThrows(TransactionalException.class, () -> audit.record(1L, "annotation", 1, "create", null, null));
    }
}
