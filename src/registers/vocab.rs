//! The closed lists of the registers (event types, statuses, grades…), each
//! value with its French and English label and the spellings services write.
//! Matching folds case, accents, gender, plural and punctuation (see
//! [`crate::input::text::fold`]), so only genuinely different words need an
//! alias here.

use std::sync::OnceLock;

use serde::Serialize;

use crate::i18n::Lang;
use crate::input::text::{FoldedTable, fold, levenshtein};

/// One allowed value of a list.
#[derive(Debug)]
pub struct VocabEntry {
    pub fr: &'static str,
    pub en: &'static str,
    pub aliases: &'static [&'static str],
}

/// A closed list of values.
#[derive(Debug)]
pub struct Vocab {
    pub name: &'static str,
    pub entries: &'static [VocabEntry],
    index: OnceLock<FoldedTable<u8>>,
}

impl Vocab {
    pub const fn new(name: &'static str, entries: &'static [VocabEntry]) -> Self {
        Vocab {
            name,
            entries,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &FoldedTable<u8> {
        self.index.get_or_init(|| {
            FoldedTable::new(self.entries.iter().enumerate().flat_map(|(i, e)| {
                [e.fr, e.en]
                    .into_iter()
                    .chain(e.aliases.iter().copied())
                    .map(move |s| (s, i as u8))
            }))
        })
    }

    /// The index of the entry `s` names, if any.
    pub fn lookup(&self, s: &str) -> Option<u8> {
        self.index().get(s)
    }

    /// The closest entry, for "did you mean".
    pub fn closest(&self, s: &str) -> Option<u8> {
        let key = fold(s);
        if key.is_empty() {
            return None;
        }
        let len = key.chars().count();
        let limit = (len / 3).max(2);
        let mut best: Option<(usize, u8)> = None;
        for (k, &i) in self.index().entries() {
            // The distance is at least the difference of the lengths: a
            // spelling that much shorter or longer can never be suggested,
            // and a long cell (fuzzing found 32,000 characters) costs no
            // Levenshtein matrix.
            if len.abs_diff(k.chars().count()) > limit {
                continue;
            }
            let d = levenshtein(&key, k);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        let (d, i) = best?;
        (d <= limit).then_some(i)
    }

    /// The closest entry's label, for "did you mean".
    pub fn suggest(&self, s: &str, lang: Lang) -> Option<&'static str> {
        self.closest(s).map(|i| self.label(i, lang))
    }

    pub fn label(&self, i: u8, lang: Lang) -> &'static str {
        let e = &self.entries[i as usize];
        match lang {
            Lang::Fr => e.fr,
            Lang::En => e.en,
        }
    }

    /// "a, b, c" in `lang`, for hints.
    pub fn allowed(&self, lang: Lang) -> String {
        (0..self.entries.len() as u8)
            .map(|i| self.label(i, lang))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! vocab {
    ($(#[$doc:meta])* $enum:ident, $static:ident, $name:literal {
        $( $variant:ident = $fr:literal, $en:literal, [$($alias:literal),* $(,)?]; )*
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $enum { $( $variant, )* }

        pub static $static: Vocab = Vocab::new($name, &[
            $( VocabEntry { fr: $fr, en: $en, aliases: &[$($alias),*] }, )*
        ]);

        impl $enum {
            pub const ALL: &'static [$enum] = &[ $( $enum::$variant, )* ];

            pub fn from_index(i: u8) -> Self {
                Self::ALL[i as usize]
            }

            pub fn vocab() -> &'static Vocab {
                &$static
            }

            pub fn label(self, lang: Lang) -> &'static str {
                $static.label(self as u8, lang)
            }
        }

        impl $crate::registers::declare::FieldValue for Option<$enum> {
            fn read(row: &mut $crate::registers::read::Row, i: usize) -> Self {
                row.choice(i).map($enum::from_index)
            }

            fn fits(ty: $crate::registers::schema::FieldType) -> bool {
                matches!(ty, $crate::registers::schema::FieldType::Choice(v) if std::ptr::eq(v, &$static))
            }
        }
    };
}

vocab! {
    /// The kind of an event of the REX register.
    EventType, EVENT_TYPE, "event-type" {
        Complaint = "réclamation", "complaint", ["plainte", "réclamation patient", "reclamation client", "customer complaint"];
        Dysfunction = "dysfonctionnement", "dysfunction", ["non-conformité", "nonconformity", "non conformity", "NC", "dysfonctionnement / non-conformité", "anomalie", "incident", "FEI", "fiche d'événement indésirable"];
        AdverseEvent = "événement indésirable", "adverse event", ["EI", "EIG", "événement indésirable grave", "EIAS", "événement indésirable associé aux soins"];
        NearMiss = "presque accident", "near miss", ["presqu'accident", "événement porteur de risque", "EPR", "near-miss", "évitement", "erreur évitée"];
        Esr = "ESR", "ESR", ["événement significatif de radioprotection", "événement significatif", "radiation protection event", "radiation-protection event", "significant radiation protection event", "ESR ASN"];
    }
}

vocab! {
    /// Progress of an event, an action, a finding or a watched text.
    Status, STATUS, "status" {
        Open = "ouvert", "open", ["à faire", "non commencé", "not started", "to do", "nouveau", "new", "à traiter", "à lancer", "planifié", "planned", "prévu"];
        Waiting = "en attente", "waiting", ["on hold", "suspendu", "pending", "en suspens"];
        InProgress = "en cours", "in progress", ["en cours d'analyse", "en analyse", "under analysis", "ongoing", "en cours de traitement", "en cours de réalisation", "commencé", "started", "en retard", "late"];
        Done = "réalisé", "done", ["fait", "terminé", "completed", "complete", "finished", "réalisée à évaluer", "implemented", "mis en œuvre"];
        Closed = "clos", "closed", ["clôturé", "soldé", "traité", "fermé", "handled", "resolved", "résolu", "achevé", "levé", "écart levé", "lifted"];
        Cancelled = "abandonné", "cancelled", ["annulé", "canceled", "abandoned", "sans suite", "rejeté", "rejected"];
    }
}

impl Status {
    /// Whether the work is over (done, closed or cancelled).
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Closed | Status::Cancelled)
    }

