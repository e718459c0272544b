-- Datasets' files live in the database, so that every instance sharing it serves them: each file
-- in chunks of gloss.datasets.chunk-size bytes, numbered from 0, written in the transaction that
-- marks the dataset DONE. bytea is PostgreSQL's byte string; H2 reads it as BINARY VARYING.
create table dataset_chunk (
    dataset_id bigint not null references dataset (id) on delete cascade,
    name       varchar(200) not null,
    seq        integer not null,
    data       bytea not null,
    primary key (dataset_id, name, seq)
);

-- A build's claim: the instance building it (db.InstanceIdentity) until lease_until, which its
-- heartbeat moves on; a RUNNING dataset whose lease has run out is taken over by another instance.
alter table dataset add column claimed_by varchar(40);
alter table dataset add column lease_until timestamp(6) with time zone;
