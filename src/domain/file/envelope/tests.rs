use super::*;
use serde_json::json;

const SALT: [u8; SALT_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const NONCE: [u8; NONCE_BYTES] = [
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab,
];

fn sample() -> Sealed {
    Sealed {
        iterations: ITERATIONS,
        salt: SALT,
        nonce: NONCE,
        ciphertext: (0..40u8).collect(),
    }
}

fn value(s: &Sealed) -> Value {
    serde_json::from_str(&s.to_json()).unwrap()
}

/// The sample's file with one member changed by `edit`, then read.
fn edited(edit: impl FnOnce(&mut Value)) -> Result<Sealed, SealedError> {
    let mut v = value(&sample());
    edit(&mut v);
    read_sealed(&v)
}

#[test]
fn the_header_is_the_documented_text() {
    // docs/file-format.md gives this text; an independent implementation rebuilds it.
    assert_eq!(
        Sealed::header(ITERATIONS, &SALT, &NONCE),
        r#"{"format":"rally-sealed","version":1,"content":"rally","kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw"},"cipher":{"name":"AES-256-GCM","nonce":"oKGio6Slpqeoqaqr"}}"#
    );
    let s = sample();
    assert_eq!(
        s.associated_data(),
        Sealed::header(s.iterations, &s.salt, &s.nonce).into_bytes()
    );
}

#[test]
fn a_file_is_its_header_then_the_ciphertext() {
    let s = sample();
    let file = s.to_json();
    let header = Sealed::header(s.iterations, &s.salt, &s.nonce);
    assert!(file.starts_with(&header[..header.len() - 1]));
    assert!(file.ends_with(&format!(
        r#","ciphertext":"{}"}}"#,
        crate::domain::base64::encode(&s.ciphertext)
    )));
    // Without its ciphertext member, the file is the header.
    let mut v = value(&s);
    v.as_object_mut().unwrap().remove("ciphertext");
    assert_eq!(serde_json::to_string(&v).unwrap().len(), header.len());
}

#[test]
fn a_file_round_trips_however_it_is_spaced_and_ordered() {
    let s = sample();
    assert_eq!(sniff(s.to_json().as_bytes()), Some(Ok(s.clone())));
    let pretty = serde_json::to_string_pretty(&value(&s)).unwrap();
    assert_eq!(sniff(pretty.as_bytes()), Some(Ok(s.clone())));
    let reordered = json!({
        "ciphertext": crate::domain::base64::encode(&s.ciphertext),
        "cipher": {"nonce": crate::domain::base64::encode(&NONCE), "name": CIPHER_NAME},
        "kdf": {"salt": crate::domain::base64::encode(&SALT), "iterations": ITERATIONS, "name": KDF_NAME},
        "content": "rally",
        "version": 1,
        "format": "rally-sealed",
    });
    let with_bom = format!("\u{feff}{reordered}");
    assert_eq!(sniff(with_bom.as_bytes()), Some(Ok(s)));
}

#[test]
fn other_files_are_not_sealed() {
    assert_eq!(sniff(b""), None);
    assert_eq!(sniff(br#"{"format":"rally","format_version":4}"#), None);
    // Named, but not as the format: a campaign called "rally-sealed".
    assert_eq!(
        sniff(br#"{"format":"rally","campaigns":[{"name":"rally-sealed"}]}"#),
        None
    );
    // Cut: not JSON, so the document reader says the file is incomplete.
    let file = sample().to_json();
    assert_eq!(sniff(&file.as_bytes()[..file.len() - 3]), None);
    let huge = format!("{file}{}", " ".repeat(MAX_SEALED_BYTES));
    assert_eq!(sniff(huge.as_bytes()), None);
}

#[test]
fn every_header_member_is_bound_to_the_ciphertext() {
    let s = sample();
    let aad = s.associated_data();
    let more = edited(|v| v["kdf"]["iterations"] = json!(ITERATIONS + 1)).unwrap();
    assert_ne!(more.associated_data(), aad);
    let mut salt = SALT;
    salt[0] ^= 1;
    let other_salt = edited(|v| v["kdf"]["salt"] = json!(crate::domain::base64::encode(&salt)));
    assert_ne!(other_salt.unwrap().associated_data(), aad);
    let mut nonce = NONCE;
    nonce[11] ^= 0x80;
    let other_nonce =
        edited(|v| v["cipher"]["nonce"] = json!(crate::domain::base64::encode(&nonce)));
    assert_ne!(other_nonce.unwrap().associated_data(), aad);
    // The other members have one accepted value in version 1: any change is refused.
    assert_eq!(
        edited(|v| v["content"] = json!("csv")),
        Err(SealedError::UnknownContent)
    );
    assert_eq!(
        edited(|v| v["version"] = json!(2)),
        Err(SealedError::FutureVersion {
            found: 2,
            supported: 1
        })
    );
    assert_eq!(
        edited(|v| v["kdf"]["name"] = json!("PBKDF2-SHA1")),
        Err(SealedError::UnknownKdf)
    );
    assert_eq!(
        edited(|v| v["cipher"]["name"] = json!("AES-128-GCM")),
        Err(SealedError::UnknownCipher)
    );
}

#[test]
fn iterations_are_bounded() {
    for (n, ok) in [
        (json!(MIN_ITERATIONS), true),
        (json!(MAX_ITERATIONS), true),
        (json!(MIN_ITERATIONS - 1), false),
        (json!(MAX_ITERATIONS + 1), false),
        (json!(1_000_000_000_000u64), false),
        (json!(u64::MAX), false),
    ] {
        let got = edited(|v| v["kdf"]["iterations"] = n.clone());
        if ok {
            assert_eq!(u64::from(got.unwrap().iterations), n.as_u64().unwrap());
        } else {
            assert_eq!(
                got,
                Err(SealedError::Iterations {
                    found: n.as_u64().unwrap()
                })
            );
        }
    }
    for n in [json!(-1), json!(600000.5), json!("600000"), json!(null)] {
        assert_eq!(
            edited(|v| v["kdf"]["iterations"] = n),
            Err(SealedError::Shape {
                field: "kdf.iterations".into()
            })
        );
    }
}

#[test]
fn binary_members_are_strict_base64url_of_their_size() {
    let b = crate::domain::base64::encode;
    for salt in [
        b(&[0; 15]),
        b(&[0; 17]),
        format!("{}==", b(&SALT)),
        b(&SALT).replace('A', "+"),
        String::new(),
    ] {
        assert_eq!(
            edited(|v| v["kdf"]["salt"] = json!(salt)),
            Err(SealedError::Salt)
        );
    }
    for nonce in [b(&[0; 11]), b(&[0; 16]), format!(" {}", b(&NONCE))] {
        assert_eq!(
            edited(|v| v["cipher"]["nonce"] = json!(nonce)),
            Err(SealedError::Nonce)
        );
    }
    for ciphertext in [
        String::new(),
        b(&[7; TAG_BYTES]),
        "AAAA!".into(),
        format!("{}=", b(&[1; 20])),
    ] {
        assert_eq!(
            edited(|v| v["ciphertext"] = json!(ciphertext)),
            Err(SealedError::Ciphertext)
        );
    }
}

#[test]
fn members_are_exactly_those_of_version_1() {
    let shape = |f: &str| Err(SealedError::Shape { field: f.into() });
    assert_eq!(
        edited(|v| {
            v.as_object_mut().unwrap().remove("kdf");
        }),
        shape("kdf")
    );
    assert_eq!(
        edited(|v| {
            v.as_object_mut().unwrap().remove("ciphertext");
        }),
        shape("ciphertext")
    );
    assert_eq!(edited(|v| v["note"] = json!("hello")), shape("note"));
    assert_eq!(
        edited(|v| v["kdf"]["hash"] = json!("SHA-256")),
        shape("kdf.hash")
    );
    assert_eq!(
        edited(|v| {
            v["cipher"].as_object_mut().unwrap().remove("nonce");
        }),
        shape("cipher.nonce")
    );
    assert_eq!(
        edited(|v| v["cipher"] = json!("AES-256-GCM")),
        shape("cipher")
    );
    assert_eq!(edited(|v| v["content"] = json!(1)), shape("content"));
    for version in [json!(0), json!("1"), json!(1.5), json!(null)] {
        assert_eq!(
            edited(|v| v["version"] = version),
            Err(SealedError::BadVersion)
        );
    }
    assert_eq!(
        edited(|v| {
            v.as_object_mut().unwrap().remove("version");
        }),
        Err(SealedError::BadVersion)
    );
}

#[test]
fn a_protected_link_round_trips_and_bad_ones_are_damaged() {
    let s = sample();
    let payload = s.link_payload();
    assert!(payload.starts_with(LINK_MARK));
    assert_eq!(sealed_link(&payload), Some(Ok(s.clone())));
    let link = format!("https://example.org/rally/{LINK_ROUTE}{payload}");
    assert_eq!(sealed_link(&link), Some(Ok(s.clone())));
    // Mail clients wrap long links.
    let wrapped = format!("{}\r\n{}", &link[..60], &link[60..]);
    assert_eq!(sealed_link(&wrapped), Some(Ok(s)));
    // An open link is not a protected one.
    assert_eq!(sealed_link("eyJpZCI6MX0"), None);
    assert_eq!(sealed_link(&format!("{LINK_ROUTE}eyJpZCI6MX0")), None);
    for bad in [
        payload[..payload.len() - 10].to_owned(),
        format!("{LINK_MARK}!!"),
        format!(
            "{LINK_MARK}{}",
            crate::domain::base64::encode(b"{\"format\":\"rally\"}")
        ),
        LINK_MARK.to_owned(),
    ] {
        assert_eq!(sealed_link(&bad), Some(Err(CodeError::BadLink)), "{bad}");
    }
    let long = format!("{LINK_MARK}{}", "A".repeat(MAX_CODE_CHARS));
    assert_eq!(sealed_link(&long), Some(Err(CodeError::TooLong)));
}

proptest::proptest! {
    #[test]
    fn any_envelope_round_trips(
        iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
        salt in proptest::array::uniform16(proptest::num::u8::ANY),
        nonce in proptest::array::uniform12(proptest::num::u8::ANY),
        ciphertext in proptest::collection::vec(proptest::num::u8::ANY, TAG_BYTES + 1..300),
    ) {
        let s = Sealed { iterations, salt, nonce, ciphertext };
        proptest::prop_assert_eq!(sniff(s.to_json().as_bytes()), Some(Ok(s.clone())));
        proptest::prop_assert_eq!(sealed_link(&s.link_payload()), Some(Ok(s)));
    }

    #[test]
    fn damaged_envelopes_never_panic(text in ".{0,400}") {
        let with_marker = format!("{{\"format\":\"rally-sealed\",{text}");
        let _ = sniff(with_marker.as_bytes());
        let _ = sealed_link(&format!("{LINK_MARK}{text}"));
    }
}
