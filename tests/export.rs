//! The printable record: every required field, in zh and en, in md, txt and html; escaping and
//! neutralising of hostile text; alignment of text tables with CJK.

mod export_support;

use branchday::export::TextFormat as ExportFormat;
use branchday::export::{render, render_marked};
use branchday::i18n::{Lang, Tr};
use branchday::texttable::width;

const ZH: Tr = Tr(Lang::Zh);
const EN: Tr = Tr(Lang::En);
const FORMATS: [ExportFormat; 3] = [ExportFormat::Md, ExportFormat::Txt, ExportFormat::Html];

/// What a reader sees of an html export: the spans that keep names on one line removed.
fn visible(out: &str) -> String {
    out.replace("<span class=\"nw\">", "")
        .replace("</span>", "")
}

fn assert_has(out: &str, needles: &[&str]) {
    let out = &visible(out);
    for n in needles {
        assert!(out.contains(n), "missing {n:?} in:\n{out}");
    }
}

/// Everything domain-rules.md "What the record must hold" lists, in Chinese.
const ZH_REQUIRED: &[&str] = &[
    "城关镇东风社区党支部",
    "支部党员大会会议记录",
    "2026年第二季度支部党员大会",
    "2026年5月20日 星期三",
    "14:30 至 16:05",
    "社区党群服务中心二楼会议室",
    "王建国",
    "张志强",
    "8 人（正式党员 7 人，预备党员 1 人）",
    "6 人（正式党员 5 人，预备党员 1 人）",
    "杨春梅（迟到 14:41）",
    "刘桂兰",
    "病假：住院治疗",
    "外出务工，未请假",
    "谢宏伟",
    "第5类：外出工作学习六个月以上且组织关系未转移",
    "城关镇党委〔2026〕12号",
    "赵小红",
    "发展对象",
    "议题与表决",
    "学习《中国共产党支部工作条例（试行）》第五章",
    "李秀英领学第五章。",
    "条例单行本",
    "18 分钟",
    "接收预备党员",
    "杨春梅提出不同意见：希望再考察半年。",
    "无记名投票",
    "赞成 4 票，反对 1 票，弃权 0 票",
    "刘桂兰（同意）",
    "4 + 书面同意 1 = 5",
    "7 人",
    "5 人",
    "已达到（P &gt; E/2）",
    "细则 第二十、二十一、三十三条",
    "党员大会审议",
    "群众建议",
    "同意接收赵小红为中共预备党员，报上级党委审批。",
    "将接收材料报送上级党委",
    "2026年5月31日",
    "会议应到 7 名正式党员，实到 5 名，符合规定。",
    "（会议结束）",
    "主持人（签字）",
    "记录人（签字）",
    "01900000-0000-7000-8000-0000000000a1",
];

fn for_format(needles: &[&str], f: ExportFormat) -> Vec<String> {
    needles
        .iter()
        .map(|n| match f {
            ExportFormat::Html => (*n).to_owned(),
            ExportFormat::Md => n.replace("&gt;", "\\>"),
            // Long table cells wrap inside their column in plain text.
            ExportFormat::Txt => n
                .replace("&gt;", ">")
                .replace("六个月以上且组织关系未转移", ""),
        })
        .collect()
}

#[test]
fn chinese_record_holds_every_required_field_in_every_format() {
    let (m, _) = export_support::sample();
    for f in FORMATS {
        let out = render(&m, f, ZH);
        let needles = for_format(ZH_REQUIRED, f);
        assert_has(
            &out,
            &needles.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert_has(&out, &[&m.integrity.digest]);
        assert!(!out.contains("未通过校验"), "{f:?}");
    }
}

#[test]
fn english_record_uses_english_labels() {
    let (m, _) = export_support::sample();
    for f in FORMATS {
        let out = render(&m, f, EN);
        let category = if f == ExportFormat::Txt {
            "5: away 6+ months for"
        } else {
            "5: away 6+ months for work or study, relations not moved"
        };
        assert_has(
            &out,
            &[
                category,
                "Minutes: General assembly",
                "Wednesday 20 May 2026",
                "14:30 to 16:05",
                "8 (7 full, 1 probationary)",
                "sick leave: 住院治疗",
                "secret ballot",
                "yes 4, no 1, abstain 0",
                "刘桂兰 (yes)",
                "passed",
                "(End of meeting)",
                "Chair (signature)",
                "Recorder (signature)",
                "Entitled voters expected (E)",
            ],
        );
        assert!(!out.contains("会议结束"), "{f:?}");
    }
}

#[test]
fn snapshots() {
    let (m, _) = export_support::sample();
    insta::assert_snapshot!("zh_txt", render(&m, ExportFormat::Txt, ZH));
    insta::assert_snapshot!("en_txt", render(&m, ExportFormat::Txt, EN));
    insta::assert_snapshot!("zh_md", render(&m, ExportFormat::Md, ZH));
    insta::assert_snapshot!("en_md", render(&m, ExportFormat::Md, EN));
    insta::assert_snapshot!("zh_html", render(&m, ExportFormat::Html, ZH));
}

/// Display column where `needle` starts in `line`.
fn col_of(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|i| width(&line[..i]))
}

