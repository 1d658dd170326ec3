//! Times the monthly indicator report and the 2025 management review on the
//! committed samples: reading and checking, building each model, and
//! rendering the PDF (tagged and untagged for the indicator report).
//!
//! Usage: `cargo run --release --example render_bench -- [RUNS]`

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use smq::i18n::Lang;
use smq::input::parse::Month;
use smq::render::templates::TemplateSet;
use smq::render::{PdfFlavour, RenderRequest, render};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let month = Month::new(2026, 10).unwrap();
    let templates = TemplateSet::load(None).unwrap();
    let (mut read, mut model_t, mut tagged, mut untagged) = (vec![], vec![], vec![], vec![]);
    let mut sizes = (0, 0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let checked = smq::pipeline::read_and_check(&root, as_of).unwrap();
        read.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let model = smq::report::indicators::build(&checked, month, as_of, Lang::Fr).unwrap();
        let data = serde_json::to_vec(&model).unwrap();
        model_t.push(t.elapsed().as_secs_f64());
        for (tag, times) in [(true, &mut tagged), (false, &mut untagged)] {
            // Forget typst's memoised layout so every run is a cold render,
            // as in the command line.
            typst::comemo::evict(0);
            let t = Instant::now();
            let r = render(RenderRequest {
                templates: &templates,
                main: "indicators.typ",
                data: data.clone(),
                assets: vec![],
                as_of,
                ident: "bench".into(),
                flavour: PdfFlavour::Standard,
                tagged: tag,
            })
            .unwrap();
            times.push(t.elapsed().as_secs_f64());
            if tag {
                sizes = (r.pdf.len(), sizes.1, r.pages);
            } else {
                sizes.1 = r.pdf.len();
            }
        }
    }
    println!("runs: {runs}");
    println!(
        "read + check samples: median {:.0} ms",
        median(read) * 1000.0
    );
    println!(
        "report model:         median {:.0} ms",
        median(model_t) * 1000.0
    );
    let (t, u) = (median(tagged), median(untagged));
    println!(
        "render tagged:        median {:.0} ms, {} bytes, {} pages",
        t * 1000.0,
        sizes.0,
        sizes.2
    );
    println!(
        "render untagged:      median {:.0} ms, {} bytes ({:+.1} % time for tagging)",
        u * 1000.0,
        sizes.1,
        (t / u - 1.0) * 100.0
    );

    // The management review of 2025.
    let period = smq::analysis::review::Period::year(2025);
    let checked = smq::pipeline::read_and_check(&root, as_of).unwrap();
    let (mut model_t, mut render_t) = (vec![], vec![]);
    let (mut size, mut pages) = (0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let comments = smq::report::review::comments(&checked, &period);
        let model =
            smq::report::review::build(&checked, period, as_of, Lang::Fr, comments).unwrap();
        let data = serde_json::to_vec(&model).unwrap();
        model_t.push(t.elapsed().as_secs_f64());
        typst::comemo::evict(0);
        let t = Instant::now();
        let r = render(RenderRequest {
            templates: &templates,
            main: "review.typ",
            data,
            assets: vec![],
            as_of,
            ident: "bench".into(),
            flavour: PdfFlavour::Standard,
            tagged: true,
        })
        .unwrap();
        render_t.push(t.elapsed().as_secs_f64());
        (size, pages) = (r.pdf.len(), r.pages);
    }
    println!(
        "review model:         median {:.0} ms",
        median(model_t) * 1000.0
    );
    println!(
        "review render tagged: median {:.0} ms, {} bytes, {} pages",
        median(render_t) * 1000.0,
        size,
        pages
    );
}
