//! The campaign list's table, written as one piece of HTML: with hundreds of campaigns, one
//! `innerHTML` parsed by the browser costs a fraction of building each row's elements one
//! call at a time from WebAssembly (the first render of 200 campaigns spent ~100 ms there).
//! Every text and attribute value goes through `text::escape_html`. The rows' buttons are
//! handled by one listener on the table's wrapper ([`toggled`]); the links are plain
//! `#/campaign/<id>` addresses, which the hash router follows like any link.

use crate::domain::campaign::{Campaign, Status};
use crate::domain::i18n::decision::Dc;
use crate::domain::i18n::picture::Pc;
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::text::escape_html as esc;
use crate::platform::clock;
use std::fmt::Write;
use uuid::Uuid;
use wasm_bindgen::JsCast;

/// The attribute that marks a row's archive/unarchive button, holding the campaign's id.
const TOGGLE_ATTR: &str = "data-toggle";
/// The id of a row's archive/unarchive button (focus goes back to it after the list changes).
pub fn toggle_id(id: Uuid) -> String {
    format!("toggle-{id}")
}

/// The whole `<table>` of these campaigns, in this order.
pub fn table(lang: Lang, shown: &[&Campaign]) -> String {
    let col = |t: T| esc(t.get(lang)).into_owned();
    let (name, role, leader, status, updated, actions) = (
        col(T::ColName),
        col(T::ColRole),
        col(T::ColLeader),
        col(T::ColStatus),
        col(T::ColUpdated),
        col(T::ColActions),
    );
    let mut out = String::with_capacity(600 * shown.len() + 1000);
    let _ = write!(
        out,
        "<table class=\"campaign-table\"><caption class=\"visually-hidden\">{}</caption><thead><tr>\
         <th scope=\"col\">{name}</th><th scope=\"col\">{role}</th><th scope=\"col\">{leader}</th>\
         <th scope=\"col\">{status}</th><th scope=\"col\">{updated}</th>\
         <th scope=\"col\"><span class=\"visually-hidden\">{actions}</span></th></tr></thead><tbody>",
        esc(T::CampaignsTitle.get(lang)),
    );
    let sample = format!(
        "<span class=\"badge badge-sample\" title=\"{}\">{}</span>",
        esc(Pc::SampleNote.get(lang)),
        esc(Dc::SampleBadge.get(lang))
    );
    for c in shown {
        let archived = c.status == Status::Archived;
        let toggle = if archived { T::Unarchive } else { T::Archive };
        let _ = write!(
            out,
            "<tr data-testid=\"campaign-row\"{}><th scope=\"row\" data-label=\"{name}\">\
             <a href=\"#/campaign/{id}\">{cname}</a>{badge}</th>\
             <td data-label=\"{role}\">{crole}</td><td data-label=\"{leader}\">{cleader}</td>\
             <td data-label=\"{status}\"><span class=\"badge badge-{code}\">{cstatus}</span></td>\
             <td data-label=\"{updated}\">{cupdated}</td>\
             <td data-label=\"{actions}\"><button type=\"button\" class=\"button button-quiet\" \
             id=\"{button}\" {TOGGLE_ATTR}=\"{id}\" aria-label=\"{label}\">{text}</button></td></tr>",
            if archived { " class=\"is-archived\"" } else { "" },
            id = c.id,
            cname = esc(&c.name),
            badge = if c.sample { sample.as_str() } else { "" },
            crole = esc(c.role.name.get(lang)),
            cleader = esc(&c.leader.name),
            code = format!("{:?}", c.status).to_lowercase(),
            cstatus = esc(i18n::status(lang, c.status)),
            cupdated = esc(&i18n::date_time(lang, clock::local(c.updated_at))),
            button = toggle_id(c.id),
            label = esc(&i18n::action_on(lang, toggle.get(lang), &c.name)),
            text = esc(toggle.get(lang)),
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// The campaign whose archive/unarchive button a click on the table landed on, if any.
pub fn toggled(e: &web_sys::MouseEvent) -> Option<Uuid> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest(&format!("button[{TOGGLE_ATTR}]")).ok()??;
    button.get_attribute(TOGGLE_ATTR)?.parse().ok()
}
