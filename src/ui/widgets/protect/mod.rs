//! Passphrase protection on screen: one dialog that saves a file (or makes an invitation link)
//! for someone else, with "Protect with a passphrase" — ticked for files about people — and
//! one dialog that unlocks a protected file or link. The shell mounts both once
//! ([`ProtectDesk`]); every place that writes or reads a file asks for them with a plain
//! function ([`save_file`], [`make_link`], [`open_picked`], [`open_invitation_link`]) rather
//! than a hook, so that each such place changes one call.
//!
//! The passphrase lives in the dialog's password fields only: it is read when the button is
//! pressed, handed to `platform::crypto`, and gone with the fields when the dialog closes.
//! Nothing stores it.

mod modal;
mod save;
mod unlock;

use crate::domain::file::envelope::{sealed_link, Sealed};
use crate::domain::file::{open_file, read_invitations, Document, ImportError, Opened};
use crate::domain::survey::code::invitation_from_payload;
use crate::domain::survey::{CodeError, Invitation};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Whether "Protect with a passphrase" starts ticked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// A file about people (answers, observations, exports): ticked, and said to be
    /// recommended.
    Recommended,
    /// A file of arrangements (an invitation, a kit): offered, not ticked.
    Offered,
}

/// A Rally file on its way to someone else.
#[derive(Clone, PartialEq)]
pub struct Outgoing {
    /// The Rally file, as compact JSON.
    json: Rc<str>,
    protection: Protection,
    to: Destination,
}

#[derive(Clone, PartialEq)]
enum Destination {
    /// A download with this name.
    File(String),
    /// An invitation link: `base` is the address up to `#/respond/`, `open` the payload of
    /// the link without protection; `on_link` gets the link made.
    Link {
        base: String,
        open: String,
        on_link: Callback<String>,
    },
}

/// What is locked: the unlock dialog says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Locked {
    File,
    Link,
}

#[derive(Clone, PartialEq)]
struct UnlockRequest {
    sealed: Rc<Sealed>,
    locked: Locked,
    /// The bytes the passphrase opened (the caller reads and checks them as it reads an open
    /// file).
    on_bytes: Callback<Vec<u8>>,
    on_cancel: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Request {
    Save(Outgoing),
    Unlock(UnlockRequest),
}

thread_local! {
    /// The mounted desk's way in: set by [`ProtectDesk`] while it is on the page.
    static DESK: RefCell<Option<Callback<Request>>> = const { RefCell::new(None) };
    /// A request made before the desk was mounted (a page opened on a protected link asks
    /// in its first effect, which may run before the desk's); the desk takes it on mounting.
    static PENDING: RefCell<Option<Request>> = const { RefCell::new(None) };
}

fn ask(request: Request) {
    match DESK.with(|desk| desk.borrow().clone()) {
        Some(desk) => desk.emit(request),
        None => PENDING.with(|p| *p.borrow_mut() = Some(request)),
    }
}

/// Offers `doc` as a file named `file_name` for someone else: the save dialog opens, and
/// downloads it, protected or not, as the person chooses (it says so if the browser refuses
/// the download).
pub fn save_file(file_name: &str, doc: &Document, protection: Protection) {
    save_json(file_name, doc.to_json(), protection);
}

/// [`save_file`] for a document already written as JSON.
pub fn save_json(file_name: &str, json: String, protection: Protection) {
    ask(Request::Save(Outgoing {
        json: json.into(),
        protection,
        to: Destination::File(file_name.to_owned()),
    }));
}

/// Offers an invitation link: `base` is the address up to and including `#/respond/`,
/// `open_payload` what follows it in an open link, and `doc` the invitation's file, which a
/// protected link carries sealed. `on_link` gets the link the person chose.
pub fn make_link(base: String, open_payload: String, doc: &Document, on_link: Callback<String>) {
    ask(Request::Save(Outgoing {
        json: doc.to_json().into(),
        protection: Protection::Offered,
        to: Destination::Link {
            base,
            open: open_payload,
            on_link,
        },
    }));
}

/// Reads the bytes of a picked file with `read` (the full reader `file::read_document`, or the
/// respondent's `file::read_invitations`): an open Rally file at once, a protected one once
/// the person gives its passphrase. `then` gets what was read or why it cannot be; it is not
/// called when the person cancels the passphrase.
pub fn open_picked<T: 'static>(
    bytes: &[u8],
    read: fn(&[u8]) -> Result<T, ImportError>,
    then: Callback<Result<T, ImportError>>,
) {
    match open_file(bytes, read) {
        Ok(Opened::Plain(read)) => then.emit(Ok(read)),
        Err(e) => then.emit(Err(e)),
        Ok(Opened::Sealed(sealed)) => {
            ask(Request::Unlock(UnlockRequest {
                sealed: Rc::new(sealed),
                locked: Locked::File,
                on_bytes: Callback::from(move |bytes: Vec<u8>| then.emit(read(&bytes))),
                on_cancel: Callback::noop(),
            }));
        }
    }
}

/// Reads an invitation link (or its payload), protected or not. A protected link holds an
/// invitation file with exactly one invitation; anything else is a damaged link. `then` is
/// not called if the person cancels; `on_cancel` is.
pub fn open_invitation_link(
    text: &str,
    then: Callback<Result<Invitation, CodeError>>,
    on_cancel: Callback<()>,
) {
    match sealed_link(text) {
        None => then.emit(invitation_from_payload(text)),
        Some(Err(e)) => then.emit(Err(e)),
        Some(Ok(sealed)) => {
            let on_bytes = Callback::from(move |bytes: Vec<u8>| {
                let invitation =
                    read_invitations(&bytes).ok().and_then(
                        |list| match <[Invitation; 1]>::try_from(list) {
                            Ok([one]) => Some(one),
                            Err(_) => None,
                        },
                    );
                then.emit(invitation.ok_or(CodeError::BadLink));
            });
            ask(Request::Unlock(UnlockRequest {
                sealed: Rc::new(sealed),
                locked: Locked::Link,
                on_bytes,
                on_cancel,
            }));
        }
    }
}

/// The two dialogs, mounted once by the shell; at most one is open.
#[function_component(ProtectDesk)]
pub fn protect_desk() -> Html {
    // A number per request, so that each one gets fresh dialog state.
    let current = use_state(|| None::<(u64, Request)>);
    {
        let setter = current.setter();
        use_effect_with((), move |_| {
            let next = Rc::new(std::cell::Cell::new(0u64));
            let desk = Callback::from(move |request: Request| {
                next.set(next.get() + 1);
                setter.set(Some((next.get(), request)));
            });
            DESK.with(|d| *d.borrow_mut() = Some(desk.clone()));
            if let Some(request) = PENDING.with(|p| p.borrow_mut().take()) {
                desk.emit(request);
            }
            || DESK.with(|d| *d.borrow_mut() = None)
        });
    }
    let close = {
        let current = current.clone();
        Callback::from(move |_| current.set(None))
    };
    match &*current {
        None => Html::default(),
        Some((key, Request::Save(outgoing))) => html! {
            <save::SaveDialog key={*key} outgoing={outgoing.clone()} on_close={close} />
        },
        Some((key, Request::Unlock(request))) => html! {
            <unlock::UnlockDialog key={*key} request={request.clone()} on_close={close} />
        },
    }
}
