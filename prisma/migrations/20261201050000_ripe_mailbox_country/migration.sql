-- Reach (issue 14): the notice language of a RIPE abuse contact. Per import, each mailbox with the country
-- most of the ranges reaching it have (their `country:`, first value) and the language
-- NOTICE_LANGUAGE_BY_COUNTRY gave that country when it was imported. The organization made for the
-- mailbox takes both. As ripe_prefix: no foreign key; the import that replaces this one deletes its rows.
CREATE TABLE "ripe_mailbox" (
    "import_id" INTEGER NOT NULL,
    "mailbox" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "language" "Language" NOT NULL,
    CONSTRAINT "ripe_mailbox_pkey" PRIMARY KEY ("import_id", "mailbox")
);
