//! What the campaign page's invitation cards (self-assessments, session debriefs) share: the
//! terms every invitation carries (who invites, until when the answers are kept), the buttons
//! that hand out one invitation (its file, or its link to copy) and the form that takes in a
//! pasted answer code.

use crate::domain::file::{export_file_name, Document};
use crate::domain::i18n::{self, survey as sv, survey::S};
use crate::domain::lang::Lang;
use crate::domain::survey::code::{decode_responses, invitation_payload, LINK_ROUTE};
use crate::domain::survey::Invitation;
use crate::domain::timefmt::{read_date, write_date};
use crate::platform::{clipboard, clock, storage};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::frame::Page;
use crate::ui::shell::state::{use_app, Msg};
use crate::ui::widgets::protect::{make_link, save_file, Protection};
use chrono::{NaiveDate, TimeDelta};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Remembered between campaigns: the recruiter's name as respondents see it.
const ASKED_BY_KEY: &str = "rally.asked_by";
/// Default retention: about six months after the invitation.
const DEFAULT_KEEP_DAYS: i64 = 182;

/// The terms of the invitations of one card, as typed, and the field the recruiter must fix.
#[derive(Clone, PartialEq)]
pub struct Terms {
    /// Prefix of the fields' ids (`survey`, `debrief`).
    pub prefix: &'static str,
    pub asked_by: UseStateHandle<String>,
    pub keep_until: UseStateHandle<String>,
    /// The field id in error and why.
    pub error: UseStateHandle<Option<(String, S)>>,
}

/// The terms of a card, starting from the remembered name and six months ahead.
#[hook]
pub fn use_terms(prefix: &'static str) -> Terms {
    let asked_by = use_state(|| {
        storage::read(ASKED_BY_KEY)
            .ok()
            .flatten()
            .unwrap_or_default()
    });
    let keep_until =
        use_state(|| write_date((clock::now() + TimeDelta::days(DEFAULT_KEEP_DAYS)).date_naive()));
    let error = use_state(|| None);
    Terms {
        prefix,
        asked_by,
        keep_until,
        error,
    }
}

impl Terms {
    fn id(&self, field: &str) -> String {
        format!("{}-{field}", self.prefix)
    }

    /// Who invites and until when, when both are sound (the name is then remembered); else
    /// the field in error is marked and takes the focus.
    pub fn checked(&self) -> Option<(String, NaiveDate)> {
        let now = clock::now();
        let fail = |field: &str, why: S| {
            let id = self.id(field);
            self.error.set(Some((id.clone(), why)));
            crate::platform::dom::focus_by_id(&id);
            None
        };
        if self.asked_by.trim().is_empty() {
            return fail("asked-by", S::AskedByRequired);
        }
        let keep = read_date(&self.keep_until).filter(|d| *d > now.date_naive());
        let Some(keep) = keep else {
            return fail("keep-until", S::KeepUntilInvalid);
        };
        self.error.set(None);
        let _ = storage::write(ASKED_BY_KEY, self.asked_by.trim());
        Some((self.asked_by.trim().to_owned(), keep))
    }

