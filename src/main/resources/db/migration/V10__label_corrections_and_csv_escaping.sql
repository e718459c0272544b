-- Portable SQL (H2 2.x and PostgreSQL 15).

-- The reviewer whose correction (POST /api/annotations/{id}/label) is an annotation's current
-- label; null while the label is the author's. The four-eyes rule keeps them from deciding on it.
alter table annotation add column label_corrected_by varchar(100);
-- Corrections made before this column existed are read back from the audit trail: the latest
-- relabel's reviewer (even if the author changed the label since, which errs on the safe side).
update annotation set label_corrected_by = (
    select max(e.actor) from audit_event e
    where e.entity = 'annotation' and e.entity_id = annotation.id and e.action = 'relabel'
      and e.at = (select max(l.at) from audit_event l
                  where l.entity = 'annotation' and l.entity_id = annotation.id and l.action = 'relabel'))
where id in (select entity_id from audit_event where entity = 'annotation' and action = 'relabel');

-- CSV datasets: cells that a spreadsheet would read as a formula get a leading ' (OWASP). On by
-- default for new definitions; datasets defined before were built without it, so they say false.
alter table dataset add column csv_escape_formulas boolean default false not null;
