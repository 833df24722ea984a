//! The words of the sample: names, places, topics, the mediators' notes, comments and
//! syntheses, the free-text answers of the debriefs. Written for Rally (the facts of the role
//! come from the source articles; the sentences are ours), in French first and in English.
//! Every person and firm here is fictitious; the e-mail addresses use the reserved domain
//! `example.org`.
//!
//! These are data of the sample, like the texts of an instrument file, not sentences of the
//! interface: they live here, not in the message catalogue.

use crate::domain::lang::Lang;

/// A text in French and in English.
pub(super) type Both = (&'static str, &'static str);

/// The text of `t` in `lang`.
pub(super) fn say(lang: Lang, t: Both) -> String {
    match lang {
        Lang::Fr => t.0,
        Lang::En => t.1,
    }
    .to_owned()
}

pub(super) const CAMPAIGN: Both = (
    "Exemple — Chief Support Officer 5.0 (données fictives)",
    "Sample — Chief Support Officer 5.0 (fictitious data)",
);
pub(super) const LEADER: &str = "Hélène Marchand";
pub(super) const LEADER_TITLE: Both = ("Présidente-directrice générale", "Chief Executive Officer");
/// Candidate A (the rising story), then B (the falling one): name and e-mail.
pub(super) const CANDIDATES: [(&str, &str); 2] = [
    ("Julien Lefèvre", "julien.lefevre@example.org"),
    ("Sophie Renaud", "sophie.renaud@example.org"),
];
pub(super) const MEDIATORS: [(&str, &str); 2] = [
    ("Nadia Kaci", "nadia.kaci@example.org"),
    ("Thomas Girard", ""),
];
pub(super) const ASKED_BY: Both = ("Cabinet Exemple (fictif)", "Example Partners (fictitious)");

/// The four work sessions: place and topic.
pub(super) const SESSIONS: [(Both, Both); 4] = [
    (
        ("Siège, salle du conseil", "Head office, board room"),
        (
            "Revoir avec l'équipe commerciale la procédure d'administration des ventes (ADV) qui retarde la facturation.",
            "Review with the sales team the sales-administration procedure that delays invoicing.",
        ),
    ),
    (
        ("Site de production, bureau d'équipe", "Production site, team office"),
        (
            "Préparer la négociation d'un contrat de sous-traitance avec un partenaire qui est aussi un concurrent.",
            "Prepare the negotiation of a subcontracting agreement with a partner who is also a competitor.",
        ),
    ),
    (
        ("Visioconférence, puis siège", "Video call, then head office"),
        (
            "Bâtir le plan de lancement d'une campagne de communication digitale pour la nouvelle offre de services.",
            "Build the launch plan of a digital communication campaign for the new service offer.",
        ),
    ),
    (
        ("Siège, salle du conseil", "Head office, board room"),
        (
            "Construire le catalogue d'offres des fonctions support et les indicateurs de satisfaction des clients internes.",
            "Build the support functions' service catalogue and the internal clients' satisfaction indicators.",
        ),
    ),
];

