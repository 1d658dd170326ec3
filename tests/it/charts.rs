//! Every chart of the template library (line with target and alert band,
//! bar, control chart, sparkline, Pareto, criticity heatmap, map of
//! interested parties, interval (forest) plot, column chart) laid out by the
//! embedded engine from JSON data, with its labels present as text.

use std::process::Command;

use chrono::NaiveDate;
use serde_json::json;
use smq::render::templates::TemplateSet;
use smq::render::{PdfFlavour, RenderRequest, render};

const GALLERY: &str = r#"
#import "/lib/style.typ": *
#import "/lib/charts.typ": *
#let d = json("/data.json")
#set text(font: "Inter", size: 9pt)
= Line
#line-chart(d.line)
= Control
#control-chart(d.control)
= Spark
#sparkline(d.spark)
= Bars
#bar-chart(d.bars)
= Pareto
#pareto(d.pareto)
= Heatmap
#heatmap(d.heatmap)
= Parties
#party-map(d.parties)
#party-map(d.no-parties)
= Intervals
#interval-chart(d.intervals)
= Columns
#column-chart(d.columns)
"#;

#[test]
fn every_chart_lays_out_with_its_labels() {
    let y = json!({"min": 0.0, "max": 20.0, "ticks": [
        {"value": 0.0, "label": "0"}, {"value": 10.0, "label": "10"}, {"value": 20.0, "label": "20 j"}]});
    let x = json!({"labels": ["nov. 25", "déc. 25", "janv. 26", "févr. 26"], "shown": [0, 3]});
    let legend = json!([{"kind": "line", "role": "accent", "label": "valeur-legende"},
                        {"kind": "band", "role": "alert", "label": "zone-alerte"}]);
    let rings = json!([{"label": "Forte", "role": "missed"},
                       {"label": "Moyenne", "role": "met"},
                       {"label": "Faible", "role": "ink"}]);
    let (a, w, u) = ("acceptable", "watch", "unacceptable");
    let data = json!({
        "line": {"y": y, "x": x, "values": [8.0, null, 12.0, 15.5], "target": 10.0, "alert": 15.0, "legend": legend},
        "control": {"y": y, "x": x, "values": [8.0, 9.0, 19.5, 11.0], "centre": 11.0,
                    "ucl": [18.0, 18.0, 18.0, 18.0], "lcl": [4.0, 4.0, 4.0, 4.0],
                    "rules": [[], [], [1], []], "target": 10.0, "legend": legend},
        "spark": {"values": [1.0, 2.0, null, 3.0], "min": 0.0, "max": 4.0, "target": 2.5, "role": "missed"},
        "bars": {"items": [{"label": "Radiopharmacie", "value": 3.0, "text": "3"},
                           {"label": "Accueil", "value": 7.0, "text": "7"}], "max": 7.0},
        "pareto": {"items": [{"label": "Méthode", "value": 6.0}, {"label": "Matériel", "value": 3.0}, {"label": "Milieu", "value": 1.0}],
                   "y": {"min": 0.0, "max": 6.0, "ticks": [{"value": 0.0, "label": "0"}, {"value": 6.0, "label": "6"}]},
                   "cumulative": [60.0, 90.0, 100.0],
                   "right_ticks": [{"value": 0.0, "label": "0 %"}, {"value": 100.0, "label": "100 %"}],
                   "legend": legend},
        "heatmap": {"counts": [[3, 2, 1, 0, 0], [2, 4, 1, 0, 0], [0, 1, 2, 1, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 1]],
                    "texts": [["3", "2", "1", "0", "0"], ["2", "4", "1", "0", "0"], ["0", "1", "2", "1", "0"], ["0", "0", "1", "0", "0"], ["0", "0", "0", "0", "1"]],
                    "bands": [[a, a, a, a, w], [a, a, w, w, u], [a, w, w, u, u], [a, w, u, u, u], [w, u, u, u, u]],
                    "severity_label": "Gravité", "frequency_label": "Fréquence", "legend": legend},
        "parties": {"centre": "Service de médecine nucléaire", "rings": rings,
                    "parties": [{"number": "1", "name": "Patients et familles", "ring": 0},
                                {"number": "2", "name": "Médecins prescripteurs", "ring": 0},
                                {"number": "3", "name": "Autorité de sûreté nucléaire (ASN)", "ring": 1},
                                {"number": "4", "name": "Agence régionale de santé", "ring": 2}],
                    "legend": null},
        "no-parties": {"centre": "Service vide", "rings": rings, "parties": [], "legend": null},
        "intervals": {"items": [{"label": "Accueil au secrétariat", "rate": 0.92, "low": 0.86, "high": 0.96,
                                 "text": "92 % (n = 118)", "previous": 0.88},
                                {"label": "Information reçue avant l'examen sur la préparation et le déroulement",
                                 "rate": 0.45, "low": 0.35, "high": 0.55, "text": "45 % (n = 40)", "previous": null}],
                      "min": 0.5, "max": 1.0,
                      "ticks": [{"value": 0.5, "label": "50 %"}, {"value": 1.0, "label": "100 %"}],
                      "target": 0.8,
                      "legend": [{"kind": "whisker", "role": "accent", "label": "taux-ic95"},
                                 {"kind": "ring", "role": "muted", "label": "campagne-precedente"}]},
        "columns": {"y": y, "x": {"labels": ["mars 26", "avr. 26", "mai 26", "juin 26"], "shown": [0, 1, 2, 3]},
                    "values": [4.0, 7.0, 25.0, 3.0], "previous": [5.0, null, 6.0, 2.0],
                    "legend": [{"kind": "bar", "role": "accent", "label": "evenements-mois"},
                               {"kind": "line", "role": "alert", "label": "annee-precedente"}]},
    });
    let mut templates = TemplateSet::load(None).unwrap();
    templates
        .files
        .insert("gallery.typ".into(), GALLERY.as_bytes().to_vec());
    let rendered = render(RenderRequest {
        templates: &templates,
        main: "gallery.typ",
        data: serde_json::to_vec(&data).unwrap(),
        assets: vec![],
        as_of: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        ident: "gallery".into(),
        flavour: PdfFlavour::Standard,
        tagged: true,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("gallery.pdf");
    std::fs::write(&pdf, &rendered.pdf).unwrap();
    let out = Command::new(crate::common::pdftotext())
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "20 j",
        "nov. 25",
        "févr. 26",
        "valeur-legende",
        "zone-alerte",
        "Radiopharmacie",
        "Accueil",
        "Méthode",
        "Matériel",
        "100 %",
        "Gravité",
        "Fréquence",
        "Patients et familles",
        "mai 26",
        "Autorité de sûreté nucléaire (ASN)",
        "Agence régionale de santé",
        "Moyenne",
        "Faible",
        "Service vide",
        "Accueil au secrétariat",
        "92 % (n = 118)",
        "45 % (n = 40)",
        "taux-ic95",
        "campagne-precedente",
        "evenements-mois",
        "annee-precedente",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} missing from the chart text"
        );
    }
}
