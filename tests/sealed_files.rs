//! Sealed files: every file under `tests/fixtures/sealed/` (written by the independent
//! implementation `tests/crypto/rally-sealed.mjs`) must read exactly as the table below says —
//! refused with its error before any passphrase is asked, or read into an envelope whose
//! passphrase check is the browser's (`tests/e2e/protect.spec.mjs`) — and a refused file must
//! leave the workspace as it was. See `tests/fixtures/sealed/README.md`.

use rally::domain::file::envelope::{Sealed, SealedError, ITERATIONS};
use rally::domain::file::{merge, open_file, read_document, ImportError, Opened};
use rally::domain::i18n::import_error;
use rally::domain::lang::Lang;
use rally::domain::workspace::Workspace;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sealed")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const SALT: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const NONCE: [u8; 12] = [
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab,
];

enum Expect {
    /// The envelope reads: the passphrase is asked.
    Reads,
    /// Refused with exactly this error, before any passphrase.
    Is(ImportError),
}

fn sealed(e: SealedError) -> Expect {
    Expect::Is(ImportError::Sealed(e))
}

fn shape(field: &str) -> Expect {
    sealed(SealedError::Shape {
        field: field.to_owned(),
    })
}

fn table() -> Vec<(&'static str, Expect)> {
    use SealedError as S;
    vec![
        ("valid.json", Expect::Reads),
        ("altered-ciphertext.json", Expect::Reads),
        ("altered-header.json", Expect::Reads),
        ("tag-cut-off.json", Expect::Reads),
        ("truncated.json", Expect::Is(ImportError::Truncated)),
        (
            "iterations-1e12.json",
            sealed(S::Iterations {
                found: 1_000_000_000_000,
            }),
        ),
        (
            "iterations-1000.json",
            sealed(S::Iterations { found: 1000 }),
        ),
        ("iterations-float.json", shape("kdf.iterations")),
        (
            "version-2.json",
            sealed(S::FutureVersion {
                found: 2,
                supported: 1,
            }),
        ),
        ("version-missing.json", sealed(S::BadVersion)),
        ("kdf-argon2id.json", sealed(S::UnknownKdf)),
        ("cipher-chacha20.json", sealed(S::UnknownCipher)),
        ("content-csv.json", sealed(S::UnknownContent)),
        ("salt-8-bytes.json", sealed(S::Salt)),
        ("nonce-padded.json", sealed(S::Nonce)),
        ("ciphertext-standard-alphabet.json", sealed(S::Ciphertext)),
        ("ciphertext-tag-only.json", sealed(S::Ciphertext)),
        ("extra-member.json", shape("hint")),
        ("missing-cipher.json", shape("cipher")),
    ]
}

/// Reads like the import button does: an open file is merged; a sealed one waits for its
/// passphrase (nothing is merged); a refused one changes nothing.
fn import_into(ws: &Workspace, bytes: &[u8]) -> Result<Option<Sealed>, ImportError> {
    let before = ws.clone();
    let result = open_file(bytes, read_document).and_then(|opened| match opened {
        Opened::Plain(doc) => merge(ws, &doc).map(|_| None),
        Opened::Sealed(s) => Ok(Some(s)),
    });
    assert_eq!(*ws, before, "the workspace changed");
    result
}

#[test]
fn the_directory_and_the_table_list_the_same_files() {
    let files: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    let listed: BTreeSet<String> = table().iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(files, listed);
    let readme = std::fs::read_to_string(dir().join("README.md")).unwrap();
    for name in &files {
        assert!(
            readme.contains(name.as_str()),
            "README.md does not describe {name}"
        );
    }
}

#[test]
fn every_sealed_file_reads_as_pinned_and_a_refusal_changes_nothing() {
    let ws = read_document(&std::fs::read(dir().join("../format-v4.json")).unwrap())
        .unwrap()
        .into_workspace();
    for (name, want) in table() {
        let got = import_into(&ws, &read(name));
        match (want, got) {
            (Expect::Reads, Ok(Some(s))) => {
                assert_eq!((s.salt, s.nonce), (SALT, NONCE), "{name}");
            }
            (Expect::Is(want), Err(got)) => {
                assert_eq!(got, want, "{name}");
                // Every refusal is one sentence, in both languages.
                for lang in [Lang::Fr, Lang::En] {
                    let text = import_error(lang, &got);
                    assert!(
                        text.ends_with('.') && !text.trim().is_empty(),
                        "{name}: {text}"
                    );
                }
            }
            (_, got) => panic!("{name}: got {got:?}"),
        }
    }
}

#[test]
fn the_independent_implementation_writes_the_documented_header() {
    let Ok(Opened::Sealed(s)) = open_file(&read("valid.json"), read_document) else {
        panic!("valid.json is a sealed file");
    };
    assert_eq!(s.iterations, ITERATIONS);
    // The header the Node script bound (tests/crypto/rally-sealed.mjs, `header`) is the one
    // the app binds: the browser test opens the file; here the text is compared.
    assert_eq!(
        String::from_utf8(s.associated_data()).unwrap(),
        r#"{"format":"rally-sealed","version":1,"content":"rally","kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw"},"cipher":{"name":"AES-256-GCM","nonce":"oKGio6Slpqeoqaqr"}}"#
    );
    // Changing a header member changes what is bound: the altered file cannot open.
    let Ok(Opened::Sealed(altered)) = open_file(&read("altered-header.json"), read_document) else {
        panic!("altered-header.json reads");
    };
    assert_ne!(altered.associated_data(), s.associated_data());
    assert_eq!(altered.ciphertext, s.ciphertext);
}

#[test]
fn a_reader_of_open_files_says_a_sealed_one_is_protected() {
    assert_eq!(
        read_document(&read("valid.json")),
        Err(ImportError::Protected)
    );
}

#[test]
fn an_open_file_still_opens_as_before() {
    let bytes = std::fs::read(dir().join("../format-v4.json")).unwrap();
    assert_eq!(
        open_file(&bytes, read_document),
        Ok(Opened::Plain(read_document(&bytes).unwrap()))
    );
}

#[test]
fn size_bounds_hold_for_the_largest_rally_file() {
    use rally::domain::file::envelope::{MAX_SEALED_BYTES, TAG_BYTES};
    use rally::domain::limits::MAX_IMPORT_BYTES;
    let largest = Sealed {
        iterations: ITERATIONS,
        salt: SALT,
        nonce: NONCE,
        ciphertext: vec![7; MAX_IMPORT_BYTES + TAG_BYTES],
    };
    let file = largest.to_json();
    // docs/file-format.md gives this figure.
    assert_eq!(MAX_SEALED_BYTES, 89_479_532);
    assert!(file.len() <= MAX_SEALED_BYTES, "{} bytes", file.len());
    assert_eq!(
        open_file(file.as_bytes(), read_document),
        Ok(Opened::Sealed(largest.clone()))
    );
    let mut over = largest;
    over.ciphertext.push(7);
    assert_eq!(
        open_file(over.to_json().as_bytes(), read_document),
        Err(ImportError::Sealed(SealedError::Ciphertext))
    );
    // Past the largest sealed file, the file is too large whatever it says.
    let padded = format!("{}{}", over.to_json(), " ".repeat(MAX_SEALED_BYTES));
    assert!(matches!(
        open_file(padded.as_bytes(), read_document),
        Err(ImportError::TooLarge { max, .. }) if max == MAX_IMPORT_BYTES
    ));
}