#[test]
fn txt_tables_align_in_display_columns_with_cjk() {
    let (m, _) = export_support::sample();
    let out = render(&m, ExportFormat::Txt, ZH);
    let lines: Vec<&str> = out.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.contains("姓名") && l.contains("批准人"))
        .expect("absentee table header");
    let status_col = col_of(lines[head], "情况").unwrap();
    let reason_col = col_of(lines[head], "原因").unwrap();
    let approver_col = col_of(lines[head], "批准人").unwrap();
    let rule = lines[head + 1];
    assert!(rule.trim().chars().all(|c| c == '-'));
    assert_eq!(width(rule), width(lines[head]).max(width(lines[head + 2])));
    let row1 = lines[head + 2];
    let row2 = lines[head + 3];
    assert_eq!(col_of(row1, "请假"), Some(status_col), "{row1}");
    assert_eq!(col_of(row2, "缺席"), Some(status_col), "{row2}");
    assert_eq!(col_of(row1, "病假"), Some(reason_col), "{row1}");
    assert_eq!(col_of(row2, "外出务工"), Some(reason_col), "{row2}");
    assert_eq!(col_of(row1, "王建国"), Some(approver_col), "{row1}");
    // Fields: every value in a block starts in the same column.
    let place = lines.iter().find(|l| l.contains("地点")).unwrap();
    let title = lines.iter().find(|l| l.contains("会议名称")).unwrap();
    assert_eq!(
        col_of(place, "社区党群服务中心"),
        col_of(title, "2026年第二季度")
    );
    for l in &lines {
        if !l.contains("摘要") && !l.contains("文件编号") {
            assert!(width(l) <= 80, "line wider than the page: {l}");
        }
    }
}

const HOSTILE: &str = "正常文字\u{1b}[31m红色\u{1b}[0m \u{9b}2J <script>alert(1)</script> \
    \u{202e}txt.exe\u{202c} \u{2066}x\u{2069} a\u{2028}b \u{7} | [link](http://evil.example) # \
    <img src=x onerror=alert(1)> & \"q\" 'a'";

fn hostile_output(f: ExportFormat, tr: Tr) -> String {
    let (m, _) = export_support::minutes_with(HOSTILE, HOSTILE);
    render(&m, f, tr)
}

fn forbidden(c: char) -> bool {
    let u = u32::from(c);
    (u < 0x20 && c != '\n')
        || (0x7f..=0x9f).contains(&u)
        || matches!(
            u,
            0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0x2028 | 0x2029
        )
}

#[test]
fn hostile_text_reaches_no_output_as_controls() {
    for f in FORMATS {
        for tr in [ZH, EN] {
            let out = hostile_output(f, tr);
            let bad: Vec<char> = out.chars().filter(|c| forbidden(*c)).collect();
            assert!(bad.is_empty(), "{f:?}: {bad:?}");
            assert!(out.contains("正常文字"), "{f:?}");
            assert!(out.contains('\u{fffd}'), "{f:?}");
        }
    }
}

/// The only tags the HTML renderer writes.
const TAGS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "main", "footer",
    "section", "div", "span", "p", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td",
    "ul", "li",
];