    /// Whether a closing/done date is expected.
    pub fn expects_close_date(self) -> bool {
        matches!(self, Status::Done | Status::Closed)
    }
}

vocab! {
    /// Whether an action worked.
    Effectiveness, EFFECTIVENESS, "effectiveness" {
        Effective = "efficace", "effective", ["oui", "yes", "efficacité vérifiée", "effectiveness verified"];
        Partial = "partiellement efficace", "partially effective", ["partiel", "partial", "partiellement"];
        NotEffective = "non efficace", "not effective", ["inefficace", "ineffective", "non"];
        ToEvaluate = "à évaluer", "to evaluate", ["non évalué", "not evaluated", "à vérifier", "to be checked", "en attente d'évaluation", "à mesurer"];
    }
}

vocab! {
    /// Ishikawa (5M) cause families, plus the two services often add.
    Cause, CAUSE, "cause" {
        Method = "méthode", "method", ["methodes", "organisation", "procédure", "process"];
        Equipment = "matériel", "equipment", ["machine", "machines", "équipement", "équipements", "moyen", "moyens"];
        Manpower = "main-d'œuvre", "manpower", ["main d'oeuvre", "personnel", "humain", "facteur humain", "human", "people", "staff", "RH"];
        Environment = "milieu", "environment", ["environnement", "locaux", "milieu / environnement"];
        Material = "matière", "material", ["matières", "produit", "consommable", "consommables", "matière première", "materials", "radiopharmaceutique"];
        Management = "management", "management", ["encadrement", "direction", "pilotage"];
        Measurement = "mesure", "measurement", ["mesures", "contrôle", "measure", "métrologie"];
    }
}

