package io.gloss.review;

/**
 * How many relations wait for review under the queue's filters, for the review queue's link to
 * the relations' own queue. Declared here because review is below relation (which decides with
 * {@link Decision}); relation.RelationQueueQueries implements it, and the page asks it through
 * {@code Instance} so that review never names a relation class.
 */
public interface PendingRelations {

    /** Counted up to {@code limit}: a count equal to it means "that many or more". The label filter does not apply. */
    long count(ReviewQueueQueries.QueueFilter filter, int limit);
}
