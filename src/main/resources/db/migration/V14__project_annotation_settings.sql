-- How many editors annotate each article of a project (assignments), and whether an editor sees
-- the others' spans on an article only once their own work on it is done (honest agreement).
alter table project add column annotators_per_article integer default 1 not null;
alter table project add column blind boolean default false not null;
