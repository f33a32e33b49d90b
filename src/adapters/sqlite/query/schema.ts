/**
 * The query model's tables: one row per initiative with the columns lists filter and sort on, one
 * row per tag (organisation, target group, målbild link) so those filters and counts are indexed,
 * the stances (for the tally column and "not yet voted"), and two full-text indexes: substrings of
 * the searchable text (trigram, so "vård" finds "hemsjukvård") and whole words for the similar check.
 * The same schema is the embedded store's own tables and the SharePoint replica's in-memory copy.
 */
export const QUERY_SCHEMA = `
  CREATE TABLE q_initiatives (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    initiator_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    decision_year INTEGER,
    ref TEXT NOT NULL,
    title_key TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    proposed_at TEXT,
    first_decided_at TEXT,
    approvals INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
  );
  CREATE INDEX q_initiatives_status ON q_initiatives(status, updated_at);
  CREATE INDEX q_initiatives_initiator ON q_initiatives(initiator_id, updated_at);
  CREATE INDEX q_initiatives_year ON q_initiatives(year, status);
  CREATE INDEX q_initiatives_decision_year ON q_initiatives(decision_year, status);
  CREATE INDEX q_initiatives_updated ON q_initiatives(updated_at);

  CREATE TABLE q_tags (
    kind TEXT NOT NULL,
    tag TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (kind, tag, seq)
  ) WITHOUT ROWID;
  CREATE INDEX q_tags_seq ON q_tags(seq);

  CREATE TABLE q_stances (
    initiative_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    stance TEXT NOT NULL,
    PRIMARY KEY (initiative_id, member_id)
  ) WITHOUT ROWID;

  CREATE VIRTUAL TABLE q_text USING fts5(hay, tokenize = 'trigram');
  CREATE VIRTUAL TABLE q_words USING fts5(words, tokenize = 'unicode61 remove_diacritics 0');
`;
