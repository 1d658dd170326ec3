//! Every chart of the template library (line with target and alert band,
//! bar, control chart, sparkline, Pareto, criticity heatmap) laid out by the
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
"#;

#[test]
fn every_chart_lays_out_with_its_labels() {
    let y = json!({"min": 0.0, "max": 20.0, "ticks": [
        {"value": 0.0, "label": "0"}, {"value": 10.0, "label": "10"}, {"value": 20.0, "label": "20 j"}]});
    let x = json!({"labels": ["nov. 25", "déc. 25", "janv. 26", "févr. 26"], "shown": [0, 3]});
    let legend = json!([{"kind": "line", "color": "#1f5f8b", "label": "valeur-legende"},
                        {"kind": "band", "color": "#c77700", "label": "zone-alerte"}]);
    let data = json!({
        "line": {"y": y, "x": x, "values": [8.0, null, 12.0, 15.5], "target": 10.0, "alert": 15.0, "legend": legend},
        "control": {"y": y, "x": x, "values": [8.0, 9.0, 19.5, 11.0], "centre": 11.0,
                    "ucl": [18.0, 18.0, 18.0, 18.0], "lcl": [4.0, 4.0, 4.0, 4.0],
                    "rules": [[], [], [1], []], "target": 10.0, "legend": legend},
        "spark": {"values": [1.0, 2.0, null, 3.0], "min": 0.0, "max": 4.0, "target": 2.5, "color": "#c62828"},
        "bars": {"items": [{"label": "Radiopharmacie", "value": 3.0, "text": "3"},
                           {"label": "Accueil", "value": 7.0, "text": "7"}], "max": 7.0},
        "pareto": {"items": [{"label": "Méthode", "value": 6.0}, {"label": "Matériel", "value": 3.0}, {"label": "Milieu", "value": 1.0}],
                   "y": {"min": 0.0, "max": 6.0, "ticks": [{"value": 0.0, "label": "0"}, {"value": 6.0, "label": "6"}]},
                   "cumulative": [60.0, 90.0, 100.0],
                   "right-ticks": [{"value": 0.0, "label": "0 %"}, {"value": 100.0, "label": "100 %"}],
                   "legend": legend},
        "heatmap": {"counts": [[3, 2, 1, 0, 0], [2, 4, 1, 0, 0], [0, 1, 2, 1, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 1]],
                    "bands": [[0, 0, 0, 0, 1], [0, 0, 1, 1, 2], [0, 1, 1, 2, 2], [0, 1, 2, 2, 2], [1, 2, 2, 2, 2]],
                    "severity-label": "Gravité", "frequency-label": "Fréquence", "legend": legend},
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
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
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
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} missing from the chart text"
        );
    }
}