    /// The two fields.
    pub fn view(&self, lang: Lang) -> Html {
        let (name_id, keep_id) = (self.id("asked-by"), self.id("keep-until"));
        let err_for = |id: &str| {
            self.error
                .as_ref()
                .filter(|(f, _)| f == id)
                .map(|(_, s)| s.get(lang))
        };
        let on_asked_by = {
            let asked_by = self.asked_by.clone();
            Callback::from(move |e: InputEvent| {
                asked_by.set(e.target_unchecked_into::<HtmlInputElement>().value());
            })
        };
        let on_keep = {
            let keep_until = self.keep_until.clone();
            Callback::from(move |e: Event| {
                keep_until.set(e.target_unchecked_into::<HtmlInputElement>().value());
            })
        };
        let field = |id: &str, label: S, input: Html| {
            let error = err_for(id);
            html! {
                <div class="field">
                    <label for={id.to_owned()}>{ label.get(lang) }</label>
                    { input }
                    if let Some(e) = error { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
                </div>
            }
        };
        let invalid = |id: &str| err_for(id).map(|_| "true");
        let described = |id: &str| err_for(id).map(|_| format!("{id}-error"));
        html! {
            <div class="sv-terms">
                { field(&name_id, S::AskedBy, html! {
                    <input id={name_id.clone()} type="text" value={(*self.asked_by).clone()} oninput={on_asked_by}
                        maxlength="200" aria-invalid={invalid(&name_id)} aria-describedby={described(&name_id)} />
                }) }
                { field(&keep_id, S::KeepUntil, html! {
                    <input id={keep_id.clone()} type="date" value={(*self.keep_until).clone()} onchange={on_keep}
                        aria-invalid={invalid(&keep_id)} aria-describedby={described(&keep_id)} />
                }) }
            </div>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// What the buttons act on, for their accessible names ("Jean Dupont (candidate) — …").
    pub label: AttrValue,
    /// Unique on the page: names the link field.
    pub key_id: AttrValue,
    /// Makes (or finds again) the invitation; `None` when it cannot (the terms said why).
    pub make: Callback<(), Option<Invitation>>,
}

/// The two ways to hand out one invitation: its file, or its link (copied, and shown to be
/// copied by hand when the browser does not allow it).
#[function_component(InvitationActions)]
pub fn invitation_actions(p: &ActionsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let link = use_state(|| None::<String>);
    let copied = use_state(|| None::<bool>);
    let on_download = {
        let make = p.make.clone();
        Callback::from(move |_| {
            if let Some(inv) = make.emit(()) {
                let now = clock::now();
                let name = export_file_name(&format!("invitation {}", inv.respondent.name), now);
                save_file(
                    &name,
                    &Document::of_invitation(&inv, now),
                    Protection::Offered,
                );
            }
        })
    };
    let on_copy = {
        let (make, link, copied) = (p.make.clone(), link.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(inv) = make.emit(()) {
                // The person chooses an open or a protected link in the save dialog.
                let (link, copied) = (link.clone(), copied.clone());
                let on_link = Callback::from(move |text: String| {
                    link.set(Some(text.clone()));
                    let copied = copied.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        copied.set(Some(clipboard::copy(&text).await));
                    });
                });
                // The respondent's page itself, not the recruiter's (which would send them on).
                let base = format!(
                    "{}{}",
                    clipboard::page_url(Page::Respondent.file()),
                    LINK_ROUTE
                );
                make_link(
                    base,
                    invitation_payload(&inv),
                    &Document::of_invitation(&inv, clock::now()),
                    on_link,
                );
            }
        })
    };
    let link_id = format!("{}-link", p.key_id);
    html! {
        <>
            <div class="button-row">
                <button type="button" class="button" onclick={on_download}
                    aria-label={i18n::action_on(lang, S::DownloadInvitation.get(lang), &p.label)}>{ S::DownloadInvitation.get(lang) }</button>
                <button type="button" class="button" onclick={on_copy}
                    aria-label={i18n::action_on(lang, S::CopyLink.get(lang), &p.label)}>{ S::CopyLink.get(lang) }</button>
            </div>
            if let Some(text) = (*link).clone() {
                <div class="field sv-link">
                    <label for={link_id.clone()}>{ S::LinkLabel.get(lang) }</label>
                    <input id={link_id} type="text" readonly=true value={text} data-testid="invitation-link"
                        onfocus={Callback::from(|e: FocusEvent| { let i: HtmlInputElement = e.target_unchecked_into(); i.select(); })} />
                    <p class="hint" role="status">{
                        match *copied {
                            Some(true) => S::LinkCopied.get(lang),
                            Some(false) => S::LinkCopyFailed.get(lang),
                            None => S::LinkHint.get(lang),
                        }
                    }</p>
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CodeProps {
    /// The text area's id.
    pub id: AttrValue,
    pub label: AttrValue,
}

/// Pasting a short answer code (`R1-…`, `R2-…`): read by the core, then taken in like a file.
#[function_component(CodeForm)]
pub fn code_form(p: &CodeProps) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let code = use_state(String::new);
    let error = use_state(|| None::<String>);
    let on_input = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            code.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let on_submit = {
        let (code, error, fw, app, id) = (
            code.clone(),
            error.clone(),
            fw.clone(),
            app.clone(),
            p.id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match decode_responses(&code) {
                Err(err) => {
                    error.set(Some(sv::code_error(app.lang, &err).to_owned()));
                    crate::platform::dom::focus_by_id(&id);
                }
                Ok(responses) => {
                    error.set(None);
                    let doc = Document::of_responses(&responses, clock::now());
                    let campaigns = app.workspace().campaigns.clone();
                    let report = crate::ui::shell::fieldwork::import(&fw, &doc, &campaigns);
                    if report.responses.refused == 0 {
                        code.set(String::new());
                    }
                    app.dispatch(Msg::Imported(Box::new(crate::ui::shell::state::Imported {
                        doc,
                        fieldwork: report,
                        source: crate::domain::file::ImportSource::code(&code),
                        now: clock::now(),
                    })));
                }
            }
        })
    };
    let error_id = format!("{}-error", p.id);
    html! {
        <form class="sv-code" onsubmit={on_submit}>
            <div class="field">
                <label for={p.id.clone()}>{ p.label.clone() }</label>
                <textarea id={p.id.clone()} rows="3" value={(*code).clone()} oninput={on_input} spellcheck="false"
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(error_id.clone())}></textarea>
                <p id={error_id} class="field-error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
            </div>
            <button type="submit" class="button button-primary">{ S::AddCode.get(lang) }</button>
        </form>
    }
}
