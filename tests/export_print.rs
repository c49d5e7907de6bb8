//! The printed record looked at as a person would: the html printed by Chromium, the Word file
//! converted by `LibreOffice`, both read back with pdftotext; the sign-in workbook converted by
//! `LibreOffice` Calc. One page of each is kept as a PNG under `<target>/print-proof/`.
//!
//! Needs chromium, libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils and
//! fonts-noto-cjk: under CI=true a missing tool fails the test, elsewhere it is skipped loudly.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use branchday::cli::ExportFormat;
use branchday::export::render_bytes;
use branchday::i18n::{Lang, Tr};
use branchday::minutes::Minutes;
use support::tools;

const ZH: Tr = Tr(Lang::Zh);

/// A 25-member general assembly with a re-vote, a deferral, a secret ballot and a member who left.
fn record() -> Minutes {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/valid-v2/general_assembly_revote.json");
    branchday::minutes::read(&path).unwrap().minutes.unwrap()
}

/// Where the PNG renderings are kept: `<target>/print-proof/`.
fn proof_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("print-proof");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The PDF's text, one string per page (pdftotext ends each page with a form feed).
fn pages(pdf: &Path) -> Vec<String> {
    let out = run(Command::new("pdftotext").arg("-layout").arg(pdf).arg("-"));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Page `first` of the PDF as a PNG at 60 dpi, named `name` in the proof folder.
fn png(pdf: &Path, page: usize, name: &str) {
    let prefix = proof_dir().join(name);
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-singlefile", "-f"])
        .arg(page.to_string())
        .arg("-l")
        .arg(page.to_string())
        .arg(pdf)
        .arg(&prefix));
    assert!(prefix.with_extension("png").exists());
}

/// Every page says 第 k 页 共 N 页, in order.
fn assert_page_numbers(pages: &[String]) {
    let n = pages.len();
    assert!(n >= 2, "a record of this size takes several pages");
    for (k, p) in pages.iter().enumerate() {
        let want = format!("第{}页共{n}页", k + 1);
        assert!(
            squeeze(p).contains(&want),
            "page {}: no {want}:\n{p}",
            k + 1
        );
    }
}

/// The headings, the archive places and the sign-in sheet of the Chinese record.
const SECTIONS: &[&str] = &[
    "支部党员大会会议记录",
    "一、基本情况",
    "二、出席情况",
    "三、会议议程",
    "四、学习内容",
    "五、议题及表决",
    "六、决定事项落实",
    "七、会议小结",
    "（会议结束）",
    "主持人（签字）",
    "记录人（签字）",
    "党支部（盖章）",
    "上级党组织审核意见",
    "审核人（签字）",
    "参会人员签到表",
    "本人签名",
];

/// The visible text of the html body: tags dropped, entities of the record's text decoded.
fn visible(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap()..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&amp;", "&")
}

#[test]
fn html_prints_with_page_numbers_whole_names_and_no_browser_marks() {
    if !tools::all(&[
        ("chromium", &["--version"], "chromium"),
        ("pdftotext", &["-v"], "poppler-utils"),
        ("pdftoppm", &["-v"], "poppler-utils"),
    ]) {
        return;
    }
    let m = record();
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("record.html");
    let html = String::from_utf8(render_bytes(&m, ExportFormat::Html, ZH, &[]).unwrap()).unwrap();
    std::fs::write(&html_path, &html).unwrap();
    let pdf = dir.path().join("record.pdf");
    run(Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&html_path)
        .env("HOME", dir.path()));
    let pages = pages(&pdf);
    assert_page_numbers(&pages);
    let all = pages.join("\n");
    let flat = squeeze(&all);
    for s in SECTIONS {
        assert!(flat.contains(&squeeze(s)), "missing {s}:\n{all}");
    }
    // The sign-in sheet starts a page of its own.
    let sheet = pages
        .iter()
        .position(|p| p.contains("参会人员签到表"))
        .unwrap();
    assert!(
        !pages[sheet - 1].contains("参会人员签到表") && !pages[sheet].contains("七、会议小结"),
        "the sign-in sheet is on its own page"
    );
    // No member's name is split across lines: each appears on the page as often as in the record.
    let text = visible(&html);
    for a in &m.attendance {
        let want = text.matches(a.name.as_str()).count();
        let got = all.matches(a.name.as_str()).count();
        assert_eq!(got, want, "{} split across lines:\n{all}", a.name);
    }
    // Nothing from the browser: no file path, no print date, no page title in a header.
    assert!(!all.contains("file:"), "{all}");
    assert!(!all.contains(".html"), "{all}");
    let date_like = regex_free_date(&all);
    assert!(date_like.is_none(), "a browser date: {date_like:?}");
    png(&pdf, 1, "html-page1");
    png(&pdf, sheet + 1, "html-sign-in");
}

/// A `d/m/yy`-style date or a clock with AM/PM, as browsers print in their header.
fn regex_free_date(text: &str) -> Option<String> {
    for word in text.split_whitespace() {
        let parts: Vec<&str> = word.trim_end_matches(',').split('/').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(word.to_owned());
        }
        if word == "AM" || word == "PM" {
            return Some(word.to_owned());
        }
    }
    None
}

