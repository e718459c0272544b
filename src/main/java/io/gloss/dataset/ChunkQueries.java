package io.gloss.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The {@code dataset_chunk} table: a dataset's files as numbered pieces, written when it is
 * built and read one piece per query when downloaded, so that no file is ever held whole.
 */
@ApplicationScoped
class ChunkQueries {

    @Inject
    EntityManager em;

    void insert(long datasetId, String name, int seq, byte[] data) {
        em.createNativeQuery("insert into dataset_chunk (dataset_id, name, seq, data) values (?1, ?2, ?3, ?4)")
                .setParameter(1, datasetId).setParameter(2, name).setParameter(3, seq).setParameter(4, data)
                .executeUpdate();
    }

    /** The piece, or null past the file's last one. */
    byte[] read(long datasetId, String name, int seq) {
        List<?> found = em.createNativeQuery("select data from dataset_chunk where dataset_id = ?1 and name = ?2 and seq = ?3")
                .setParameter(1, datasetId).setParameter(2, name).setParameter(3, seq).getResultList();
        return found.isEmpty() ? null : (byte[]) found.get(0);
    }

    boolean any(long datasetId) {
        return !em.createNativeQuery("select 1 from dataset_chunk where dataset_id = ?1")
                .setParameter(1, datasetId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the file's first chunk is stored (every stored file has one, an empty file an empty one). */
    boolean has(long datasetId, String name) {
        return read(datasetId, name, 0) != null;
    }

    void deleteOf(long datasetId) {
        em.createNativeQuery("delete from dataset_chunk where dataset_id = ?1").setParameter(1, datasetId).executeUpdate();
    }
}
