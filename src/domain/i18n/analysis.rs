//! Texts of the recruiter's view of observations and their analysis (part of the one catalogue,
//! see the parent module): the campaign page's fieldwork card, the session analysis page, the
//! definitions shown next to each index, and the texts with values (durations, shares, rates).

use super::{number, Lang};
use crate::domain::lang::catalogue;
use crate::domain::observation::agreement::{AgreementError, AgreementNote, Measure};
use crate::domain::observation::indices::{Direction, TrendIndex};
use crate::domain::observation::scheme::{Actor, Area, Tag};

catalogue! {
    A;
    // The campaign page's card.
    FieldworkTitle => "Médiateurs et observations", "Mediators and observations";
    FieldworkIntro => "Chaque médiateur reçoit un kit, observe les séances dans son propre navigateur et vous renvoie un fichier. Importez ce fichier ici ou depuis les réglages\u{a0}: ses observations apparaissent ci-dessous, séance par séance.", "Each mediator receives a kit, observes the sessions in their own browser and sends you back a file. Import that file here or from the settings: its observations appear below, session by session.";
    KitsTitle => "Kits à remettre aux médiateurs", "Kits for the mediators";
    KitHint => "Le kit contient le nom de la campagne et du rôle, le dirigeant, le prénom et le nom des candidats, les séances prévues et la grille de codage. Il ne contient jamais les autoévaluations des candidats ni aucune adresse e-mail.", "The kit holds the campaign's and the role's names, the leader, the candidates' names, the planned sessions and the coding scheme. It never holds the candidates' self-assessments or anyone's e-mail address.";
    DownloadKit => "Télécharger le kit", "Download the kit";
    NoMediators => "Aucun médiateur dans cette campagne\u{a0}: ajoutez-en un dans la liste des médiateurs pour lui préparer un kit.", "No mediator in this campaign yet: add one to the mediators list to prepare their kit.";
    ReceivedTitle => "Observations reçues, séance par séance", "Observations received, session by session";
    NoSessions => "Aucune séance prévue.", "No session planned.";
    NothingReceived => "Aucune observation reçue pour cette séance.", "No observation received for this session yet.";
    ColMediator => "Médiateur", "Mediator";
    ColObservationStatus => "État", "Status";
    ColEvents => "Évènements", "Events";
    ColLength => "Durée", "Length";
    ColLastChange => "Dernière modification", "Last change";
    StatusDraft => "Brouillon, en cours de codage", "Draft, still being coded";
    StatusSubmitted => "Remise", "Submitted";
    NotReceived => "Rien reçu pour l'instant", "Nothing received yet";
    UnknownMediator => "Médiateur qui ne figure plus dans la campagne", "A mediator no longer in this campaign";
    AnalyseSession => "Analyser cette séance", "Analyse this session";
    ExportEvents => "Exporter les évènements (CSV)", "Export the events (CSV)";
    ExportEventsHint => "Un tableau pour tableur\u{a0}: une ligne par évènement codé et par note, pour toutes les séances et tous les médiateurs (UTF-8).", "A table for spreadsheets: one row per coded event and per note, for every session and every mediator (UTF-8).";
    NothingToExport => "Rien à exporter tant qu'aucune observation n'a été reçue.", "Nothing to export until an observation has been received.";
    ConflictBadge => "Plusieurs versions", "Several versions";
    // The analysis page.
    CampaignNotFound => "Cette campagne n'existe pas ou plus dans ce navigateur.", "This campaign does not exist, or no longer exists, in this browser.";
    SessionNotFound => "Cette séance ne fait pas ou plus partie de la campagne.", "This session is not, or no longer, part of the campaign.";
    NoObservation => "Aucune observation de cette séance n'a encore été reçue. Importez le fichier que le médiateur vous a renvoyé, depuis la page de la campagne ou les réglages.", "No observation of this session has been received yet. Import the file the mediator sent you back, from the campaign page or the settings.";
    ChooseObservation => "Observation affichée", "Observation shown";
    DraftWarning => "Cette observation est un brouillon\u{a0}: le médiateur ne l'a pas encore remise, et les chiffres peuvent encore changer.", "This observation is a draft: the mediator has not submitted it yet, and the figures may still change.";
    ObservationTitle => "Observation de", "Observation by";
    // Overview.
    OverviewTitle => "Parole et climat", "Speaking time and climate";
    OverviewIntro => "Un acte est une prise de parole codée avec l'un des douze codes d'interaction. Les codes de méta-communication, les silences et les repères ne sont pas des actes\u{a0}: ils qualifient l'échange et sont comptés à part.", "An act is a turn of speech coded with one of the twelve interaction codes. Meta-communication codes, silences and markers are not acts: they qualify the exchange and are counted separately.";
    ColIndex => "Indice", "Index";
    ColBoth => "Les deux", "Both";
    Acts => "Actes", "Acts";
    ActsHelp => "Nombre de prises de parole codées.", "How many turns of speech were coded.";
    FloorShare => "Part de parole", "Share of the floor";
    FloorShareHelp => "Part des actes de chacun dans l'ensemble des actes\u{a0}: qui occupe l'échange.", "Each person's acts out of all acts: who holds the floor.";
    QuestionAnswer => "Questions par apport", "Questions per contribution";
    QuestionAnswerHelp => "Actes de questions divisés par les actes d'apport (information, avis, orientation). Au-dessus de 1, on demande plus qu'on n'apporte.", "Question acts divided by contribution acts (information, opinion, direction). Above 1, a person asks more than they contribute.";
    PositiveNegative => "Positif par négatif", "Positive per negative";
    PositiveNegativeHelp => "Gestes relationnels positifs (soutien, détente, accord) divisés par les gestes négatifs (désaccord, tension, attaque). Au-dessus de 1, le climat penche vers le positif.", "Positive relational moves (support, easing, agreement) divided by negative ones (disagreement, tension, attack). Above 1, the climate leans positive.";
    NoValue => "—", "—";
    NoValueHelp => "«\u{a0}—\u{a0}»\u{a0}: pas de valeur, le dénominateur est nul (par exemple aucun apport ou aucun geste négatif).", "“—”: no value, the denominator is zero (for example no contribution or no negative move).";
    FloorBarLabel => "Part de parole du dirigeant et du candidat", "Share of the floor of the leader and the candidate";
    // Meta-communication.
    MetaTitle => "Méta-communication", "Meta-communication";
    MetaIntro => "Comment les deux personnes travaillent ensemble. Chaque taux est donné par 10 minutes de séance (pauses exclues) et pour 100 actes de la personne, ce qui permet de comparer des séances de durées ou de rythmes différents.", "How the two people work together. Each rate is given per 10 minutes of session (pauses excluded) and per 100 of the person's acts, so that sessions of different lengths or paces can be compared.";
    ColBehaviour => "Comportement", "Behaviour";
    SilenceTitle => "Silences et repères", "Silences and markers";
    // Bales profile.
    ProfileTitle => "Profil d'interaction (d'après Bales)", "Interaction profile (after Bales)";
    ProfileIntro => "Comment les actes de chacun se répartissent entre les quatre domaines\u{a0}: relationnel positif, apports, questions, relationnel négatif. Chaque barre est la part des actes de la personne.", "How each person's acts spread over the four areas: positive relationship, contributions, questions, negative relationship. Each bar is a share of that person's acts.";
    ColArea => "Domaine", "Area";
    ProfileByCode => "Détail par code", "Detail by code";
    ColCode => "Code", "Code";
    // Thirds.
    ThirdsTitle => "Évolution pendant la séance", "How the session evolved";
    ThirdsIntro => "La séance est coupée en trois tiers de même durée, et chaque indice est recalculé sur chaque tiers. La tendance lit la pente des trois valeurs\u{a0}: stable quand l'écart entre le début et la fin reste dans 10\u{a0}% de la valeur moyenne.", "The session is cut into three thirds of equal length, and each index is computed again on each third. The trend reads the slope of the three values: stable when the change from start to end stays within 10% of the average value.";
    ColTrend => "Tendance", "Trend";
    // Transitions.
    TransitionsTitle => "Qui répond à qui", "Who answers whom";
    TransitionsIntro => "Pour chaque acte, l'acte qui vient juste après. Une ligne est un acte, une colonne l'acte suivant\u{a0}; le nombre dit combien de fois cet enchaînement s'est produit.", "For each act, the act that comes right after it. A row is an act, a column the next act; the number says how many times that sequence happened.";
    ByActorCaption => "Qui prend la parole après qui", "Who speaks after whom";
    ActBy => "Acte du…", "Act by the…";
    ThenCeo => "puis le dirigeant", "then the leader";
    ThenCandidate => "puis le candidat", "then the candidate";
    MatrixCaption => "Enchaînements par personne et par domaine", "Sequences by person and area";
    NoTransitions => "Moins de deux actes\u{a0}: aucun enchaînement à compter.", "Fewer than two acts: no sequence to count.";
    // Timeline.
    TimelineTitle => "Déroulé de la séance", "Timeline of the session";
    TimelineIntro => "Chaque barre rassemble les actes d'un court intervalle, colorés par domaine\u{a0}; sous chaque ligne, les traits violets marquent la méta-communication. Les bandes grises sont les silences, les drapeaux en haut les notes et les moments à noter.", "Each bar gathers the acts of a short interval, coloured by area; under each lane, purple ticks mark meta-communication. Grey bands are silences, flags at the top are notes and moments to note.";
    Minutes => "minutes", "minutes";
    LegendMeta => "Méta-communication", "Meta-communication";
    LegendSilence => "Silence", "Silence";
    LegendNote => "Note", "Note";
    LegendMarker => "Moment à noter", "Moment to note";
    NotesTitle => "Notes du médiateur", "The mediator's notes";
    NoNotes => "Aucune note.", "No notes.";
    MarkersTitle => "Moments à noter", "Moments to note";
    // Ratings.
    RatingsTitle => "Notation et synthèse du médiateur", "The mediator's ratings and synthesis";
    RatingsIntro => "Après la séance, le médiateur note chaque dimension de 1 à 5 sur une grille dont chaque niveau est décrit par un comportement observable, et cite les évènements codés qui appuient sa note.", "After the session, the mediator rates each dimension from 1 to 5 on a grid where every level is described by an observable behaviour, and cites the coded events that support the rating.";
    NotRated => "Pas notée", "Not rated";
    NoRatings => "Le médiateur n'a pas noté cette séance.", "The mediator did not rate this session.";
    UnknownGrid => "Cette observation a été notée avec une grille que cette version de Rally ne connaît pas\u{a0}: les notes sont affichées sans leurs descriptions.", "This observation was rated with a grid this version of Rally does not know: the ratings are shown without their descriptions.";
    Evidence => "Évènements cités", "Events cited";
    NoEvidence => "Aucun évènement cité.", "No event cited.";
    MissingEvent => "évènement introuvable dans le codage", "event not found in the coding";
    Comment => "Commentaire\u{a0}:", "Comment:";
    AnchorLabel => "Ce que décrit ce niveau de la grille\u{a0}:", "What this level of the grid describes:";
    Synthesis => "Synthèse", "Synthesis";
    NoSynthesis => "Pas de synthèse écrite.", "No written synthesis.";
    // Agreement.
    AgreementTitle => "Accord entre médiateurs", "Agreement between mediators";
    AgreementIntro => "Quand plusieurs médiateurs observent la même séance, on vérifie qu'ils ont vu la même chose avant de s'appuyer sur leur codage. 1 veut dire un accord parfait, 0 un accord qui ne dépasse pas le hasard, une valeur négative un désaccord systématique.", "When several mediators observe the same session, check that they saw the same thing before relying on their coding. 1 means perfect agreement, 0 agreement no better than chance, a negative value systematic disagreement.";
    AgreementNeedsTwo => "L'accord se calcule quand au moins deux médiateurs ont remis leur observation de cette séance.", "Agreement is computed once at least two mediators have submitted their observation of this session.";
    AgreementWarning => "Les médiateurs ne sont pas assez d'accord pour qu'on s'appuie sur ce codage.", "The mediators do not agree enough to rely on this coding.";
    AgreementWarningMore => "Au moins une mesure est inférieure à 0,667. Regardez plutôt où ils divergent, et parlez-en avec eux avant de tirer des conclusions.", "At least one measure is below 0.667. Look at where they differ instead, and talk it over with them before drawing conclusions.";
    AgreementLowList => "Mesures concernées\u{a0}:", "Measures concerned:";
    ReadSolid => "Accord solide (0,800 ou plus)", "Solid agreement (0.800 or more)";
    ReadTentative => "Suffisant pour des conclusions prudentes (de 0,667 à 0,800)", "Enough for tentative conclusions (0.667 to 0.800)";
    ReadLow => "Trop faible pour s'y fier (moins de 0,667)", "Too low to rely on (below 0.667)";
    ReadLowKappa => "Faible (moins de 0,667, seuil de l'alpha appliqué par convention)", "Low (below 0.667, the alpha threshold used by convention)";
    ReadNoData => "Non calculé\u{a0}: aucune unité n'a été codée par deux médiateurs.", "Not computed: no unit was coded by two mediators.";
    ReadNoVariation => "Non calculé\u{a0}: tout le monde a donné la même valeur partout, si bien qu'on ne peut pas montrer un accord au-delà du hasard.", "Not computed: everyone gave the same value everywhere, so agreement beyond chance cannot be shown.";
    ReadOther => "Non calculé pour ces données.", "Not computed for these data.";
    ColStatistic => "Mesure", "Measure";
    ColValue => "Valeur", "Value";
    ColUnits => "Unités comparées", "Units compared";
    ColReading => "Lecture", "Reading";
    CodingAgreementTitle => "Le codage", "The coding";
    AlphaActs => "Codes d'acte", "Act codes";
    AlphaActsHelp => "Dans chaque fenêtre, le code d'acte le plus fréquent de chaque médiateur («\u{a0}aucun acte\u{a0}» compte comme une réponse). Alpha de Krippendorff, nominal.", "In each window, each mediator's most frequent act code (“no act” counts as an answer). Krippendorff's alpha, nominal.";
    AlphaAreas => "Domaines de Bales", "Bales areas";
    AlphaAreasHelp => "La même comparaison sur les quatre domaines seulement\u{a0}: un médiateur qui note «\u{a0}informe\u{a0}» quand l'autre note «\u{a0}donne son avis\u{a0}» est ici d'accord. Alpha de Krippendorff, nominal.", "The same comparison on the four areas only: a mediator logging “gives information” where the other logged “gives an opinion” agrees here. Krippendorff's alpha, nominal.";
    TagAlphas => "Comportements de méta-communication", "Meta-communication behaviours";
    TagAlphasHelp => "Pour chaque comportement\u{a0}: les médiateurs l'ont-ils vu dans les mêmes fenêtres\u{a0}? Alpha de Krippendorff, nominal, sur présent ou absent.", "For each behaviour: did the mediators see it in the same windows? Krippendorff's alpha, nominal, on present or absent.";
    ColWindowsSeen => "Fenêtres où il apparaît", "Windows where it appears";
    RatingAgreementTitle => "La notation", "The ratings";
    RatingsInterval => "Notes de la grille, en intervalles", "Grid ratings, as intervals";
    RatingsIntervalHelp => "Les notes de 1 à 5 données aux mêmes dimensions, les écarts comptés en points. Alpha de Krippendorff, intervalles. Une unité est une dimension notée par au moins deux médiateurs.", "The 1-to-5 ratings given to the same dimensions, gaps counted in points. Krippendorff's alpha, interval. A unit is a dimension rated by at least two mediators.";
    RatingsOrdinal => "Notes de la grille, en rangs", "Grid ratings, as ranks";
    RatingsOrdinalHelp => "Les mêmes notes lues seulement comme un ordre (4 est au-dessus de 3, sans dire de combien). Alpha de Krippendorff, ordinal.", "The same ratings read only as an order (4 is above 3, without saying by how much). Krippendorff's alpha, ordinal.";
    KappaUnweighted => "Kappa de Cohen (non pondéré)", "Cohen's kappa (unweighted)";
    KappaLinear => "Kappa pondéré, linéaire", "Weighted kappa, linear";
    KappaQuadratic => "Kappa pondéré, quadratique", "Weighted kappa, quadratic";
    KappaHelp => "Accord entre les deux médiateurs corrigé du hasard, sur les dimensions notées par les deux\u{a0}; un écart d'un point compte moins qu'un écart de quatre (linéaire\u{a0}: en proportion de l'écart, quadratique\u{a0}: de son carré).", "Agreement between the two mediators corrected for chance, on the dimensions both rated; a one-point gap counts less than a four-point gap (linear: in proportion to the gap, quadratic: to its square).";
    LevelsCaption => "Les notes de chaque médiateur, dimension par dimension", "Each mediator's ratings, dimension by dimension";
    ColDimension => "Dimension", "Dimension";
    LevelsDiffer => "Les lignes surlignées sont celles où les notes diffèrent.", "Highlighted rows are those where the ratings differ.";
    DisputedTitle => "Les codes les plus discutés", "The most disputed codes";
    DisputedHelp => "Les codes sur lesquels les médiateurs divergent le plus souvent\u{a0}: dans une fenêtre, l'un l'a noté et l'autre non. C'est par eux qu'il faut commencer la discussion.", "The codes on which the mediators differ most often: in a window, one logged it and the other did not. Start the discussion with these.";
    NoDisputes => "Aucun désaccord sur les codes.", "No disagreement on the codes.";
    ColDisputed => "Fenêtres en désaccord", "Windows in dispute";
    ConflictLeftOut => "Les observations dont plusieurs versions ont été reçues sont laissées de côté tant qu'on ne sait pas laquelle est la bonne.", "Observations received in several versions are left out until it is known which one is final.";
    // Trend across sessions.
    TrendTitle => "Tendance sur l'ensemble des séances", "Trend across the sessions";
    TrendIntro => "Chaque indice séance après séance, à partir des observations remises. Quand plusieurs médiateurs ont observé une séance, la valeur est la moyenne de leurs valeurs. La tendance lit la pente\u{a0}: stable quand l'écart entre la première et la dernière séance reste dans 10\u{a0}% de la valeur moyenne.", "Each index session after session, from the submitted observations. When several mediators observed a session, the value is the mean of theirs. The trend reads the slope: stable when the change from the first to the last session stays within 10% of the average value.";
    TrendNeedsTwo => "La tendance apparaît quand au moins deux séances ont une observation remise.", "The trend appears once at least two sessions have a submitted observation.";
    TrendMore => "Tous les indices", "Every index";
    ThisSession => "cette séance", "this session";
    NotObserved => "pas d'observation remise", "no submitted observation";
    // Directions.
    Rising => "En hausse", "Rising";
    Falling => "En baisse", "Falling";
    Stable => "Stable", "Stable";
    NotEnoughData => "Pas assez de données", "Not enough data";
    // People and areas.
    Ceo => "Dirigeant", "Leader";
    Candidate => "Candidat", "Candidate";
    AreaPositive => "Relationnel positif", "Positive relationship";
    AreaAnswers => "Apports", "Contributions";
    AreaQuestions => "Questions", "Questions";
    AreaNegative => "Relationnel négatif", "Negative relationship";
    AreaPositiveShort => "Pos.", "Pos.";
    AreaAnswersShort => "Appo.", "Contr.";
    AreaQuestionsShort => "Quest.", "Quest.";
    AreaNegativeShort => "Nég.", "Neg.";
    // Meta-communication behaviours.
    TagBuildsOn => "Rebondit sur l'idée de l'autre", "Builds on the other's idea";
    TagBuildsOnHelp => "Reprend une idée de l'autre pour la prolonger ou l'améliorer.", "Takes up the other's idea to carry it further or improve it.";
    TagReformulates => "Reformule", "Reformulates";
    TagReformulatesHelp => "Redit avec ses mots ce que l'autre vient de dire, pour vérifier ou faire avancer.", "Restates in their own words what the other just said, to check it or move it on.";
    TagAsksWhy => "Demande le pourquoi", "Asks why";
    TagAsksWhyHelp => "Remonte aux enjeux\u{a0}: pourquoi faire cela, pour quoi faire.", "Goes up to the stakes: why do this, what for.";
    TagProposes => "Propose", "Proposes";
    TagProposesHelp => "Met une idée nouvelle ou une autre option sur la table.", "Puts a new idea or another option on the table.";
    TagAcceptsRefusal => "Accepte un refus", "Accepts a refusal";
    TagAcceptsRefusalHelp => "Entend un non sans insister ni se fermer, et s'adapte.", "Hears a no without pushing or shutting down, and adapts.";
    TagInterrupts => "Coupe la parole", "Interrupts";
    TagInterruptsHelp => "Prend la parole avant que l'autre ait fini.", "Starts speaking before the other has finished.";
    TagTalksOver => "Parle en même temps", "Talks over";
    TagTalksOverHelp => "Continue de parler pendant que l'autre parle.", "Keeps talking while the other is speaking.";
    TagSilence => "Part du temps en silence", "Share of time in silence";
    TagMarker => "Moment à noter", "Moment to note";
}

