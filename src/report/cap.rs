//! Bounded reports. A report prints what a reader can take in: a table of
//! more than [`ROWS`] rows or a run of more than [`CHARTS`] charts is cut
//! after its first entries (the models sort the most important first), and
//! the report says how many were left out and where they are. Every figure
//! is computed on all the data before the cut; only the printed lists are
//! bounded. This keeps a report on a workspace of 100,000 events to a few
//! dozen pages and its rendering time proportional to the read.

use std::collections::BTreeMap;

use serde_json::Value;

/// Rows of a table, lines of a list (review, monthly report).
pub const ROWS: usize = 50;
/// Charts of one section (an array of objects that each carry a `chart`).
pub const CHARTS: usize = 30;
/// Rows of a table in an audit pack: an auditor reads lists whole (the
/// documents in force, the sample), so only a runaway register is cut.
pub const AUDIT_ROWS: usize = 500;

/// Cuts the arrays of a report model in place; returns, for each array that
/// was cut, its path (`issues.parties`, `performance.groups.2.rows`) and how
/// many entries were left out. Arrays of numbers (chart series) are never cut.
/// The bounds depend on the report (its model's `report` field).
pub fn cap(model: &mut Value) -> BTreeMap<String, usize> {
    let rows = match model.get("report").and_then(Value::as_str) {
        Some("audit") => AUDIT_ROWS,
        _ => ROWS,
    };
    let mut out = BTreeMap::new();
    walk(model, "", (rows, CHARTS), &mut out);
    out
}

fn walk(v: &mut Value, path: &str, bounds: (usize, usize), out: &mut BTreeMap<String, usize>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                // The catalogue of labels is not content.
                if path.is_empty() && k == "labels" {
                    continue;
                }
                walk(child, &join(k), bounds, out);
            }
        }
        Value::Array(items) => {
            let charts = items
                .iter()
                .any(|i| i.as_object().is_some_and(|o| o.contains_key("chart")));
            let numbers = items.iter().all(|i| i.is_number() || i.is_null());
            let limit = if charts { bounds.1 } else { bounds.0 };
            if !numbers && items.len() > limit {
                out.insert(path.to_owned(), items.len() - limit);
                items.truncate(limit);
            }
            for (i, child) in items.iter_mut().enumerate() {
                walk(child, &join(&i.to_string()), bounds, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_lists_are_cut_and_counted_series_are_not() {
        let rows: Vec<Value> = (0..ROWS + 50).map(|i| json!({ "id": i })).collect();
        let charts: Vec<Value> = (0..CHARTS + 6)
            .map(|i| json!({ "chart": { "values": [i] } }))
            .collect();
        let series: Vec<f64> = (0..500).map(f64::from).collect();
        let lines: Vec<String> = (0..=ROWS).map(|i| i.to_string()).collect();
        let mut m = json!({
            "labels": { "x": "y" },
            "issues": { "parties": rows, "lines": lines },
            "performance": { "alerts": charts, "groups": [{ "rows": rows }, { "rows": [1] }] },
            "chart": { "values": series },
        });
        let more = cap(&mut m);
        assert_eq!(
            more.into_iter().collect::<Vec<_>>(),
            [
                ("issues.lines".to_owned(), 1),
                ("issues.parties".to_owned(), 50),
                ("performance.alerts".to_owned(), 6),
                ("performance.groups.0.rows".to_owned(), 50),
            ]
        );
        assert_eq!(m["issues"]["parties"].as_array().unwrap().len(), ROWS);
        assert_eq!(
            m["issues"]["parties"][ROWS - 1]["id"],
            ROWS - 1,
            "the first rows are kept"
        );
        assert_eq!(m["performance"]["alerts"].as_array().unwrap().len(), CHARTS);
        assert_eq!(m["chart"]["values"].as_array().unwrap().len(), 500);
        let rows: Vec<Value> = (0..AUDIT_ROWS + 1).map(|i| json!({ "id": i })).collect();
        let mut audit = json!({ "report": "audit", "documents": rows });
        assert_eq!(cap(&mut audit).get("documents"), Some(&1));
    }
}