#[test]
fn html_is_self_contained_and_content_is_escaped() {
    let out = hostile_output(ExportFormat::Html, ZH);
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(out.contains("Content-Security-Policy"));
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(out.contains("&amp; &quot;q&quot; &#39;a&#39;"));
    let lower = out.to_lowercase();
    for bad in [
        "<script", "<img", "<link", "<iframe", "src=\"", "href=", "url(", "@import",
    ] {
        assert!(!lower.contains(bad), "found {bad}");
    }
    // Every `<` opens one of the renderer's own tags: nothing from the file became markup.
    for (i, _) in out.match_indices('<') {
        let rest = out[i + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        assert!(
            TAGS.contains(&name.as_str()),
            "unexpected tag {name:?} at {i}"
        );
    }
    // Printing: A4 page, print rules, page-break rules, bordered tables, signatures at the end.
    assert_has(
        &out,
        &[
            "size: A4",
            "@media print",
            "page-break-inside: avoid",
            "border: 1px solid #000",
        ],
    );
    let sig = out.find("class=\"signatures\"").unwrap();
    let end = out.find("（会议结束）").unwrap();
    assert!(end < sig && sig < out.find("<footer>").unwrap());
}

#[test]
fn markdown_escapes_content() {
    let out = hostile_output(ExportFormat::Md, EN);
    assert!(out.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(out.contains("\\[link\\](http://evil.example)"));
    assert!(!out.contains("<script>") && !out.contains(" <img"));
    // A pipe in a table cell (the guest's identity) is escaped, so the row keeps its two cells.
    let guest_row = out
        .lines()
        .find(|l| l.starts_with("| 赵小红 |"))
        .expect("guest row");
    assert_eq!(guest_row.matches(" | ").count(), 1, "{guest_row}");
    assert!(guest_row.contains("\\|"), "{guest_row}");
}

#[test]
fn failed_validation_is_marked_in_every_format() {
    let (m, _) = export_support::sample();
    let errors = vec!["摘要不符：文件在定稿后被改动".to_owned()];
    for f in FORMATS {
        let out = render_marked(&m, f, ZH, &errors);
        assert_has(
            &out,
            &["未通过校验", "1 项错误", "摘要不符：文件在定稿后被改动"],
        );
        let banner = out.find("未通过校验").unwrap();
        assert!(banner < out.find("会议名称").unwrap(), "banner first");
        let en = render_marked(&m, f, EN, &errors);
        assert!(en.contains("FAILED VALIDATION"));
    }
}

#[test]
fn missing_fields_are_shown_as_missing() {
    let (mut m, _) = export_support::sample();
    m.place = String::new();
    m.chair = None;
    m.chair_delegated_by = None;
    let out = render(&m, ExportFormat::Txt, ZH);
    let place = out.lines().find(|l| l.contains("地点")).unwrap();
    assert!(place.contains("（未填写）"), "{place}");
    let chair = out.lines().find(|l| l.contains("主持人：")).unwrap();
    assert!(chair.contains("（未填写）"), "{chair}");
}

#[test]
fn delegation_and_supersedes_are_shown() {
    let (mut m, _) = export_support::sample();
    m.chair = Some(branchday::domain::PersonRef {
        member_id: Some("m002".into()),
        name: "李秀英".into(),
    });
    m.chair_delegated_by = Some(branchday::domain::PersonRef {
        member_id: Some("m001".into()),
        name: "王建国".into(),
    });
    let old = uuid::Uuid::parse_str("01900000-0000-7000-8000-0000000000ff").unwrap();
    m.supersedes = Some(old);
    let out = render(&m, ExportFormat::Md, ZH);
    assert_has(
        &out,
        &[
            "李秀英（受王建国委托）",
            "更正并取代",
            "01900000-0000-7000-8000-0000000000ff",
        ],
    );
}

#[test]
fn times_are_shown_in_the_files_offset() {
    let (mut m, _) = export_support::sample();
    // A vote closed at the same instant written in UTC is still shown in the meeting's offset.
    let v = m.items[0].vote.as_mut().unwrap();
    v.closed_at = v
        .closed_at
        .with_timezone(&chrono::FixedOffset::east_opt(0).unwrap());
    let out = render(&m, ExportFormat::Txt, ZH);
    assert!(out.contains("2026年5月20日 15:20"), "{out}");
    // A time recorded in another offset: the time line says which clock the record follows.
    assert!(out.contains("14:30 至 16:05（UTC+08:00）"), "{out}");
    let (plain, _) = export_support::sample();
    let out = render(&plain, ExportFormat::Txt, ZH);
    assert!(
        !out.contains("UTC"),
        "every time in the branch's own offset: none printed\n{out}"
    );
}