/// A person of the pair.
pub fn actor(lang: Lang, a: Actor) -> &'static str {
    match a {
        Actor::Ceo => A::Ceo,
        Actor::Candidate => A::Candidate,
    }
    .get(lang)
}

/// A Bales area, in full.
pub fn area(lang: Lang, a: Area) -> &'static str {
    match a {
        Area::PositiveSocioEmotional => A::AreaPositive,
        Area::AttemptedAnswers => A::AreaAnswers,
        Area::Questions => A::AreaQuestions,
        Area::NegativeSocioEmotional => A::AreaNegative,
    }
    .get(lang)
}

/// A Bales area, abbreviated for the columns of the transition table.
pub fn area_short(lang: Lang, a: Area) -> &'static str {
    match a {
        Area::PositiveSocioEmotional => A::AreaPositiveShort,
        Area::AttemptedAnswers => A::AreaAnswersShort,
        Area::Questions => A::AreaQuestionsShort,
        Area::NegativeSocioEmotional => A::AreaNegativeShort,
    }
    .get(lang)
}

/// A meta-communication behaviour (or silence, marker) and what it means.
pub fn tag(lang: Lang, t: Tag) -> (&'static str, &'static str) {
    let (name, help) = match t {
        Tag::BuildsOn => (A::TagBuildsOn, A::TagBuildsOnHelp),
        Tag::Reformulates => (A::TagReformulates, A::TagReformulatesHelp),
        Tag::AsksWhy => (A::TagAsksWhy, A::TagAsksWhyHelp),
        Tag::Proposes => (A::TagProposes, A::TagProposesHelp),
        Tag::AcceptsRefusal => (A::TagAcceptsRefusal, A::TagAcceptsRefusalHelp),
        Tag::Interrupts => (A::TagInterrupts, A::TagInterruptsHelp),
        Tag::TalksOver => (A::TagTalksOver, A::TagTalksOverHelp),
        Tag::Silence => (A::TagSilence, A::LegendSilence),
        Tag::Marker => (A::TagMarker, A::LegendMarker),
    };
    (name.get(lang), help.get(lang))
}

