//! The `check` command against the default rule pack, one crafted case per
//! folder under `tests/check/`: for every rule type, articles that must be
//! reported and near misses that must not.
//!
//! Each test asserts the whole output of `claimlint check --format json` on
//! its folder (rule, severity and the exact text of every location, in
//! order) and the exit code. A near miss also asserts that the claims it
//! depends on are extracted, so it cannot pass just because nothing was read.

mod common;

use common::{claimlint, root};

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The output of `claimlint check` on one case folder.
struct Report {
    case: String,
    code: Option<i32>,
    doc: Value,
    stderr: String,
}

impl Report {
    fn findings(&self) -> &[Value] {
        self.doc["findings"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_else(|| panic!("{}: no findings array:\n{}", self.case, self.pretty()))
    }

    fn pretty(&self) -> String {
        serde_json::to_string_pretty(&self.doc).unwrap_or_default()
    }

    /// The one finding of `rule`, after checking that the report holds exactly it.
    fn single(&self, rule: &str) -> &Value {
        let findings = self.findings();
        assert_eq!(
            findings.len(),
            1,
            "{}: expected one {rule} finding:\n{}",
            self.case,
            self.pretty()
        );
        &findings[0]
    }
}

/// One expected finding: rule, severity, and (file name, located text) of
/// every location, in the order the report gives them.
struct Expect<'a> {
    rule: &'a str,
    severity: &'a str,
    locations: &'a [(&'a str, &'a str)],
}

/// A finding reduced to what the tests compare: rule, severity and the
/// (file name, text) of each location.
#[derive(Debug, PartialEq)]
struct Summary {
    rule: String,
    severity: String,
    locations: Vec<(String, String)>,
}

