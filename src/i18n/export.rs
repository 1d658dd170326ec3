//! Texts of `smq export`, `smq config` and `smq completions`: part of the one
//! catalogue.

pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "export.title",
        "Tableaux calculés par smq",
        "Tables computed by smq",
    ),
    ("export.file-stem", "tableaux-smq", "smq-tables"),
    ("export.none", "non renseigné", "not given"),
    ("export.yes", "oui", "yes"),
    ("export.no", "non", "no"),
    ("export.value", "Valeur", "Value"),
    ("export.target", "Cible", "Target"),
    ("export.events", "Événements", "Events"),
    (
        "export.events-chart",
        "Événements par mois",
        "Events by month",
    ),
    ("export.charts-sheet", "Graphiques", "Charts"),
    ("export.standing-met", "atteint", "met"),
    ("export.standing-alert", "alerte", "alert"),
    ("export.standing-missed", "non atteint", "missed"),
    ("export.standing-not-assessed", "non évalué", "not assessed"),
    (
        "export.written",
        "Tableaux écrits\u{a0}: {path} ({tables} tableaux, {rows} lignes).",
        "Tables written: {path} ({tables} tables, {rows} rows).",
    ),
];