pub fn direction(lang: Lang, d: Direction) -> &'static str {
    match d {
        Direction::Rising => A::Rising,
        Direction::Falling => A::Falling,
        Direction::Stable => A::Stable,
        Direction::NotEnoughData => A::NotEnoughData,
    }
    .get(lang)
}

/// "puis le dirigeant" — a column of the transition tables.
pub fn then(lang: Lang, a: Actor) -> &'static str {
    match a {
        Actor::Ceo => A::ThenCeo,
        Actor::Candidate => A::ThenCandidate,
    }
    .get(lang)
}

/// The name of an index followed across thirds or sessions, in plain words.
pub fn trend_index(lang: Lang, index: TrendIndex) -> String {
    let who = |w: Option<Actor>| match w {
        Some(a) => actor(lang, a),
        None => A::ColBoth.get(lang),
    };
    match index {
        TrendIndex::FloorShare(a) => format!("{} — {}", A::FloorShare.get(lang), actor(lang, a)),
        TrendIndex::QuestionAnswer(w) => format!("{} — {}", A::QuestionAnswer.get(lang), who(w)),
        TrendIndex::PositiveNegative(w) => {
            format!("{} — {}", A::PositiveNegative.get(lang), who(w))
        }
        TrendIndex::Per10Min(t, a) => match lang {
            Lang::Fr => format!("{} — {}, par 10\u{a0}min", tag(lang, t).0, actor(lang, a)),
            Lang::En => format!("{} — {}, per 10 min", tag(lang, t).0, actor(lang, a)),
        },
        TrendIndex::Per100Acts(t, a) => match lang {
            Lang::Fr => format!("{} — {}, pour 100 actes", tag(lang, t).0, actor(lang, a)),
            Lang::En => format!("{} — {}, per 100 acts", tag(lang, t).0, actor(lang, a)),
        },
        TrendIndex::SilenceShare => A::TagSilence.get(lang).to_owned(),
    }
}

