-- Curation (issue 17): an annotation that repeats the accepted one (same article, span and label)
-- becomes MERGED into it, so exports hold the span once, with every annotator who gave it.
alter table annotation add column merged_into bigint;
alter table annotation add constraint fk_annotation_merged_into foreign key (merged_into) references annotation (id);
create index ix_annotation_merged_into on annotation (merged_into);