/// The notes a mediator takes during a session, per candidate (A, B) and session: three
/// moments worth finding again.
pub(super) const NOTES: [[[Both; 3]; 4]; 2] = [
    [
        [
            ("Julien attend que la dirigeante ait fini avant de parler ; il propose peu.", "Julien waits for the CEO to finish before speaking; he proposes little."),
            ("Premier « pourquoi » de Julien sur la facturation tardive : la dirigeante accélère.", "Julien's first \"why\" about late invoicing: the CEO speeds up."),
            ("Deux coupures de parole en fin de séance, sous la pression du temps.", "Two interruptions near the end, under time pressure."),
        ],
        [
            ("Julien reformule le problème du partenaire-concurrent avant d'avancer : bien reçu.", "Julien restates the partner-competitor problem before moving on: well received."),
            ("La dirigeante reprend une idée de Julien sur les clauses de confidentialité.", "The CEO takes up Julien's idea on the confidentiality clauses."),
            ("Long silence après la question du prix plancher ; Julien relance calmement.", "Long silence after the floor-price question; Julien restarts calmly."),
        ],
        [
            ("Ils construisent le calendrier de campagne à deux, chacun complète l'autre.", "They build the campaign calendar together, each completing the other."),
            ("Désaccord franc sur le budget, tranché sans tension.", "Frank disagreement on the budget, settled without tension."),
            ("Julien demande à quoi sert la campagne pour le client final : la discussion change de niveau.", "Julien asks what the campaign does for the end client: the discussion goes up a level."),
        ],
        [
            ("Rythme soutenu, tours de parole équilibrés.", "Brisk pace, balanced turns."),
            ("La dirigeante demande l'avis de Julien avant de trancher sur les indicateurs.", "The CEO asks for Julien's view before deciding on the indicators."),
            ("Julien accepte le refus de sa proposition et en apporte une autre dans la foulée.", "Julien accepts the refusal of his proposal and brings another one straight away."),
        ],
    ],
    [
        [
            ("Sophie apporte d'emblée des chiffres précis sur l'ADV ; la dirigeante rebondit.", "Sophie brings precise figures on sales administration at once; the CEO builds on them."),
            ("Échanges rapides et détendus, beaucoup d'humour partagé.", "Quick, relaxed exchanges, much shared humour."),
            ("Sophie demande pourquoi la procédure existe avant de la changer.", "Sophie asks why the procedure exists before changing it."),
        ],
        [
            ("Sophie prend le modèle financier en main ; la dirigeante parle moins.", "Sophie takes over the financial model; the CEO speaks less."),
            ("Première interruption nette quand la dirigeante évoque le partenaire.", "First clear interruption when the CEO brings up the partner."),
            ("Le désaccord sur la marge reste ouvert.", "The disagreement on the margin stays open."),
        ],
        [
            ("Sophie parle en même temps que la dirigeante à plusieurs reprises.", "Sophie talks over the CEO several times."),
            ("La dirigeante se tait longtemps après le refus de sa proposition.", "The CEO falls silent for a long time after her proposal is turned down."),
            ("Reformulation qui déforme l'idée de la dirigeante (« donc on abandonne le digital »).", "A restatement that distorts the CEO's idea (\"so we drop digital\")."),
        ],
        [
            ("Sophie déroule son plan ; peu de questions à la dirigeante.", "Sophie runs through her plan; few questions to the CEO."),
            ("Tension visible au moment de choisir les indicateurs.", "Visible tension when choosing the indicators."),
            ("La dirigeante cède sur le calendrier sans être convaincue.", "The CEO gives in on the calendar without being convinced."),
        ],
    ],
];