/// How an index's value reads: shares as percentages, ratios with two decimals, rates with one.
pub fn index_value(lang: Lang, index: TrendIndex, value: Option<f64>) -> String {
    let Some(v) = value else {
        return A::NoValue.get(lang).to_owned();
    };
    match index {
        TrendIndex::FloorShare(_) | TrendIndex::SilenceShare => share(lang, v),
        TrendIndex::QuestionAnswer(_) | TrendIndex::PositiveNegative(_) => number(lang, v, 2),
        TrendIndex::Per10Min(..) | TrendIndex::Per100Acts(..) => number(lang, v, 1),
    }
}

/// A share (0–1) as a whole percentage: "56 %" / "56%".
pub fn share(lang: Lang, value: f64) -> String {
    let p = number(lang, value * 100.0, 0);
    match lang {
        Lang::Fr => format!("{p}\u{a0}%"),
        Lang::En => format!("{p}%"),
    }
}

/// The parts of a share: "45 sur 80" / "45 of 80".
pub fn parts_of(lang: Lang, part: u32, whole: u32) -> String {
    let (p, w) = (number(lang, part.into(), 0), number(lang, whole.into(), 0));
    match lang {
        Lang::Fr => format!("{p} sur {w}"),
        Lang::En => format!("{p} of {w}"),
    }
}

