-- exposure.raw holds the JSON object Baken writes (JSON.stringify, or bytes of validated fields copied
-- in place) and is only ever read back whole (a page of a list's exposures, cast to json there). As jsonb,
-- PostgreSQL parsed and rebuilt it for every row a COPY wrote: 1.0 of the 5.4 s a million-row scan report
-- cost it (npm run bench:ingest). Text keeps the bytes as they are.
ALTER TABLE "exposure" ALTER COLUMN "raw" TYPE TEXT USING "raw"::text;