/// The mediators' synthesis of each session, per candidate (A, B) and session.
pub(super) const SYNTHESES: [[Both; 4]; 2] = [
    [
        ("Séance prudente. La dirigeante mène, Julien répond avec précision mais propose peu et reprend rarement ses idées. Les désaccords restent implicites. Point à suivre : sa place dans l'échange quand le temps presse.", "A cautious session. The CEO leads; Julien answers precisely but proposes little and seldom builds on her ideas. Disagreements stay implicit. To follow: his place in the exchange when time is short."),
        ("Le binôme se cherche et se trouve par moments. Julien reformule avant d'avancer, ce qui rassure la dirigeante ; elle commence à reprendre ses idées. Encore peu de « pourquoi ».", "The pair is finding its way, and at times finds it. Julien restates before moving on, which reassures the CEO; she starts taking up his ideas. Still few \"why\" questions."),
        ("Vraie co-construction sur le plan de campagne : chacun complète l'autre. Le désaccord sur le budget est dit, discuté sur le fond et tranché. Julien remonte aux enjeux du client final.", "Real co-construction of the campaign plan: each completes the other. The budget disagreement is voiced, discussed on its merits and settled. Julien goes up to the end client's stakes."),
        ("Séance fluide et productive. Les tours de parole sont équilibrés, les idées circulent dans les deux sens, les refus sont acceptés et suivis d'une autre proposition. Le rallye tient.", "A fluid, productive session. Turns are balanced, ideas flow both ways, refusals are accepted and followed by another proposal. The rally holds."),
    ],
    [
        ("Excellente première séance : Sophie arrive préparée, la dirigeante rebondit sur ses chiffres, l'humour détend. Sophie demande pourquoi la procédure existe avant de la changer.", "An excellent first session: Sophie comes prepared, the CEO builds on her figures, humour eases the work. Sophie asks why the procedure exists before changing it."),
        ("Sophie prend davantage la parole et le modèle financier en main. Premières interruptions ; le désaccord sur la marge reste ouvert. La dirigeante parle moins qu'en première séance.", "Sophie takes more of the floor and takes over the financial model. First interruptions; the margin disagreement stays open. The CEO speaks less than in the first session."),
        ("Séance tendue. Sophie coupe et couvre souvent la parole de la dirigeante, une reformulation déforme son idée, un long silence suit un refus. Le rôle de la dirigeante est peu respecté.", "A tense session. Sophie often cuts off and talks over the CEO, one restatement distorts her idea, a long silence follows a refusal. The CEO's role is little respected."),
        ("Sophie déroule son plan sans vraiment interroger la dirigeante, qui cède sur le calendrier sans adhérer. La tension monte au choix des indicateurs. Écart net entre l'énergie de Sophie et la réserve de la dirigeante.", "Sophie runs through her plan without really asking the CEO, who gives in on the calendar without agreeing. Tension rises when choosing the indicators. A clear gap between Sophie's energy and the CEO's reserve."),
    ],
];

/// What the second mediator adds to a synthesis: where they looked.
pub(super) const SECOND_LOOK: Both = (
    "J'ai suivi en priorité les tours de parole et les silences.",
    "I mainly followed turn-taking and silences.",
);
/// What a mediator adds to a version of their observation revised afterwards.
pub(super) const REVISED: Both = (
    "Version revue à froid, après relecture de mes notes : deux prises de parole recodées.",
    "Revised afterwards, on reading my notes again: two turns recoded.",
);

/// A comment on a rating, per dimension of the default grid (its order) and level band:
/// low (1–2), middle (3), high (4–5).
pub(super) const COMMENTS: [[Both; 3]; 6] = [
    [
        (
            "On répond souvent à côté ; peu de vérifications de compréhension.",
            "Answers often miss the point; few checks of understanding.",
        ),
        (
            "Écoute correcte, reformulations occasionnelles.",
            "Fair listening, occasional restatements.",
        ),
        (
            "Chacun reformule avant d'avancer et vérifie qu'il a compris.",
            "Each restates before moving on and checks their understanding.",
        ),
    ],
    [
        (
            "Les idées restent celles de chacun ; peu de reprises.",
            "Ideas remain each person's own; little taken up.",
        ),
        (
            "Quelques idées reprises et enrichies, surtout dans un sens.",
            "Some ideas taken up and enriched, mostly one way.",
        ),
        (
            "Les idées se construisent à deux ; le résultat appartient aux deux.",
            "Ideas are built together; the result belongs to both.",
        ),
    ],
    [
        (
            "Désaccords coupés court ou laissés en suspens, avec de la tension.",
            "Disagreements cut short or left hanging, with tension.",
        ),
        (
            "Désaccords dits mais peu discutés sur le fond.",
            "Disagreements voiced but little discussed on their merits.",
        ),
        (
            "Désaccords dits, discutés sur le fond, puis tranchés.",
            "Disagreements voiced, discussed on their merits, then settled.",
        ),
    ],
    [
        (
            "On reste sur la tâche immédiate ; personne ne demande pourquoi.",
            "The pair stays on the task at hand; nobody asks why.",
        ),
        (
            "Quelques retours aux objectifs, sans approfondir.",
            "Some returns to the objectives, without going deeper.",
        ),
        (
            "On relie les choix aux enjeux de l'entreprise et du client final.",
            "Choices are tied to the company's and the end client's stakes.",
        ),
    ],
    [
        (
            "Le champ de l'autre est souvent débordé ; interruptions fréquentes.",
            "The other's field is often overstepped; frequent interruptions.",
        ),
        (
            "Rôles globalement respectés, quelques débordements.",
            "Roles broadly respected, a few overstepped.",
        ),
        (
            "Le dernier mot de la dirigeante et l'expertise du candidat sont reconnus.",
            "The CEO's final say and the candidate's expertise are both recognised.",
        ),
    ],
    [
        (
            "Rythme heurté : longs silences, tours très inégaux.",
            "Jerky pace: long silences, very unequal turns.",
        ),
        ("Rythme correct, quelques creux.", "Fair pace, a few lulls."),
        (
            "Rythme soutenu et adapté au travail, tours équilibrés.",
            "A brisk pace suited to the work, balanced turns.",
        ),
    ],
];