/// The parts of a ratio: "9 ÷ 20".
pub fn ratio_parts(lang: Lang, numerator: u32, denominator: u32) -> String {
    format!(
        "{} ÷ {}",
        number(lang, numerator.into(), 0),
        number(lang, denominator.into(), 0)
    )
}

/// A rate per 10 minutes: "2,4 par 10 min" / "2.4 per 10 min".
pub fn per_10_min(lang: Lang, value: Option<f64>) -> String {
    let v = value.map_or_else(|| A::NoValue.get(lang).to_owned(), |v| number(lang, v, 1));
    match lang {
        Lang::Fr => format!("{v} par 10\u{a0}min"),
        Lang::En => format!("{v} per 10 min"),
    }
}

/// A rate per 100 acts: "6,1 pour 100 actes" / "6.1 per 100 acts".
pub fn per_100_acts(lang: Lang, value: Option<f64>) -> String {
    let v = value.map_or_else(|| A::NoValue.get(lang).to_owned(), |v| number(lang, v, 1));
    match lang {
        Lang::Fr => format!("{v} pour 100 actes"),
        Lang::En => format!("{v} per 100 acts"),
    }
}

/// How many times: "12 fois" / "12 times".
pub fn times(lang: Lang, n: u32) -> String {
    let v = number(lang, n.into(), 0);
    match (lang, n) {
        (Lang::Fr, _) => format!("{v} fois"),
        (Lang::En, 1) => "once".to_owned(),
        (Lang::En, _) => format!("{v} times"),
    }
}

fn plural(lang: Lang, n: usize, fr: (&str, &str), en: (&str, &str)) -> String {
    let v = number(lang, n as f64, 0);
    match lang {
        Lang::Fr => format!("{v} {}", if n > 1 { fr.1 } else { fr.0 }),
        Lang::En => format!("{v} {}", if n == 1 { en.0 } else { en.1 }),
    }
}

pub fn events_count(lang: Lang, n: usize) -> String {
    plural(lang, n, ("évènement", "évènements"), ("event", "events"))
}

