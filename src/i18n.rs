//! The one catalogue of user-facing sentences, in French (the default) and
//! English. Messages carry `{name}` placeholders filled from a diagnostic's
//! arguments; nothing user-facing is written elsewhere in the code, except the
//! field labels and allowed values that the register schemas declare beside
//! their header aliases.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

mod audit;
mod cli;
mod export;
mod init;
mod review;

/// The language of messages and reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "fr-fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "en-gb" | "en-us" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// (key, French, English). Code entries use `<code-id>.<part>` keys with parts
/// `message`, `hint`, `what`, `why` and `example`.
const CATALOGUE: &[(&str, &str, &str)] = &[
    // ---- general words -------------------------------------------------
    ("error", "erreur", "error"),
    ("warning", "avertissement", "warning"),
    (
        "did-you-mean",
        "\u{a0}; vouliez-vous dire «\u{a0}{suggestion}\u{a0}»\u{a0}?",
        "; did you mean “{suggestion}”?",
    ),
    ("yes", "oui", "yes"),
    ("no", "non", "no"),
    // ---- smq check, human output ----------------------------------------
    ("check.registers", "Registres lus", "Registers read"),
    (
        "check.register-line",
        "{register}\u{a0}: {file} › {sheet} (en-têtes ligne {header_row}) — {rows} {rows:ligne|lignes}",
        "{register}: {file} › {sheet} (headers on row {header_row}) — {rows} {rows:row|rows}",
    ),
    (
        "check.register-missing",
        "{register}\u{a0}: introuvable",
        "{register}: not found",
    ),
    (
        "check.summary",
        "{errors} {errors:erreur|erreurs}, {warnings} {warnings:avertissement|avertissements} dans {files} {files:fichier|fichiers} {files:lu|lus}.",
        "{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings} in {files} {files:file|files} read.",
    ),
    ("check.hint", "aide", "help"),
    (
        "check.register-unread",
        "{n} {n:colonne non lue|colonnes non lues}\u{a0}: {columns}",
        "{n} {n:column|columns} not read: {columns}",
    ),
    (
        "suggest.intro",
        "smq check --suggest\u{a0}: ce que la vérification n'a pas su rattacher.\nRelisez chaque ligne avant de la coller dans smq.toml\u{a0}; si une section existe déjà, ajoutez-y les lignes.\nUne ligne commentée (#) est à compléter.",
        "smq check --suggest: what the check could not tie to a field.\nReview each line before pasting it into smq.toml; where a section already exists, add the lines to it.\nA commented line (#) needs completing.",
    ),
    (
        "suggest.closest-field",
        "champ le plus proche, à confirmer",
        "closest field, to confirm",
    ),
    (
        "suggest.closest-value",
        "valeur la plus proche, à confirmer",
        "closest value, to confirm",
    ),
    (
        "suggest.allowed",
        "valeurs possibles\u{a0}: {allowed}",
        "allowed values: {allowed}",
    ),
    (
        "suggest.ignore",
        "colonnes qu'aucun champ ne lit\u{a0}: laissées de côté sans avertissement une fois cette ligne collée (retirez celles à lire et liez-les dans [registers.….headers])",
        "columns no field reads: left out without a warning once this line is pasted (remove those to read and map them in [registers.….headers])",
    ),
    (
        "suggest.nothing",
        "smq check --suggest\u{a0}: rien à proposer, chaque colonne et chaque valeur a été rattachée.",
        "smq check --suggest: nothing to suggest, every column and every value was tied to a field.",
    ),
    (
        "check.no-workspace",
        "dossier introuvable\u{a0}: {path}",
        "folder not found: {path}",
    ),
    (
        "explain.unknown",
        "code inconnu\u{a0}: {code}. Codes connus\u{a0}: {codes}",
        "unknown code: {code}. Known codes: {codes}",
    ),
    (
        "explain.what",
        "Ce que vérifie ce contrôle",
        "What it checks",
    ),
    ("explain.why", "Pourquoi c'est important", "Why it matters"),
    ("explain.example", "Exemple", "Example"),
    ("explain.severity", "Gravité", "Severity"),
    (
        "demo.written",
        "Espace de démonstration écrit dans {path} ({files} fichiers).",
        "Demo workspace written to {path} ({files} files).",
    ),
    (
        "demo.exists",
        "{path} existe déjà et n'est pas un espace de démonstration smq\u{a0}: rien n'a été écrit.",
        "{path} already exists and is not an smq demo workspace: nothing was written.",
    ),
    (
        "registers.unknown",
        "registre inconnu\u{a0}: {key}. Registres\u{a0}: {keys}",
        "unknown register: {key}. Registers: {keys}",
    ),
    ("registers.required", "obligatoire", "required"),
    ("registers.personal", "donnée personnelle", "personal data"),
    (
        "registers.aliases",
        "en-têtes reconnus",
        "recognised headers",
    ),
    (
        "registers.criteria",
        "+ toute autre colonne de notes est un critère d'évaluation (ou [suppliers] criteria dans smq.toml)",
        "+ any other column of scores is an evaluation criterion (or [suppliers] criteria in smq.toml)",
    ),
    (
        "registers.questions",
        "+ toute autre colonne de réponses (échelle de Likert, en nombres ou en libellés) est une question (ou [surveys] questions dans smq.toml)",
        "+ any other column of answers (Likert scale, as numbers or labels) is a question (or [surveys] questions in smq.toml)",
    ),
    ("type.id", "identifiant", "identifier"),
    ("type.text", "texte", "text"),
    ("type.free-text", "texte libre", "free text"),
    ("type.date", "date", "date"),
    ("type.month", "mois", "month"),
    ("type.number", "nombre", "number"),
    ("type.scale", "note", "rating"),
    ("type.year", "année", "year"),
    ("type.bool", "oui / non", "yes / no"),
    ("type.choice", "liste", "list"),
    (
        "type.id-list",
        "liste d'identifiants",
        "list of identifiers",
    ),
    // ---- reports: shared template labels (report.*) ------------------------
    ("report.version", "version", "version"),
    (
        "report.more",
        "… et {n} autres, non reproduits ici\u{a0}: la liste complète est dans le registre source.",
        "… and {n} more, not printed here: the full list is in the source register.",
    ),
    ("report.page", "page", "page"),
    ("report.version-title", "Version", "Version"),
    ("report.reference", "Référence", "Reference"),
    ("report.date", "Date", "Date"),
    ("report.written-by", "Rédigé par", "Written by"),
    ("report.checked-by", "Vérifié par", "Checked by"),
    ("report.approved-by", "Approuvé par", "Approved by"),
    (
        "report.document-control",
        "Maîtrise du document",
        "Document control",
    ),
    ("report.contents", "Sommaire", "Contents"),
    (
        "report.appendix",
        "Annexe — sources et validation des données",
        "Appendix — data sources and validation",
    ),
    ("report.files", "Fichiers d'entrée", "Input files"),
    ("report.file", "Fichier", "File"),
    ("report.size", "Taille", "Size"),
    ("report.sha256", "SHA-256", "SHA-256"),
    ("report.unreadable", "illisible", "unreadable"),
    ("report.sources", "Registres lus", "Registers read"),
    ("report.register", "Registre", "Register"),
    ("report.sheet", "Feuille", "Sheet"),
    ("report.rows", "Lignes", "Rows"),
    ("report.unread", "Colonnes non lues", "Columns not read"),
    (
        "report.unread-note",
        "Ces colonnes des registres ne correspondent à aucun champ\u{a0}: leur contenu ne compte dans aucun chiffre de ce rapport.",
        "These register columns match no field: their contents count in no figure of this report.",
    ),
    ("report.columns", "Colonnes", "Columns"),
    (
        "report.sheet-values",
        "Valeurs données pour toute une feuille",
        "Values given once for a whole sheet",
    ),
    ("report.sheet-value-from-config", "smq.toml", "smq.toml"),
    (
        "report.sheet-value-from-title",
        "titre de la feuille",
        "sheet title",
    ),
    (
        "report.sheet-value-from-sheet",
        "nom de la feuille",
        "sheet name",
    ),
    (
        "report.sheet-value-from-file",
        "nom du fichier",
        "file name",
    ),
    ("report.values", "Valeurs", "Values"),
    (
        "report.missing-registers",
        "Registres introuvables",
        "Registers not found",
    ),
    (
        "report.validation",
        "Contrôle des registres",
        "Register checks",
    ),
    (
        "report.validation-counts",
        "{errors} {errors:erreur|erreurs} et {warnings} {warnings:avertissement|avertissements} à la date d'arrêté.",
        "{errors} {errors:error|errors} and {warnings} {warnings:warning|warnings} at the as-of date.",
    ),
    ("report.code", "Code", "Code"),
    ("report.severity", "Gravité", "Severity"),
    ("report.count", "Nombre", "Count"),
    (
        "report.no-diagnostic",
        "Aucune anomalie détectée.",
        "No issue found.",
    ),
    (
        "report.generated",
        "Produit par smq {version}, données arrêtées au {as_of}. Chaque chiffre de ce rapport provient des fichiers ci-dessus, identifiés par leur empreinte SHA-256.",
        "Produced by smq {version}, data as of {as_of}. Every figure in this report comes from the files above, identified by their SHA-256 digest.",
    ),
    (
        "report.unnamed-service",
        "Service (nom à renseigner dans smq.toml)",
        "Service (set the name in smq.toml)",
    ),
    ("report.no-process", "Sans processus", "No process"),
    ("report.no-value", "pas de valeur", "no value"),
    ("report.none", "Aucun.", "None."),
    (
        "render.written",
        "Rapport écrit\u{a0}: {path} ({pages} pages, {size}).",
        "Report written: {path} ({pages} pages, {size}).",
    ),
    (
        "render.failed",
        "le rapport n'a pas pu être mis en page (erreur dans un modèle)\u{a0}:",
        "the report could not be laid out (error in a template):",
    ),
    (
        "render.templates-missing",
        "dossier de modèles introuvable\u{a0}: {path}",
        "template folder not found: {path}",
    ),
    (
        "templates.exported",
        "{n} modèles écrits dans {path}.",
        "{n} templates written to {path}.",
    ),
    (
        "templates.exists",
        "{path} existe déjà\u{a0}: rien n'a été écrit.",
        "{path} already exists: nothing was written.",
    ),
    // ---- monthly indicator report (ind.*) ---------------------------------
    ("ind.file-stem", "indicateurs", "indicators"),
    (
        "ind.title",
        "Rapport mensuel des indicateurs",
        "Monthly indicator report",
    ),
    ("ind.summary", "En bref", "At a glance"),
    ("ind.dashboard", "Tableau de bord", "Dashboard"),
    (
        "ind.dashboard-intro",
        "Valeur du mois, cible, statut, tendance (Mann–Kendall sur 12 à 36 mois) et évolution sur 12 mois.",
        "Value of the month, target, standing, trend (Mann–Kendall over 12 to 36 months) and the last 12 months.",
    ),
    ("ind.code", "Code", "Code"),
    ("ind.indicator", "Indicateur", "Indicator"),
    ("ind.value", "Valeur", "Value"),
    ("ind.target", "Cible", "Target"),
    ("ind.standing", "Statut", "Standing"),
    ("ind.trend", "Tendance", "Trend"),
    ("ind.last-12", "12 mois", "12 months"),
    (
        "ind.alerts",
        "Indicateurs en alerte ou hors maîtrise",
        "Indicators in alert or out of control",
    ),
    (
        "ind.alerts-intro",
        "Pour chaque indicateur en alerte, hors cible, ou dont le dernier point enfreint une règle de Western Electric\u{a0}: la carte de contrôle des 24 derniers mois et sa lecture.",
        "For each indicator in alert, missing its target, or whose last point breaks a Western Electric rule: the control chart of the last 24 months and its reading.",
    ),
    (
        "ind.no-alert",
        "Aucun indicateur en alerte ni hors maîtrise ce mois-ci.",
        "No indicator in alert or out of control this month.",
    ),
    (
        "ind.rules-note",
        "Règles\u{a0}: 1 = un point au-delà de 3 σ\u{a0}; 2 = deux points sur trois au-delà de 2 σ du même côté\u{a0}; 3 = quatre points sur cinq au-delà de 1 σ\u{a0}; 4 = huit points consécutifs du même côté de la moyenne.",
        "Rules: 1 = one point beyond 3 σ; 2 = two of three points beyond 2 σ on one side; 3 = four of five points beyond 1 σ; 4 = eight points in a row on one side of the mean.",
    ),
    ("ind.events", "Événements du mois", "Events of the month"),
    (
        "ind.events-none",
        "Aucun événement déclaré ce mois-ci.",
        "No event reported this month.",
    ),
    ("ind.event-id", "N°", "ID"),
    ("ind.event-date", "Date", "Date"),
    ("ind.event-type", "Type", "Type"),
    ("ind.event-process", "Processus", "Process"),
    ("ind.event-criticity", "Criticité", "Criticity"),
    ("ind.event-status", "Statut", "Status"),
    (
        "ind.by-process",
        "Événements par processus",
        "Events by process",
    ),
    (
        "ind.criticity-grid",
        "Grille de criticité (gravité × fréquence)",
        "Criticity grid (severity × frequency)",
    ),
    (
        "ind.last-12-months",
        "de {from} à {to}",
        "from {from} to {to}",
    ),
    ("ind.severity", "Gravité", "Severity"),
    ("ind.frequency", "Fréquence", "Frequency"),
    ("ind.late-actions", "Actions en retard", "Late actions"),
    (
        "ind.late-actions-intro",
        "Actions dont l'échéance est passée à la date d'arrêté et qui ne sont ni réalisées ni closes.",
        "Actions past their due date at the as-of date and neither done nor closed.",
    ),
    (
        "ind.late-none",
        "Aucune action en retard.",
        "No late action.",
    ),
    ("ind.action-id", "N° action", "Action"),
    ("ind.action-origin", "Origine", "Origin"),
    ("ind.action-process", "Processus", "Process"),
    ("ind.action-due", "Échéance", "Due"),
    ("ind.action-late", "Retard (j)", "Late (days)"),
    ("ind.action-status", "Statut", "Status"),
    (
        "ind.objectives",
        "Objectifs de l'année",
        "Objectives of the year",
    ),
    (
        "ind.objectives-intro",
        "Valeur de l'année à date et, l'année n'étant pas finie, projection à fin d'année (droite de Sen des 12 derniers mois).",
        "Year-to-date value and, the year not being over, the projected year end (Sen line of the last 12 months).",
    ),
    (
        "ind.objectives-none",
        "Aucun objectif enregistré pour cette année.",
        "No objective recorded for this year.",
    ),
    ("ind.objective", "Objectif", "Objective"),
    ("ind.ytd", "À date", "Year to date"),
    ("ind.projected", "Projection", "Projected"),
    ("ind.missing", "Données manquantes", "Missing data"),
    (
        "ind.missing-none",
        "Aucune donnée manquante.",
        "No missing data.",
    ),
    // ---- standings, trends, readings --------------------------------------
    ("standing.met", "Atteint", "Met"),
    ("standing.alert", "Alerte", "Alert"),
    ("standing.missed", "Non atteint", "Missed"),
    ("standing.not-assessed", "Non évalué", "Not assessed"),
    ("standing.no-value", "Pas de valeur", "No value"),
    ("standing.no-indicator", "Sans indicateur", "No indicator"),
    ("trend.up", "hausse", "rising"),
    ("trend.down", "baisse", "falling"),
    ("trend.flat", "stable", "steady"),
    ("trend.too-short", "série courte", "short series"),
    (
        "reading.value",
        "Valeur de {month}\u{a0}: {value} ({standing}).",
        "Value for {month}: {value} ({standing}).",
    ),
    (
        "reading.trend-up",
        "Tendance à la hausse sur les {n} derniers mois mesurés (Mann–Kendall, p {p}\u{a0}; pente de Sen {slope} {unit}/mois).",
        "Rising trend over the last {n} measured months (Mann–Kendall, p {p}; Sen slope {slope} {unit}/month).",
    ),
    (
        "reading.trend-down",
        "Tendance à la baisse sur les {n} derniers mois mesurés (Mann–Kendall, p {p}\u{a0}; pente de Sen {slope} {unit}/mois).",
        "Falling trend over the last {n} measured months (Mann–Kendall, p {p}; Sen slope {slope} {unit}/month).",
    ),
    (
        "reading.trend-none",
        "Pas de tendance significative sur les {n} derniers mois mesurés (Mann–Kendall, p {p}).",
        "No significant trend over the last {n} measured months (Mann–Kendall, p {p}).",
    ),
    (
        "reading.yoy",
        "Un an plus tôt ({month})\u{a0}: {value}.",
        "A year earlier ({month}): {value}.",
    ),
    (
        "reading.in-control",
        "{chart}\u{a0}: aucun point hors maîtrise sur la période.",
        "{chart}: no point out of control over the period.",
    ),
    (
        "reading.signals",
        "{chart}\u{a0}: {n} {n:point|points} sur {total} enfreignent une règle\u{a0}; sur les six derniers mois\u{a0}: {list}.",
        "{chart}: {n} of {total} points break a rule; over the last six months: {list}.",
    ),
    ("reading.signals-old", "aucun", "none"),
    (
        "chart.xmr",
        "Carte des valeurs individuelles (XmR)",
        "Individuals chart (XmR)",
    ),
    ("chart.p", "Carte p (proportion)", "p-chart (proportion)"),
    (
        "chart.u",
        "Carte u (taux par unité)",
        "u-chart (rate per unit)",
    ),
    ("chart.c", "Carte c (nombre)", "c-chart (count)"),
    ("legend.value", "valeur", "value"),
    ("legend.centre", "moyenne", "centre line"),
    ("legend.limits", "limites de contrôle", "control limits"),
    ("legend.target", "cible", "target"),
    ("legend.signal", "signal (règle)", "signal (rule)"),
    (
        "legend.acceptable",
        "acceptable ({from}–{to})",
        "acceptable ({from}–{to})",
    ),
    (
        "legend.watch",
        "à surveiller ({from}–{to})",
        "to watch ({from}–{to})",
    ),
    (
        "legend.unacceptable",
        "inacceptable ({from}–25)",
        "unacceptable ({from}–25)",
    ),
    (
        "missing.register",
        "Registre introuvable\u{a0}: {register}.",
        "Register not found: {register}.",
    ),
    (
        "missing.value",
        "{code} ({label})\u{a0}: pas de valeur pour {month}.",
        "{code} ({label}): no value for {month}.",
    ),
    (
        "missing.target",
        "{code}\u{a0}: pas de cible, le statut ne peut pas être évalué.",
        "{code}: no target, the standing cannot be assessed.",
    ),
    (
        "summary.indicators",
        "{n} indicateurs suivis",
        "{n} indicators followed",
    ),
    (
        "summary.met",
        "{n} atteignent leur cible",
        "{n} meet their target",
    ),
    ("summary.alert", "{n} en alerte", "{n} in alert"),
    (
        "summary.missed",
        "{n} hors cible",
        "{n} missing their target",
    ),
    (
        "summary.no-value",
        "{n} sans valeur pour {month}",
        "{n} without a value for {month}",
    ),
    (
        "summary.signals",
        "{n} hors maîtrise statistique ce mois-ci",
        "{n} statistically out of control this month",
    ),
    (
        "summary.events",
        "{n} {n:événement|événements} {n:déclaré|déclarés} en {month}",
        "{n} {n:event|events} reported in {month}",
    ),
    (
        "summary.late-actions",
        "{n} {n:action|actions} en retard",
        "{n} late {n:action|actions}",
    ),
    // ---- diagnostics ----------------------------------------------------
    (
        "unreadable-file.message",
        "ce fichier ne peut pas être ouvert comme classeur\u{a0}: {reason}",
        "this file cannot be opened as a workbook: {reason}",
    ),
    (
        "unreadable-file.hint",
        "ouvrez-le dans Excel ou LibreOffice\u{a0}; s'il est protégé par mot de passe, enregistrez une copie sans mot de passe",
        "open it in Excel or LibreOffice; if it is password-protected, save a copy without a password",
    ),
    (
        "unreadable-file.what",
        "Chaque classeur du dossier (.xlsx, .xlsm, .xls, .ods) doit pouvoir être ouvert. Un fichier corrompu, chiffré ou qui n'est pas un classeur est signalé, et la lecture continue avec les autres fichiers.",
        "Every workbook of the folder (.xlsx, .xlsm, .xls, .ods) must open. A corrupt or encrypted file, or one that is not a workbook, is reported and reading goes on with the other files.",
    ),
    (
        "unreadable-file.why",
        "Un registre illisible manque dans les rapports\u{a0}: la revue de direction ou le dossier d'audit serait incomplet sans que personne ne le voie.",
        "An unreadable register is missing from the reports: the management review or the audit pack would be incomplete without anyone noticing.",
    ),
    (
        "unreadable-file.example",
        "REX-2025.xlsx\u{a0}: ce fichier ne peut pas être ouvert comme classeur\u{a0}: archive zip invalide",
        "REX-2025.xlsx: this file cannot be opened as a workbook: invalid zip archive",
    ),
    (
        "unreadable-sheet.message",
        "cette feuille ne peut pas être lue\u{a0}: {reason}",
        "this sheet cannot be read: {reason}",
    ),
    (
        "unreadable-sheet.hint",
        "ouvrez le classeur et enregistrez-le à nouveau",
        "open the workbook and save it again",
    ),
    (
        "unreadable-sheet.what",
        "Chaque feuille d'un classeur lisible doit pouvoir être lue.",
        "Every sheet of a readable workbook must be readable.",
    ),
    (
        "unreadable-sheet.why",
        "Une feuille illisible peut contenir un registre qui manquerait aux rapports.",
        "An unreadable sheet may hold a register that would be missing from the reports.",
    ),
    (
        "unreadable-sheet.example",
        "Actions.xlsx › Plan\u{a0}: cette feuille ne peut pas être lue",
        "Actions.xlsx › Plan: this sheet cannot be read",
    ),
    (
        "limit-size.message",
        "ce classeur se décompresse en {size}\u{a0}Mo, au-delà de la limite de {limit}\u{a0}Mo\u{a0}: il n'est pas lu",
        "this workbook decompresses to {size} MB, beyond the limit of {limit} MB: it is not read",
    ),
    (
        "limit-size.hint",
        "un registre n'atteint jamais cette taille\u{a0}: vérifiez l'origine du fichier\u{a0}; sinon relevez [limits] unpacked_mb dans smq.toml",
        "no register comes near this size: check where the file comes from; otherwise raise [limits] unpacked_mb in smq.toml",
    ),
    (
        "limit-size.what",
        "Un classeur est une archive zip\u{a0}; ce que ses parties occupent une fois décompressées est plafonné (512 Mo par défaut).",
        "A workbook is a zip archive; what its parts take once decompressed is capped (512 MB by default).",
    ),
    (
        "limit-size.why",
        "Une archive piégée («\u{a0}bombe zip\u{a0}») de quelques kilo-octets peut se décompresser en gigaoctets et bloquer le poste\u{a0}: la taille déclarée est vérifiée avant toute lecture.",
        "A booby-trapped archive (a \"zip bomb\") of a few kilobytes can decompress to gigabytes and freeze the computer: the declared size is checked before anything is read.",
    ),
    (
        "limit-size.example",
        "Export.xlsx\u{a0}: ce classeur se décompresse en 4096 Mo, au-delà de la limite de 512 Mo",
        "Export.xlsx: this workbook decompresses to 4096 MB, beyond the limit of 512 MB",
    ),
    (
        "limit-rows.message",
        "cette feuille a des cellules remplies au-delà de la ligne {limit}\u{a0}: la lecture s'arrête à cette cellule",
        "this sheet has filled cells beyond row {limit}: reading stops at this cell",
    ),
    (
        "limit-rows.hint",
        "effacez les cellules égarées en bas de la feuille\u{a0}; sinon relevez [limits] rows dans smq.toml",
        "clear the stray cells at the bottom of the sheet; otherwise raise [limits] rows in smq.toml",
    ),
    (
        "limit-rows.what",
        "Une feuille est lue jusqu'à la ligne 500\u{a0}000 (par défaut)\u{a0}; une cellule remplie plus bas arrête la lecture.",
        "A sheet is read down to row 500,000 (by default); a filled cell further down stops the reading.",
    ),
    (
        "limit-rows.why",
        "Aucun registre n'a autant de lignes\u{a0}: une valeur tapée par erreur tout en bas, ou un fichier généré, ferait lire un million de lignes vides.",
        "No register has that many rows: a value typed by mistake at the very bottom, or a generated file, would make a million empty rows be read.",
    ),
    (
        "limit-rows.example",
        "REX.xlsx › Événements › A1048576\u{a0}: cette feuille a des cellules remplies au-delà de la ligne 500000",
        "REX.xlsx › Events › A1048576: this sheet has filled cells beyond row 500000",
    ),
    (
        "limit-columns.message",
        "cette feuille a des cellules remplies au-delà de la colonne {limit}\u{a0}: elles ne sont pas lues",
        "this sheet has filled cells beyond column {limit}: they are not read",
    ),
    (
        "limit-columns.hint",
        "effacez les cellules égarées à droite de la feuille\u{a0}; sinon relevez [limits] columns dans smq.toml",
        "clear the stray cells at the right of the sheet; otherwise raise [limits] columns in smq.toml",
    ),
    (
        "limit-columns.what",
        "Une feuille est lue jusqu'à la colonne 500 (par défaut)\u{a0}; les cellules remplies plus à droite sont ignorées et signalées une fois.",
        "A sheet is read up to column 500 (by default); filled cells further right are left out and reported once.",
    ),
    (
        "limit-columns.why",
        "Le registre le plus large a une quarantaine de colonnes\u{a0}: des données au-delà sont une erreur de saisie ou un fichier qui n'est pas un registre.",
        "The widest register has about forty columns: data beyond are a typing slip or a file that is not a register.",
    ),
    (
        "limit-columns.example",
        "Actions.xlsx › Plan › XFD1\u{a0}: cette feuille a des cellules remplies au-delà de la colonne 500",
        "Actions.xlsx › Plan › XFD1: this sheet has filled cells beyond column 500",
    ),
    (
        "limit-cells.message",
        "cette feuille a plus de {limit} cellules remplies\u{a0}: la lecture s'arrête à cette cellule",
        "this sheet has more than {limit} filled cells: reading stops at this cell",
    ),
    (
        "limit-cells.hint",
        "répartissez le registre en un classeur par année\u{a0}; sinon relevez [limits] cells dans smq.toml",
        "split the register into one workbook per year; otherwise raise [limits] cells in smq.toml",
    ),
    (
        "limit-cells.what",
        "Une feuille garde au plus 10\u{a0}millions de cellules remplies (par défaut).",
        "A sheet keeps at most 10 million filled cells (by default).",
    ),
    (
        "limit-cells.why",
        "La mémoire suit le nombre de cellules\u{a0}: la limite garantit qu'un fichier démesuré ne peut pas épuiser celle du poste.",
        "Memory follows the number of cells: the limit makes sure an outsized file cannot exhaust the computer's.",
    ),
    (
        "limit-cells.example",
        "Enquetes.xlsx › Réponses › K400001\u{a0}: cette feuille a plus de 10000000 cellules remplies",
        "Surveys.xlsx › Answers › K400001: this sheet has more than 10000000 filled cells",
    ),
    (
        "limit-cell-length.message",
        "cette cellule contient plus de {limit} caractères\u{a0}: elle n'est pas lue",
        "this cell holds more than {limit} characters: it is not read",
    ),
    (
        "limit-cell-length.hint",
        "raccourcissez le texte (un document joint a sa place dans la GED)\u{a0}; sinon relevez [limits] cell_length dans smq.toml",
        "shorten the text (an attached document belongs in the document system); otherwise raise [limits] cell_length in smq.toml",
    ),
    (
        "limit-cell-length.what",
        "Une cellule est lue jusqu'à 32\u{a0}767 caractères, le maximum qu'Excel accepte (par défaut).",
        "A cell is read up to 32,767 characters, the most Excel accepts (by default).",
    ),
    (
        "limit-cell-length.why",
        "Excel ne peut pas saisir davantage\u{a0}: une cellule plus longue vient d'un autre logiciel ou d'un fichier forgé\u{a0}; la tronquer en silence changerait les données.",
        "Excel cannot take more: a longer cell comes from another program or a forged file; cutting it short silently would change the data.",
    ),
    (
        "limit-cell-length.example",
        "REX.xlsx › Événements › F12\u{a0}: cette cellule contient plus de 32767 caractères",
        "REX.xlsx › Events › F12: this cell holds more than 32767 characters",
    ),
    (
        "limit-text.message",
        "le texte des cellules de cette feuille dépasse {limit}\u{a0}Mo\u{a0}: la lecture s'arrête à cette cellule",
        "the text of this sheet's cells exceeds {limit} MB: reading stops at this cell",
    ),
    (
        "limit-text.hint",
        "un long texte est sans doute recopié dans des milliers de cellules\u{a0}: effacez-les\u{a0}; sinon relevez [limits] text_mb dans smq.toml",
        "a long text is probably copied into thousands of cells: clear them; otherwise raise [limits] text_mb in smq.toml",
    ),
    (
        "limit-text.what",
        "Le texte gardé pour une feuille est plafonné (256\u{a0}Mo par défaut).",
        "The text kept for one sheet is capped (256 MB by default).",
    ),
    (
        "limit-text.why",
        "Un même texte partagé peut être cité par des milliers de cellules d'un fichier de quelques kilo-octets\u{a0}; chaque cellule en garde une copie, et la mémoire du poste s'épuiserait.",
        "One shared text can be named by thousands of cells of a file of a few kilobytes; each cell keeps a copy, and the computer's memory would run out.",
    ),
    (
        "limit-text.example",
        "REX.xlsx › Événements › H60001\u{a0}: le texte des cellules de cette feuille dépasse 256\u{a0}Mo",
        "REX.xlsx › Events › H60001: the text of this sheet's cells exceeds 256 MB",
    ),
    (
        "config-invalid.message",
        "configuration invalide\u{a0}: {reason}",
        "invalid configuration: {reason}",
    ),
    (
        "config-invalid.hint",
        "corrigez smq.toml\u{a0}; `smq config show` affiche la configuration effective",
        "fix smq.toml; `smq config show` prints the effective configuration",
    ),
    (
        "config-invalid.what",
        "smq.toml est lu et vérifié comme un registre\u{a0}: clé inconnue, type incorrect ou valeur impossible.",
        "smq.toml is read and checked like a register: unknown key, wrong type or impossible value.",
    ),
    (
        "config-invalid.why",
        "Une configuration mal lue changerait silencieusement les registres trouvés ou les calculs.",
        "A misread configuration would silently change which registers are found or how figures are computed.",
    ),
    (
        "config-invalid.example",
        "smq.toml › ligne 4\u{a0}: configuration invalide\u{a0}: clé inconnue `langue`",
        "smq.toml › line 4: invalid configuration: unknown key `langue`",
    ),
    (
        "register-not-found.message",
        "registre «\u{a0}{register}\u{a0}» introuvable dans le dossier",
        "register “{register}” not found in the folder",
    ),
    (
        "register-not-found.hint",
        "les rapports diront que cette donnée d'entrée manque\u{a0}; si le registre existe, nommez son fichier et sa feuille dans smq.toml ([registers.{key}])",
        "reports will say this input is missing; if the register exists, name its file and sheet in smq.toml ([registers.{key}])",
    ),
    (
        "register-not-found.what",
        "Chaque registre du SMQ est cherché dans toutes les feuilles de tous les classeurs, d'après ses en-têtes de colonnes. Un registre qu'aucune feuille ne porte est signalé.",
        "Each register of the QMS is looked for in every sheet of every workbook, by its column headers. A register no sheet holds is reported.",
    ),
    (
        "register-not-found.why",
        "Une revue de direction à laquelle manque une des entrées du §9.3.2 peut valoir une non-conformité\u{a0}: mieux vaut le savoir avant l'auditeur.",
        "A management review missing one of the §9.3.2 inputs can be graded a nonconformity: better to know before the auditor does.",
    ),
    (
        "register-not-found.example",
        "registre «\u{a0}fournisseurs\u{a0}» introuvable dans le dossier",
        "register “suppliers” not found in the folder",
    ),
    (
        "unmapped-column.message",
        "colonne «\u{a0}{header}\u{a0}» non lue\u{a0}: aucun champ du registre «\u{a0}{register}\u{a0}» ne porte ce nom",
        "column “{header}” not read: no field of the “{register}” register has this name",
    ),
    (
        "unmapped-column.hint",
        "pour la lire, ajoutez à smq.toml, section [registers.{key}.headers]\u{a0}: \"{header}\" = \"{target}\"\u{a0}; pour la laisser de côté sans avertissement, section [registers.{key}]\u{a0}: ignore = [\"{header}\"] (smq check --suggest écrit ces lignes)",
        "to read it, add to smq.toml, section [registers.{key}.headers]: \"{header}\" = \"{target}\"; to leave it out without a warning, section [registers.{key}]: ignore = [\"{header}\"] (smq check --suggest writes these lines)",
    ),
    (
        "unmapped-column.what",
        "Chaque cellule non vide de la ligne d'en-tête d'un registre est soit rattachée à un champ, soit signalée ici. Une colonne non lue ne compte dans aucun rapport.",
        "Every non-empty cell of a register's header row is either tied to a field or reported here. A column that is not read counts in no report.",
    ),
    (
        "unmapped-column.why",
        "Un rapport qui dirait «\u{a0}aucune habilitation expirée\u{a0}» sans avoir lu la colonne des dates de validité affirmerait ce qu'il ne sait pas.",
        "A report saying “no expired habilitation” without having read the validity column would state what it does not know.",
    ),
    (
        "unmapped-column.example",
        "colonne «\u{a0}Fin de validité\u{a0}» non lue\u{a0}: aucun champ du registre «\u{a0}formations et habilitations\u{a0}» ne porte ce nom",
        "column “Valid to” not read: no field of the “training and habilitation” register has this name",
    ),
    (
        "sheet-value.message",
        "pas de colonne «\u{a0}{field}\u{a0}»\u{a0}: les lignes de la feuille sont lues avec {field} = «\u{a0}{value}\u{a0}», d'après {origin}",
        "no “{field}” column: the sheet's rows are read with {field} = “{value}”, from {origin}",
    ),
    (
        "sheet-value.origin-title",
        "le titre en {cell} («\u{a0}{text}\u{a0}»)",
        "the title in {cell} (“{text}”)",
    ),
    (
        "sheet-value.origin-title-whole",
        "le titre en {cell}",
        "the title in {cell}",
    ),
    (
        "sheet-value.origin-sheet",
        "le nom de la feuille",
        "the sheet's name",
    ),
    (
        "sheet-value.origin-file",
        "le nom du fichier",
        "the file's name",
    ),
    (
        "sheet-value.hint",
        "si c'est juste, confirmez-le dans smq.toml ([[registers.{key}.constants]] avec field = \"{key_field}\", value = \"{value}\"\u{a0}; smq check --suggest écrit ces lignes) et l'avertissement disparaît\u{a0}; sinon ajoutez la colonne",
        "if this is right, confirm it in smq.toml ([[registers.{key}.constants]] with field = \"{key_field}\", value = \"{value}\"; smq check --suggest writes these lines) and the warning goes; otherwise add the column",
    ),
    (
        "sheet-value.what",
        "Une valeur donnée une fois pour toute la feuille — l'année d'une feuille d'objectifs titrée «\u{a0}Objectifs 2025\u{a0}», la population d'une enquête titrée «\u{a0}Enquête patients\u{a0}», le type des lignes d'un fichier «\u{a0}Réclamations\u{a0}» — est reprise pour chaque ligne quand la feuille n'a pas la colonne.",
        "A value given once for the whole sheet — the year of an objectives sheet titled “Objectives 2025”, the population of a survey titled “Patient survey”, the type of the rows of a “Complaints” file — is used for every row when the sheet lacks the column.",
    ),
    (
        "sheet-value.why",
        "smq ne devine pas en silence\u{a0}: vous voyez d'où vient la valeur et la confirmez une fois pour toutes.",
        "smq does not guess silently: you see where the value came from and confirm it once and for all.",
    ),
    (
        "sheet-value.example",
        "pas de colonne «\u{a0}Année\u{a0}»\u{a0}: les lignes de la feuille sont lues avec Année = «\u{a0}2025\u{a0}», d'après le titre en A1 («\u{a0}Objectifs qualité 2025\u{a0}»)",
        "no “Year” column: the sheet's rows are read with Year = “2025”, from the title in A1 (“Quality objectives 2025”)",
    ),
    (
        "missing-column.message",
        "colonne obligatoire «\u{a0}{field}\u{a0}» absente de la ligne d'en-tête {row}",
        "required column “{field}” missing from header row {row}",
    ),
    (
        "missing-column.hint",
        "ajoutez la colonne, ou faites correspondre votre en-tête dans smq.toml ([registers.{key}.headers])",
        "add the column, or map your header to it in smq.toml ([registers.{key}.headers])",
    ),
    (
        "missing-column.what",
        "La ligne d'en-tête d'un registre reconnu doit porter toutes ses colonnes obligatoires (par exemple la date de détection d'un événement).",
        "The header row of a recognised register must hold all its required columns (for example an event's detection date).",
    ),
    (
        "missing-column.why",
        "Sans cette colonne, aucune ligne ne peut être exploitée pour les tendances et les rapports.",
        "Without that column no row can be used for trends and reports.",
    ),
    (
        "missing-column.example",
        "REX.xlsx › Registre › A3\u{a0}: colonne obligatoire «\u{a0}Date de détection\u{a0}» absente de la ligne d'en-tête 3",
        "REX.xlsx › Register › A3: required column “Detection date” missing from header row 3",
    ),
    (
        "duplicate-column.message",
        "deux colonnes correspondent à «\u{a0}{field}\u{a0}»\u{a0}; celle-ci est ignorée (la première est en {other})",
        "two columns map to “{field}”; this one is ignored (the first is {other})",
    ),
    (
        "duplicate-column.hint",
        "renommez l'une des colonnes ou précisez la correspondance dans smq.toml",
        "rename one of the columns or set the mapping in smq.toml",
    ),
    (
        "duplicate-column.what",
        "Une même donnée ne doit avoir qu'une colonne dans un registre.",
        "One field must have only one column in a register.",
    ),
    (
        "duplicate-column.why",
        "Avec deux colonnes «\u{a0}Statut\u{a0}», on ne saurait pas laquelle croire.",
        "With two “Status” columns nobody knows which one to believe.",
    ),
    (
        "duplicate-column.example",
        "Actions.xlsx › Plan › H2\u{a0}: deux colonnes correspondent à «\u{a0}Statut\u{a0}»",
        "Actions.xlsx › Plan › H2: two columns map to “Status”",
    ),
    (
        "required-missing.message",
        "«\u{a0}{field}\u{a0}» est obligatoire mais la cellule est vide",
        "“{field}” is required but the cell is empty",
    ),
    (
        "required-missing.hint",
        "renseignez la cellule",
        "fill in the cell",
    ),
    (
        "required-missing.what",
        "Les champs obligatoires d'un registre (identifiant, date, type…) sont renseignés sur chaque ligne non vide.",
        "The required fields of a register (identifier, date, type…) are filled on every non-blank row.",
    ),
    (
        "required-missing.why",
        "Une ligne sans date ou sans type ne peut pas être comptée dans les tendances\u{a0}: le rapport serait faux.",
        "A row without a date or a type cannot be counted in trends: the report would be wrong.",
    ),
    (
        "required-missing.example",
        "REX-2025.xlsx › Registre › B14\u{a0}: «\u{a0}Date de détection\u{a0}» est obligatoire mais la cellule est vide",
        "REX-2025.xlsx › Register › B14: “Detection date” is required but the cell is empty",
    ),
    (
        "invalid-date.message",
        "«\u{a0}{field}\u{a0}» attend une date, trouvé «\u{a0}{value}\u{a0}»",
        "“{field}” expects a date, found “{value}”",
    ),
    (
        "invalid-date.hint",
        "saisissez une date Excel ou un texte comme 12/03/2025, 2025-03-12 ou 12 mars 2025",
        "enter an Excel date or text like 12/03/2025, 2025-03-12 or 12 March 2025",
    ),
    (
        "invalid-date.what",
        "Une cellule de date contient une vraie date Excel, un numéro de série, ou un texte de date reconnu (12/03/2025, 12/03/25, 2025-03-12, 12 mars 2025).",
        "A date cell holds a real Excel date, a serial number or a recognised text date (12/03/2025, 12/03/25, 2025-03-12, 12 March 2025).",
    ),
    (
        "invalid-date.why",
        "Une date illisible fait sortir la ligne des séries mensuelles et des délais.",
        "An unreadable date drops the row from monthly series and delays.",
    ),
    (
        "invalid-date.example",
        "REX-2025.xlsx › Registre › B7\u{a0}: «\u{a0}Date de détection\u{a0}» attend une date, trouvé «\u{a0}31/02/2025\u{a0}»",
        "REX-2025.xlsx › Register › B7: “Detection date” expects a date, found “31/02/2025”",
    ),
    (
        "invalid-month.message",
        "«\u{a0}{field}\u{a0}» attend un mois, trouvé «\u{a0}{value}\u{a0}»",
        "“{field}” expects a month, found “{value}”",
    ),
    (
        "invalid-month.hint",
        "saisissez 2025-03, 03/2025, mars 2025 ou une date du mois",
        "enter 2025-03, 03/2025, March 2025 or a date in the month",
    ),
    (
        "invalid-month.what",
        "Une période d'indicateur est un mois\u{a0}: 2025-03, 03/2025, mars 2025, ou une date du mois.",
        "An indicator period is a month: 2025-03, 03/2025, March 2025, or a date in the month.",
    ),
    (
        "invalid-month.why",
        "Sans période, la valeur ne peut pas être placée sur la courbe de l'indicateur.",
        "Without a period the value cannot be placed on the indicator's chart.",
    ),
    (
        "invalid-month.example",
        "Indicateurs.xlsx › Valeurs › B9\u{a0}: «\u{a0}Période\u{a0}» attend un mois, trouvé «\u{a0}T1\u{a0}»",
        "Indicators.xlsx › Values › B9: “Period” expects a month, found “Q1”",
    ),
    (
        "invalid-number.message",
        "«\u{a0}{field}\u{a0}» attend un nombre, trouvé «\u{a0}{value}\u{a0}»",
        "“{field}” expects a number, found “{value}”",
    ),
    (
        "invalid-number.hint",
        "saisissez un nombre (1 234,5 ou 95 % sont acceptés)",
        "enter a number (1 234,5 or 95 % are accepted)",
    ),
    (
        "invalid-number.what",
        "Une cellule numérique contient un nombre, éventuellement en texte avec virgule décimale, espaces de milliers ou signe %.",
        "A numeric cell holds a number, possibly as text with a decimal comma, thousands spaces or a % sign.",
    ),
    (
        "invalid-number.why",
        "Un texte à la place d'un nombre fausse les moyennes, les cibles et les cartes de contrôle.",
        "Text instead of a number skews averages, targets and control charts.",
    ),
    (
        "invalid-number.example",
        "Indicateurs.xlsx › Valeurs › C4\u{a0}: «\u{a0}Valeur\u{a0}» attend un nombre, trouvé «\u{a0}env. 12\u{a0}»",
        "Indicators.xlsx › Values › C4: “Value” expects a number, found “approx. 12”",
    ),
    (
        "invalid-boolean.message",
        "«\u{a0}{field}\u{a0}» attend oui ou non, trouvé «\u{a0}{value}\u{a0}»",
        "“{field}” expects yes or no, found “{value}”",
    ),
    (
        "invalid-boolean.hint",
        "saisissez oui / non (ou O / N, x, 1 / 0)",
        "enter yes / no (or Y / N, x, 1 / 0)",
    ),
    (
        "invalid-boolean.what",
        "Une cellule oui/non contient oui, non, O, N, x, vrai, faux, 1 ou 0 (ou leurs équivalents anglais).",
        "A yes/no cell holds yes, no, Y, N, x, true, false, 1 or 0 (or their French forms).",
    ),
    (
        "invalid-boolean.why",
        "Une réponse ambiguë («\u{a0}peut-être\u{a0}») ne permet pas de compter, par exemple, les ESR déclarés.",
        "An ambiguous answer (“maybe”) does not allow counting, for example, declared ESR.",
    ),
    (
        "invalid-boolean.example",
        "REX-2025.xlsx › Registre › K3\u{a0}: «\u{a0}Déclaré ASN\u{a0}» attend oui ou non, trouvé «\u{a0}à voir\u{a0}»",
        "REX-2025.xlsx › Register › K3: “Declared to ASN” expects yes or no, found “to check”",
    ),
    (
        "out-of-range.message",
        "«\u{a0}{field}\u{a0}» doit être entre {min} et {max}, trouvé {value}",
        "“{field}” must be between {min} and {max}, found {value}",
    ),
    (
        "out-of-range.hint",
        "corrigez la valeur",
        "correct the value",
    ),
    (
        "out-of-range.what",
        "Les cotations ont une échelle\u{a0}: gravité et fréquence de 1 à 5, par exemple.",
        "Ratings have a scale: severity and frequency from 1 to 5, for example.",
    ),
    (
        "out-of-range.why",
        "Une gravité de 7 sort de la grille de criticité 5×5 et fausse la cartographie des risques.",
        "A severity of 7 falls outside the 5×5 criticity grid and skews the risk map.",
    ),
    (
        "out-of-range.example",
        "REX-2025.xlsx › Registre › G5\u{a0}: «\u{a0}Gravité\u{a0}» doit être entre 1 et 5, trouvé 7",
        "REX-2025.xlsx › Register › G5: “Severity” must be between 1 and 5, found 7",
    ),
    (
        "likert-out-of-range.message",
        "la réponse à «\u{a0}{field}\u{a0}» est hors de l'échelle de 1 à {max}, trouvé «\u{a0}{value}\u{a0}»",
        "the answer to “{field}” is outside the 1 to {max} scale, found “{value}”",
    ),
    (
        "likert-out-of-range.hint",
        "saisissez un niveau de l'échelle (nombre ou libellé comme «\u{a0}satisfait\u{a0}»), ou laissez vide",
        "enter a level of the scale (number or label such as “satisfied”), or leave it blank",
    ),
    (
        "likert-out-of-range.what",
        "Les réponses aux enquêtes sont sur une échelle de Likert (4 ou 5 niveaux), en nombres ou en libellés.",
        "Survey answers are on a Likert scale (4 or 5 levels), as numbers or labels.",
    ),
    (
        "likert-out-of-range.why",
        "Une réponse hors échelle fausse le taux de satisfaction.",
        "An answer off the scale skews the satisfaction rate.",
    ),
    (
        "likert-out-of-range.example",
        "Enquetes.xlsx › Patients › E8\u{a0}: la réponse à «\u{a0}Accueil\u{a0}» est hors de l'échelle de 1 à 4, trouvé «\u{a0}6\u{a0}»",
        "Surveys.xlsx › Patients › E8: the answer to “Reception” is outside the 1 to 4 scale, found “6”",
    ),
    (
        "unknown-value.message",
        "«\u{a0}{value}\u{a0}» n'est pas une valeur connue pour «\u{a0}{field}\u{a0}»",
        "“{value}” is not a known value for “{field}”",
    ),
    (
        "unknown-value.hint",
        "valeurs acceptées\u{a0}: {allowed}",
        "accepted values: {allowed}",
    ),
    (
        "unknown-value.what",
        "Les listes (type, statut, efficacité, cotation…) acceptent les libellés usuels en français et en anglais, sans tenir compte des majuscules, accents, accords ni pluriels.",
        "Lists (type, status, effectiveness, grade…) accept the usual French and English labels, ignoring case, accents, gender and plural.",
    ),
    (
        "unknown-value.why",
        "Une valeur inconnue ne peut pas être comptée dans la bonne catégorie.",
        "An unknown value cannot be counted in the right category.",
    ),
    (
        "unknown-value.example",
        "Actions.xlsx › Plan › H9\u{a0}: «\u{a0}Clotue\u{a0}» n'est pas une valeur connue pour «\u{a0}Statut\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}clos\u{a0}»\u{a0}?",
        "Actions.xlsx › Plan › H9: “Clozed” is not a known value for “Status”; did you mean “closed”?",
    ),
    (
        "excel-error.message",
        "la cellule contient l'erreur Excel {value}",
        "the cell holds the Excel error {value}",
    ),
    (
        "excel-error.hint",
        "corrigez la formule dans le classeur",
        "fix the formula in the workbook",
    ),
    (
        "excel-error.what",
        "Une cellule de donnée ne doit pas contenir une valeur d'erreur Excel (#DIV/0!, #N/A, #REF!…).",
        "A data cell must not hold an Excel error value (#DIV/0!, #N/A, #REF!…).",
    ),
    (
        "excel-error.why",
        "Une erreur n'est pas un nombre\u{a0}: la compter comme zéro fausserait l'indicateur.",
        "An error is not a number: counting it as zero would skew the indicator.",
    ),
    (
        "excel-error.example",
        "Indicateurs.xlsx › Valeurs › D12\u{a0}: la cellule contient l'erreur Excel #DIV/0!",
        "Indicators.xlsx › Values › D12: the cell holds the Excel error #DIV/0!",
    ),
    (
        "date-too-old.message",
        "«\u{a0}{field}\u{a0}» vaut {value}, date invraisemblablement ancienne (avant {min})",
        "“{field}” is {value}, an implausibly old date (before {min})",
    ),
    (
        "date-too-old.hint",
        "vérifiez l'année saisie",
        "check the year",
    ),
    (
        "date-too-old.what",
        "Les dates antérieures à 1990 sont signalées\u{a0}: ce sont presque toujours des fautes de frappe ou des cellules au mauvais format.",
        "Dates before 1990 are reported: they are nearly always typing errors or cells in the wrong format.",
    ),
    (
        "date-too-old.why",
        "Une date en 1925 au lieu de 2025 fait disparaître l'enregistrement de la période analysée.",
        "A date in 1925 instead of 2025 drops the record from the period under review.",
    ),
    (
        "date-too-old.example",
        "REX-2025.xlsx › Registre › B20\u{a0}: «\u{a0}Date de détection\u{a0}» vaut 12/03/1925, date invraisemblablement ancienne",
        "REX-2025.xlsx › Register › B20: “Detection date” is 1925-03-12, an implausibly old date",
    ),
    (
        "date-in-future.message",
        "«\u{a0}{field}\u{a0}» vaut {value}, après la date d'arrêté {as_of}",
        "“{field}” is {value}, after the as-of date {as_of}",
    ),
    (
        "date-in-future.hint",
        "vérifiez la date, ou passez --as-of si vous analysez une autre date",
        "check the date, or pass --as-of if you analyse another date",
    ),
    (
        "date-in-future.what",
        "Les dates qui enregistrent le passé (détection, clôture, audit…) ne peuvent pas être postérieures à la date d'arrêté (aujourd'hui, ou --as-of).",
        "Dates that record the past (detection, closing, audit…) cannot be after the as-of date (today, or --as-of).",
    ),
    (
        "date-in-future.why",
        "Un événement daté de l'an prochain est une faute de saisie qui fausse les séries.",
        "An event dated next year is a typing error that skews the series.",
    ),
    (
        "date-in-future.example",
        "REX-2025.xlsx › Registre › B8\u{a0}: «\u{a0}Date de détection\u{a0}» vaut 03/12/2027, après la date d'arrêté 27/11/2026",
        "REX-2025.xlsx › Register › B8: “Detection date” is 2027-12-03, after the as-of date 2026-11-27",
    ),
    (
        "zero-denominator.message",
        "le dénominateur vaut zéro\u{a0}: le taux ne peut pas être calculé",
        "the denominator is zero: the rate cannot be computed",
    ),
    (
        "zero-denominator.hint",
        "laissez la période vide si rien n'a été mesuré",
        "leave the period blank if nothing was measured",
    ),
    (
        "zero-denominator.what",
        "Une valeur d'indicateur calculée comme numérateur / dénominateur demande un dénominateur non nul.",
        "An indicator value computed as numerator / denominator needs a non-zero denominator.",
    ),
    (
        "zero-denominator.why",
        "Une division par zéro n'est pas un résultat\u{a0}: elle doit apparaître comme une donnée manquante.",
        "A division by zero is not a result: it must show as missing data.",
    ),
    (
        "zero-denominator.example",
        "Indicateurs.xlsx › Valeurs › E6\u{a0}: le dénominateur vaut zéro",
        "Indicators.xlsx › Values › E6: the denominator is zero",
    ),
    (
        "duplicate-id.message",
        "l'identifiant «\u{a0}{id}\u{a0}» figure déjà en {other}",
        "identifier “{id}” already appears at {other}",
    ),
    (
        "duplicate-id.hint",
        "donnez un identifiant unique à chaque ligne",
        "give each row a unique identifier",
    ),
    (
        "duplicate-id.what",
        "Dans un registre, chaque identifiant (événement, action, audit, constat, document…) est unique, y compris d'un fichier annuel à l'autre.",
        "Within a register each identifier (event, action, audit, finding, document…) is unique, also across yearly files.",
    ),
    (
        "duplicate-id.why",
        "Les liens entre registres (action d'un événement, constat d'un audit) passent par les identifiants\u{a0}: un doublon les rend ambigus.",
        "Links between registers (an event's action, an audit's finding) go through identifiers: a duplicate makes them ambiguous.",
    ),
    (
        "duplicate-id.example",
        "Actions.xlsx › Plan › A40\u{a0}: l'identifiant «\u{a0}AC-2025-012\u{a0}» figure déjà en Actions.xlsx › Plan › A31",
        "Actions.xlsx › Plan › A40: identifier “AC-2025-012” already appears at Actions.xlsx › Plan › A31",
    ),
    (
        "date-before-open.message",
        "«\u{a0}{field}\u{a0}» ({value}) est antérieure à «\u{a0}{other}\u{a0}» ({other_value})",
        "“{field}” ({value}) is before “{other}” ({other_value})",
    ),
    (
        "date-before-open.hint",
        "vérifiez les deux dates",
        "check both dates",
    ),
    (
        "date-before-open.what",
        "Une date de clôture ou de réalisation ne précède pas la date d'ouverture ou de détection.",
        "A closing or done date does not come before the opening or detection date.",
    ),
    (
        "date-before-open.why",
        "Un délai de traitement négatif fausse les délais moyens présentés en revue de direction.",
        "A negative handling time skews the average delays shown in the management review.",
    ),
    (
        "date-before-open.example",
        "REX-2025.xlsx › Registre › P12\u{a0}: «\u{a0}Date de clôture\u{a0}» (02/03/2025) est antérieure à «\u{a0}Date de détection\u{a0}» (05/03/2025)",
        "REX-2025.xlsx › Register › P12: “Closing date” (2025-03-02) is before “Detection date” (2025-03-05)",
    ),
    (
        "due-before-open.message",
        "l'échéance ({value}) est antérieure à l'ouverture ({other_value})",
        "the due date ({value}) is before the opening date ({other_value})",
    ),
    (
        "due-before-open.hint",
        "vérifiez l'échéance",
        "check the due date",
    ),
    (
        "due-before-open.what",
        "L'échéance d'une action est postérieure ou égale à sa date d'ouverture.",
        "An action's due date is on or after its opening date.",
    ),
    (
        "due-before-open.why",
        "Une action née en retard fausse le taux de clôture dans les délais.",
        "An action born late skews the on-time closure rate.",
    ),
    (
        "due-before-open.example",
        "Actions.xlsx › Plan › G7\u{a0}: l'échéance (01/01/2025) est antérieure à l'ouverture (15/01/2025)",
        "Actions.xlsx › Plan › G7: the due date (2025-01-01) is before the opening date (2025-01-15)",
    ),
    (
        "closed-without-date.message",
        "le statut est «\u{a0}{status}\u{a0}» mais «\u{a0}{field}\u{a0}» est vide",
        "the status is “{status}” but “{field}” is empty",
    ),
    (
        "closed-without-date.hint",
        "renseignez la date de clôture",
        "fill in the closing date",
    ),
    (
        "closed-without-date.what",
        "Un enregistrement clos ou réalisé a sa date de clôture ou de réalisation.",
        "A closed or done record has its closing or done date.",
    ),
    (
        "closed-without-date.why",
        "Sans date, le délai de traitement et le respect des échéances ne peuvent pas être calculés.",
        "Without a date the handling time and on-time completion cannot be computed.",
    ),
    (
        "closed-without-date.example",
        "Actions.xlsx › Plan › J15\u{a0}: le statut est «\u{a0}soldé\u{a0}» mais «\u{a0}Date de réalisation\u{a0}» est vide",
        "Actions.xlsx › Plan › J15: the status is “closed” but “Done date” is empty",
    ),
    (
        "date-without-closed.message",
        "«\u{a0}{field}\u{a0}» est renseignée mais le statut est «\u{a0}{status}\u{a0}»",
        "“{field}” is filled but the status is “{status}”",
    ),
    (
        "date-without-closed.hint",
        "mettez le statut à jour, ou retirez la date",
        "update the status, or remove the date",
    ),
    (
        "date-without-closed.what",
        "Un enregistrement qui a une date de clôture a un statut clos.",
        "A record with a closing date has a closed status.",
    ),
    (
        "date-without-closed.why",
        "Le statut et la date se contredisent\u{a0}: le rapport ne saurait pas si l'action est en retard.",
        "Status and date contradict each other: the report could not tell whether the action is late.",
    ),
    (
        "date-without-closed.example",
        "Actions.xlsx › Plan › J16\u{a0}: «\u{a0}Date de réalisation\u{a0}» est renseignée mais le statut est «\u{a0}en cours\u{a0}»",
        "Actions.xlsx › Plan › J16: “Done date” is filled but the status is “in progress”",
    ),
    (
        "unknown-action.message",
        "l'action liée «\u{a0}{id}\u{a0}» n'existe pas dans le registre des actions",
        "linked action “{id}” does not exist in the actions register",
    ),
    (
        "unknown-action.hint",
        "corrigez l'identifiant ou créez l'action dans le plan d'actions",
        "correct the identifier or create the action in the action plan",
    ),
    (
        "unknown-action.what",
        "Les actions citées par un événement, un constat d'audit ou un texte de veille existent dans le registre des actions.",
        "Actions named by an event, an audit finding or a watched text exist in the actions register.",
    ),
    (
        "unknown-action.why",
        "Un auditeur remonte de l'événement à l'action et à son efficacité\u{a0}: un lien cassé interrompt la piste.",
        "An auditor follows an event to its action and its effectiveness: a broken link ends the trail.",
    ),
    (
        "unknown-action.example",
        "REX-2025.xlsx › Registre › N4\u{a0}: l'action liée «\u{a0}AC-2025-099\u{a0}» n'existe pas dans le registre des actions",
        "REX-2025.xlsx › Register › N4: linked action “AC-2025-099” does not exist in the actions register",
    ),
    (
        "unknown-origin.message",
        "l'origine «\u{a0}{id}\u{a0}» ressemble à un identifiant mais ne correspond à aucun événement, constat ou audit",
        "origin “{id}” looks like an identifier but matches no event, finding or audit",
    ),
    (
        "unknown-origin.hint",
        "corrigez l'identifiant de l'événement ou du constat d'origine",
        "correct the identifier of the originating event or finding",
    ),
    (
        "unknown-origin.what",
        "L'origine d'une action est un événement, un constat d'audit, une revue de direction (RDD-2025), une enquête, un risque… Quand elle a la forme d'un identifiant de ces registres, cet identifiant existe.",
        "An action's origin is an event, an audit finding, a management review (RDD-2025), a survey, a risk… When it has the shape of one of those registers' identifiers, that identifier exists.",
    ),
    (
        "unknown-origin.why",
        "La revue de direction suit les actions par origine\u{a0}: une origine cassée fait disparaître l'action de la bonne rubrique.",
        "The management review follows actions by origin: a broken origin drops the action from its section.",
    ),
    (
        "unknown-origin.example",
        "Actions.xlsx › Plan › B12\u{a0}: l'origine «\u{a0}FEI-2025-140\u{a0}» ne correspond à aucun événement",
        "Actions.xlsx › Plan › B12: origin “FEI-2025-140” matches no event",
    ),
    (
        "unknown-audit.message",
        "l'audit «\u{a0}{id}\u{a0}» n'existe pas dans la feuille des audits",
        "audit “{id}” does not exist in the audits sheet",
    ),
    (
        "unknown-audit.hint",
        "corrigez l'identifiant d'audit du constat",
        "correct the finding's audit identifier",
    ),
    (
        "unknown-audit.what",
        "Chaque constat d'audit renvoie à un audit de la feuille des audits.",
        "Each audit finding refers to an audit of the audits sheet.",
    ),
    (
        "unknown-audit.why",
        "Sans son audit, un constat n'a ni date ni type\u{a0}: il ne peut pas être suivi d'un audit à l'autre.",
        "Without its audit a finding has no date and no kind: it cannot be followed from one audit to the next.",
    ),
    (
        "unknown-audit.example",
        "Audits.xlsx › Constats › B5\u{a0}: l'audit «\u{a0}AUD-2024-03\u{a0}» n'existe pas",
        "Audits.xlsx › Findings › B5: audit “AUD-2024-03” does not exist",
    ),
    (
        "unknown-indicator.message",
        "l'indicateur «\u{a0}{id}\u{a0}» n'est pas défini dans la feuille des indicateurs",
        "indicator “{id}” is not defined in the indicators sheet",
    ),
    (
        "unknown-indicator.hint",
        "corrigez le code ou ajoutez la définition de l'indicateur",
        "correct the code or add the indicator's definition",
    ),
    (
        "unknown-indicator.what",
        "Les valeurs, objectifs et actions qui citent un code d'indicateur citent un indicateur défini.",
        "Values, objectives and actions that name an indicator code name a defined indicator.",
    ),
    (
        "unknown-indicator.why",
        "Sans définition, ni cible ni sens d'amélioration\u{a0}: le statut ne peut pas être calculé.",
        "Without a definition there is no target and no direction: the status cannot be computed.",
    ),
    (
        "unknown-indicator.example",
        "Indicateurs.xlsx › Valeurs › A30\u{a0}: l'indicateur «\u{a0}IND-99\u{a0}» n'est pas défini",
        "Indicators.xlsx › Values › A30: indicator “IND-99” is not defined",
    ),
    (
        "unknown-supplier.message",
        "le fournisseur «\u{a0}{id}\u{a0}» n'est pas dans le registre des fournisseurs",
        "supplier “{id}” is not in the supplier register",
    ),
    (
        "unknown-supplier.hint",
        "vérifiez l'orthographe, ou ajoutez le fournisseur à l'évaluation",
        "check the spelling, or add the supplier to the evaluations",
    ),
    (
        "unknown-supplier.what",
        "Un fournisseur cité par un événement figure dans le registre d'évaluation des fournisseurs.",
        "A supplier named by an event appears in the supplier evaluation register.",
    ),
    (
        "unknown-supplier.why",
        "Les événements liés à un fournisseur nourrissent sa réévaluation (ISO 9001 §8.4).",
        "Events naming a supplier feed its re-evaluation (ISO 9001 §8.4).",
    ),
    (
        "unknown-supplier.example",
        "REX-2025.xlsx › Registre › L9\u{a0}: le fournisseur «\u{a0}Curium\u{a0}» n'est pas dans le registre des fournisseurs",
        "REX-2025.xlsx › Register › L9: supplier “Curium” is not in the supplier register",
    ),
    (
        "declared-not-esr.message",
        "l'événement est déclaré à l'ASN mais son type est «\u{a0}{value}\u{a0}», pas ESR",
        "the event is declared to the ASN but its type is “{value}”, not ESR",
    ),
    (
        "declared-not-esr.hint",
        "si c'est un événement significatif de radioprotection, mettez le type ESR",
        "if it is a radiation-protection significant event, set the type to ESR",
    ),
    (
        "declared-not-esr.what",
        "Un événement déclaré à l'ASN est normalement un événement significatif de radioprotection (ESR).",
        "An event declared to the ASN is normally a radiation-protection significant event (ESR).",
    ),
    (
        "declared-not-esr.why",
        "Le nombre d'ESR déclarés est suivi en revue et en inspection\u{a0}: un type incohérent le fausse.",
        "The number of declared ESR is followed in reviews and inspections: an inconsistent type skews it.",
    ),
    (
        "declared-not-esr.example",
        "REX-2025.xlsx › Registre › C21\u{a0}: l'événement est déclaré à l'ASN mais son type est «\u{a0}dysfonctionnement\u{a0}»",
        "REX-2025.xlsx › Register › C21: the event is declared to the ASN but its type is “dysfunction”",
    ),
    // ---- why a file or sheet could not be read --------------------------------
    (
        "reason.encrypted",
        "il est chiffré (protégé par mot de passe)",
        "it is encrypted (password-protected)",
    ),
    (
        "reason.not-a-workbook",
        "ce n'est pas un classeur, ou il est tronqué",
        "it is not a workbook, or it is truncated",
    ),
    (
        "reason.damaged-file",
        "il est endommagé (tronqué ou corrompu)",
        "it is damaged (truncated or corrupt)",
    ),
    (
        "reason.damaged-sheet",
        "elle est endommagée (tronquée ou corrompue)",
        "it is damaged (truncated or corrupt)",
    ),
    (
        "reason.lying-archive",
        "l'archive est corrompue ou piégée (une partie dépasse la taille qu'elle déclare)",
        "the archive is corrupt or booby-trapped (a part exceeds the size it declares)",
    ),
    ("validate.audit-date", "date de l'audit", "audit date"),
    // ---- personal data: what a marker is, what replaces it in reports ------
    (
        "personal.nir",
        "un numéro de sécurité sociale (NIR)",
        "a French social-security number (NIR)",
    ),
    (
        "personal.email",
        "une adresse électronique",
        "an e-mail address",
    ),
    ("personal.phone", "un numéro de téléphone", "a phone number"),
    ("personal.birth", "une date de naissance", "a date of birth"),
    ("personal.nir-mask", "[NIR]", "[NIR]"),
    ("personal.email-mask", "[courriel]", "[e-mail]"),
    ("personal.phone-mask", "[téléphone]", "[phone]"),
    ("personal.birth-mask", "né(e) le [date]", "born on [date]"),
    ("personal.name-mask", "[nom]", "[name]"),
    ("personal.person", "Personne", "Person"),
];

