//! Exporting a 500-member record (a village Party committee) to Word (docx) and to the Excel
//! sign-in sheet (xlsx): the document is built from the minutes and packed into its zip file, as
//! `branchday export` does before writing. Target: < 200 ms each.
//!
//! ```text
//! cargo bench --bench export -- --warm-up-time 1 --measurement-time 10
//! ```

use std::hint::black_box;

use branchday::cli::ExportFormat;
use branchday::corpus::{CorpusSpec, generate};
use branchday::export::render_bytes;
use branchday::i18n::{Lang, Tr};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let spec = CorpusSpec {
        count: 20,
        seed: 1,
        members: 500,
    };
    // The first meeting of the whole branch (a committee meeting lists only its committee).
    let m = generate(&spec)
        .find(|m| m.attendance.len() == 500)
        .expect("a meeting of all 500 members");
    let tr = Tr(Lang::Zh);
    for format in [ExportFormat::Docx, ExportFormat::Xlsx, ExportFormat::Html] {
        let bytes = render_bytes(&m, format, tr, &[]).expect("exported");
        eprintln!("{}: {} KB", format.extension(), bytes.len() / 1024);
    }
    let mut group = c.benchmark_group("export_500_members");
    group.sample_size(20);
    for format in [ExportFormat::Docx, ExportFormat::Xlsx, ExportFormat::Html] {
        group.bench_function(format.extension(), |b| {
            b.iter(|| render_bytes(black_box(&m), format, tr, &[]).expect("exported"));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
