//! The indicators register, in two sheets: the definitions (one row per
//! indicator: target, alert threshold, direction) and the values (one row per
//! month of one indicator).

use super::declare::register;
use super::model::Amount;
use super::schema::{FieldType, OWNER_ALIASES, PROCESS_ALIASES, field};
use super::vocab::{DIRECTION, Direction, FREQUENCY, Frequency, INDICATOR_KIND, IndicatorKind};
use crate::input::parse::Month;

register! {
    /// An indicator's definition.
    pub struct IndicatorDef: Indicators, fields IndicatorDefField, spec INDICATORS, id Code {
        Code code: Option<String> = field("code", "Code", "Code", FieldType::Id)
            .required()
            .aliases(&[
                "Code indicateur", "Réf", "Référence", "ID", "Indicator code", "N°",
                "Identifiant",
            ])
            .help(
                "Code unique de l'indicateur\u{a0}: les valeurs, les objectifs et les actions s'y réfèrent.",
                "Unique code of the indicator: values, objectives and actions refer to it.",
            )
            .example("IND-05", "IND-05"),
        Label label: Option<String> = field("label", "Libellé", "Label", FieldType::Text)
            .required()
            .aliases(&[
                "Indicateur", "Nom", "Intitulé", "Name", "Indicator", "Nom de l'indicateur",
                "Libellé de l'indicateur",
            ])
            .help(
                "Ce que mesure l'indicateur, en clair.",
                "What the indicator measures, in plain words.",
            )
            .example("Taux d'examens reportés", "Rate of postponed exams"),
        Process process: Option<String> = field("process", "Processus", "Process", FieldType::Text)
            .process()
            .aliases(PROCESS_ALIASES)
            .help(
                "Processus que l'indicateur surveille\u{a0}: le rapport mensuel regroupe les indicateurs par processus.",
                "Process the indicator monitors: the monthly report groups indicators by process.",
            )
            .example("Réalisation des examens", "Exams"),
        Unit unit: Option<String> = field("unit", "Unité", "Unit", FieldType::Text)
            .aliases(&["Unité de mesure", "Unit of measure"])
            .help(
                "Unité des valeurs\u{a0}: %, jours, minutes, nombre, examens…",
                "Unit of the values: %, days, minutes, count, exams…",
            )
            .example("%", "%"),
        Direction direction: Option<Direction> =
            field("direction", "Sens", "Direction", FieldType::Choice(&DIRECTION))
            .aliases(&[
                "Sens d'amélioration", "Sens de variation", "Évolution souhaitée",
                "Tendance souhaitée", "Polarité", "Better", "Sens attendu", "Sens souhaité",
                "Polarity",
            ])
            .help(
                "Sens dans lequel l'indicateur s'améliore.",
                "Which way the indicator improves.",
            )
            .example("à réduire", "lower is better"),
        Target target: Option<Amount> = field("target", "Cible", "Target", FieldType::Number)
            .aliases(&[
                "Objectif", "Valeur cible", "Seuil cible", "Target value", "Valeur objectif",
            ])
            .help(
                "Valeur visée, dans l'unité de l'indicateur.",
                "Value aimed at, in the indicator's unit.",
            )
            .example("2", "2"),
        Alert alert: Option<Amount> =
            field("alert", "Seuil d'alerte", "Alert threshold", FieldType::Number)
            .aliases(&[
                "Alerte", "Seuil", "Limite", "Alert", "Seuil de vigilance", "Limite d'alerte",
                "Valeur d'alerte",
            ])
            .help(
                "Seuil d'alerte\u{a0}: au-delà (ou en deçà, selon le sens), l'indicateur est en alerte.",
                "Alert threshold: beyond it (in the wrong direction), the indicator is in alert.",
            )
            .example("3", "3"),
        Frequency frequency: Option<Frequency> =
            field("frequency", "Fréquence", "Frequency", FieldType::Choice(&FREQUENCY))
            .aliases(&["Périodicité", "Fréquence de mesure", "Periodicity", "Fréquence de calcul"])
            .help(
                "À quel rythme l'indicateur est mesuré.",
                "How often the indicator is measured.",
            )
            .example("mensuelle", "monthly"),
        Owner owner: Option<String> = field("owner", "Pilote", "Owner", FieldType::Text)
            .personal()
            .aliases(OWNER_ALIASES)
            .help(
                "Pilote de l'indicateur.",
                "Owner of the indicator.",
            )
            .example("L. Bernard", "L. Bernard"),
        Kind kind: Option<IndicatorKind> =
            field("kind", "Type de données", "Data type", FieldType::Choice(&INDICATOR_KIND))
            .aliases(&[
                "Type", "Nature", "Kind", "Type d'indicateur", "Carte de contrôle",
                "Control chart", "Type de donnée",
            ])
            .help(
                "Nature des valeurs, qui choisit la carte de contrôle\u{a0}: mesure (carte XmR), proportion (numérateur / dénominateur, carte p), taux par unité (carte u), nombre (carte c).",
                "Nature of the values, which picks the control chart: measurement (XmR chart), proportion (numerator / denominator, p chart), rate per unit (u chart), count (c chart).",
            )
            .example("proportion", "proportion"),
    }
}