/// The catalogue, keyed; each sentence's plural forms are tagged with the
/// rule of its language (see [`fill`]).
fn table() -> &'static HashMap<&'static str, (String, String)> {
    static TABLE: OnceLock<HashMap<&'static str, (String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CATALOGUE
            .iter()
            .chain(review::TEXTS)
            .chain(audit::TEXTS)
            .chain(init::TEXTS)
            .chain(export::TEXTS)
            .chain(cli::TEXTS)
            .map(|(k, fr, en)| (*k, (tag_plurals(fr, Lang::Fr), tag_plurals(en, Lang::En))))
            .collect()
    })
}

/// `{n:erreur|erreurs}` → `{n:fr:erreur|erreurs}`: the catalogue writes a
/// plural once per language and [`fill`] applies that language's rule.
fn tag_plurals(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..=start]);
        rest = &rest[start + 1..];
        let Some(end) = rest.find('}') else { break };
        let inner = &rest[..end];
        match inner.split_once(':') {
            Some((name, forms)) if forms.contains('|') && is_name(name) => {
                out.push_str(name);
                out.push(':');
                out.push_str(lang.code());
                out.push(':');
                out.push_str(forms);
            }
            _ => out.push_str(inner),
        }
        out.push('}');
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Whether `count` (a number as printed: `1`, `1 044`, `0,5`) takes the
/// singular in `lang`: French uses it below two (0 and 1, « 0 erreur »),
/// English for exactly one.
fn singular(count: &str, lang: &str) -> bool {
    let digits: String = count
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let Ok(n) = digits.parse::<f64>() else {
        return false;
    };
    match lang {
        "fr" => n.abs() < 2.0,
        _ => n == 1.0,
    }
}