fn case_path(case: &str) -> String {
    format!("tests/check/{case}")
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// Runs `claimlint check --format json` on `tests/check/<case>`.
fn check(case: &str) -> Report {
    let out = claimlint(&["check", "--format", "json", &case_path(case)], root());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|err| {
        panic!(
            "{case}: output is not JSON ({err}):\n{}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let report = Report {
        case: case.to_string(),
        code: out.status.code(),
        doc,
        stderr,
    };
    assert!(
        report.stderr.is_empty(),
        "{case}: unexpected errors:\n{}",
        report.stderr
    );
    for finding in report.findings() {
        for location in finding["locations"].as_array().unwrap() {
            let file = location["file"].as_str().unwrap();
            let raw = std::fs::read_to_string(root().join(file)).unwrap();
            let (start, end) = (
                location["start"].as_u64().unwrap() as usize,
                location["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                raw.get(start..end),
                location["text"].as_str(),
                "{case}: a location's text is not the file's text at its span:\n{}",
                report.pretty()
            );
        }
    }
    report
}

/// Asserts that the report holds exactly `expected`, in order, and that
/// the exit code follows from their severities.
fn assert_findings(report: &Report, expected: &[Expect]) {
    let actual: Vec<Summary> = report
        .findings()
        .iter()
        .map(|f| {
            let locations = f["locations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    (
                        file_name(l["file"].as_str().unwrap()).to_string(),
                        l["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            Summary {
                rule: f["rule"].as_str().unwrap().to_string(),
                severity: f["severity"].as_str().unwrap().to_string(),
                locations,
            }
        })
        .collect();
    let wanted: Vec<Summary> = expected
        .iter()
        .map(|e| Summary {
            rule: e.rule.to_string(),
            severity: e.severity.to_string(),
            locations: e
                .locations
                .iter()
                .map(|(file, text)| (file.to_string(), text.to_string()))
                .collect(),
        })
        .collect();
    assert_eq!(
        actual,
        wanted,
        "{}: findings differ; the report was:\n{}",
        report.case,
        report.pretty()
    );
    let failing = expected
        .iter()
        .any(|e| e.severity == "warning" || e.severity == "error");
    assert_eq!(
        report.code,
        Some(if failing { 1 } else { 0 }),
        "{}: wrong exit code; the report was:\n{}",
        report.case,
        report.pretty()
    );
}

fn assert_clean(report: &Report) {
    assert_findings(report, &[]);
}

/// The claims `claimlint claims` extracts from `tests/check/<case>`.
fn claims(case: &str) -> Vec<Value> {
    let out = claimlint(&["claims", "--format", "json", &case_path(case)], root());
    assert!(
        out.status.success(),
        "{case}: claims failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["claims"].as_array().unwrap().clone()
}

/// The claim of `kind` written exactly as `text` in `file`; there must be one.
fn claim<'a>(claims: &'a [Value], file: &str, kind: &str, text: &str) -> &'a Value {
    let found: Vec<&Value> = claims
        .iter()
        .filter(|c| {
            file_name(c["file"].as_str().unwrap()) == file && c["kind"] == kind && c["text"] == text
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {kind} claim {text:?} in {file}; the claims were:\n{}",
        serde_json::to_string_pretty(claims).unwrap_or_default()
    );
    found[0]
}

/// Asserts that a near miss really is one: the claims it depends on are
/// extracted, each as many times as listed.
fn assert_extracted(case: &str, kind: &str, expected: &[(&str, &str)]) {
    let claims = claims(case);
    for &(file, text) in expected {
        let wanted = expected.iter().filter(|&&e| e == (file, text)).count();
        let found = claims
            .iter()
            .filter(|c| {
                file_name(c["file"].as_str().unwrap()) == file
                    && c["kind"] == kind
                    && c["text"] == text
            })
            .count();
        assert_eq!(
            found,
            wanted,
            "{case}: expected {wanted} {kind} claim(s) {text:?} in {file}; the claims were:\n{}",
            serde_json::to_string_pretty(&claims).unwrap_or_default()
        );
    }
}

fn message(finding: &Value) -> &str {
    finding["message"].as_str().unwrap()
}

fn labels(finding: &Value) -> Vec<&str> {
    finding["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["label"].as_str().unwrap())
        .collect()
}

// ---------------------------------------------------------------------------
// Figure agreement: positives
// ---------------------------------------------------------------------------

#[test]
fn coalition_of_57_disagrees_with_about_50_in_one_article() {
    let report = check("figure-coalition-hedge");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/coalition-size",
            severity: "warning",
            locations: &[
                ("ramstein.md", "57 countries"),
                ("ramstein.md", "about 50 countries"),
            ],
        }],
    );
    // Compared within the article: the labels carry no source.
    let finding = report.single("ukraine/coalition-size");
    assert!(
        !message(finding).contains("between sources"),
        "{}",
        report.pretty()
    );
    assert_eq!(
        labels(finding),
        ["57 countries", "about 50 countries"],
        "{}",
        report.pretty()
    );
}

#[test]
fn congress_aid_of_61_and_66_billion_disagree_between_sources() {
    let report = check("figure-aid-across-sources");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/aid-total",
            severity: "warning",
            locations: &[("ledger.md", "$66 billion"), ("wire.md", "$61 billion")],
        }],
    );
    let finding = report.single("ukraine/aid-total");
    assert!(
        message(finding).contains("between sources"),
        "{}",
        report.pretty()
    );
    assert_eq!(
        labels(finding),
        [
            "$66 billion (Morning Ledger, 2024-05-20)",
            "$61 billion (Capital Wire, 2024-05-03)"
        ],
        "{}",
        report.pretty()
    );
}

#[test]
fn two_outlets_on_one_story_give_a_plant_two_costs() {
    let report = check("figure-story-sources-differ");
    assert_findings(
        &report,
        &[Expect {
            rule: "figures/sources-differ",
            severity: "warning",
            locations: &[
                ("river_post.md", "$350 million"),
                ("valley_times.md", "$310 million"),
            ],
        }],
    );
    assert_eq!(
        labels(report.single("figures/sources-differ")),
        [
            "$350 million (River Post, 2026-03-04)",
            "$310 million (Valley Times, 2026-03-04)"
        ],
        "{}",
        report.pretty()
    );
}

