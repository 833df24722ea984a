//! The shape of the code, kept true by a test (see `docs/architecture.md`):
//!
//! - the top-level modules of `src/domain/` form the layers of [`LAYERS`]: a module uses only
//!   modules of its own layer or of layers below, and no two modules use each other, even
//!   through others (no import cycle);
//! - nothing in the core uses the message catalogue (`i18n`), which sits on top;
//! - the core never touches the browser (no `yew`, `web_sys`, `js_sys`, `wasm_bindgen`, `gloo`);
//! - no source file holds more than [`MAX_LINES`] lines of non-test code.
//!
//! Dependencies are read from `crate::domain::…` paths in the code, outside comments, string
//! literals and test code (`#[cfg(test)]` items, `tests.rs` files).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers of `src/domain/`, from the leaves up. A module may use its own layer and those
/// below it, never those above.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "plain values",
        &[
            "address",
            "base64",
            "hash",
            "history",
            "json",
            "json_path",
            "lang",
            "limits",
            "shared",
            "sorting",
            "text",
            "timefmt",
        ],
    ),
    ("statistics", &["stats"]),
    (
        "roles and campaigns",
        &["campaign", "draft", "listing", "role", "workspace"],
    ),
    (
        "instruments and observation",
        &["instrument", "observation"],
    ),
    ("survey and fieldwork", &["fieldwork", "survey"]),
    (
        "readings",
        &["assessment", "compatibility", "privacy", "sample"],
    ),
    ("file format", &["file"]),
    ("message catalogue", &["i18n"]),
];

/// The most lines of non-test code a source file may hold.
const MAX_LINES: usize = 800;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Whether a whole file is test code: `tests.rs`, `*_tests.rs`, or inside a `tests/` folder.
fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name == "tests.rs"
        || name.ends_with("_tests.rs")
        || path.components().any(|c| c.as_os_str() == "tests")
}

