//! The campaign list on the home screen: search (case- and accent-insensitive), sort and the
//! archive filter, as a pure function of the campaigns and the query.

use crate::domain::campaign::{Campaign, Status};
use crate::domain::sorting;
use serde::{Deserialize, Serialize};

/// How the list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Most recently changed first.
    #[default]
    Updated,
    /// Newest campaign first.
    Created,
    /// Alphabetical.
    Name,
    /// Draft, active, closed, archived; then by name.
    Status,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Updated,
        SortKey::Created,
        SortKey::Name,
        SortKey::Status,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Updated => "updated",
            SortKey::Created => "created",
            SortKey::Name => "name",
            SortKey::Status => "status",
        }
    }

    pub fn from_code(code: &str) -> Option<SortKey> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the recruiter asked the list to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub search: String,
    pub sort: SortKey,
    pub show_archived: bool,
}

/// Lower-case, without accents, for matching "Zoé" with "zoe".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'œ' => 'o',
            'æ' => 'a',
            other => other,
        })
        .collect()
}

fn matches(c: &Campaign, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let haystack = fold(&format!(
        "{} {} {} {} {} {}",
        c.name,
        c.role.name.fr,
        c.role.name.en,
        c.leader.name,
        c.candidates
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        c.mediators
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    ));
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// The campaigns to show, in order, and how many archived ones the filter hides.
pub fn list<'a>(campaigns: &'a [Campaign], query: &ListQuery) -> (Vec<&'a Campaign>, usize) {
    let words: Vec<String> = fold(&query.search)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let found: Vec<&Campaign> = campaigns.iter().filter(|c| matches(c, &words)).collect();
    let hidden = if query.show_archived {
        0
    } else {
        found
            .iter()
            .filter(|c| c.status == Status::Archived)
            .count()
    };
    // Each name is folded once, not at every comparison.
    let mut shown: Vec<(String, &Campaign)> = found
        .into_iter()
        .filter(|c| query.show_archived || c.status != Status::Archived)
        .map(|c| (fold(&c.name), c))
        .collect();
    sorting::sort_by(&mut shown, |(fa, a), (fb, b)| match query.sort {
        SortKey::Updated => b.updated_at.cmp(&a.updated_at).then_with(|| fa.cmp(fb)),
        SortKey::Created => b.created_at.cmp(&a.created_at).then_with(|| fa.cmp(fb)),
        SortKey::Name => fa.cmp(fb).then_with(|| a.id.cmp(&b.id)),
        SortKey::Status => a.status.cmp(&b.status).then_with(|| fa.cmp(fb)),
    });
    (shown.into_iter().map(|(_, c)| c).collect(), hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};

    fn three() -> Vec<Campaign> {
        let mut a = sample();
        a.name = "Écluse".into();
        a.updated_at = at(30);
        let mut b = sample();
        b.id = id(2);
        b.name = "alpha".into();
        b.status = Status::Active;
        b.updated_at = at(10);
        b.created_at = at(5);
        let mut c = sample();
        c.id = id(3);
        c.name = "Zèbre".into();
        c.status = Status::Archived;
        vec![a, b, c]
    }

    #[test]
    fn sorts_by_name_ignoring_accents_and_case() {
        let cs = three();
        let q = ListQuery {
            sort: SortKey::Name,
            show_archived: true,
            ..Default::default()
        };
        let names: Vec<&str> = list(&cs, &q).0.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["alpha", "Écluse", "Zèbre"]);
    }

    #[test]
    fn archived_are_hidden_and_counted() {
        let cs = three();
        let (shown, hidden) = list(&cs, &ListQuery::default());
        assert_eq!(shown.len(), 2);
        assert_eq!(hidden, 1);
        assert_eq!(shown[0].name, "Écluse", "most recently updated first");
    }

    #[test]
    fn search_matches_people_and_role_without_accents() {
        let cs = three();
        let q = ListQuery {
            search: "ECLU".into(),
            ..Default::default()
        };
        assert_eq!(list(&cs, &q).0.len(), 1);
        let q = ListQuery {
            search: "amina support".into(),
            show_archived: true,
            ..Default::default()
        };
        assert_eq!(list(&cs, &q).0.len(), 3);
        let q = ListQuery {
            search: "nobody".into(),
            ..Default::default()
        };
        assert_eq!(list(&cs, &q), (vec![], 0));
    }

    #[test]
    fn status_sort_puts_drafts_first() {
        let cs = three();
        let q = ListQuery {
            sort: SortKey::Status,
            show_archived: true,
            ..Default::default()
        };
        let st: Vec<Status> = list(&cs, &q).0.iter().map(|c| c.status).collect();
        assert_eq!(st, [Status::Draft, Status::Active, Status::Archived]);
    }
}
