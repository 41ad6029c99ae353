-- The embedded database has one process and one connection: that process keeps the data version in memory and
-- learns of each change from a notification at commit instead of asking before every public answer. Only a
-- session that sets binhdang.announce_data_version is told; on PostgreSQL nothing listens and nothing is sent.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  IF current_setting('binhdang.announce_data_version', true) = 'on' THEN
    PERFORM pg_notify('binhdang_data_version', '');
  END IF;
  RETURN NULL;
END;
$$;
