-- Submission limits (inquiries, registrations, staff sign-ins per client address) shared by every
-- server on this database: one Bucket4j token bucket per limit and address, read and written under
-- SELECT ... FOR UPDATE (Bucket4j's PostgreSQL backend). The id is the limit's name and the address
-- ("inquiries:203.0.113.7"); state is Bucket4j's own serialized bucket; expires_at (milliseconds
-- since 1970) is when the bucket would be full again, after which the row means nothing and is swept.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(200) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_by_expiry ON rate_limit_bucket (expires_at);