pub fn notes_count(lang: Lang, n: usize) -> String {
    plural(lang, n, ("note", "notes"), ("note", "notes"))
}

pub fn acts_count(lang: Lang, n: usize) -> String {
    plural(lang, n, ("acte", "actes"), ("act", "acts"))
}

/// A length of session time: "45 s", "42 min 05 s", "1 h 02 min".
pub fn duration(lang: Lang, ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    let nb = match lang {
        Lang::Fr => '\u{a0}',
        Lang::En => ' ',
    };
    if h > 0 {
        format!("{h}{nb}h {m:02}{nb}min")
    } else if m > 0 {
        format!("{m}{nb}min {s:02}{nb}s")
    } else {
        format!("{s}{nb}s")
    }
}

/// A moment of the session as on a stopwatch: "12:05", "1:02:05".
pub fn clock_time(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A tick of the time axis, in minutes: "0", "2,5" / "2.5", "30".
pub fn axis_minutes(lang: Lang, ms: u64) -> String {
    let decimals = usize::from(!ms.is_multiple_of(60_000));
    number(lang, ms as f64 / 60_000.0, decimals)
}

/// "Analyser la séance 2" — the accessible name of the analysis link of a session.
pub fn analyse_session_n(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Analyser la séance {n}"),
        Lang::En => format!("Analyse session {n}"),
    }
}

/// The title of the analysis page.
pub fn analysis_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Analyse de la séance {n}"),
        Lang::En => format!("Analysis of session {n}"),
    }
}

/// "Remise le 3 décembre 2026 à 11:05".
pub fn submitted_on(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Fr => format!("Remise le {when}"),
        Lang::En => format!("Submitted on {when}"),
    }
}

/// "Version 1 sur 2".
pub fn version_of(lang: Lang, k: usize, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Version {k} sur {n}"),
        Lang::En => format!("Version {k} of {n}"),
    }
}

/// Says plainly that several versions of one mediator's observation are kept side by side.
pub fn conflict_text(lang: Lang, mediator: &str, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{n} versions différentes de l'observation de {mediator} ont été reçues, et aucune ne \
             remplace les autres\u{a0}: Rally les garde toutes, côte à côte, sans en effacer \
             aucune. Demandez à {mediator} laquelle est la bonne. En attendant, elles sont \
             laissées de côté dans l'accord entre médiateurs et dans les tendances."
        ),
        Lang::En => format!(
            "{n} different versions of {mediator}'s observation were received, and none replaces \
             the others: Rally keeps them all, side by side, and erases none. Ask {mediator} \
             which one is right. Meanwhile they are left out of the agreement between mediators \
             and of the trends."
        ),
    }
}

/// One version of a conflict: "Version 2 sur 2 — révision 412, remise, modifiée le …".
pub fn version_line(
    lang: Lang,
    k: usize,
    n: usize,
    revision: u64,
    submitted: bool,
    updated: &str,
) -> String {
    let status = if submitted {
        A::StatusSubmitted
    } else {
        A::StatusDraft
    }
    .get(lang)
    .to_lowercase();
    match lang {
        Lang::Fr => format!(
            "{} — révision {revision}, {status}, modifiée le {updated}",
            version_of(lang, k, n)
        ),
        Lang::En => format!(
            "{} — revision {revision}, {status}, last changed on {updated}",
            version_of(lang, k, n)
        ),
    }
}

/// The session's planned date, place and topic, as one line (empty parts left out).
pub fn session_line(lang: Lang, n: usize, date: Option<&str>, topic: &str) -> String {
    let mut out = super::session_title(lang, n);
    if let Some(d) = date {
        out.push_str(" — ");
        out.push_str(d);
    }
    if !topic.trim().is_empty() {
        out.push_str(" — ");
        out.push_str(topic.trim());
    }
    out
}

/// "1er tiers (0–14 min)" / "1st third (0–14 min)".
pub fn third(lang: Lang, k: usize, start_ms: u64, end_ms: u64) -> String {
    let span = format!(
        "{}–{}",
        axis_minutes(lang, start_ms / 60_000 * 60_000),
        axis_minutes(lang, end_ms.div_ceil(60_000) * 60_000)
    );
    match (lang, k) {
        (Lang::Fr, 0) => format!("1er tiers ({span}\u{a0}min)"),
        (Lang::Fr, _) => format!("{}e tiers ({span}\u{a0}min)", k + 1),
        (Lang::En, 0) => format!("1st third ({span} min)"),
        (Lang::En, 1) => format!("2nd third ({span} min)"),
        (Lang::En, _) => format!("3rd third ({span} min)"),
    }
}

/// "niveau 4 sur 5" / "level 4 of 5".
pub fn level_of(lang: Lang, level: u8, max: u8) -> String {
    match lang {
        Lang::Fr => format!("{level} sur {max}"),
        Lang::En => format!("{level} of {max}"),
    }
}

/// Silences and markers of a session, in one sentence.
pub fn silence_summary(
    lang: Lang,
    silences: u32,
    total_ms: u64,
    share_of_time: Option<f64>,
    markers: u32,
) -> String {
    let part = share_of_time.map_or_else(|| A::NoValue.get(lang).to_owned(), |v| share(lang, v));
    let d = duration(lang, total_ms);
    let s = plural(
        lang,
        silences as usize,
        ("silence", "silences"),
        ("silence", "silences"),
    );
    let m = plural(
        lang,
        markers as usize,
        ("moment à noter", "moments à noter"),
        ("moment to note", "moments to note"),
    );
    match lang {
        Lang::Fr => format!("{s} ({d} en tout, soit {part} du temps de séance)\u{a0}; {m}."),
        Lang::En => format!("{s} ({d} in all, {part} of the session time); {m}."),
    }
}

