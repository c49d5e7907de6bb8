//! The invalid fixtures: one file per kind of error `validate` reports, named after the problem code.
//! Each is a valid fixture with one change; where the change is not about the digest, the digest is
//! recomputed so that the intended error is the one reported.

use serde_json::{Value, json};

use branchday::domain::rules::{self, ItemType, VoteRecord};
use branchday::minutes::canonical::digest_without_integrity;

/// Recompute the integrity digest after a change.
fn reseal(doc: &mut Value) {
    let digest = digest_without_integrity(doc).expect("canonical");
    doc["integrity"]["digest"] = json!(digest);
}

fn pretty(doc: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(doc).expect("serializes");
    bytes.push(b'\n');
    bytes
}

/// Re-judge a vote after its denominators changed, so only the intended finding remains.
fn rejudge(vote: &mut Value) {
    let record: VoteRecord = serde_json::from_value(vote.clone()).expect("vote record");
    let j = rules::judge(&record.input(ItemType::Ordinary, Vec::new())).expect("judged");
    vote["quorum_met"] = json!(j.quorum_met);
    vote["yes_needed"] = json!(j.yes_needed);
    vote["outcome"] = json!(j.outcome.key());
}

/// The fixtures as (problem code, bytes). `themed` has an ordinary vote (item 0) and the excluded
/// member m023; `assembly` has an admission by secret ballot (item 0); `group` holds no votes;
/// `lecture` has no items.
pub fn invalid_fixtures(
    themed: &[u8],
    assembly: &[u8],
    group: &[u8],
    lecture: &[u8],
) -> Vec<(&'static str, Vec<u8>)> {
    let parse = |b: &[u8]| -> Value { serde_json::from_slice(b).expect("valid fixture") };
    let mut out: Vec<(&'static str, Vec<u8>)> = Vec::new();
    let mut sealed = |code: &'static str, base: &[u8], change: &dyn Fn(&mut Value)| {
        let mut doc = parse(base);
        change(&mut doc);
        reseal(&mut doc);
        out.push((code, pretty(&doc)));
    };

    // Shape and version.
    sealed("wrong_format", themed, &|d| {
        d["format"] = json!("branchday.agenda");
    });
    sealed("unsupported_version", themed, &|d| d["version"] = json!(3));
    sealed("schema", themed, &|d| {
        d["counts"]["present_total"] = json!("22");
    });

    // Attendance and counts.
    sealed("count_mismatch", themed, &|d| {
        d["counts"]["present_total"] =
            json!(d["counts"]["present_total"].as_u64().expect("count") + 1);
    });
    sealed("duplicate_member", themed, &|d| {
        let list = d["attendance"].as_array_mut().expect("attendance");
        let excluded = list
            .iter()
            .find(|a| a["member_id"] == "m023")
            .expect("m023")
            .clone();
        list.push(excluded);
    });
    sealed("exclusion_inconsistent", themed, &|d| {
        let list = d["attendance"].as_array_mut().expect("attendance");
        let entry = list
            .iter_mut()
            .find(|a| a["member_id"] == "m023")
            .expect("m023");
        entry.as_object_mut().expect("entry").remove("exclusion");
    });
    sealed("ends_before_start", themed, &|d| {
        d["ended_at"] = json!("2026-03-10T13:00:00+08:00");
    });
    sealed("no_attendance", lecture, &|d| {
        d["attendance"] = json!([]);
        for k in [
            "expected_total",
            "expected_full",
            "expected_probationary",
            "present_total",
            "present_full",
            "present_probationary",
        ] {
            d["counts"][k] = json!(0);
        }
    });
    sealed("action_item_missing", themed, &|d| {
        d["actions"][0]["item"] = json!(7);
    });

    // Votes.
    sealed("vote_in_kind_without_votes", group, &|d| {
        let mut vote = parse(themed)["items"][0]["vote"].clone();
        vote["outcome"] = json!("failed");
        d["items"] = json!([{"title": "调整小组活动时间", "item_type": "ordinary", "vote": vote}]);
    });
    sealed("vote_body_wrong", themed, &|d| {
        let v = &mut d["items"][0]["vote"];
        v["body"] = json!("committee");
        v["rule"] = json!("committee_ordinary");
        v["rule_citation"] = json!(rules::Rule::CommitteeOrdinary.citation());
    });
    sealed("vote_rejected", themed, &|d| {
        d["items"][0]["vote"]["yes"] = json!(25);
    });
    sealed("not_secret_ballot", assembly, &|d| {
        d["items"][0]["vote"]["method"] = json!("show_of_hands");
    });
    sealed("rule_mismatch", themed, &|d| {
        let v = &mut d["items"][0]["vote"];
        v["rule"] = json!("committee_ordinary");
        v["rule_citation"] = json!(rules::Rule::CommitteeOrdinary.citation());
    });
    sealed("expected_mismatch", themed, &|d| {
        let v = &mut d["items"][0]["vote"];
        v["entitled_expected"] = json!(v["entitled_expected"].as_u64().expect("E") + 1);
        rejudge(v);
    });
    sealed("present_exceeds_check_ins", themed, &|d| {
        let v = &mut d["items"][0]["vote"];
        v["entitled_present"] = json!(v["entitled_present"].as_u64().expect("P") + 1);
        rejudge(v);
    });
    sealed("written_from_present", assembly, &|d| {
        let w = &mut d["items"][0]["vote"]["written_opinions"][0];
        w["member_id"] = json!("m002");
        w["name"] = json!("李秀英");
    });
    sealed("quorum_mismatch", themed, &|d| {
        d["items"][0]["vote"]["quorum_met"] = json!(false);
    });
    sealed("threshold_mismatch", themed, &|d| {
        let v = &mut d["items"][0]["vote"];
        v["yes_needed"] = json!(v["yes_needed"].as_u64().expect("needed") - 1);
    });
    sealed("outcome_contradicts", themed, &|d| {
        d["items"][0]["vote"]["outcome"] = json!("failed");
    });

    // Integrity: these keep the recorded digest on purpose.
    let mut doc = parse(themed);
    doc["integrity"]["algorithm"] = json!("sha512");
    out.push(("unknown_integrity", pretty(&doc)));
    let mut doc = parse(themed);
    doc["title"] = json!("2026年3月主题党日（改）");
    out.push(("digest_mismatch", pretty(&doc)));
    let mut doc = parse(themed);
    doc["agenda"][0]["planned_seconds"] = json!(9_007_199_254_740_993_u64);
    out.push(("not_canonicalizable", pretty(&doc)));

    // Bytes that are not a minutes object at all.
    out.push(("not_an_object", pretty(&json!([parse(themed)]))));
    // Cut off after a line in the middle: valid UTF-8, unfinished JSON.
    let half = themed[..themed.len() / 2]
        .iter()
        .rposition(|b| *b == b'\n')
        .expect("a line break");
    out.push(("syntax", themed[..=half].to_vec()));
    let title = "\"title\": \"2026年3月";
    let at = themed
        .windows(title.len())
        .position(|w| w == title.as_bytes())
        .expect("title")
        + title.len();
    let mut bytes = themed[..at].to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(&themed[at..]);
    out.push(("not_utf8", bytes));
    out
}