/// Every key of the catalogue, in catalogue order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    CATALOGUE
        .iter()
        .chain(review::TEXTS)
        .chain(audit::TEXTS)
        .chain(init::TEXTS)
        .chain(export::TEXTS)
        .chain(cli::TEXTS)
        .map(|(k, _, _)| *k)
}

/// The sentence for `key` in `lang`. A missing key is a programming error that
/// the catalogue test catches; at run time it shows the key rather than panic.
pub fn text(key: &str, lang: Lang) -> &'static str {
    match table().get(key) {
        Some((fr, en)) => match lang {
            Lang::Fr => fr,
            Lang::En => en,
        },
        None => "?",
    }
}

/// The sentence for `key` in `lang`, when the catalogue has one.
pub fn lookup(key: &str, lang: Lang) -> Option<&'static str> {
    table().get(key).map(|(fr, en)| match lang {
        Lang::Fr => fr.as_str(),
        Lang::En => en.as_str(),
    })
}

/// The separator before a colon-introduced text: `\u{a0}: ` in French, `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// Replaces each `{name}` in `template` with its argument, and each plural
/// `{name:LANG:one|other}` (written `{name:one|other}` in the catalogue) with
/// the form the argument's number takes in that language. Unknown names are
/// kept as written.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let arg = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let inner = &after[..end];
                let plural = inner.split_once(':').and_then(|(name, tail)| {
                    let (lang, forms) = tail.split_once(':')?;
                    let (one, other) = forms.split_once('|')?;
                    Some((arg(name)?, lang, one, other))
                });
                match (plural, arg(inner)) {
                    (Some((n, lang, one, other)), _) => {
                        out.push_str(if singular(n, lang) { one } else { other })
                    }
                    (None, Some(v)) => out.push_str(v),
                    (None, None) => {
                        out.push('{');
                        out.push_str(inner);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_texts_use_no_break_spaces() {
        for (key, fr, _) in CATALOGUE
            .iter()
            .chain(review::TEXTS)
            .chain(audit::TEXTS)
            .chain(init::TEXTS)
            .chain(export::TEXTS)
        {
            let chars: Vec<char> = fr.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                // A high punctuation mark ending a clause takes a no-break space.
                // (Excel error values such as `#DIV/0!` are tokens, not prose.)
                let word_start = chars[..i]
                    .iter()
                    .rposition(|c| c.is_whitespace())
                    .map_or(0, |j| j + 1);
                if matches!(c, ':' | ';' | '?' | '!')
                    && after.is_none_or(|a| a == ' ' || a == '\n')
                    && before.is_some()
                    && chars.get(word_start) != Some(&'#')
                {
                    assert_eq!(before, Some('\u{a0}'), "{key}: {fr:?}");
                }
                if *c == '«' {
                    assert_eq!(after, Some('\u{a0}'), "{key}: {fr:?}");
                }
                if *c == '»' {
                    assert_eq!(before, Some('\u{a0}'), "{key}: {fr:?}");
                }
            }
        }
    }

    #[test]
    fn catalogue_keys_are_unique() {
        assert_eq!(
            table().len(),
            CATALOGUE.len()
                + review::TEXTS.len()
                + audit::TEXTS.len()
                + init::TEXTS.len()
                + export::TEXTS.len()
                + cli::TEXTS.len()
        );
    }

    #[test]
    fn plurals_follow_each_language_rule() {
        let fr = tag_plurals("{n} {n:erreur|erreurs} {n:lue|lues}", Lang::Fr);
        let en = tag_plurals("{n} {n:error|errors}", Lang::En);
        let f = |t: &str, n: &str| fill(t, &[("n", n.to_owned())]);
        assert_eq!(f(&fr, "0"), "0 erreur lue");
        assert_eq!(f(&fr, "1"), "1 erreur lue");
        assert_eq!(f(&fr, "2"), "2 erreurs lues");
        assert_eq!(f(&fr, "1\u{202f}044"), "1\u{202f}044 erreurs lues");
        assert_eq!(f(&fr, "1,5"), "1,5 erreur lue");
        assert_eq!(f(&en, "0"), "0 errors");
        assert_eq!(f(&en, "1"), "1 error");
        assert_eq!(f(&en, "12"), "12 errors");
        // Without the number, the placeholder stays visible.
        assert_eq!(fill(&en, &[]), "{n} {n:en:error|errors}");
    }

    #[test]
    fn no_sentence_writes_a_plural_in_brackets() {
        for (key, fr, en) in CATALOGUE
            .iter()
            .chain(review::TEXTS)
            .chain(audit::TEXTS)
            .chain(export::TEXTS)
        {
            for t in [fr, en] {
                for bad in ["(s)", "(es)", "(ies)", "(x)"] {
                    // Column headers without a number ("Standard(s)") are labels.
                    assert!(!t.contains(bad) || !t.contains('{'), "{key}: {t}");
                }
            }
        }
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        let s = fill("a {x} b {y} {", &[("x", "1".into())]);
        assert_eq!(s, "a 1 b {y} {");
    }
}