/// A fresh home whose fontconfig maps the Chinese office fonts to the Noto CJK faces.
fn soffice_home(dir: &Path) -> PathBuf {
    let home = dir.join("home");
    let conf = home.join(".config/fontconfig");
    std::fs::create_dir_all(&conf).unwrap();
    let alias = |from: &str, to: &str| {
        format!(
            "<alias binding=\"same\"><family>{from}</family><prefer><family>{to}</family></prefer></alias>\n"
        )
    };
    let fonts = branchday::i18n::fonts::BODY;
    std::fs::write(
        conf.join("fonts.conf"),
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n{}{}{}</fontconfig>\n",
            alias(fonts, "Noto Serif CJK SC"),
            alias(branchday::i18n::fonts::TITLE, "Noto Serif CJK SC"),
            alias(branchday::i18n::fonts::HEADING, "Noto Sans CJK SC"),
        ),
    )
    .unwrap();
    home
}

/// Convert `file` to PDF with `soffice` in a fresh home; the PDF's path.
fn soffice_pdf(file: &Path, dir: &Path) -> PathBuf {
    soffice_to(file, dir, "pdf", "pdf")
}

/// Convert `file` with `soffice --convert-to FILTER` in a fresh home; the result's path.
fn soffice_to(file: &Path, dir: &Path, filter: &str, ext: &str) -> PathBuf {
    let home = soffice_home(dir);
    let out = dir.join("out");
    run(Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(&out)
        .arg(file)
        .env("HOME", &home)
        .env_remove("XDG_CONFIG_HOME"));
    let done = out.join(file.file_stem().unwrap()).with_extension(ext);
    assert!(done.exists(), "no {ext} from {}", file.display());
    done
}

#[test]
fn docx_opens_in_libreoffice_with_every_field_numbered_pages_and_chinese_fonts() {
    if !tools::all(&[
        ("soffice", &["--version"], "libreoffice-writer-nogui"),
        ("pdftotext", &["-v"], "poppler-utils"),
        ("pdffonts", &["-v"], "poppler-utils"),
    ]) {
        return;
    }
    let m = record();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("record.docx");
    std::fs::write(
        &docx,
        render_bytes(&m, ExportFormat::Docx, ZH, &[]).unwrap(),
    )
    .unwrap();
    let pdf = soffice_pdf(&docx, dir.path());
    let pages = pages(&pdf);
    assert_page_numbers(&pages);
    // The word joiners that keep a name whole are not text.
    let all = pages.join("\n").replace('\u{2060}', "");
    let flat = squeeze(&all);
    // No member's name is split across lines on the printed pages: each appears there as often as
    // in the document's text (Writer's own plain-text export, which has no line ends of its own).
    let txt = soffice_to(&docx, dir.path(), "txt:Text (encoded):UTF8", "txt");
    let plain = std::fs::read_to_string(&txt)
        .unwrap()
        .replace('\u{2060}', "");
    for a in &m.attendance {
        let want = plain.matches(a.name.as_str()).count();
        let got = all.matches(a.name.as_str()).count();
        assert!(want > 0, "{} is not in the document:\n{plain}", a.name);
        assert_eq!(got, want, "{} split across lines:\n{all}", a.name);
    }
    let mut needles: Vec<String> = SECTIONS.iter().map(|s| squeeze(s)).collect();
    needles.extend(
        [
            "城关镇东风社区党支部",
            "2026年第二季度支部党员大会",
            "东风社区党群服务中心二楼会议室",
            "2026年6月23日星期二",
            "15:00至16:30",
            "赞成18票，反对0票，弃权2票",
            "发出21张，收回21张，有效21张，无效0张",
            "暂缓原因",
            "出席，早退15:30",
            "第二轮表决通过文化广场修缮方案。",
        ]
        .iter()
        .map(|s| squeeze(s)),
    );
    needles.extend(m.attendance.iter().map(|a| a.name.clone()));
    needles.push(m.integrity.digest.clone());
    needles.push(m.id.to_string());
    for n in &needles {
        // pdftotext renders "2026 年" with a space LibreOffice puts between Latin and CJK.
        assert!(flat.contains(n.as_str()), "missing {n}:\n{all}");
    }
    assert!(!all.contains('\u{fffd}'), "Chinese intact");
    // The East Asian fonts reached the PDF (through the fontconfig alias): Noto Serif CJK.
    let fonts = run(Command::new("pdffonts").arg(&pdf));
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NotoSerifCJK"), "{fonts}");
    // A4.
    let info = run(Command::new("pdfinfo").arg(&pdf));
    assert!(String::from_utf8_lossy(&info.stdout).contains("(A4)"));
    png(&pdf, 1, "docx-page1");
    let sheet = pages
        .iter()
        .position(|p| p.contains("参会人员签到表"))
        .unwrap();
    png(&pdf, sheet + 1, "docx-sign-in");
}

#[test]
fn xlsx_sign_in_sheet_prints_in_libreoffice_calc() {
    if !tools::all(&[
        ("soffice", &["--version"], "libreoffice-calc-nogui"),
        ("pdftotext", &["-v"], "poppler-utils"),
    ]) {
        return;
    }
    let m = record();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("sign-in.xlsx");
    std::fs::write(
        &xlsx,
        render_bytes(&m, ExportFormat::Xlsx, ZH, &[]).unwrap(),
    )
    .unwrap();
    let pdf = soffice_pdf(&xlsx, dir.path());
    let pages = pages(&pdf);
    let all = squeeze(&pages.join("\n"));
    assert!(all.contains("参会人员签到表"), "{all}");
    for a in &m.attendance {
        assert!(all.contains(a.name.as_str()), "{}", a.name);
    }
    // The header row is repeated on every printed page.
    for p in &pages {
        assert!(squeeze(p).contains("本人签名"), "{p}");
    }
    png(&pdf, 1, "xlsx-page1");
}