/// The candidate's answer to the debrief's free-text question, per candidate (A, B) and session.
pub(super) const OPEN_CANDIDATE: [[Both; 4]; 2] = [
    [
        (
            "Oser proposer plus tôt, sans attendre d'avoir une solution complète.",
            "Dare to propose earlier, without waiting for a complete solution.",
        ),
        (
            "Demander plus souvent pourquoi une règle existe avant d'en discuter.",
            "Ask more often why a rule exists before discussing it.",
        ),
        (
            "Garder ce rythme, et préparer deux options au lieu d'une.",
            "Keep this pace, and prepare two options instead of one.",
        ),
        (
            "Rien de majeur : continuer à vérifier que nous parlons de la même chose.",
            "Nothing major: keep checking that we are talking about the same thing.",
        ),
    ],
    [
        (
            "Venir avec les chiffres de marge, comme cette fois.",
            "Bring the margin figures, as this time.",
        ),
        (
            "Aller plus vite sur le modèle financier, nous avons perdu du temps.",
            "Move faster on the financial model; we lost time.",
        ),
        (
            "Mieux cadrer l'ordre du jour pour avancer encore plus vite.",
            "Frame the agenda better to move even faster.",
        ),
        (
            "Présenter le plan complet dès le début de la séance.",
            "Present the full plan from the start of the session.",
        ),
    ],
];

/// The leader's answer to the debrief's free-text question, per candidate (A, B) and session;
/// `None` where the leader left it blank.
pub(super) const OPEN_LEADER: [[Option<Both>; 4]; 2] = [
    [
        None,
        Some((
            "Lui laisser plus de place en début de séance.",
            "Leave him more room at the start of the session.",
        )),
        Some((
            "Continuer ainsi ; lui confier la conduite d'une partie de la prochaine séance.",
            "Carry on; let him lead part of the next session.",
        )),
        Some((
            "Je n'ai pas de réserve : nous avons travaillé comme une équipe.",
            "No reservation: we worked as a team.",
        )),
    ],
    [
        None,
        Some((
            "Fixer un cadre : je dois pouvoir finir mes phrases.",
            "Set a frame: I need to be able to finish my sentences.",
        )),
        Some((
            "Lui dire clairement que je me suis sentie dépossédée du sujet.",
            "Tell her plainly that I felt the subject was taken from me.",
        )),
        Some((
            "Je ne sais pas si nous pouvons travailler ensemble au quotidien.",
            "I do not know whether we can work together day to day.",
        )),
    ],
];

/// The recruiter's decision, recorded after the third session, about candidate B.
pub(super) const HOLD_RATIONALE: Both = (
    "Attendre la quatrième séance avant de décider : les interruptions augmentent depuis la deuxième séance et les deux débriefings divergent. À aborder avec Sophie et avec la dirigeante.",
    "Wait for the fourth session before deciding: interruptions have been rising since the second session and the two debriefs diverge. To discuss with Sophie and with the CEO.",
);