/// The text of a Rust file with comments, string and char literals blanked out (replaced by
/// spaces, so line numbers hold).
fn blank_literals(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, s: &[u8]| {
        out.extend(s.iter().map(|&c| if c == b'\n' { b'\n' } else { b' ' }))
    };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest.starts_with(b"/*") {
            let end = text[i + 2..].find("*/").map_or(rest.len(), |e| e + 4);
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest.starts_with(b"r#\"") || rest.starts_with(b"r\"") {
            let hashes = rest[1..].iter().take_while(|&&c| c == b'#').count();
            let close: String = format!("\"{}", "#".repeat(hashes));
            let start = 2 + hashes;
            let end = text[i + start..]
                .find(&close)
                .map_or(rest.len(), |e| start + e + close.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest[0] == b'"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != b'"' {
                j += if rest[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest[0] == b'\'' {
            // A char literal ('x', '\n', '\u{..}', 'é') or a lifetime ('a).
            let literal_end = if rest.get(1) == Some(&b'\\') {
                rest[2..].iter().position(|&c| c == b'\'').map(|p| p + 3)
            } else {
                let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + ch) == Some(&b'\'')).then_some(2 + ch)
            };
            let end = literal_end.unwrap_or(1);
            blank(&mut out, &rest[..end]);
            i += end;
        } else {
            out.push(rest[0]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8 boundaries")
}

/// The byte ranges of the items marked `#[cfg(test)]` in `blanked` (a text passed through
/// [`blank_literals`]): a `use …;` up to its semicolon, anything else up to the brace that
/// closes its body (or its semicolon, for a body-less item).
fn test_items(blanked: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(found) = blanked[from..].find("#[cfg(test)]") {
        let at = from + found;
        let mut depth = 0usize;
        let mut end = blanked.len();
        for (k, c) in blanked.bytes().enumerate().skip(at) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        ranges.push(at..end);
        from = end;
    }
    ranges
}

/// `text` with the given ranges replaced by spaces (line breaks kept).
fn without(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in ranges {
        out.push_str(&text[last..r.start]);
        out.extend(
            text[r.clone()]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        last = r.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The code of a Rust file: no comments, no literals, no test items.
fn code_only(text: &str) -> String {
    let blanked = blank_literals(text);
    let tests = test_items(&blanked);
    without(&blanked, &tests)
}

/// The lines of a Rust file outside its test items (comments and blank lines count: they are
/// read too).
fn non_test_lines(text: &str) -> usize {
    let kept = without(text, &test_items(&blank_literals(text)));
    text.trim_end()
        .lines()
        .zip(kept.lines())
        .filter(|(was, now)| was.trim().is_empty() || !now.trim().is_empty())
        .count()
}

/// Every top-level module of `src/domain/` that `code` names through `crate::domain::…`,
/// including those inside a `crate::domain::{a, b::c}` group.
fn used_modules(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let compact: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = compact.as_str();
    while let Some(at) = rest.find("crate::domain::") {
        rest = &rest[at + "crate::domain::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut end = group.len();
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = k;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let mut depth = 0;
            let mut start_of_path = true;
            for (k, c) in group[..end].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start_of_path = true,
                    c if start_of_path && (c.is_alphanumeric() || c == '_') => {
                        let name: String = group[k..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if modules.contains(&name) {
                            used.insert(name);
                        }
                        start_of_path = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if modules.contains(&name) {
                used.insert(name);
            }
        }
    }
    used
}

/// The module graph of `src/domain/`: each top-level module and the modules it uses.
fn domain_graph() -> BTreeMap<String, BTreeSet<String>> {
    let domain = root().join("src/domain");
    let modules: BTreeSet<String> = fs::read_dir(&domain)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|m| m != "mod")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    let mut files = Vec::new();
    rust_files(&domain, &mut files);
    for f in files {
        let rel = f.strip_prefix(&domain).unwrap();
        if is_test_file(rel) {
            continue;
        }
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let owner = first.trim_end_matches(".rs").to_owned();
        if owner == "mod" {
            continue;
        }
        let code = code_only(&fs::read_to_string(&f).unwrap());
        let used = used_modules(&code, &modules);
        graph
            .get_mut(&owner)
            .unwrap()
            .extend(used.into_iter().filter(|m| *m != owner));
    }
    graph
}

/// The groups of modules that use each other, directly or through others (Tarjan's strongly
/// connected components of more than one module), each sorted, in a stable order.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, v: &'g str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    group.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found.sort();
    walk.found
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

#[test]
fn the_domain_has_no_import_cycle() {
    let found = cycles(&domain_graph());
    assert!(
        found.is_empty(),
        "modules of src/domain/ that use each other (an import cycle): {}",
        found
            .iter()
            .map(|c| c.join(" <-> "))
            .collect::<Vec<_>>()
            .join("; ")
    );
}

#[test]
fn every_domain_module_has_a_layer_and_uses_only_its_own_and_lower_ones() {
    let graph = domain_graph();
    let mut problems = Vec::new();
    for (module, used) in &graph {
        let Some(mine) = layer_of(module) else {
            problems.push(format!(
                "`{module}` is in no layer: add it to LAYERS in tests/architecture.rs and to \
                 docs/architecture.md"
            ));
            continue;
        };
        for u in used {
            match layer_of(u) {
                Some(theirs) if theirs > mine => problems.push(format!(
                    "`{module}` ({}) uses `{u}` ({}), a higher layer",
                    LAYERS[mine].0, LAYERS[theirs].0
                )),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn nothing_in_the_core_uses_the_message_catalogue() {
    let users: Vec<_> = domain_graph()
        .into_iter()
        .filter(|(m, used)| m != "i18n" && used.contains("i18n"))
        .map(|(m, _)| m)
        .collect();
    assert!(
        users.is_empty(),
        "the core must not depend on the message catalogue; errors carry data and i18n turns \
         them into sentences. Used by: {users:?}"
    );
}

#[test]
fn the_core_never_touches_the_browser() {
    let mut files = Vec::new();
    rust_files(&root().join("src/domain"), &mut files);
    let browser = ["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo"];
    let mut found = Vec::new();
    for f in files {
        let code = code_only(&fs::read_to_string(&f).unwrap());
        for word in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if browser.contains(&word) {
                found.push(format!("{}: {word}", f.display()));
            }
        }
    }
    assert!(found.is_empty(), "browser crates in the core: {found:?}");
}

/// The standard sort methods named in `code` (`.sort(`, `.sort_by(`, `.sort_by_key(`, …).
fn std_sorts(code: &str) -> Vec<&'static str> {
    let compact: String = code.split_whitespace().collect();
    [
        ".sort()",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable()",
        ".sort_unstable_by(",
        ".sort_unstable_by_key(",
    ]
    .into_iter()
    .filter(|m| compact.contains(m))
    .collect()
}

#[test]
fn the_app_sorts_through_one_shared_sort() {
    // Each call site of a standard sort compiles its own copy of it (3–5 KB of WebAssembly);
    // `domain::sorting` holds the one copy every page uses.
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root()).unwrap();
        if is_test_file(rel) || rel.ends_with("domain/sorting.rs") {
            continue;
        }
        let sorts = std_sorts(&code_only(&fs::read_to_string(&f).unwrap()));
        if !sorts.is_empty() {
            found.push(format!("{}: {sorts:?}", rel.display()));
        }
    }
    assert!(
        found.is_empty(),
        "use crate::domain::sorting instead of the slice's own sort: {found:?}"
    );
    assert_eq!(std_sorts("v.sort_by_key(|x| x)"), [".sort_by_key("]);
    assert!(std_sorts("sorting::sort_by(&mut v, f)").is_empty());
}

#[test]
fn every_source_file_can_be_held_at_once() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut long = Vec::new();
    for f in files {
        if is_test_file(f.strip_prefix(root()).unwrap()) {
            continue;
        }
        let lines = non_test_lines(&fs::read_to_string(&f).unwrap());
        if lines > MAX_LINES {
            long.push(format!("{} ({lines} lines)", f.display()));
        }
    }
    assert!(
        long.is_empty(),
        "files past {MAX_LINES} lines of non-test code (split them into a folder by \
         responsibility): {long:?}"
    );
}

// ---- The checks themselves can fail ----

#[test]
fn a_cycle_is_found_and_named() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
        ("e", vec![]),
    ]
    .into_iter()
    .map(|(m, used)| (m.to_owned(), used.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycles(&graph), vec![vec!["a", "b", "c"]]);
}

#[test]
fn paths_are_read_from_code_not_from_comments_strings_or_tests() {
    let modules: BTreeSet<String> = ["campaign", "i18n", "role", "stats", "text"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let code = code_only(
        r##"
//! See [`crate::domain::i18n`].
use crate::domain::{campaign::{Campaign, Person}, role::Role};
use crate::domain::text::Bilingual;
const S: &str = "crate::domain::stats";
const R: &str = r#"crate::domain::stats"#;
fn f<'a>(x: &'a str) -> char { let _ = '{'; 'x' }
#[cfg(test)]
use crate::domain::stats::mean;
#[cfg(test)]
mod tests {
    use crate::domain::i18n::T;
    fn g() { let _ = "}"; }
}
"##,
    );
    assert_eq!(
        used_modules(&code, &modules),
        ["campaign", "role", "text"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    );
}