vocab! {
    /// Systemic analysis method used for an event.
    SystemicAnalysis, SYSTEMIC_ANALYSIS, "systemic-analysis" {
        Alarm = "ALARM", "ALARM", ["méthode ALARM", "alarme"];
        Orion = "ORION", "ORION", ["méthode ORION"];
        Other = "autre méthode", "other method", ["autre", "other", "arbre des causes", "cause tree", "5 pourquoi", "5 why", "5 whys", "RMM", "ishikawa", "oui", "yes"];
        None = "aucune", "none", ["non", "no", "sans", "pas d'analyse"];
    }
}

vocab! {
    /// Kind of an action of the improvement plan.
    ActionType, ACTION_TYPE, "action-type" {
        Corrective = "corrective", "corrective", ["action corrective", "AC", "CAPA", "corrective action"];
        Preventive = "préventive", "preventive", ["action préventive", "AP", "preventive action"];
        Improvement = "amélioration", "improvement", ["action d'amélioration", "AA", "improvement action", "progrès", "opportunité"];
        Correction = "curative", "correction", ["action curative", "immédiate", "action immédiate", "immediate", "curatif"];
    }
}

vocab! {
    /// Decision following a supplier evaluation.
    SupplierDecision, SUPPLIER_DECISION, "supplier-decision" {
        Approved = "agréé", "approved", ["accepté", "retenu", "qualifié", "référencé", "accepted", "qualified", "validé"];
        Conditional = "agréé sous réserve", "approved with reservations", ["sous réserve", "accepté sous réserve", "conditional", "conditionally approved", "approved with conditions", "sous surveillance", "à surveiller", "plan de progrès"];
        Rejected = "non agréé", "not approved", ["refusé", "non retenu", "rejeté", "déréférencé", "rejected", "not accepted", "disqualified"];
    }
}

vocab! {
    /// Who answered a survey.
    Population, POPULATION, "population" {
        Patient = "patient", "patient", ["patients", "usager", "usagers", "accompagnant", "patient / accompagnant"];
        Prescriber = "prescripteur", "prescriber", ["prescripteurs", "médecin prescripteur", "médecin correspondant", "correspondant", "referring physician", "referrer", "médecin adresseur", "adresseur"];
        Staff = "personnel", "staff", ["salarié", "salariés", "employee", "employees", "équipe", "collaborateur"];
    }
}

vocab! {
    /// Which way an indicator improves.
    Direction, DIRECTION, "direction" {
        Higher = "à augmenter", "higher is better", ["hausse", "↑", "augmenter", "plus haut = mieux", "plus haut mieux", "plus élevé = mieux", "maximiser", "max", "higher", "up", "increase", "≥", ">=", ">"];
        Lower = "à réduire", "lower is better", ["baisse", "↓", "réduire", "diminuer", "à diminuer", "plus bas = mieux", "plus bas mieux", "minimiser", "min", "lower", "down", "decrease", "≤", "<=", "<"];
    }
}

vocab! {
    /// How often an indicator is measured.
    Frequency, FREQUENCY, "frequency" {
        Monthly = "mensuelle", "monthly", ["mensuel", "mois", "month", "par mois"];
        Quarterly = "trimestrielle", "quarterly", ["trimestriel", "trimestre", "quarter"];
        HalfYearly = "semestrielle", "half-yearly", ["semestriel", "semestre", "semiannual", "semi-annual", "biannual"];
        Yearly = "annuelle", "yearly", ["annuel", "an", "année", "annual", "year"];
    }
}

vocab! {
    /// What an indicator's values are, which decides its control chart.
    IndicatorKind, INDICATOR_KIND, "indicator-kind" {
        Measurement = "mesure", "measurement", ["valeur", "value", "moyenne", "délai", "durée", "XmR", "continuous", "continue"];
        Proportion = "proportion", "proportion", ["taux", "pourcentage", "rate", "percentage", "%", "p"];
        Rate = "taux par unité", "rate per unit", ["u", "ratio", "rate per", "fréquence", "pour 1000", "per 1000"];
        Count = "nombre", "count", ["comptage", "compte", "c", "nb", "number"];
    }
}