/// The text alternative of the timeline chart.
pub fn timeline_summary(
    lang: Lang,
    length_ms: u64,
    acts: [u32; 2],
    meta: [u32; 2],
    silences: usize,
    notes: usize,
) -> String {
    let d = duration(lang, length_ms);
    let a = |n: u32| acts_count(lang, n as usize);
    // Meta-communication signs are not acts: they come beside them ("and", never "of which").
    let m = |n: u32| {
        plural(
            lang,
            n as usize,
            (
                "signe de méta-communication",
                "signes de méta-communication",
            ),
            ("meta-communication sign", "meta-communication signs"),
        )
    };
    match lang {
        Lang::Fr => format!(
            "Séance de {d}. Dirigeant\u{a0}: {}, et {}. Candidat\u{a0}: {}, et {}. {} et {}.",
            a(acts[0]),
            m(meta[0]),
            a(acts[1]),
            m(meta[1]),
            plural(
                lang,
                silences,
                ("silence", "silences"),
                ("silence", "silences")
            ),
            notes_count(lang, notes)
        ),
        Lang::En => format!(
            "A {d} session. Leader: {}, with {}. Candidate: {}, with {}. {} and {}.",
            a(acts[0]),
            m(meta[0]),
            a(acts[1]),
            m(meta[1]),
            plural(
                lang,
                silences,
                ("silence", "silences"),
                ("silence", "silences")
            ),
            notes_count(lang, notes)
        ),
    }
}

/// "Après le dirigeant, le candidat prend la parole 34 fois sur 50 (68 %)."
pub fn who_follows(lang: Lang, from: Actor, counts: [u32; 2]) -> String {
    let total = counts[0] + counts[1];
    let other = counts[from.other().index()];
    let part = if total > 0 {
        share(lang, f64::from(other) / f64::from(total))
    } else {
        A::NoValue.get(lang).to_owned()
    };
    let (f, o) = (actor(lang, from), actor(lang, from.other()));
    match lang {
        Lang::Fr => format!(
            "Après un acte du {}, c'est le {} qui enchaîne {} sur {} ({part}).",
            f.to_lowercase(),
            o.to_lowercase(),
            number(lang, other.into(), 0),
            number(lang, total.into(), 0)
        ),
        Lang::En => format!(
            "After an act by the {}, the {} speaks next {} times out of {} ({part}).",
            f.to_lowercase(),
            o.to_lowercase(),
            number(lang, other.into(), 0),
            number(lang, total.into(), 0)
        ),
    }
}

/// The accessible name of a cell of the transition matrix.
pub fn transition_cell(lang: Lang, from: (Actor, Area), to: (Actor, Area), n: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "{} ({}) puis {} ({})\u{a0}: {}",
            actor(lang, from.0),
            area(lang, from.1).to_lowercase(),
            actor(lang, to.0).to_lowercase(),
            area(lang, to.1).to_lowercase(),
            times(lang, n)
        ),
        Lang::En => format!(
            "{} ({}) then {} ({}): {}",
            actor(lang, from.0),
            area(lang, from.1).to_lowercase(),
            actor(lang, to.0).to_lowercase(),
            area(lang, to.1).to_lowercase(),
            times(lang, n)
        ),
    }
}

/// An agreement coefficient: three decimals, as the thresholds (0.667, 0.800) are written.
pub fn coefficient(lang: Lang, value: f64) -> String {
    number(lang, value, 3)
}

/// "42 fenêtres" / "42 windows".
pub fn windows_count(lang: Lang, n: usize) -> String {
    plural(lang, n, ("fenêtre", "fenêtres"), ("window", "windows"))
}

/// "5 dimensions".
pub fn dimensions_count(lang: Lang, n: usize) -> String {
    plural(
        lang,
        n,
        ("dimension", "dimensions"),
        ("dimension", "dimensions"),
    )
}

/// How the coding is compared: the window length and the number of windows used.
pub fn windows_intro(lang: Lang, window_ms: u64, windows: usize) -> String {
    let w = duration(lang, window_ms);
    let n = windows_count(lang, windows);
    match lang {
        Lang::Fr => format!(
            "La séance est découpée en fenêtres de {w}, et l'on compare ce que chaque médiateur a \
             codé dans chacune. Les fenêtres où personne n'a rien codé sont écartées, pour qu'une \
             longue pause ne passe pas pour un accord\u{a0}: {n} servent ici d'unités."
        ),
        Lang::En => format!(
            "The session is cut into {w} windows, and what each mediator coded in each is \
             compared. Windows where nobody coded anything are left out, so that a long pause does \
             not pass for agreement: {n} serve as units here."
        ),
    }
}

/// A measure named in the agreement warning.
pub fn measure(lang: Lang, m: Measure) -> String {
    match m {
        Measure::Acts => A::AlphaActs.get(lang).to_owned(),
        Measure::Areas => A::AlphaAreas.get(lang).to_owned(),
        Measure::Tag(t) => tag(lang, t).0.to_owned(),
        Measure::RatingsInterval => A::RatingsInterval.get(lang).to_owned(),
        Measure::RatingsOrdinal => A::RatingsOrdinal.get(lang).to_owned(),
    }
}

