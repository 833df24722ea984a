//! Bounds on what Rally accepts, from a form or from a file. Imported files are untrusted:
//! every list and every text has a ceiling, so a hostile file cannot exhaust the browser.

/// Largest file the import accepts (bytes): twice the full export of a practice of 20
/// campaigns × 4 sessions × 2 mediators × 1,500 coded events with every answer (about 33 MB,
/// `examples/scale_fixture.rs`), so that such an export can be imported back.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// Longest name (campaign, person, role, place), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest free text (topic, summary), in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Most candidates or mediators in one campaign.
pub const MAX_PEOPLE: usize = 100;
/// Most campaigns in one workspace.
pub const MAX_CAMPAIGNS: usize = 5000;
/// Most custom roles in one workspace.
pub const MAX_ROLES: usize = 500;
/// The method asks for three or four real work sessions.
pub const MIN_SESSIONS: usize = 3;
pub const MAX_SESSIONS: usize = 4;
/// Deepest JSON nesting the import reads before refusing the file.
pub const MAX_JSON_DEPTH: usize = 64;
/// How many undo steps are kept in memory.
pub const UNDO_DEPTH: usize = 100;
/// Most kits, and most observations, in one file or one browser.
pub const MAX_OBSERVATIONS: usize = 2000;
/// Most self-assessment responses in one file or one browser.
pub const MAX_RESPONSES: usize = 5000;
/// Most invitations in one file or one browser.
pub const MAX_INVITATIONS: usize = 2000;
/// Longest answer to an instrument's open question (free text), in characters; an instrument
/// may ask for less with its own `open_question.max_chars`.
pub const MAX_OPEN_ANSWER_CHARS: usize = 2000;
/// Most answers in one response (the longest instrument has far fewer items).
pub const MAX_ANSWERS: usize = 500;
/// Most decisions recorded in one campaign (every one is kept, for the history).
pub const MAX_DECISIONS: usize = 1000;
/// Most reading choices (versions chosen, clock offsets) in one campaign.
pub const MAX_READING_CHOICES: usize = 2000;
/// Largest clock offset between two mediators' codings of one session: one hour.
pub const MAX_CLOCK_OFFSET_MS: i64 = 3_600_000;
/// Most erasures (tombstones) recorded in one campaign: one per person erased everywhere, and
/// one per person whose answers were erased.
pub const MAX_ERASURES: usize = 2000;
/// Longest retention period a campaign may set after it ends: ten years, in months.
pub const MAX_RETENTION_MONTHS: u16 = 120;
/// Entries kept in one campaign's import log: the oldest go first (`campaign::imports`).
pub const MAX_IMPORT_ENTRIES: usize = 100;
/// Records named by one campaign's import log, all entries together (the oldest entries go
/// first; a file holds at most 5,000 responses, 2,000 kits and 2,000 observations).
pub const MAX_IMPORT_RECORDS: usize = 10_000;