vocab! {
    /// Kind of audit or inspection.
    AuditKind, AUDIT_KIND, "audit-kind" {
        Internal = "audit interne", "internal audit", ["interne", "internal", "auto-évaluation", "autoévaluation", "self-assessment"];
        Cross = "audit croisé", "cross audit", ["croisé", "cross"];
        Certification = "audit de certification", "certification audit", ["certification", "certification initiale", "initial certification", "audit initial", "visite de certification HAS", "visite HAS", "certification HAS"];
        Surveillance = "audit de surveillance", "surveillance audit", ["surveillance", "audit de suivi", "suivi", "follow-up audit", "surveillance 1", "surveillance 2"];
        Renewal = "audit de renouvellement", "renewal audit", ["renouvellement", "renewal", "recertification", "re-certification"];
        Asn = "inspection ASN", "ASN inspection", ["ASN", "inspection de l'ASN", "ASNR", "inspection ASNR", "autorité de sûreté nucléaire"];
        Ars = "inspection ARS", "ARS inspection", ["ARS", "inspection de l'ARS", "agence régionale de santé"];
        Peer = "audit par les pairs", "peer audit", ["pairs", "peer", "peer review", "revue par les pairs", "QUANUM", "audit QUANUM"];
    }
}

vocab! {
    /// Grade of an audit finding.
    Grade, GRADE, "grade" {
        Strength = "point fort", "strength", ["points forts", "bonne pratique", "good practice", "positive", "point positif", "strong point"];
        Observation = "observation", "observation", ["point sensible", "remarque", "point de vigilance", "sensitive point", "remark", "point d'attention", "demande de complément d'information", "demande de compléments d'information", "demande d'information", "request for information"];
        Improvement = "piste de progrès", "improvement track", ["piste d'amélioration", "opportunité d'amélioration", "OA", "PP", "opportunity for improvement", "OFI", "axe d'amélioration", "recommandation", "recommendation"];
        MinorNc = "non-conformité mineure", "minor nonconformity", ["écart mineur", "NC mineure", "mineure", "minor", "minor NC", "minor non-conformity", "écart", "demande d'action corrective", "demande d'actions correctives", "corrective action request"];
        MajorNc = "non-conformité majeure", "major nonconformity", ["écart majeur", "NC majeure", "majeure", "major", "major NC", "major non-conformity"];
    }
}

vocab! {
    /// Category of a controlled document.
    DocCategory, DOC_CATEGORY, "document-category" {
        Applicable = "document applicable", "applicable document", ["procédure", "procedure", "mode opératoire", "instruction", "protocole", "manuel", "politique", "processus", "applicable", "document de référence"];
        Form = "formulaire", "form", ["imprimé", "modèle", "template", "fiche vierge"];
        Record = "enregistrement", "record", ["enregistrements", "compte rendu", "preuve"];
        Archive = "archive", "archive", ["archivé", "archives", "obsolète"];
    }
}

vocab! {
    /// Life-cycle state of a controlled document.
    DocStatus, DOC_STATUS, "document-status" {
        Draft = "en rédaction", "draft", ["brouillon", "projet", "en création", "à rédiger"];
        InReview = "en vérification", "in review", ["en relecture", "en validation", "en approbation", "à valider", "under review", "en révision"];
        InForce = "en vigueur", "in force", ["applicable", "validé", "approuvé", "diffusé", "actif", "active", "current", "published", "approved", "valid"];
        Withdrawn = "archivé", "withdrawn", ["obsolète", "périmé", "retiré", "annulé", "remplacé", "superseded", "obsolete", "archived"];
    }
}

