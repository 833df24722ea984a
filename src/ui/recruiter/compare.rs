//! Candidates side by side: 2 to 4 candidates of a campaign chosen with checkboxes (kept in the
//! address, so the page can be bookmarked and reloaded), one column each, the same parts as
//! rows with their mean over the sessions and their trend, sortable by any part
//! (`Comparison::sorted_by`), the chosen part as a chart, and the comparison as a CSV file.

use crate::domain::campaign::Campaign;
use crate::domain::compatibility::chart::domain;
use crate::domain::compatibility::{
    compare, comparison_csv, Comparison, Part, PartGroup, SortKey, MAX_COMPARED,
};
use crate::domain::i18n::compatibility::{self as cp, Cp};
use crate::domain::i18n::decision::{self as dc, Dc};
use crate::domain::i18n::picture::{self as pc, Pc};
use crate::domain::i18n::T;
use crate::platform::{clock, files};
use crate::ui::recruiter::compatibility::sample_badge;
use crate::ui::recruiter::decision_record::current_line;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::charts::compat::{spark, svg_file_name, ChartSeries, PartChart, STYLES};
use uuid::Uuid;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    /// The chosen candidates' ids, joined by `~` (empty: none chosen yet).
    #[prop_or_default]
    pub chosen: String,
}

/// The ids in the address that are candidates of `c`, in order, without repeats.
fn chosen_ids(c: &Campaign, chosen: &str) -> (Vec<Uuid>, bool) {
    let mut out = Vec::new();
    let mut dropped = false;
    for part in chosen.split('~').filter(|s| !s.is_empty()) {
        match Uuid::parse_str(part) {
            Ok(id) if c.candidates.iter().any(|p| p.id == id) && !out.contains(&id) => out.push(id),
            _ => dropped = true,
        }
    }
    (out, dropped)
}

fn route(c: &Campaign, ids: &[Uuid]) -> Route {
    if ids.is_empty() {
        Route::Compare {
            id: c.id.to_string(),
        }
    } else {
        Route::CompareWith {
            id: c.id.to_string(),
            chosen: ids
                .iter()
                .map(Uuid::to_string)
                .collect::<Vec<_>>()
                .join("~"),
        }
    }
}

/// A sort key as a select's value: `name` or a part's code.
fn key_code(k: &SortKey) -> String {
    match k {
        SortKey::Name => "name".to_owned(),
        SortKey::Part(p) => p.code(),
    }
}

fn group_title(lang: crate::domain::lang::Lang, g: PartGroup) -> &'static str {
    cp::group(lang, g)
}