/// What the reader should know before trusting the agreement figures.
pub fn agreement_note(lang: Lang, n: &AgreementNote) -> String {
    match (lang, n) {
        (Lang::Fr, AgreementNote::FewWindows { windows, minimum }) => format!(
            "Trop peu d'unités\u{a0}: {} seulement (il en faudrait au moins {minimum}). Les valeurs \
             du codage peuvent beaucoup varier\u{a0}; lisez-les comme une indication.",
            windows_count(lang, *windows)
        ),
        (Lang::En, AgreementNote::FewWindows { windows, minimum }) => format!(
            "Too few units: only {} (at least {minimum} are needed). The coding values can swing a \
             lot; read them as an indication.",
            windows_count(lang, *windows)
        ),
        (Lang::Fr, AgreementNote::FewRatedDimensions { dimensions, minimum }) => format!(
            "Trop peu d'unités pour la notation\u{a0}: {} notée(s) par au moins deux médiateurs (il \
             en faudrait au moins {minimum}). Lisez ces valeurs comme une indication.",
            dimensions_count(lang, *dimensions)
        ),
        (Lang::En, AgreementNote::FewRatedDimensions { dimensions, minimum }) => format!(
            "Too few units for the ratings: {} rated by at least two mediators (at least {minimum} \
             are needed). Read these values as an indication.",
            dimensions_count(lang, *dimensions)
        ),
        (Lang::Fr, AgreementNote::Drafts { count }) => format!(
            "{count} observation(s) sont encore des brouillons\u{a0}: les valeurs peuvent changer."
        ),
        (Lang::En, AgreementNote::Drafts { count }) => {
            format!("{count} observation(s) are still drafts: the values may change.")
        }
    }
}

/// Why the agreement could not be computed at all.
pub fn agreement_error(lang: Lang, e: &AgreementError) -> String {
    match (lang, e) {
        (_, AgreementError::TooFewObservations { .. }) => A::AgreementNeedsTwo.get(lang).to_owned(),
        (Lang::Fr, AgreementError::DifferentSessions) => "Les observations ne portent pas sur la même séance.".into(),
        (Lang::En, AgreementError::DifferentSessions) => "The observations are not of the same session.".into(),
        (Lang::Fr, AgreementError::SameMediator(_)) => "Deux observations viennent du même médiateur\u{a0}: l'accord se mesure entre personnes différentes.".into(),
        (Lang::En, AgreementError::SameMediator(_)) => "Two observations come from the same mediator: agreement is measured between different people.".into(),
        (Lang::Fr, AgreementError::SchemeMismatch { .. }) => "Les médiateurs n'ont pas codé avec la même grille de codage\u{a0}: leurs codes ne se comparent pas.".into(),
        (Lang::En, AgreementError::SchemeMismatch { .. }) => "The mediators did not code with the same coding scheme: their codes cannot be compared.".into(),
        (Lang::Fr, AgreementError::BarsMismatch { .. }) => "Les médiateurs n'ont pas noté avec la même grille de notation\u{a0}: leurs notes ne se comparent pas.".into(),
        (Lang::En, AgreementError::BarsMismatch { .. }) => "The mediators did not rate with the same rating grid: their ratings cannot be compared.".into(),
        (Lang::Fr, AgreementError::WindowTooShort { .. }) => "La fenêtre de comparaison est trop courte.".into(),
        (Lang::En, AgreementError::WindowTooShort { .. }) => "The comparison window is too short.".into(),
    }
}

/// "en désaccord dans 12 des 30 fenêtres où il apparaît (40 %)".
pub fn disputed_line(lang: Lang, disputed: usize, seen: usize, rate: f64) -> String {
    let (d, n) = (
        number(lang, disputed as f64, 0),
        number(lang, seen as f64, 0),
    );
    let r = share(lang, rate);
    match lang {
        Lang::Fr => format!("{d} sur {n} ({r})"),
        Lang::En => format!("{d} of {n} ({r})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in A::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
        for i in TrendIndex::all() {
            assert!(!trend_index(Lang::Fr, i).is_empty());
            assert_ne!(trend_index(Lang::Fr, i), trend_index(Lang::En, i), "{i:?}");
        }
    }

    #[test]
    fn values_read_in_each_language() {
        assert_eq!(share(Lang::Fr, 0.5625), "56\u{a0}%");
        assert_eq!(share(Lang::En, 0.5625), "56%");
        assert_eq!(per_10_min(Lang::Fr, Some(2.44)), "2,4 par 10\u{a0}min");
        assert_eq!(per_100_acts(Lang::En, None), "— per 100 acts");
        assert_eq!(times(Lang::En, 1), "once");
        assert_eq!(times(Lang::Fr, 1234), "1\u{202f}234 fois");
        assert_eq!(events_count(Lang::Fr, 1), "1 évènement");
        assert_eq!(events_count(Lang::En, 2500), "2,500 events");
        assert_eq!(ratio_parts(Lang::En, 9, 20), "9 ÷ 20");
        assert_eq!(
            index_value(Lang::Fr, TrendIndex::QuestionAnswer(None), Some(0.456)),
            "0,46"
        );
    }

    #[test]
    fn durations_and_clock_times() {
        assert_eq!(duration(Lang::En, 45_400), "45 s");
        assert_eq!(duration(Lang::En, 42 * 60_000 + 5_000), "42 min 05 s");
        assert_eq!(duration(Lang::Fr, 3_720_000), "1\u{a0}h 02\u{a0}min");
        assert_eq!(clock_time(725_000), "12:05");
        assert_eq!(clock_time(3_725_000), "1:02:05");
        assert_eq!(axis_minutes(Lang::Fr, 150_000), "2,5");
        assert_eq!(axis_minutes(Lang::En, 600_000), "10");
        assert_eq!(
            third(Lang::En, 1, 840_000, 1_680_000),
            "2nd third (14–28 min)"
        );
        assert_eq!(third(Lang::Fr, 0, 0, 840_000), "1er tiers (0–14\u{a0}min)");
    }

    #[test]
    fn who_follows_whom_reads_as_a_sentence() {
        assert_eq!(
            who_follows(Lang::En, Actor::Ceo, [16, 34]),
            "After an act by the leader, the candidate speaks next 34 times out of 50 (68%)."
        );
        assert!(who_follows(Lang::Fr, Actor::Candidate, [0, 0]).contains("(—)"));
    }
}