register! {
    /// One period's value of one indicator.
    pub struct IndicatorValue: IndicatorValues, fields IndicatorValueField, spec INDICATOR_VALUES {
        Code code: Option<String> = field("code", "Code", "Code", FieldType::Id)
            .required()
            .aliases(&[
                "Code indicateur", "Indicateur", "Réf", "Référence", "ID", "Indicator code",
                "Indicator",
            ])
            .help(
                "Code de l'indicateur, tel que défini dans la feuille des indicateurs.",
                "Code of the indicator, as defined in the indicators sheet.",
            )
            .example("IND-05", "IND-05"),
        Period period: Option<Month> = field("period", "Période", "Period", FieldType::Month)
            .required()
            .aliases(&[
                "Mois", "Date", "Month", "Mois de mesure", "Période de mesure", "Mois concerné",
            ])
            .help(
                "Mois mesuré.",
                "Month measured.",
            )
            .example("03/2025", "2025-03"),
        Value value: Option<Amount> = field("value", "Valeur", "Value", FieldType::Number)
            .aliases(&["Résultat", "Result", "Mesure", "Valeur mesurée", "Valeur du mois", "Taux"])
            .help(
                "Valeur du mois. Pour une proportion, vous pouvez aussi ne donner que le numérateur et le dénominateur.",
                "Value of the month. For a proportion you may instead give only the numerator and the denominator.",
            )
            .example("2,4", "2.4"),
        Numerator numerator: Option<f64> =
            field("numerator", "Numérateur", "Numerator", FieldType::Number)
            .aliases(&["Num", "Num."])
            .help(
                "Numérateur (par exemple le nombre d'examens reportés).",
                "Numerator (for example the number of postponed exams).",
            )
            .example("12", "12"),
        Denominator denominator: Option<f64> =
            field("denominator", "Dénominateur", "Denominator", FieldType::Number)
            .aliases(&["Dénom", "Dénom.", "Den", "Effectif"])
            .help(
                "Dénominateur (par exemple le nombre d'examens du mois)\u{a0}; jamais 0.",
                "Denominator (for example the number of exams of the month); never 0.",
            )
            .example("500", "500"),
        Comment comment: Option<String> =
            field("comment", "Commentaire", "Comment", FieldType::FreeText)
            .personal()
            .aliases(&["Commentaires", "Analyse", "Comments", "Remarque"])
            .help(
                "Ce qui explique la valeur du mois.",
                "What explains the month's value.",
            )
            .example(
                "Retard de livraison du générateur le 12 mars.",
                "Generator delivered late on 12 March.",
            ),
    }
}