#[function_component(Compare)]
pub fn compare_page(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let navigator = use_navigator().expect("inside the router");
    let sort = use_state(|| SortKey::Name);
    let descending = use_state(|| false);
    let lang = app.lang;
    let Some(c) = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned())
    else {
        return html! {
            <section class="page">
                <h1>{ T::NotFoundTitle.get(lang) }</h1>
                <p>{ T::CampaignNotFound.get(lang) }</p>
                <Link to={Route::Home} classes="button">{ T::BackToCampaigns.get(lang) }</Link>
            </section>
        };
    };
    let (ids, dropped) = chosen_ids(&c, &p.chosen);
    let result = compare(&c, &fw.fieldwork, &ids);

    let boxes = c.candidates.iter().map(|person| {
        let checked = ids.contains(&person.id);
        let full = !checked && ids.len() >= MAX_COMPARED;
        let onchange = {
            let (navigator, c, ids, who) = (navigator.clone(), c.clone(), ids.clone(), person.id);
            Callback::from(move |_: Event| {
                let mut next = ids.clone();
                if next.contains(&who) {
                    next.retain(|x| *x != who);
                } else if next.len() < MAX_COMPARED {
                    next.push(who);
                }
                navigator.replace(&route(&c, &next));
            })
        };
        let id = format!("cmp-{}", person.id);
        html! {
            <li class="check-row">
                <input type="checkbox" id={id.clone()} {checked} disabled={full} {onchange} />
                <label for={id}>{ person.name.clone() }</label>
            </li>
        }
    });

    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let key = if v == "name" {
                SortKey::Name
            } else {
                crate::domain::compatibility::parts(
                    crate::domain::observation::rating::default_bars(),
                )
                .into_iter()
                .find(|p| p.code() == v)
                .map_or(SortKey::Name, SortKey::Part)
            };
            sort.set(key);
        })
    };
    let on_direction = {
        let descending = descending.clone();
        Callback::from(move |e: Event| {
            descending.set(e.target_unchecked_into::<HtmlSelectElement>().value() == "desc")
        })
    };

    let body = match result {
        Err(e) => html! { <p class="cp-none" role="status">{ cp::compare_error(lang, &e) }</p> },
        Ok(cmp) => {
            let cmp = cmp.sorted_by(&sort, *descending);
            html! {
                <>
                    { toolbar(lang, &c, &cmp, &sort, *descending, on_sort, on_direction) }
                    { chart(lang, &c, &cmp, &sort) }
                    { table(lang, &c, &cmp, &sort, *descending, sort.clone(), descending.clone()) }
                </>
            }
        }
    };
    html! {
        <article class="page cp-page cmp-page">
            <nav class="breadcrumb" aria-label={Pc::Back.get(lang)}>
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link>
            </nav>
            <header class="page-head">
                <div>
                    <h1>{ Cp::CompareTitle.get(lang) }</h1>
                    <p class="meta">{ sample_badge(lang, &c) }<span>{ format!("{} · {}", c.name, c.role.name.get(lang)) }</span></p>
                </div>
            </header>
            <p class="lede">{ Cp::CompareIntro.get(lang) }</p>
            <section class="card" aria-labelledby="cmp-choose">
                <fieldset class="plain-fieldset">
                    <legend id="cmp-choose">{ Dc::ChooseLegend.get(lang) }</legend>
                    <ul class="check-list cmp-choices">{ for boxes }</ul>
                    <p class="hint" aria-live="polite">{ dc::chosen(lang, ids.len(), c.candidates.len()) }</p>
                    if dropped {
                        <p class="cp-none">{ cp::compare_error(lang, &crate::domain::compatibility::CompareError::UnknownCandidate(Uuid::nil())) }</p>
                    }
                </fieldset>
            </section>
            { body }
        </article>
    }
}

fn toolbar(
    lang: crate::domain::lang::Lang,
    c: &Campaign,
    cmp: &Comparison,
    sort: &SortKey,
    descending: bool,
    on_sort: Callback<Event>,
    on_direction: Callback<Event>,
) -> Html {
    let current = key_code(sort);
    let groups = PartGroup::ALL.iter().map(|g| {
        let options = cmp.parts.iter().filter(|p| p.group() == *g).map(|p| {
            let code = p.code();
            html! { <option value={code.clone()} selected={code == current}>{ cp::part_name(lang, p) }</option> }
        });
        html! { <optgroup label={group_title(lang, *g)}>{ for options }</optgroup> }
    });
    let on_csv = {
        let (cmp, name) = (cmp.clone(), c.name.clone());
        Callback::from(move |_| {
            let now = clock::now();
            let json = crate::domain::file::export_file_name(&format!("comparison {name}"), now);
            let file = format!("{}.csv", json.strip_suffix(".json").unwrap_or(&json));
            let _ = files::download(&file, &comparison_csv(&cmp, lang), "text/csv");
        })
    };
    html! {
        <div class="toolbar card cmp-toolbar">
            <div class="field">
                <label for="cmp-sort">{ Cp::SortBy.get(lang) }</label>
                <select id="cmp-sort" onchange={on_sort}>
                    <option value="name" selected={current == "name"}>{ Cp::SortName.get(lang) }</option>
                    { for groups }
                </select>
            </div>
            <div class="field">
                <label for="cmp-direction">{ Dc::Order.get(lang) }</label>
                <select id="cmp-direction" onchange={on_direction}>
                    <option value="desc" selected={descending}>{ if *sort == SortKey::Name { Dc::NameDescending.get(lang) } else { Cp::Descending.get(lang) } }</option>
                    <option value="asc" selected={!descending}>{ if *sort == SortKey::Name { Dc::NameAscending.get(lang) } else { Cp::Ascending.get(lang) } }</option>
                </select>
            </div>
            <button type="button" class="button" onclick={on_csv}>{ Cp::ExportCsv.get(lang) }</button>
        </div>
    }
}

