//! Indicators: about twenty-five definitions drawn from the usual
//! nuclear-medicine dashboard, and their monthly values from January 2022 to
//! October 2026. Activity and event indicators are computed from the
//! generated exams and events; the others follow a level that drifts
//! (appointment delay and camera downtime up lately, contamination checks
//! improving…) with noise, and a few months are missing.

use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::actions::Action;
use super::cal::{self, ymd};
use super::people::Staff;
use super::rex::{Event, EventKind};
use super::rng::Rng;
use super::service::Proc;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IKind {
    Measure,
    Proportion,
    Rate,
    Count,
}

#[derive(Debug, Clone, Copy)]
enum Den {
    Exams,
    Range(u32, u32),
}

/// How an indicator's monthly values come about. Levels are knots
/// (months since January 2022, level), linearly interpolated.
#[derive(Debug, Clone, Copy)]
enum Sim {
    Exams,
    Events,
    SevereRate,
    Esr,
    ComplaintRate,
    OnTime,
    Measure(&'static [(i32, f64)], f64),
    Prop(&'static [(i32, f64)], Den),
    Count(&'static [(i32, f64)]),
}

struct Spec {
    label: &'static str,
    proc: Proc,
    unit: &'static str,
    higher: bool,
    target: f64,
    alert: f64,
    kind: IKind,
    sim: Sim,
}

#[allow(clippy::too_many_arguments)]
const fn spec(
    label: &'static str,
    proc: Proc,
    unit: &'static str,
    higher: bool,
    target: f64,
    alert: f64,
    kind: IKind,
    sim: Sim,
) -> Spec {
    Spec {
        label,
        proc,
        unit,
        higher,
        target,
        alert,
        kind,
        sim,
    }
}

use IKind::{Count, Measure, Proportion, Rate};

const SPECS: &[Spec] = &[
    spec(
        "Nombre d'examens réalisés",
        Proc::Acquisition,
        "examens",
        true,
        1000.0,
        900.0,
        Count,
        Sim::Exams,
    ),
    spec(
        "Délai moyen d'obtention d'un rendez-vous (scintigraphie osseuse)",
        Proc::Booking,
        "jours",
        false,
        10.0,
        15.0,
        Measure,
        Sim::Measure(
            &[
                (0, 11.5),
                (18, 9.6),
                (36, 9.2),
                (44, 10.5),
                (52, 13.5),
                (57, 17.0),
            ],
            0.7,
        ),
    ),
    spec(
        "Délai moyen d'obtention d'un rendez-vous (scintigraphie myocardique)",
        Proc::Booking,
        "jours",
        false,
        14.0,
        21.0,
        Measure,
        Sim::Measure(&[(0, 16.5), (24, 13.0), (57, 12.5)], 1.2),
    ),
    spec(
        "Délai moyen de mise à disposition du compte rendu",
        Proc::Reporting,
        "heures",
        false,
        24.0,
        48.0,
        Measure,
        Sim::Measure(&[(0, 31.0), (20, 22.5), (57, 20.0)], 2.5),
    ),
    spec(
        "Comptes rendus validés à J+1",
        Proc::Reporting,
        "%",
        true,
        90.0,
        80.0,
        Proportion,
        Sim::Prop(&[(0, 0.82), (20, 0.905), (57, 0.94)], Den::Exams),
    ),
    spec(
        "Écart entre activité injectée et activité prescrite supérieur à 10 %",
        Proc::Injection,
        "%",
        false,
        2.0,
        5.0,
        Proportion,
        Sim::Prop(&[(0, 0.026), (57, 0.012)], Den::Exams),
    ),
    spec(
        "Examens au-dessus du niveau de référence diagnostique (NRD)",
        Proc::RadiationProtection,
        "%",
        false,
        5.0,
        10.0,
        Proportion,
        Sim::Prop(&[(0, 0.065), (57, 0.035)], Den::Range(30, 30)),
    ),
    spec(
        "Contrôles de contamination surfacique conformes",
        Proc::RadiationProtection,
        "%",
        true,
        98.0,
        95.0,
        Proportion,
        Sim::Prop(&[(0, 0.955), (30, 0.985), (57, 0.99)], Den::Range(60, 66)),
    ),
    spec(
        "Rejets d'effluents conformes (vidange des cuves)",
        Proc::Waste,
        "%",
        true,
        100.0,
        95.0,
        Proportion,
        Sim::Prop(&[(0, 0.995)], Den::Range(2, 4)),
    ),
    spec(
        "Contrôles qualité des gamma-caméras conformes",
        Proc::Maintenance,
        "%",
        true,
        100.0,
        95.0,
        Proportion,
        Sim::Prop(&[(0, 0.988), (50, 0.985), (57, 0.965)], Den::Range(80, 88)),
    ),
    spec(
        "Taux d'indisponibilité des gamma-caméras",
        Proc::Maintenance,
        "%",
        false,
        3.0,
        5.0,
        Measure,
        Sim::Measure(&[(0, 2.2), (48, 2.5), (54, 3.8), (56, 6.5), (57, 6.8)], 0.5),
    ),
    spec(
        "Contrôles qualité des activimètres conformes",
        Proc::Radiopharmacy,
        "%",
        true,
        100.0,
        95.0,
        Proportion,
        Sim::Prop(&[(0, 0.996)], Den::Range(21, 23)),
    ),
    spec(
        "Livraisons de générateurs Tc-99m conformes",
        Proc::Radiopharmacy,
        "%",
        true,
        98.0,
        95.0,
        Proportion,
        Sim::Prop(&[(0, 0.975)], Den::Range(8, 9)),
    ),
    spec(
        "Nombre de fiches d'événements déclarées",
        Proc::Quality,
        "fiches",
        true,
        6.0,
        4.0,
        Count,
        Sim::Events,
    ),
    spec(
        "Événements de gravité 4 ou 5 pour 1 000 examens",
        Proc::Quality,
        "pour 1 000 examens",
        false,
        0.5,
        1.0,
        Rate,
        Sim::SevereRate,
    ),
    spec(
        "Nombre d'ESR déclarés à l'ASN",
        Proc::RadiationProtection,
        "ESR",
        false,
        0.0,
        1.0,
        Count,
        Sim::Esr,
    ),
    spec(
        "Actions correctives réalisées dans les délais",
        Proc::Quality,
        "%",
        true,
        80.0,
        70.0,
        Proportion,
        Sim::OnTime,
    ),
    spec(
        "Personnel à jour de la formation à la radioprotection des patients",
        Proc::HumanResources,
        "%",
        true,
        100.0,
        90.0,
        Proportion,
        Sim::Prop(
            &[(0, 0.86), (20, 0.95), (40, 0.99), (50, 0.94), (57, 0.93)],
            Den::Range(15, 15),
        ),
    ),
    spec(
        "Personnel habilité au poste",
        Proc::HumanResources,
        "%",
        true,
        100.0,
        90.0,
        Proportion,
        Sim::Prop(
            &[(0, 0.85), (24, 0.97), (56, 0.98), (57, 0.92)],
            Den::Range(12, 13),
        ),
    ),
    spec(
        "Satisfaction des questionnaires de sortie (satisfaits et très satisfaits)",
        Proc::Reception,
        "%",
        true,
        90.0,
        85.0,
        Proportion,
        Sim::Prop(
            &[(0, 0.91), (40, 0.93), (52, 0.895), (57, 0.87)],
            Den::Range(40, 70),
        ),
    ),
    spec(
        "Réclamations pour 1 000 examens",
        Proc::Reception,
        "pour 1 000 examens",
        false,
        1.0,
        2.0,
        Rate,
        Sim::ComplaintRate,
    ),
    spec(
        "Examens annulés ou reportés du fait du service",
        Proc::Booking,
        "%",
        false,
        2.0,
        4.0,
        Proportion,
        Sim::Prop(
            &[(0, 0.025), (54, 0.02), (56, 0.045), (57, 0.04)],
            Den::Exams,
        ),
    ),
    spec(
        "Temps d'attente moyen en salle d'attente",
        Proc::Reception,
        "minutes",
        false,
        20.0,
        30.0,
        Measure,
        Sim::Measure(&[(0, 24.0), (30, 19.0), (57, 21.0)], 2.5),
    ),
    spec(
        "Conformité du tri des déchets radioactifs (contrôles de tri)",
        Proc::Waste,
        "%",
        true,
        95.0,
        90.0,
        Proportion,
        Sim::Prop(
            &[(0, 0.97), (40, 0.955), (50, 0.925), (57, 0.87)],
            Den::Range(30, 40),
        ),
    ),
    spec(
        "Documents qualité à jour (date de révision non dépassée)",
        Proc::Quality,
        "%",
        true,
        95.0,
        85.0,
        Proportion,
        Sim::Prop(&[(0, 0.88), (24, 0.945), (57, 0.905)], Den::Range(95, 100)),
    ),
    spec(
        "Retards de livraison des radiopharmaceutiques",
        Proc::Radiopharmacy,
        "livraisons",
        false,
        1.0,
        3.0,
        Count,
        Sim::Count(&[(0, 1.3), (57, 0.8)]),
    ),
];

/// Months without a value: (indicator number, year, month).
const GAPS: &[(usize, i32, u32)] = &[
    (12, 2023, 8),
    (23, 2024, 7),
    (23, 2024, 8),
    (19, 2022, 1),
    (19, 2022, 2),
    (19, 2022, 3),
    (26, 2025, 12),
];

/// Comments on remarkable months: (indicator number, year, month, text).
const COMMENTS: &[(usize, i32, u32, &str)] = &[
    (1, 2023, 8, "Fermeture d'une CZT pour congés d'été."),
    (
        2,
        2026,
        9,
        "Créneaux réduits : panne de la SPECT-CT 2 et absence d'un médecin.",
    ),
    (
        2,
        2026,
        10,
        "Dérive confirmée : analyse en CREX, action en cours.",
    ),
    (
        11,
        2026,
        9,
        "Panne du détecteur de la SPECT-CT 2 (12 jours ouvrés).",
    ),
    (
        11,
        2026,
        10,
        "Remplacement de la carte d'acquisition de la SPECT-CT 2.",
    ),
    (22, 2026, 9, "Reports liés à la panne de la SPECT-CT 2."),
    (
        24,
        2026,
        8,
        "Erreurs de tri après le changement de conteneurs du prestataire.",
    ),
    (24, 2026, 10, "Sensibilisation de l'équipe programmée."),
    (
        18,
        2025,
        9,
        "Deux nouveaux arrivants en attente de la session de formation.",
    ),
    (
        19,
        2026,
        10,
        "Nouvelle manipulatrice en cours d'habilitation.",
    ),
];

pub struct Def {
    pub code: String,
    pub label: String,
    pub proc: Proc,
    pub unit: &'static str,
    pub higher: bool,
    pub target: f64,
    pub alert: f64,
    pub kind: IKind,
    pub owner: String,
    /// Index in the demo's table (stress clones share it).
    spec: usize,
}

impl Def {
    /// The demo's indicator number (1-based) this one follows.
    pub fn number(&self) -> usize {
        self.spec + 1
    }
}

pub fn definitions(scale: &Scale, staff: &Staff, rng: &mut Rng) -> Vec<Def> {
    let n = scale.n(SPECS.len()).max(SPECS.len());
    let w = Scale::width(2, n);
    (0..n)
        .map(|i| {
            let spec = i % SPECS.len();
            let s = &SPECS[spec];
            let label = if i < SPECS.len() {
                s.label.to_owned()
            } else {
                format!("{} — unité {}", s.label, i / SPECS.len() + 1)
            };
            Def {
                code: format!("IND-{:0w$}", i + 1),
                label,
                proc: s.proc,
                unit: s.unit,
                higher: s.higher,
                target: s.target,
                alert: s.alert,
                kind: s.kind,
                owner: staff.pick(rng, s.proc.owners(), cal::as_of()).to_owned(),
                spec,
            }
        })
        .collect()
}

/// The indicator codes to link to actions of a process.
pub fn codes_for(defs: &[Def], proc: Proc) -> Vec<&str> {
    defs.iter()
        .take(SPECS.len())
        .filter(|d| d.proc == proc)
        .map(|d| d.code.as_str())
        .collect()
}

/// The demo indicator with number `n` (1-based).
pub fn code_of(defs: &[Def], n: usize) -> &str {
    &defs[n - 1].code
}

pub struct Value {
    pub def: usize,
    pub year: i32,
    pub month: u32,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub comment: Option<&'static str>,
}

fn level(knots: &[(i32, f64)], t: i32) -> f64 {
    let (first, last) = (knots[0], knots[knots.len() - 1]);
    if t <= first.0 {
        return first.1;
    }
    if t >= last.0 {
        return last.1;
    }
    for w in knots.windows(2) {
        let ((t0, v0), (t1, v1)) = (w[0], w[1]);
        if t <= t1 {
            return v0 + (v1 - v0) * f64::from(t - t0) / f64::from(t1 - t0);
        }
    }
    last.1
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let f = [1.0, 10.0, 100.0, 1000.0][decimals as usize];
    (x * f).round() / f
}

/// Per-month facts the indicator values are computed from.
struct MonthFacts {
    exams: u32,
    events: u32,
    severe: u32,
    esr: u32,
    complaints: u32,
    done: u32,
    on_time: u32,
}

/// Monthly exam counts: about 1,000 a month, fewer in August and late
/// December, growing slowly, with the camera breakdown of autumn 2026.
const EXAM_SEASON: [f64; 12] = [
    1.02, 1.03, 1.06, 1.02, 1.0, 1.04, 0.9, 0.72, 1.03, 1.05, 1.04, 0.9,
];

fn facts(rng: &mut Rng, events: &[Event], actions: &[Action]) -> Vec<MonthFacts> {
    let months = cal::months();
    let idx = |y: i32, m: u32| ((y - 2022) * 12 + m as i32 - 1) as usize;
    let mut out: Vec<MonthFacts> = months
        .iter()
        .enumerate()
        .map(|(t, &(y, m))| {
            let growth = 1.0 + 0.02 * f64::from(t as i32) / 12.0;
            let breakdown = if (y, m) >= (2026, 9) { 0.95 } else { 1.0 };
            let mean = 1000.0 * EXAM_SEASON[m as usize - 1] * growth * breakdown;
            let exams = (mean + 22.0 * rng.normal()).round() as u32;
            MonthFacts {
                exams,
                events: 0,
                severe: 0,
                esr: 0,
                complaints: 0,
                done: 0,
                on_time: 0,
            }
        })
        .collect();
    for e in events {
        let f = &mut out[idx(e.detected.year(), e.detected.month())];
        f.events += 1;
        if e.severity >= 4 {
            f.severe += 1;
        }
        if e.kind == EventKind::Esr {
            f.esr += 1;
        }
        if e.kind == EventKind::Complaint {
            f.complaints += 1;
        }
    }
    for a in actions {
        if let Some(done) = a.done {
            let f = &mut out[idx(done.year(), done.month())];
            f.done += 1;
            if done <= a.due {
                f.on_time += 1;
            }
        }
    }
    out
}

fn binomial(rng: &mut Rng, n: u32, p: f64) -> u32 {
    let p = p.clamp(0.0, 1.0);
    let nf = f64::from(n);
    let x = nf * p + (nf * p * (1.0 - p)).sqrt() * rng.normal();
    x.round().clamp(0.0, nf) as u32
}

pub fn values(rng: &mut Rng, defs: &[Def], events: &[Event], actions: &[Action]) -> Vec<Value> {
    let facts = facts(rng, events, actions);
    let mut out = Vec::new();
    for (t, &(y, m)) in cal::months().iter().enumerate() {
        let f = &facts[t];
        for (d, def) in defs.iter().enumerate() {
            let number = def.number();
            if GAPS.contains(&(number, y, m)) {
                continue;
            }
            let t = t as i32;
            let (mut value, mut numerator, mut denominator) = (None, None, None);
            match SPECS[def.spec].sim {
                Sim::Exams => value = Some(f64::from(f.exams)),
                Sim::Events => value = Some(f64::from(f.events)),
                Sim::Esr => value = Some(f64::from(f.esr)),
                Sim::SevereRate | Sim::ComplaintRate => {
                    let num = if matches!(SPECS[def.spec].sim, Sim::SevereRate) {
                        f.severe
                    } else {
                        f.complaints
                    };
                    numerator = Some(f64::from(num));
                    denominator = Some(f64::from(f.exams));
                    value = Some(round_to(1000.0 * f64::from(num) / f64::from(f.exams), 2));
                }
                Sim::OnTime => {
                    if f.done == 0 {
                        continue;
                    }
                    numerator = Some(f64::from(f.on_time));
                    denominator = Some(f64::from(f.done));
                }
                Sim::Measure(knots, sd) => {
                    value = Some(round_to((level(knots, t) + sd * rng.normal()).max(0.0), 1));
                }
                Sim::Count(knots) => value = Some(rng.count(level(knots, t)) as f64),
                Sim::Prop(knots, den) => {
                    let n = match den {
                        Den::Exams => f.exams,
                        Den::Range(lo, hi) => rng.range(i64::from(lo), i64::from(hi)) as u32,
                    };
                    let k = binomial(rng, n, level(knots, t));
                    numerator = Some(f64::from(k));
                    denominator = Some(f64::from(n));
                }
            }
            // From 2024 the proportions also carry the computed percentage.
            if def.kind == IKind::Proportion
                && y >= 2024
                && let (Some(k), Some(n)) = (numerator, denominator)
            {
                value = Some(round_to(100.0 * k / n, 1));
            }
            let comment = if d < SPECS.len() {
                COMMENTS
                    .iter()
                    .find(|c| (c.0, c.1, c.2) == (number, y, m))
                    .map(|c| c.3)
            } else {
                None
            };
            out.push(Value {
                def: d,
                year: y,
                month: m,
                value,
                numerator,
                denominator,
                comment,
            });
        }
    }
    out
}

fn direction(higher: bool) -> &'static str {
    if higher {
        "à augmenter"
    } else {
        "à réduire"
    }
}

fn kind_label(kind: IKind) -> &'static str {
    match kind {
        IKind::Measure => "mesure",
        IKind::Proportion => "proportion",
        IKind::Rate => "taux par unité",
        IKind::Count => "nombre",
    }
}

/// A number as a French service types it in a text cell: `0,5`.
pub fn comma(x: f64) -> String {
    format!("{x}").replace('.', ",")
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Tableau de bord des indicateurs", world.fast)?;
    let defs = &world.indicators;
    let layout = Layout::new("Définitions", "Indicateurs qualité — fiches de définition")
        .col("Code", 10.0)
        .text_col("Libellé", 55.0)
        .col("Processus", 28.0)
        .col("Unité", 16.0)
        .col("Sens", 12.0)
        .col("Cible", 9.0)
        .col("Seuil d'alerte", 10.0)
        .col("Fréquence", 12.0)
        .col("Pilote", 22.0)
        .col("Type de données", 15.0);
    let mut out = book.sheet(layout)?;
    for d in defs {
        // A target below one was typed as text with a decimal comma.
        let target = if d.target > 0.0 && d.target < 1.0 {
            Cell::Text(comma(d.target))
        } else {
            Cell::Num(d.target)
        };
        out.row(&[
            Cell::from(&d.code),
            Cell::from(&d.label),
            Cell::from(d.proc.label()),
            Cell::from(d.unit),
            Cell::from(direction(d.higher)),
            target,
            Cell::Num(d.alert),
            Cell::from("Mensuelle"),
            Cell::from(&d.owner),
            Cell::from(kind_label(d.kind)),
        ])?;
    }
    out.finish()?;

    let layout = Layout::new("Valeurs", "Indicateurs qualité — saisie mensuelle des valeurs")
        .subtitle("Une ligne par indicateur et par mois ; pour les proportions, saisir numérateur et dénominateur")
        .col("Code indicateur", 12.0)
        .col("Période", 11.0)
        .col("Valeur", 10.0)
        .col("Numérateur", 12.0)
        .col("Dénominateur", 13.0)
        .text_col("Commentaire", 55.0);
    let mut out = book.sheet(layout)?;
    for v in &world.values {
        let def = &defs[v.def];
        // 2022–2023: real dates (first of the month); then typed text.
        let period = if v.year <= 2023 {
            Cell::MonthDate(ymd(v.year, v.month, 1))
        } else {
            Cell::Text(cal::iso_month(v.year, v.month))
        };
        // The report turnaround of 2024 and the waiting time of 2025 were
        // typed as text with a decimal comma.
        let as_text =
            (def.number() == 4 && v.year == 2024) || (def.number() == 23 && v.year == 2025);
        let value = match v.value {
            Some(x) if as_text => Cell::Text(comma(x)),
            Some(x) => Cell::Num(x),
            None => Cell::Empty,
        };
        out.row(&[
            Cell::from(&def.code),
            period,
            value,
            Cell::from(v.numerator),
            Cell::from(v.denominator),
            Cell::from(v.comment),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Indicateurs.xlsx")?])
}
