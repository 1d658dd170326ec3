//! The texts of the command line's help: what smq and each command do, and
//! the examples and exit statuses printed under each help. Part of the one
//! catalogue; `cli` applies them to the parser in the run's language.
//! Keys: `cli.about`, `cli.long-about`, `cli.after` for smq itself, and
//! `cli.<command>.about` / `cli.<command>.after` for each command.

pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "cli.about",
        "Registres Excel du SMQ → contrôles et rapports prêts pour l'audit",
        "QMS Excel registers → checks and audit-ready reports",
    ),
    (
        "cli.long-about",
        "smq lit les registres Excel du système de management de la qualité (événements, actions, fournisseurs, enquêtes, indicateurs, objectifs, audits, documents, veille, parties intéressées, formations), les vérifie cellule par cellule et produit les rapports.",
        "smq reads the Excel registers of the quality-management system (events, actions, suppliers, surveys, indicators, objectives, audits, documents, regulatory watch, interested parties, training), checks them cell by cell and produces the reports.",
    ),
    (
        "cli.after",
        "Exemples\u{a0}:\n  smq demo\n  smq check demo\n  smq check registres/ --format json --lang en\n  smq explain date-before-open",
        "Examples:\n  smq demo\n  smq check demo\n  smq check registers/ --format json --lang en\n  smq explain date-before-open",
    ),
    (
        "cli.check.about",
        "Trouve et vérifie chaque registre d'un dossier.",
        "Find and check every register of a folder.",
    ),
    (
        "cli.check.after",
        "Exemple\u{a0}:\n  smq check registres/ --as-of 2026-10-31\n\nStatut de sortie\u{a0}: 0 sans erreur (avertissements permis), 1 s'il y a au moins une erreur, 2 pour une erreur d'usage.",
        "Example:\n  smq check registers/ --as-of 2026-10-31\n\nExit status: 0 without errors (warnings allowed), 1 when there is at least one error, 2 for a usage error.",
    ),
    (
        "cli.explain.about",
        "Explique ce que vérifie un contrôle, pourquoi il compte, avec un exemple.",
        "Explain what a check does, why it matters, with an example.",
    ),
    (
        "cli.explain.after",
        "Exemple\u{a0}:\n  smq explain duplicate-id",
        "Example:\n  smq explain duplicate-id",
    ),
    (
        "cli.indicators.about",
        "Rapport mensuel des indicateurs\u{a0}: tableau de bord, cartes de contrôle des indicateurs en alerte, événements du mois, actions en retard, objectifs.",
        "Monthly indicator report: dashboard, control charts of the indicators in alert, the month's events and late actions, objectives.",
    ),
    (
        "cli.indicators.after",
        "Exemples\u{a0}:\n  smq indicators registres/ --month 2026-10\n  smq indicators --month 2026-10 --lang en -o rapport.pdf --data-out rapport.json",
        "Examples:\n  smq indicators registers/ --month 2026-10\n  smq indicators --month 2026-10 --lang en -o report.pdf --data-out report.json",
    ),
    (
        "cli.review.about",
        "Revue de direction (ISO 9001 §9.3)\u{a0}: chaque élément d'entrée du §9.3.2 avec ses tendances et la période précédente, pistes d'amélioration, éléments de sortie du §9.3.3.",
        "Management review (ISO 9001 §9.3): every §9.3.2 input with trends and the previous period, opportunities for improvement, §9.3.3 outputs.",
    ),
    (
        "cli.review.after",
        "Exemples\u{a0}:\n  smq review registres/\n  smq review registres/ --year 2025 --lang en\n  smq review --from 2024-07-01 --to 2025-06-30 -o revue.pdf",
        "Examples:\n  smq review registers/\n  smq review registers/ --year 2025 --lang en\n  smq review --from 2024-07-01 --to 2025-06-30 -o review.pdf",
    ),
    (
        "cli.audit.about",
        "Dossier de preuves d'un audit\u{a0}: matrice des exigences du ou des référentiels, constats antérieurs, actions, événements, documents, échantillon pour les pistes d'audit. Pseudonymisé sauf --no-pseudonymize.",
        "Audit evidence pack: evidence matrix of the audit's standards, earlier findings, actions, events, documents, a sample for audit trails. Pseudonymised unless --no-pseudonymize.",
    ),
    (
        "cli.audit.after",
        "Exemples\u{a0}:\n  smq audit registres/ --kind certification --date 2026-11-17\n  smq audit --kind asn --date 2026-12-08 --scope Radioprotection,Radiopharmacie --seed 42",
        "Examples:\n  smq audit registers/ --kind certification --date 2026-11-17\n  smq audit --kind asn --date 2026-12-08 --scope Radioprotection,Radiopharmacie --seed 42",
    ),
    (
        "cli.export.about",
        "Les tableaux calculés (indicateurs avec limites de contrôle et tendances, objectifs, actions, événements, fournisseurs, enquêtes, constats ouverts), en classeur avec graphiques ou en JSON.",
        "The computed tables (indicators with SPC limits and trends, objectives, actions, events, suppliers, surveys, open findings) as a workbook with charts, or as JSON.",
    ),
    (
        "cli.export.after",
        "Exemples\u{a0}:\n  smq export registres/\n  smq export registres/ --format json -o tableaux.json",
        "Examples:\n  smq export registers/\n  smq export registers/ --format json -o tables.json",
    ),
    (
        "cli.config.about",
        "La configuration\u{a0}: «\u{a0}smq config show [DOSSIER]\u{a0}» affiche celle qui s'applique.",
        "The configuration: `smq config show [DIR]` prints the effective one.",
    ),
    (
        "cli.config.after",
        "Exemple\u{a0}:\n  smq config show registres/",
        "Example:\n  smq config show registers/",
    ),
    (
        "cli.completions.about",
        "Complétion du shell\u{a0}: «\u{a0}smq completions bash > ~/.local/share/bash-completion/completions/smq\u{a0}».",
        "Shell completions: `smq completions bash > ~/.local/share/bash-completion/completions/smq`.",
    ),
    (
        "cli.completions.after",
        "Exemples\u{a0}:\n  smq completions bash\n  smq completions zsh > ~/.zfunc/_smq",
        "Examples:\n  smq completions bash\n  smq completions zsh > ~/.zfunc/_smq",
    ),
    (
        "cli.templates.about",
        "Modèles des rapports\u{a0}: écrit les modèles intégrés pour les personnaliser.",
        "Report templates: write the built-in ones out for customising.",
    ),
    (
        "cli.templates.after",
        "Exemple\u{a0}:\n  smq templates export mes-modeles/\n  smq indicators --templates mes-modeles/",
        "Example:\n  smq templates export my-templates/\n  smq indicators --templates my-templates/",
    ),
    (
        "cli.registers.about",
        "Liste les registres, leurs colonnes et les en-têtes reconnus pour chacune.",
        "List the registers, their columns and the headers recognised for each.",
    ),
    (
        "cli.registers.after",
        "Exemples\u{a0}:\n  smq registers\n  smq registers rex --lang en",
        "Examples:\n  smq registers\n  smq registers rex --lang en",
    ),
    (
        "cli.demo.about",
        "Écrit l'espace de démonstration (les registres d'un service fictif).",
        "Write the demo workspace (a fictional service's registers).",
    ),
    (
        "cli.demo.after",
        "Exemples\u{a0}:\n  smq demo\n  smq demo /tmp/demo\n  smq demo --stress 100000 /tmp/stress",
        "Examples:\n  smq demo\n  smq demo /tmp/demo\n  smq demo --stress 100000 /tmp/stress",
    ),
    (
        "cli.init.about",
        "Écrit un espace vierge\u{a0}: un classeur par registre (en-têtes, listes déroulantes, feuille d'instructions) et un smq.toml commenté. N'écrase jamais un fichier.",
        "Write a blank workspace: one register workbook per register (headers, drop-down lists, instructions sheet) and a commented smq.toml. Never overwrites a file.",
    ),
    (
        "cli.init.after",
        "Exemples\u{a0}:\n  smq init registres/\n  smq init registers/ --lang en\n\nStatut de sortie\u{a0}: 0 si tout a été écrit, 2 si un fichier existe déjà (rien n'est alors écrit).",
        "Examples:\n  smq init registres/\n  smq init registers/ --lang en\n\nExit status: 0 when everything was written, 2 when a file already exists (nothing is written then).",
    ),
];
