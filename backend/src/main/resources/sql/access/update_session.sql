-- Spring Session's update of a session row (JdbcIndexedSessionRepository, same parameters in the same order),
-- committed without waiting for the WAL flush: every request moves its session's last-access time, and
-- waiting for the disk on each (a map's tiles too) queues requests under load. A crash can lose the last
-- fraction of a second of these touches (a session then ends that much sooner), never a sign-out: that
-- deletes the row and still waits. set_config(..., true) lasts until the end of this transaction.
WITH no_flush_wait AS (SELECT set_config('synchronous_commit', 'off', true))
UPDATE %TABLE_NAME%
SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
FROM no_flush_wait
WHERE PRIMARY_ID = ?
