-- Nothing for SQLite: a SQLite file serves one process, whose submission limits stay in its memory
-- (PostgreSQL's V14 creates rate_limit_bucket, which servers sharing one database count in).
SELECT 1;
