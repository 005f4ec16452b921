-- A big list's exposures live in a table of their own, a child of "exposure" (table inheritance): the upload
-- COPYs into a fresh table with no index, then builds the indexes in bulk, which costs PostgreSQL about half
-- of inserting a million rows into the parent's search indexes one by one (packages/db/src/lists/README.md,
-- "Storage"). A small list's rows are moved into "exposure" itself and its table dropped.

-- The one naming rule of a list's table, for the upload, the triggers and migrations alike.
CREATE FUNCTION "exposure_list_table"("list_id" uuid) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'exposure_' || replace("list_id"::text, '-', '')
$$;

-- An index of "exposure" as a list's table has it, without its name and table: "CREATE INDEX USING btree (ip)".
-- A leading "list_id" is left out, the table holding one list: sorting a million equal list ids before the
-- owner cost that index's bulk build more than twice the time of the owner alone.
CREATE FUNCTION "exposure_index_shape"("definition" text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(regexp_replace("definition", '^(CREATE (?:UNIQUE )?INDEX) \S+ ON \S+ USING ', '\1 USING '),
                        '^(CREATE (?:UNIQUE )?INDEX USING \w+ \()list_id, ', '\1')
$$;

-- Gives a list's table the indexes "exposure" has and drops those it no longer has (CREATE INDEX does not
-- reach a child as ADD COLUMN does): the upload calls it once its rows are in, and a migration that adds or
-- drops an index of "exposure" calls it for every child (see packages/db/src/lists/README.md). The sorts of
-- a million-row list's indexes fit in 256 MB: a third less time than in the default 64 MB.
CREATE FUNCTION "exposure_sync_child_indexes"("child" regclass) RETURNS void LANGUAGE plpgsql
SET "maintenance_work_mem" = '256MB' AS $$
DECLARE
  "wanted" text;
  "unwanted" regclass;
BEGIN
  FOR "wanted" IN
    SELECT exposure_index_shape(pg_get_indexdef(p."indexrelid")) FROM pg_index p
     WHERE p."indrelid" = '"exposure"'::regclass
    EXCEPT
    SELECT exposure_index_shape(pg_get_indexdef(c."indexrelid")) FROM pg_index c WHERE c."indrelid" = "child"
  LOOP
    EXECUTE replace("wanted", ' INDEX USING ', ' INDEX ON ' || "child"::text || ' USING ');
  END LOOP;
  FOR "unwanted" IN
    SELECT c."indexrelid"::regclass FROM pg_index c
     WHERE c."indrelid" = "child"
       AND exposure_index_shape(pg_get_indexdef(c."indexrelid")) NOT IN
           (SELECT exposure_index_shape(pg_get_indexdef(p."indexrelid")) FROM pg_index p WHERE p."indrelid" = '"exposure"'::regclass)
  LOOP
    EXECUTE format('DROP INDEX %s', "unwanted");
  END LOOP;
END $$;

-- Deleting a list drops its table, if it has one; its rows in "exposure" itself go as before.
CREATE OR REPLACE FUNCTION "exposure_list_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "child" regclass;
BEGIN
  FOR "child" IN
    SELECT i."inhrelid"::regclass FROM "deleted_list" d
      JOIN pg_class c ON c."relname" = exposure_list_table(d."id")
      JOIN pg_inherits i ON i."inhrelid" = c."oid" AND i."inhparent" = '"exposure"'::regclass
  LOOP
    EXECUTE format('DROP TABLE %s', "child");
  END LOOP;
  DELETE FROM ONLY "exposure" e USING "deleted_list" d WHERE e."list_id" = d."id";
  RETURN NULL;
END $$;
