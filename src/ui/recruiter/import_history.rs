//! The campaign page's "Import history" card: the campaign's import log (`campaign::imports`),
//! newest first — when, which file (or a pasted code), its kind, what it did and how many
//! records it brought. Folded by default: it is a reference, not a task.

use crate::domain::campaign::{Campaign, ImportOutcome};
use crate::domain::i18n;
use crate::domain::i18n::decision::{self as dc, Dc};
use crate::platform::clock;
use crate::ui::shell::state::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
}

#[function_component(ImportHistory)]
pub fn import_history(p: &Props) -> Html {
    let lang = use_app().lang;
    let log = &p.campaign.imports;
    let rows = log.iter().rev().map(|e| {
        let brought = e.records.iter().filter(|r| r.outcome.brought()).count();
        let what = if e.records.is_empty() {
            dc::import_outcome(lang, e.outcome).to_owned()
        } else {
            format!(
                "{} · {brought}/{} {}",
                dc::import_outcome(lang, e.outcome),
                e.records.len(),
                Dc::ImportRecords.get(lang)
            )
        };
        html! {
            <tr>
                <th scope="row">{ i18n::date_time(lang, clock::local(e.imported_at)) }</th>
                <td data-label={Dc::ColFile.get(lang)} class="ih-file">
                    { dc::import_file(lang, e.file.as_deref(), e.kind) }
                </td>
                <td data-label={Dc::ColKind.get(lang)}>{ dc::import_kind(lang, e.kind) }</td>
                <td data-label={Dc::ImportOutcomeCol.get(lang)}
                    class={classes!((e.outcome == ImportOutcome::Refused).then_some("ih-refused"))}>{ what }</td>
            </tr>
        }
    });
    html! {
        <section class="card" aria-labelledby="import-history-title" data-testid="import-history">
            <details>
                <summary><h2 id="import-history-title" class="ih-title">{ format!("{} ({})", Dc::ImportHistoryTitle.get(lang), log.len()) }</h2></summary>
                if log.is_empty() {
                    <p class="hint">{ Dc::ImportHistoryNone.get(lang) }</p>
                } else {
                    <div class="table-wrap">
                        <table class="an-table an-stack">
                            <thead><tr>
                                <th scope="col">{ Dc::ColImportedOn.get(lang) }</th>
                                <th scope="col">{ Dc::ColFile.get(lang) }</th>
                                <th scope="col">{ Dc::ColKind.get(lang) }</th>
                                <th scope="col">{ Dc::ImportOutcomeCol.get(lang) }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                }
            </details>
        </section>
    }
}