/// The chosen part (or the first one while sorting by name) across the sessions, one line per
/// candidate in the columns' order.
fn chart(lang: crate::domain::lang::Lang, c: &Campaign, cmp: &Comparison, sort: &SortKey) -> Html {
    let part = match sort {
        SortKey::Part(p) => p.clone(),
        SortKey::Name => match cmp.parts.first() {
            Some(p) => p.clone(),
            None => return html! {},
        },
    };
    let series: Vec<ChartSeries> = cmp
        .columns
        .iter()
        .enumerate()
        .map(|(k, col)| ChartSeries {
            label: col.name.clone(),
            values: col
                .picture
                .series(&part)
                .map(|s| s.values.clone())
                .unwrap_or_default(),
            style: STYLES[k % STYLES.len()],
        })
        .collect();
    let d = domain(
        part.scale(),
        series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied()),
    );
    let name = cp::part_name(lang, &part);
    let summary = series
        .iter()
        .zip(&cmp.columns)
        .map(|(s, col)| {
            let t = col.picture.series(&part).map(|x| x.reading.trend);
            t.map(|t| pc::chart_summary(lang, &s.label, &s.values, part.scale(), t))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(". ");
    let readings = cmp.columns.iter().filter_map(|col| {
        let s = col.picture.series(&part)?;
        let t = s.reading.trend;
        Some(html! {
            <li>
                <strong>{ col.name.clone() }</strong>
                <span class="block">{ format!("{} {}", Cp::ColMean.get(lang), cp::value(lang, part.scale(), s.mean)) }</span>
                <span class={classes!("block", "cp-trend", format!("cp-trend-{}", pc::trend_class(t, part.better())))}>
                    { cp::trend_reading(lang, part.scale(), &s.reading) }
                </span>
            </li>
        })
    });
    html! {
        <section class="card cmp-chart" aria-labelledby="cmp-chart-title">
            <h2 id="cmp-chart-title">{ Dc::ChartTitle.get(lang) }</h2>
            <div class="cmp-chart-grid">
                <PartChart id="cmp-part-chart" title={name.clone()} summary={format!("{name}. {summary}")} {series} domain={d}
                    scale={part.scale()} file_name={svg_file_name(&format!("{} {}", name, c.name))} />
                <ul class="cmp-readings">{ for readings }</ul>
            </div>
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn table(
    lang: crate::domain::lang::Lang,
    c: &Campaign,
    cmp: &Comparison,
    sort: &SortKey,
    descending: bool,
    sort_state: UseStateHandle<SortKey>,
    descending_state: UseStateHandle<bool>,
) -> Html {
    let heads = cmp.columns.iter().map(|col| {
        let to = Route::Compatibility {
            id: c.id.to_string(),
            candidate: col.candidate.to_string(),
        };
        html! {
            <th scope="col" class="cmp-col">
                <Link to={to}>{ col.name.clone() }</Link>
                <span class="block cmp-decision">{ current_line(lang, c, col.candidate) }</span>
            </th>
        }
    });
    let groups = PartGroup::ALL.iter().map(|g| {
        let rows = cmp.parts.iter().filter(|p| p.group() == *g).map(|part| {
            let sorted = *sort == SortKey::Part(part.clone());
            let aria_sort = sorted.then_some(if descending { "descending" } else { "ascending" });
            let onclick = {
                let (sort_state, descending_state, part) =
                    (sort_state.clone(), descending_state.clone(), part.clone());
                Callback::from(move |_| {
                    let again = *sort_state == SortKey::Part(part.clone());
                    // A second press turns the order round; a new part starts highest first.
                    descending_state.set(if again { !*descending_state } else { true });
                    sort_state.set(SortKey::Part(part.clone()));
                })
            };
            let shown: Vec<f64> = cmp
                .columns
                .iter()
                .filter_map(|col| col.picture.series(part))
                .flat_map(|s| s.values.iter().flatten().copied())
                .collect();
            let d = domain(part.scale(), shown);
            let cells = cmp.columns.iter().map(|col| cell(lang, col.name.as_str(), col.picture.series(part), part, &d));
            let name = cp::part_name(lang, part);
            html! {
                <tr class={classes!(sorted.then_some("is-sorted"))}>
                    <th scope="row" aria-sort={aria_sort}>
                        <span class="cmp-part">{ name.clone() }</span>
                        <button type="button" class="button button-quiet cmp-sort" {onclick}
                            aria-label={crate::domain::i18n::action_on(lang, Dc::SortThis.get(lang), &name)}>
                            { sort_glyph(sorted, descending) }{ Dc::SortThis.get(lang) }
                        </button>
                    </th>
                    { for cells }
                </tr>
            }
        });
        html! {
            <tbody class="cmp-group">
                <tr class="cmp-group-head"><th scope="rowgroup" colspan={(cmp.columns.len() + 1).to_string()}>{ group_title(lang, *g) }</th></tr>
                { for rows }
            </tbody>
        }
    });
    html! {
        <section class="card" aria-labelledby="cmp-table-title">
            <h2 id="cmp-table-title" class="visually-hidden">{ Cp::CompareTitle.get(lang) }</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label={Cp::CompareTitle.get(lang)}>
                <table class="an-table an-stack cmp-table">
                    <caption class="visually-hidden">{ Cp::CompareTitle.get(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ Pc::ColPart.get(lang) }</th>
                            { for heads }
                        </tr>
                    </thead>
                    { for groups }
                </table>
            </div>
        </section>
    }
}

fn sort_glyph(sorted: bool, descending: bool) -> Html {
    let g = match (sorted, descending) {
        (false, _) => "↕",
        (true, true) => "↓",
        (true, false) => "↑",
    };
    html! { <span aria-hidden="true" class="cmp-glyph">{ g }</span> }
}

fn cell(
    lang: crate::domain::lang::Lang,
    who: &str,
    series: Option<&crate::domain::compatibility::PartSeries>,
    part: &Part,
    d: &crate::domain::compatibility::chart::Domain,
) -> Html {
    let Some(s) = series else {
        return html! { <td data-label={who.to_owned()} class="cp-none">{ Pc::NoValue.get(lang) }</td> };
    };
    let t = s.reading.trend;
    let per_session = s
        .values
        .iter()
        .enumerate()
        .map(|(k, v)| format!("S{} {}", k + 1, pc::cell(lang, part.scale(), *v)))
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <td data-label={who.to_owned()} class="cmp-cell">
            <span class="cmp-mean">
                if s.mean.is_some() {
                    <span class="an-value">{ pc::cell(lang, part.scale(), s.mean) }</span>
                    <span class="hint">{ format!(" {}", Pc::Mean.get(lang)) }</span>
                } else {
                    <span class="cp-none">{ Pc::NoValue.get(lang) }</span>
                }
            </span>
            { spark(&[(s.values.as_slice(), STYLES[0])], d) }
            <span class={classes!("cp-trend", format!("cp-trend-{}", pc::trend_class(t, part.better())))}>
                <span aria-hidden="true">{ format!("{} ", pc::trend_arrow(t)) }</span>{ cp::trend(lang, t) }
            </span>
            <span class="an-parts cmp-sessions">{ per_session }</span>
        </td>
    }
}
