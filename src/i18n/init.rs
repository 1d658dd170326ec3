//! The texts of `smq init`: file and sheet names, titles, the instructions
//! sheet of every blank workbook (one description and one example per column
//! of every register), the data-validation messages and the command's own
//! messages. Part of the one catalogue (same lookup, same rules).
//!
//! What each column of a register holds and its example are declared with
//! the field itself (`help` and `example` in `registers/rex.rs`…), so that a
//! field cannot exist without them. Examples of dates, months and numbers
//! are written the way the workbook displays them in that language.

pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    // ---- the command -------------------------------------------------------
    (
        "init.written",
        "{n} fichiers écrits dans {path}\u{a0}:",
        "{n} files written to {path}:",
    ),
    (
        "init.next",
        "Ensuite\u{a0}: complétez les registres (mode d'emploi dans la première feuille de chaque classeur), puis vérifiez-les avec «\u{a0}smq check {path}\u{a0}».",
        "Next: fill in the registers (instructions on the first sheet of each workbook), then check them with “smq check {path}”.",
    ),
    (
        "init.exists",
        "{path} existe déjà\u{a0}: rien n'a été écrit (smq init n'écrase jamais un fichier).",
        "{path} already exists: nothing was written (smq init never overwrites a file).",
    ),
    (
        "init.not-a-folder",
        "{path} n'est pas un dossier\u{a0}: rien n'a été écrit.",
        "{path} is not a folder: nothing was written.",
    ),
    (
        "init.book-comment",
        "Registre vierge créé par smq init",
        "Blank register created by smq init",
    ),
    // ---- workbooks: file names (one per register) and titles ----------------
    ("init.file.rex", "REX.xlsx", "Events.xlsx"),
    ("init.file.actions", "Plan-actions.xlsx", "Action-plan.xlsx"),
    ("init.file.suppliers", "Fournisseurs.xlsx", "Suppliers.xlsx"),
    (
        "init.file.surveys",
        "Enquetes-satisfaction.xlsx",
        "Satisfaction-surveys.xlsx",
    ),
    (
        "init.file.indicators",
        "Indicateurs.xlsx",
        "Indicators.xlsx",
    ),
    (
        "init.file.objectives",
        "Objectifs-qualite.xlsx",
        "Quality-objectives.xlsx",
    ),
    ("init.file.audits", "Audits.xlsx", "Audits.xlsx"),
    ("init.file.documents", "Documents.xlsx", "Documents.xlsx"),
    (
        "init.file.watch",
        "Veille-reglementaire.xlsx",
        "Regulatory-watch.xlsx",
    ),
    (
        "init.file.parties",
        "Parties-interessees.xlsx",
        "Interested-parties.xlsx",
    ),
    (
        "init.file.training",
        "Formations-habilitations.xlsx",
        "Training-habilitation.xlsx",
    ),
    (
        "init.file.comments",
        "Revue-de-direction.xlsx",
        "Management-review.xlsx",
    ),
    (
        "init.book.rex",
        "Registre des événements (REX)",
        "Event register (REX)",
    ),
    ("init.book.actions", "Plan d'actions", "Action plan"),
    (
        "init.book.suppliers",
        "Évaluation des fournisseurs",
        "Supplier evaluation",
    ),
    (
        "init.book.surveys",
        "Enquêtes de satisfaction",
        "Satisfaction surveys",
    ),
    ("init.book.indicators", "Indicateurs", "Indicators"),
    (
        "init.book.objectives",
        "Objectifs qualité",
        "Quality objectives",
    ),
    (
        "init.book.audits",
        "Audits, inspections et constats",
        "Audits, inspections and findings",
    ),
    (
        "init.book.documents",
        "Documents maîtrisés",
        "Controlled documents",
    ),
    (
        "init.book.watch",
        "Veille réglementaire",
        "Regulatory watch",
    ),
    (
        "init.book.parties",
        "Parties intéressées",
        "Interested parties",
    ),
    (
        "init.book.training",
        "Formations et habilitations",
        "Training and habilitation",
    ),
    (
        "init.book.comments",
        "Revue de direction — commentaires de la direction",
        "Management review — management commentary",
    ),
    // ---- register sheets: name, title, what a row is -------------------------
    ("init.sheet.rex", "Événements", "Events"),
    ("init.sheet.actions", "Actions", "Actions"),
    ("init.sheet.suppliers", "Évaluations", "Evaluations"),
    ("init.sheet.surveys", "Réponses", "Responses"),
    ("init.sheet.indicators", "Indicateurs", "Indicators"),
    ("init.sheet.indicator-values", "Valeurs", "Values"),
    ("init.sheet.objectives", "Objectifs", "Objectives"),
    ("init.sheet.audits", "Audits", "Audits"),
    ("init.sheet.findings", "Constats", "Findings"),
    ("init.sheet.documents", "Documents", "Documents"),
    ("init.sheet.watch", "Veille", "Watch"),
    (
        "init.sheet.parties",
        "Parties intéressées",
        "Interested parties",
    ),
    ("init.sheet.training", "Formations", "Training"),
    ("init.sheet.comments", "Commentaires", "Commentary"),
    (
        "init.title.rex",
        "Registre des événements (REX)\u{a0}: réclamations, dysfonctionnements, événements indésirables, presque accidents, ESR",
        "Event register (REX): complaints, dysfunctions, adverse events, near misses, ESR",
    ),
    (
        "init.title.actions",
        "Plan d'actions\u{a0}: actions correctives, préventives et d'amélioration",
        "Action plan: corrective, preventive and improvement actions",
    ),
    (
        "init.title.suppliers",
        "Évaluation des fournisseurs et prestataires",
        "Supplier and provider evaluation",
    ),
    (
        "init.title.surveys",
        "Enquêtes de satisfaction — réponses",
        "Satisfaction surveys — responses",
    ),
    (
        "init.title.indicators",
        "Indicateurs — définitions",
        "Indicators — definitions",
    ),
    (
        "init.title.indicator-values",
        "Indicateurs — valeurs par période",
        "Indicators — values per period",
    ),
    (
        "init.title.objectives",
        "Objectifs qualité de l'année",
        "Quality objectives of the year",
    ),
    (
        "init.title.audits",
        "Audits et inspections",
        "Audits and inspections",
    ),
    ("init.title.findings", "Constats d'audit", "Audit findings"),
    (
        "init.title.documents",
        "Liste des documents maîtrisés",
        "Controlled documents list",
    ),
    (
        "init.title.watch",
        "Veille réglementaire",
        "Regulatory watch",
    ),
    (
        "init.title.parties",
        "Parties intéressées — besoins et attentes",
        "Interested parties — needs and expectations",
    ),
    (
        "init.title.training",
        "Formations et habilitations du personnel",
        "Staff training and habilitation",
    ),
    (
        "init.title.comments",
        "Revue de direction — commentaires de la direction",
        "Management review — management commentary",
    ),
    ("init.row.rex", "événement", "event"),
    ("init.row.actions", "action", "action"),
    (
        "init.row.suppliers",
        "évaluation d'un fournisseur",
        "evaluation of one supplier",
    ),
    (
        "init.row.surveys",
        "questionnaire rempli (un répondant)",
        "completed questionnaire (one respondent)",
    ),
    ("init.row.indicators", "indicateur", "indicator"),
    (
        "init.row.indicator-values",
        "valeur d'un indicateur pour un mois",
        "value of one indicator for one month",
    ),
    (
        "init.row.objectives",
        "objectif d'une année",
        "objective of one year",
    ),
    (
        "init.row.audits",
        "audit ou inspection",
        "audit or inspection",
    ),
    (
        "init.row.findings",
        "constat d'un audit",
        "finding of one audit",
    ),
    ("init.row.documents", "document", "document"),
    ("init.row.watch", "texte suivi", "text under watch"),
    ("init.row.parties", "partie intéressée", "interested party"),
    (
        "init.row.training",
        "formation ou habilitation d'une personne",
        "training or habilitation of one person",
    ),
    (
        "init.row.comments",
        "commentaire sur une section de la revue",
        "comment on one section of the review",
    ),
    (
        "init.subtitle",
        "Une ligne par {row}. En-têtes orangés\u{a0}: colonnes obligatoires. Mode d'emploi\u{a0}: feuille «\u{a0}{help}\u{a0}».",
        "One row per {row}. Orange headers: required columns. Instructions: sheet “{help}”.",
    ),
    // ---- the instructions sheet ----------------------------------------------
    ("init.help.sheet", "Mode d'emploi", "Instructions"),
    (
        "init.help.title",
        "Mode d'emploi — {title}",
        "Instructions — {title}",
    ),
    (
        "init.help.p1",
        "Ce classeur a été créé par smq («\u{a0}smq init\u{a0}»). smq lit les registres là où ils sont, sans jamais les modifier, vérifie chaque cellule et produit les rapports\u{a0}: indicateurs du mois, revue de direction, dossier de preuves pour les audits.",
        "This workbook was created by smq (“smq init”). smq reads the registers where they are, never changes them, checks every cell and produces the reports: monthly indicators, management review, audit evidence pack.",
    ),
    (
        "init.help.p2",
        "smq reconnaît chaque registre à sa ligne d'en-tête\u{a0}: gardez les intitulés des colonnes tels quels. Si vous les renommez, déclarez les nouveaux intitulés dans smq.toml (section [registers]). Vous pouvez ajouter vos propres colonnes, masquer des colonnes, renommer les feuilles et le classeur.",
        "smq recognises each register by its header row: keep the column headers as they are. If you rename them, declare the new headers in smq.toml ([registers] section). You may add columns of your own, hide columns, rename the sheets and the workbook.",
    ),
    (
        "init.help.p3",
        "Saisissez une ligne par enregistrement sous la ligne d'en-tête\u{a0}; le tableau s'agrandit de lui-même quand vous écrivez juste sous sa dernière ligne. Les en-têtes orangés signalent les colonnes obligatoires. Les listes déroulantes proposent les valeurs reconnues. Les dates s'écrivent {date}.",
        "Enter one row per record below the header row; the table grows by itself when you type just below its last row. Orange headers mark the required columns. Drop-down lists offer the values smq recognises. Dates are written {date}.",
    ),
    (
        "init.help.p4",
        "Les colonnes marquées «\u{a0}donnée personnelle\u{a0}» (noms, textes libres) sont remplacées par des pseudonymes dans les dossiers d'audit. N'écrivez dans les textes libres ni nom de patient, ni numéro de sécurité sociale, ni date de naissance\u{a0}: «\u{a0}smq check\u{a0}» les signale.",
        "Columns marked “personal data” (names, free text) are replaced with pseudonyms in audit packs. Do not write patient names, social-security numbers or dates of birth in free text: “smq check” reports them.",
    ),
    (
        "init.help.p5",
        "Un registre peut s'étendre sur plusieurs classeurs (un par année, par exemple)\u{a0}: copiez ce classeur vide en gardant les mêmes en-têtes. Pour vérifier la saisie à tout moment\u{a0}: smq check <dossier>.",
        "A register may span several workbooks (one per year, for example): copy this blank workbook and keep the same headers. To check what was entered at any time: smq check <folder>.",
    ),
    (
        "init.help.heading",
        "Feuille «\u{a0}{sheet}\u{a0}» — une ligne par {row}",
        "Sheet “{sheet}” — one row per {row}",
    ),
    ("init.help.column", "Colonne", "Column"),
    ("init.help.required", "Obligatoire", "Required"),
    ("init.help.personal", "Donnée personnelle", "Personal data"),
    ("init.help.content", "Ce qu'elle contient", "What it holds"),
    ("init.help.allowed", "Valeurs permises", "Allowed values"),
    ("init.help.example", "Exemple", "Example"),
    (
        "init.help.example-note",
        "La colonne «\u{a0}Exemple\u{a0}» forme une ligne d'exemple complète et cohérente (à ne pas recopier telle quelle).",
        "The “Example” column makes one complete, consistent example row (not to be copied as is).",
    ),
    // What each type of column accepts.
    (
        "init.allowed.id",
        "texte, unique dans la feuille",
        "text, unique within the sheet",
    ),
    (
        "init.allowed.ref",
        "identifiant défini dans l'autre feuille",
        "an identifier defined in the other sheet",
    ),
    ("init.allowed.text", "texte court", "short text"),
    (
        "init.allowed.free-text",
        "texte libre (retours à la ligne permis)",
        "free text (line breaks allowed)",
    ),
    ("init.allowed.date", "date jj/mm/aaaa", "date yyyy-mm-dd"),
    (
        "init.allowed.past-date",
        "date jj/mm/aaaa, pas dans le futur",
        "date yyyy-mm-dd, not in the future",
    ),
    (
        "init.allowed.month",
        "mois mm/aaaa (ou une date du mois)",
        "month yyyy-mm (or any date of the month)",
    ),
    (
        "init.allowed.number",
        "nombre (décimales permises, 95\u{a0}% accepté)",
        "number (decimals allowed, 95 % accepted)",
    ),
    (
        "init.allowed.scale",
        "nombre entier de {min} à {max}",
        "whole number from {min} to {max}",
    ),
    (
        "init.allowed.year",
        "année à quatre chiffres (2000 à 2100)",
        "four-digit year (2000 to 2100)",
    ),
    (
        "init.allowed.id-list",
        "un ou plusieurs identifiants, séparés par «\u{a0};\u{a0}» ou «\u{a0},\u{a0}»",
        "one or more identifiers, separated with “;” or “,”",
    ),
    ("init.allowed.date-format", "jj/mm/aaaa", "yyyy-mm-dd"),
    // Supplier criteria and survey questions: open sets of columns.
    ("init.criterion.1", "Qualité", "Quality"),
    ("init.criterion.2", "Délais", "Lead times"),
    ("init.criterion.3", "Réactivité", "Responsiveness"),
    ("init.x.criterion.1", "4", "4"),
    ("init.x.criterion.2", "3", "3"),
    ("init.x.criterion.3", "3", "3"),
    (
        "init.criterion.content",
        "Critère d'évaluation (exemple)\u{a0}: note de 1 (insuffisant) à 4 (très satisfaisant). smq calcule la moyenne des critères, pondérée selon smq.toml.",
        "Evaluation criterion (example): score from 1 (poor) to 4 (very good). smq computes the mean of the criteria, weighted as set in smq.toml.",
    ),
    (
        "init.criterion.note",
        "Les colonnes de critères sont des exemples\u{a0}: renommez-les, ajoutez-en ou supprimez-en selon votre grille d'évaluation. Toute colonne de notes que smq ne connaît pas est lue comme un critère (ou listez-les dans smq.toml, [suppliers] criteria).",
        "The criterion columns are examples: rename, add or remove them to match your evaluation grid. Any column of scores smq does not know is read as a criterion (or list them in smq.toml, [suppliers] criteria).",
    ),
    ("init.question.1", "Accueil", "Welcome"),
    ("init.question.2", "Temps d'attente", "Waiting time"),
    (
        "init.question.3",
        "Satisfaction globale",
        "Overall satisfaction",
    ),
    ("init.x.question.1", "très satisfait", "very satisfied"),
    ("init.x.question.2", "peu satisfait", "dissatisfied"),
    ("init.x.question.3", "satisfait", "satisfied"),
    (
        "init.question.content",
        "Question du questionnaire (exemple)\u{a0}: la réponse choisie par le répondant, à prendre dans la liste\u{a0}; vide s'il n'a pas répondu.",
        "Question of the questionnaire (example): the answer the respondent chose, from the list; empty when unanswered.",
    ),
    (
        "init.question.note",
        "Les colonnes de questions sont des exemples\u{a0}: une colonne par question de votre questionnaire. Toute colonne de réponses que smq ne connaît pas est lue comme une question (ou listez-les dans smq.toml, [surveys] questions). Les réponses peuvent aussi être des notes de 1 à 4 (ou de 1 à 5, voir [surveys] scale).",
        "The question columns are examples: one column per question of your questionnaire. Any column of answers smq does not know is read as a question (or list them in smq.toml, [surveys] questions). Answers may also be scores from 1 to 4 (or 1 to 5, see [surveys] scale).",
    ),
    // The answers offered in the question columns' drop-down lists: labels
    // of a four-level Likert scale smq reads, and "no answer".
    ("init.likert.4", "très satisfait", "very satisfied"),
    ("init.likert.3", "satisfait", "satisfied"),
    ("init.likert.2", "peu satisfait", "dissatisfied"),
    (
        "init.likert.1",
        "pas du tout satisfait",
        "very dissatisfied",
    ),
    ("init.likert.0", "non concerné", "not applicable"),
    // ---- data validation: input and error messages --------------------------
    (
        "init.dv.list",
        "Choisissez une valeur de la liste déroulante.",
        "Choose a value from the drop-down list.",
    ),
    (
        "init.dv.scale",
        "Un nombre entier de {min} à {max}.",
        "A whole number from {min} to {max}.",
    ),
    (
        "init.dv.date",
        "Une date, par exemple {example}.",
        "A date, for example {example}.",
    ),
    (
        "init.dv.month",
        "Un mois, par exemple {example} (ou une date du mois).",
        "A month, for example {example} (or any date of the month).",
    ),
    (
        "init.dv.year",
        "Une année à quatre chiffres, par exemple 2025.",
        "A four-digit year, for example 2025.",
    ),
    (
        "init.dv.ids",
        "Un ou plusieurs identifiants, séparés par «\u{a0};\u{a0}» ou «\u{a0},\u{a0}». Exemple\u{a0}: {example}",
        "One or more identifiers, separated with “;” or “,”. Example: {example}",
    ),
    ("init.dv.error-title", "Valeur refusée", "Value refused"),
    ("init.dv.example-date", "12/03/2025", "2025-03-12"),
    ("init.dv.example-month", "03/2025", "2025-03"),
];