#[test]
fn a_count_taken_up_again_with_another_value_is_reported() {
    // "up from 17 seats in 2022" dates the 17, not the 23; repairs "until
    // the end of next year" do not date the bridges.
    let report = check("figure-count-restated");
    assert_findings(
        &report,
        &[
            Expect {
                rule: "figures/count-restated",
                severity: "warning",
                locations: &[
                    ("county_vote.md", "23 seats"),
                    ("county_vote.md", "32 seats"),
                ],
            },
            Expect {
                rule: "figures/count-restated",
                severity: "warning",
                locations: &[
                    ("county_vote.md", "140 rural bridges"),
                    ("county_vote.md", "104 damaged bridges"),
                ],
            },
        ],
    );
}

#[test]
fn counts_of_one_noun_that_are_other_things_are_left_alone() {
    let case = "figure-count-restated-other-things";
    assert_extracted(
        case,
        "count",
        &[
            ("county_vote.md", "23 seats"),
            ("county_vote.md", "19 seats"),
            ("county_vote.md", "19 seats"),
            ("county_vote.md", "42 seats"),
            ("county_vote.md", "two parties"),
            ("county_vote.md", "three parties"),
            ("county_vote.md", "About 4,800 voters"),
            ("county_vote.md", "roughly 6,200 voters"),
            ("county_vote.md", "140 rural bridges"),
            ("county_vote.md", "30 bridges"),
            // "In 2022" dates both figures after it; a place after the noun
            // picks out a part; "new" homes are other homes.
            ("flood_recovery.md", "12,000 pupils"),
            ("flood_recovery.md", "13,000 pupils"),
            ("flood_recovery.md", "312 schools"),
            ("flood_recovery.md", "200 schools"),
            ("flood_recovery.md", "350 homes"),
            ("flood_recovery.md", "300 new homes"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn plants_of_two_towns_on_one_day_are_two_stories() {
    let case = "figure-story-other-stories";
    assert_extracted(
        case,
        "money",
        &[
            ("valley_times.md", "$310 million"),
            ("harbour_gazette.md", "$280 million"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn figures_with_two_digits_swapped_are_reported() {
    // Between two outlets whatever the subjects ("cash" / "cash offer"), and
    // within an article when the later figure takes up the earlier.
    let report = check("figure-digits-swapped");
    assert_findings(
        &report,
        &[
            Expect {
                rule: "figures/digits-swapped",
                severity: "warning",
                locations: &[
                    ("coast_wire.md", "$2.63 billion"),
                    ("harbour_ledger.md", "$2.36 billion"),
                ],
            },
            Expect {
                rule: "figures/digits-swapped",
                severity: "warning",
                locations: &[
                    ("harbour_ledger.md", "14.7 metres"),
                    ("harbour_ledger.md", "17.4-metre"),
                ],
            },
        ],
    );
}

#[test]
fn swapped_digits_that_are_other_figures_are_left_alone() {
    // Two amounts an article states afresh, and the same in a follow-up on
    // the story; a change in one sentence; a hedge that allows the other;
    // an analysts' estimate; two digits only; crowds with no counted noun;
    // two sources' amounts whose paragraphs share no telling word; two
    // candidates' votes.
    let case = "figure-digits-swapped-apart";
    assert_extracted(
        case,
        "money",
        &[
            ("city_budget.md", "$146 million"),
            ("city_budget.md", "$416 million"),
            ("courier_follow_up.md", "$146 million"),
            ("city_budget.md", "$2.71 billion"),
            ("city_budget.md", "$2.17 billion"),
            ("city_budget.md", "$138 million"),
            ("courier_follow_up.md", "$183 million"),
        ],
    );
    assert_extracted(
        case,
        "count",
        &[
            ("city_budget.md", "1,240"),
            ("city_budget.md", "1,420 riders a day"),
            ("courier_follow_up.md", "More than 1,240 riders a day"),
            ("city_budget.md", "36 laptops"),
            ("city_budget.md", "12,400"),
            ("city_budget.md", "14,200"),
            ("city_budget.md", "12,453 votes"),
            ("courier_follow_up.md", "12,543 votes"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn seats_of_two_parties_in_one_election_are_two_figures() {
    let case = "figure-story-other-parties";
    assert_extracted(
        case,
        "count",
        &[
            ("northern_standard.md", "57 seats"),
            ("press_agency.md", "41 seats"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn troop_ratios_of_3_and_7_to_1_disagree_in_one_article() {
    let report = check("figure-troop-ratio");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/troop-ratio",
            severity: "warning",
            locations: &[("front.md", "3 to 1"), ("front.md", "7-to-1")],
        }],
    );
}

// ---------------------------------------------------------------------------
// Figure agreement: near misses
// ---------------------------------------------------------------------------

#[test]
fn countries_at_the_olympics_are_not_the_coalition() {
    let case = "figure-olympics-vs-coalition";
    assert_extracted(
        case,
        "count",
        &[
            ("games.md", "57 countries"),
            ("games.md", "about 50 countries"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn a_share_of_grain_exports_is_not_a_share_of_territory() {
    let case = "figure-territory-vs-grain";
    assert_extracted(
        case,
        "percent",
        &[
            ("harvest.md", "about 18 percent"),
            ("harvest.md", "40 percent"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn more_than_400_million_agrees_with_450_million() {
    let case = "figure-consistent-hedges";
    assert_extracted(
        case,
        "money",
        &[
            ("brief.md", "more than $400 million"),
            ("brief.md", "$450 million"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn shares_of_one_population_are_different_figures() {
    let case = "figure-shares-of-one-population";
    assert_extracted(
        case,
        "percent",
        &[("survey.md", "4.2%"), ("survey.md", "Nearly 93 percent")],
    );
    assert_clean(&check(case));
}

#[test]
fn the_same_figure_stated_twice_agrees() {
    let case = "figure-repeated";
    assert_extracted(
        case,
        "money",
        &[("patrol.md", "$60 million"), ("patrol.md", "$60 million")],
    );
    assert_clean(&check(case));
}

#[test]
fn packages_of_different_donors_are_not_compared() {
    let case = "figure-different-actors";
    assert_extracted(
        case,
        "money",
        &[
            ("summit.md", "$61 billion"),
            ("summit.md", "$54 billion"),
            ("summit.md", "$725 million"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn the_same_donor_in_different_months_is_not_compared() {
    let case = "figure-different-months";
    assert_extracted(
        case,
        "money",
        &[("march.md", "$300 million"), ("june.md", "$95 billion")],
    );
    assert_clean(&check(case));
}

#[test]
fn a_total_and_its_part_in_one_sentence_are_not_compared() {
    let case = "figure-including-one-sentence";
    assert_extracted(
        case,
        "money",
        &[
            ("sentence.md", "$2.5 billion"),
            ("sentence.md", "more than $400 million"),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn a_part_introduced_by_including_is_not_a_rival_total() {
    // The total is repeated in a second sentence, so only the "including"
    // cue keeps $1.5 billion out of the group.
    let case = "figure-including-part";
    assert_extracted(
        case,
        "money",
        &[
            ("berlin.md", "$8 billion"),
            ("berlin.md", "$1.5 billion"),
            ("berlin.md", "$8 billion"),
        ],
    );
    assert_clean(&check(case));
}

// ---------------------------------------------------------------------------
// Reference facts
// ---------------------------------------------------------------------------

#[test]
fn natos_31_members_in_may_2024_is_reported() {
    // "NATO's 31 members", the way articles usually put it. The count must
    // be extracted first; the rule then has to report it.
    let case = "fact-nato-possessive-stale";
    assert_extracted(case, "count", &[("vilnius.md", "31 members")]);
    let report = check(case);
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/nato-members",
            severity: "warning",
            locations: &[("vilnius.md", "31 members")],
        }],
    );
}

#[test]
fn thirty_one_nato_members_in_may_2024_is_reported() {
    let report = check("fact-nato-stale-count");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/nato-members",
            severity: "warning",
            locations: &[("vilnius.md", "31 NATO members")],
        }],
    );
    let finding = report.single("ukraine/nato-members");
    assert!(
        message(finding).contains("32"),
        "the message gives the right count:\n{}",
        report.pretty()
    );
}

#[test]
fn thirty_two_nato_members_in_may_2024_is_right() {
    let case = "fact-nato-current-count";
    assert_extracted(case, "count", &[("brussels.md", "32 NATO members")]);
    assert_clean(&check(case));
}

#[test]
fn thirty_nato_members_in_january_2023_is_right() {
    let case = "fact-nato-count-before-finland";
    assert_extracted(case, "count", &[("helsinki.md", "30 members")]);
    assert_clean(&check(case));
}

#[test]
fn an_invasion_on_feb_22_2022_is_reported() {
    let report = check("fact-war-start-wrong-day");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/war-start",
            severity: "warning",
            locations: &[("anniversary.md", "on Feb. 22, 2022")],
        }],
    );
}

#[test]
fn an_invasion_on_feb_24_2022_is_right() {
    let case = "fact-war-start-right-day";
    let claims = claims(case);
    let date = claim(&claims, "anniversary.md", "date", "on Feb. 24, 2022");
    assert_eq!(date["value"], "2022-02-24");
    assert_clean(&check(case));
}

#[test]
fn an_invasion_in_february_2022_agrees_at_month_precision() {
    let case = "fact-war-start-month-only";
    let claims = claims(case);
    let date = claim(&claims, "refugees.md", "date", "in February 2022");
    assert_eq!(date["value"], "2022-02");
    assert_clean(&check(case));
}

#[test]
fn a_two_year_old_war_in_june_2025_is_reported() {
    let report = check("fact-war-age-stale");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/war-age",
            severity: "warning",
            locations: &[("analysis.md", "two-year-old")],
        }],
    );
}

#[test]
fn a_26_month_old_war_in_june_2024_is_right() {
    let case = "fact-war-age-right";
    let claims = claims(case);
    let age = claim(&claims, "analysis.md", "duration", "26-month-old");
    assert_eq!(age["unit"], "month");
    assert_clean(&check(case));
}

#[test]
fn two_months_after_the_start_of_the_war_is_no_age() {
    let case = "fact-war-age-offset";
    let claims = claims(case);
    let offset = claim(&claims, "memoir.md", "duration", "two months");
    assert_eq!(offset["unit"], "month");
    assert_clean(&check(case));
}

// ---------------------------------------------------------------------------
// Quote fidelity
// ---------------------------------------------------------------------------

#[test]
fn a_quotation_with_one_word_changed_has_drifted() {
    let report = check("quote-drift");
    assert_findings(
        &report,
        &[Expect {
            rule: "quotes/drift",
            severity: "warning",
            locations: &[
                (
                    "daily.md",
                    "\"We will not lower interest rates until inflation is back at target,\"",
                ),
                (
                    "herald.md",
                    "\"We will not cut interest rates until inflation is back at target,\"",
                ),
            ],
        }],
    );
    let finding = report.single("quotes/drift");
    assert_eq!(
        labels(finding),
        [
            "worded this way (Market Daily, 2024-11-08)",
            "worded this way (Finance Herald, 2024-11-07)"
        ],
        "{}",
        report.pretty()
    );
}

#[test]
fn an_identical_quotation_has_not_drifted() {
    let case = "quote-identical";
    let text = "\"We will not cut interest rates until inflation is back at target,\"";
    assert_extracted(case, "quote", &[("herald.md", text), ("daily.md", text)]);
    assert_clean(&check(case));
}

#[test]
fn a_partial_quotation_is_not_drift() {
    let case = "quote-partial";
    assert_extracted(
        case,
        "quote",
        &[
            (
                "sport.md",
                "\"The club will not sell its best players just to balance the books this summer,\"",
            ),
            ("city.md", "\"sell its best players just to balance the books,\""),
        ],
    );
    assert_clean(&check(case));
}

#[test]
fn one_quotation_from_two_named_speakers_is_misattributed() {
    let report = check("quote-speaker");
    let text =
        "\"Waiting lists will be shorter by the end of next year, and patients will notice,\"";
    assert_findings(
        &report,
        &[Expect {
            rule: "quotes/speaker",
            severity: "error",
            locations: &[
                ("clinic.md", text),
                ("clinic.md", "Anna Kowalczyk"),
                ("county.md", text),
                ("county.md", "Thomas Reilly"),
            ],
        }],
    );
    let finding = report.single("quotes/speaker");
    assert!(
        message(finding).contains("Anna Kowalczyk") && message(finding).contains("Thomas Reilly"),
        "{}",
        report.pretty()
    );
    assert_eq!(
        labels(finding),
        [
            "attributed to Anna Kowalczyk (Health Watch, 2024-04-18)",
            "Anna Kowalczyk",
            "attributed to Thomas Reilly (County Post, 2024-04-19)",
            "Thomas Reilly"
        ],
        "{}",
        report.pretty()
    );
}

#[test]
fn a_surname_and_the_full_name_are_one_speaker() {
    let case = "quote-surname";
    let claims = claims(case);
    let text = "\"Every week of delay costs Ukrainian lives on the front line,\"";
    assert_eq!(
        claim(&claims, "wire.md", "quote", text)["speaker"],
        "Jake Sullivan"
    );
    assert_eq!(
        claim(&claims, "ledger.md", "quote", text)["speaker"],
        "Sullivan"
    );
    assert_clean(&check(case));
}

#[test]
fn a_speaker_whose_surname_is_respelt_is_one_speaker_spelled_two_ways() {
    // Not a misattribution: the name check reports the spelling.
    assert_findings(
        &check("quote-respelt-speaker"),
        &[Expect {
            rule: "names/spelling",
            severity: "info",
            locations: &[("courier.md", "Rahell"), ("harbour.md", "Rahel")],
        }],
    );
}

#[test]
fn a_speaker_keeps_the_quotation_across_an_appositive() {
    let case = "quote-appositive";
    let claims = claims(case);
    let staff = "\"Our staff work nights and weekends to keep the wards open,\"";
    for file in ["hospital.md", "county.md"] {
        assert_eq!(
            claim(&claims, file, "quote", staff)["speaker"],
            "Marisol Cardenas",
            "{file}"
        );
    }
    assert_eq!(
        claim(
            &claims,
            "hospital.md",
            "quote",
            "\"Nobody on the wards has had a pay rise in three years,\""
        )["speaker"],
        "Jerome Esposito"
    );
    assert_eq!(
        claim(
            &claims,
            "county.md",
            "quote",
            "\"We listened to the fans and we changed the team for the better.\""
        )["speaker"],
        "Sebastian Cardenas"
    );
    assert_clean(&check(case));
}

#[test]
fn an_unnamed_speaker_is_no_conflict() {
    let case = "quote-unnamed";
    let claims = claims(case);
    let text = "\"Nobody expects a breakthrough, but the door to talks has to stay open,\"";
    assert_eq!(
        claim(&claims, "wire.md", "quote", text)["speaker"],
        "a US official"
    );
    assert_eq!(
        claim(&claims, "ledger.md", "quote", text)["speaker"],
        "Antony Blinken"
    );
    assert_clean(&check(case));
}

// ---------------------------------------------------------------------------
// Name consistency
// ---------------------------------------------------------------------------

#[test]
fn anthony_and_antony_blinken_in_one_article() {
    let report = check("names-one-article");
    assert_findings(
        &report,
        &[Expect {
            rule: "names/spelling",
            severity: "warning",
            locations: &[("visit.md", "Anthony"), ("visit.md", "Antony")],
        }],
    );
    let finding = report.single("names/spelling");
    assert_eq!(
        labels(finding),
        ["Anthony", "Antony"],
        "within one article the labels carry no source:\n{}",
        report.pretty()
    );
}

#[test]
fn austin_and_austen_across_articles_is_info() {
    let report = check("names-across-articles");
    assert_findings(
        &report,
        &[Expect {
            rule: "names/spelling",
            severity: "info",
            locations: &[("ledger.md", "Austen"), ("wire.md", "Austin")],
        }],
    );
    let finding = report.single("names/spelling");
    assert_eq!(
        labels(finding),
        [
            "Austen (Morning Ledger, 2024-04-23)",
            "Austin (Capital Wire, 2024-04-22)"
        ],
        "{}",
        report.pretty()
    );
}

#[test]
fn names_differing_in_the_last_letter_are_variants() {
    assert_findings(
        &check("names-final-letter"),
        &[
            Expect {
                rule: "names/spelling",
                severity: "warning",
                locations: &[("hospital.md", "Grimaldi"), ("hospital.md", "Grimalde")],
            },
            Expect {
                rule: "names/spelling",
                severity: "warning",
                locations: &[("hospital.md", "Jablonske"), ("hospital.md", "Jablonski")],
            },
        ],
    );
}

#[test]
fn two_people_sharing_a_surname_are_not_variants() {
    assert_clean(&check("names-shared-surname"));
}

#[test]
fn demonyms_and_plurals_are_not_variants() {
    assert_clean(&check("names-inflections"));
}

#[test]
fn austria_and_australia_are_allowed() {
    assert_clean(&check("names-allowed-pair"));
}

// ---------------------------------------------------------------------------
// House style
// ---------------------------------------------------------------------------

#[test]
fn kiev_in_narration_should_be_kyiv() {
    let report = check("style-kiev-narration");
    assert_findings(
        &report,
        &[Expect {
            rule: "ukraine/style-kyiv",
            severity: "warning",
            locations: &[("visit.md", "Kiev")],
        }],
    );
    let finding = report.single("ukraine/style-kyiv");
    assert!(
        message(finding).contains("Kyiv") && labels(finding)[0].contains("Kyiv"),
        "{}",
        report.pretty()
    );
}

#[test]
fn kiev_inside_a_quotation_is_left_as_spoken() {
    let case = "style-kiev-in-quote";
    let claims = claims(case);
    let quote = claim(
        &claims,
        "memoir.md",
        "quote",
        "\"We heard about the reactor from a neighbour, and by evening all of Kiev was whispering about it,\"",
    );
    assert_eq!(quote["speaker"], "the author");
    assert_clean(&check(case));
}

#[test]
fn chicken_kiev_is_a_fixed_phrase() {
    assert_clean(&check("style-chicken-kiev"));
}

/// Every rule of the default pack has a description and an example, and
/// the example, run as an article (or as two, for lines marked `A:` and
/// `B:`), is reported by that rule. `...` separates paragraphs and
/// `(published YYYY-MM-DD)` sets the publication date.
#[test]
fn every_default_rule_flags_its_own_example() {
    let bin = env!("CARGO_BIN_EXE_claimlint");
    let listing = Command::new(bin).arg("rules").output().unwrap();
    let ids: Vec<String> = String::from_utf8_lossy(&listing.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(ids.len() >= 10, "{ids:?}");
    for id in ids {
        let explained = Command::new(bin).args(["explain", &id]).output().unwrap();
        let text = String::from_utf8_lossy(&explained.stdout).into_owned();
        let example: Vec<&str> = text
            .split("\nExample:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{id} has no example:\n{text}"))
            .split("\nWhat to verify:")
            .next()
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let mut articles: Vec<(String, Vec<String>)> = Vec::new();
        for line in example {
            let (name, body) = match line.split_once(": ") {
                Some((tag @ ("A" | "B"), rest)) => (tag.to_string(), rest),
                _ => ("A".to_string(), line),
            };
            match articles.iter_mut().find(|(n, _)| *n == name) {
                Some((_, lines)) => lines.push(body.to_string()),
                None => articles.push((name, vec![body.to_string()])),
            }
        }
        for (name, lines) in &articles {
            let mut body = lines.join(" ");
            let mut date = "2024-05-14".to_string();
            if let Some(rest) = body.strip_prefix("(published ") {
                date = rest[..10].to_string();
                body = rest[11..].to_string();
            }
            let body = body.replace("...", "\n\n");
            let article = format!("---\nsource: Example {name}\ndate: {date}\n---\n{body}\n");
            std::fs::write(dir.path().join(format!("{name}.md")), article).unwrap();
        }
        let out = Command::new(bin)
            .args(["check", "--format", "json", "--fail-on", "never"])
            .arg(dir.path())
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str())
            .collect();
        assert!(
            rules.contains(&id.as_str()),
            "{id}: its example is not reported; findings: {rules:?}"
        );
    }
}
