-- Background imports that any instance sharing the database can run, exactly once.
-- The uploaded file is stored here in the transaction that writes its job, in chunks of 1 MiB
-- numbered from 0, and deleted when the job ends (DONE or FAILED). bytea is PostgreSQL's byte
-- string; H2 reads it as BINARY VARYING (as dataset_chunk, V12).
create table import_job_chunk (
    job_id bigint not null references import_job (id) on delete cascade,
    seq    integer not null,
    data   bytea not null,
    primary key (job_id, seq)
);

-- A job's claim: the instance running it (db.InstanceIdentity) until lease_until, which its
-- heartbeat moves on; a RUNNING job whose lease has run out is taken over by another instance,
-- after its last committed line (lines_read).
alter table import_job add column claimed_by varchar(40);
alter table import_job add column lease_until timestamp(6) with time zone;
