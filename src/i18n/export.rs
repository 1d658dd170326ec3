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
    (
        "unknown-process.message",
        "le processus «\u{a0}{value}\u{a0}» n'est pas dans la liste des processus de smq.toml\u{a0}; vouliez-vous dire «\u{a0}{suggestion}\u{a0}»\u{a0}?",
        "process “{value}” is not in the list of processes in smq.toml; did you mean “{suggestion}”?",
    ),
    (
        "unknown-process.hint",
        "corrigez la cellule, ou ajoutez le processus à «\u{a0}processes\u{a0}» dans smq.toml",
        "fix the cell, or add the process to `processes` in smq.toml",
    ),
    (
        "unknown-process.what",
        "Chaque processus cité dans un registre figure dans la liste «\u{a0}processes\u{a0}» de smq.toml, quand elle est donnée.",
        "Every process a register names is in the `processes` list of smq.toml, when that list is given.",
    ),
    (
        "unknown-process.why",
        "Une faute de frappe dans un processus le coupe en deux dans les Pareto et les tableaux par processus.",
        "A typo in a process splits it in two in the Paretos and tables by process.",
    ),
    (
        "unknown-process.example",
        "REX-2025.xlsx › Événements › D7\u{a0}: le processus «\u{a0}Acceuil\u{a0}» n'est pas dans la liste des processus de smq.toml\u{a0}; vouliez-vous dire «\u{a0}Accueil\u{a0}»\u{a0}?",
        "REX-2025.xlsx › Events › D7: process “Acceuil” is not in the list of processes in smq.toml; did you mean “Accueil”?",
    ),
];