vocab! {
    /// Whether a watched text applies to the service.
    Applicability, APPLICABILITY, "applicability" {
        Yes = "applicable", "applicable", ["oui", "yes", "o", "y", "concerné", "x"];
        No = "non applicable", "not applicable", ["non", "no", "n", "non concerné", "NA", "sans objet"];
        ToAssess = "à évaluer", "to assess", ["à analyser", "en cours d'évaluation", "to be assessed", "?", "à voir", "à déterminer"];
    }
}

vocab! {
    /// How close an interested party is (rings of the service's map).
    Proximity, PROXIMITY, "proximity" {
        Strong = "forte", "strong", ["fort", "élevée", "high", "1", "proche", "rouge", "red"];
        Medium = "moyenne", "medium", ["moyen", "intermédiaire", "2", "vert", "green"];
        Low = "faible", "low", ["basse", "éloignée", "3", "noir", "black"];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn statuses_match_the_words_services_write() {
        let s = |t: &str| STATUS.lookup(t).map(Status::from_index);
        for t in [
            "Clos",
            "clôturé",
            "Clôturée",
            "Closed",
            "soldé",
            "Soldée",
            "SOLDÉS",
            "traité",
        ] {
            assert_eq!(s(t), Some(Status::Closed), "{t}");
        }
        for t in ["En cours", "en cours d'analyse", "In progress"] {
            assert_eq!(s(t), Some(Status::InProgress), "{t}");
        }
        for t in ["réalisé", "Fait", "Terminé", "terminée"] {
            assert_eq!(s(t), Some(Status::Done), "{t}");
        }
        for t in ["ouvert", "à faire", "non commencé"] {
            assert_eq!(s(t), Some(Status::Open), "{t}");
        }
        assert_eq!(s("annulé"), Some(Status::Cancelled));
        assert_eq!(s("peut-être"), None);
    }

    #[test]
    fn no_alias_names_two_entries() {
        for vocab in [
            &EVENT_TYPE,
            &STATUS,
            &EFFECTIVENESS,
            &CAUSE,
            &SYSTEMIC_ANALYSIS,
            &ACTION_TYPE,
            &SUPPLIER_DECISION,
            &POPULATION,
            &DIRECTION,
            &FREQUENCY,
            &INDICATOR_KIND,
            &AUDIT_KIND,
            &GRADE,
            &DOC_CATEGORY,
            &DOC_STATUS,
            &APPLICABILITY,
            &PROXIMITY,
        ] {
            let mut seen: HashMap<String, usize> = HashMap::new();
            for (i, e) in vocab.entries.iter().enumerate() {
                for s in [e.fr, e.en].iter().chain(e.aliases.iter()) {
                    let k = fold(s);
                    assert!(!k.is_empty(), "{}: '{s}' folds to nothing", vocab.name);
                    if let Some(prev) = seen.insert(k.clone(), i) {
                        assert_eq!(prev, i, "{}: '{s}' names two entries", vocab.name);
                    }
                }
            }
        }
    }

    #[test]
    fn suggestions_find_the_near_miss() {
        assert_eq!(STATUS.suggest("Clotûré", Lang::Fr), Some("clos"));
        assert_eq!(
            GRADE.suggest("non-conformite mineur", Lang::En),
            Some("minor nonconformity")
        );
        assert_eq!(STATUS.suggest("xyzzy", Lang::Fr), None);
    }

    #[test]
    fn grades_and_kinds() {
        assert_eq!(
            GRADE.lookup("Écart majeur").map(Grade::from_index),
            Some(Grade::MajorNc)
        );
        assert_eq!(
            GRADE.lookup("piste de progrès").map(Grade::from_index),
            Some(Grade::Improvement)
        );
        assert_eq!(
            AUDIT_KIND
                .lookup("Inspection ASN")
                .map(AuditKind::from_index),
            Some(AuditKind::Asn)
        );
        assert_eq!(
            DIRECTION.lookup("↓").map(Direction::from_index),
            Some(Direction::Lower)
        );
    }
}
