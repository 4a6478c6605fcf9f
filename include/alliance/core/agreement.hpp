// Agreement between parallel forms of one instrument family (client and
// therapist, observer): which responses pair up, each pair's scores side by
// side, and agreement statistics over many pairs (docs/compare.md).
// Plain values in and out; no files, no terminal.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "alliance/core/agreement_methods.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/text/message.hpp"

namespace alliance::core {

// ---- Forms -----------------------------------------------------------------

enum class ItemPairing { by_id, by_position, none };
const char* to_string(ItemPairing pairing);

// How two definitions line up: subscales by id, items by id or position.
struct FormPairing {
  // (index in the first form, index in the second) of each subscale, in the
  // order of the reference definition given to pair_forms.
  std::vector<std::pair<std::size_t, std::size_t>> subscales;
  // Items are paired by id when both forms have the same set of item ids; else
  // by position when they have as many items; else not at all.
  ItemPairing items = ItemPairing::none;
  std::vector<std::pair<std::size_t, std::size_t>> item_pairs;  // (first, second), first's order
};

// Why two definitions cannot be compared, as a catalogue message
// (compare_not_…, to be shown in the user's language); nullopt when they
// can: a different family, different subscale ids, a different scale, or a
// total in only one.
std::optional<text::Message> comparability_message(const Questionnaire& first, const Questionnaire& second);
// The same in English ("" when they can be compared).
std::string comparability_problem(const Questionnaire& first, const Questionnaire& second);

// Subscales in the order of `order` (default: the first form's).
// REQUIRES: comparability_problem(first, second) and (first, *order) empty.
FormPairing pair_forms(const Questionnaire& first, const Questionnaire& second,
                       const Questionnaire* order = nullptr);

// ---- Matching responses ----------------------------------------------------

// What identifies the responses that belong together: the respondent and
// the session number, or, for a response without a session number, its
// date (pair_key() builds it).
struct PairKey {
  std::string respondent;
  std::optional<int> session;
  std::string date{};  // "" when the session number is given (or neither is)
  friend auto operator<=>(const PairKey&, const PairKey&) = default;
};

// The key of a response: the date counts only when there is no session number.
PairKey pair_key(std::string respondent, std::optional<int> session, std::string date);

enum class UnpairedReason { no_partner, duplicate, no_respondent };
const char* to_string(UnpairedReason reason);

struct Unpaired {
  std::size_t form = 0;   // index into the forms given to match_responses
  std::size_t index = 0;  // index of the response within its form
  UnpairedReason reason = UnpairedReason::no_partner;
};

struct Matching {
  // One group per key seen in at least two forms, ordered by key; each holds,
  // per form, the index of its response, or nullopt.
  struct Group {
    PairKey key;
    std::vector<std::optional<std::size_t>> members;
  };
  std::vector<Group> groups;
  // Responses in no group: no other form has their key, a second response of
  // one form with a key already seen (the first is kept), or no respondent id.
  // Ordered by form, then index.
  std::vector<Unpaired> unpaired;
};

// keys[f][i] is the key of response i of form f.
Matching match_responses(const std::vector<std::vector<PairKey>>& keys);

// ---- One pair --------------------------------------------------------------

struct ScaleComparison {
  std::optional<double> first;  // the score when its status is ok
  std::optional<double> second;
  Status first_status = Status::invalid;
  Status second_status = Status::invalid;
  std::optional<double> difference;  // first - second, when both are ok
};

struct ItemDifference {
  std::size_t first_item = 0;  // index in the first form
  std::size_t second_item = 0;
  double first = 0;  // keyed item scores (reverse keying and option scores; no weight)
  double second = 0;
  double difference = 0;  // first - second
};

struct PairComparison {
  // The subscales in the pairing's order, then the total when present.
  std::vector<ScaleComparison> scales;
  // Answered in both, |difference| > 0, largest first (ties: first form's item order).
  std::vector<ItemDifference> items;
};

// The keyed score of one answer: reverse keying and option scores, no weight.
double keyed_item_score(const Questionnaire& questionnaire, std::size_t item, double answer);

// `first_valid` false: the response could not be scored (sheet ignored,
// statuses invalid, no items). At most `max_items` item differences are kept.
PairComparison compare_pair(const Questionnaire& first, const Questionnaire& second,
                            const FormPairing& pairing, const Answers* first_answers,
                            const ScoreSheet& first_sheet, const Answers* second_answers,
                            const ScoreSheet& second_sheet, std::size_t max_items);

// ---- Many pairs ------------------------------------------------------------

// Why a statistic of AgreementStats is missing or to be read with care.
enum class AgreementNote {
  no_variance_first,   // every first-form score (unit) is the same: r undefined (ICC too when both are)
  no_variance_second,  // every second-form score is the same
  two_pairs,     // 2 pairs (pairs method): r is +1 or -1 whatever the scores, the ICC rests on two pairs
  two_dyads,     // 2 dyads (repeated method): the same, of the two dyads' means
  negative_icc,  // some ICC is below 0: the forms agree less than chance pairing would
};

// How the pairs are treated (docs/compare.md, "Repeated sessions").
enum class AgreementMethod {
  pairs,     // each pair an independent unit: at most one pair per dyad, or a single dyad
  repeated,  // several pairs in some dyad, two dyads or more: limits of agreement of
             // Bland & Altman (2007); r, the CCC and the ICCs over each dyad's mean scores
};
const char* to_string(AgreementMethod method);  // "pairs", "repeated"

// Agreement of paired measurements x (first form) and y (second form).
// Every value is unset where it is undefined (too few pairs, no variance).
// "No variance" means every value equal, tested on the values themselves,
// never on a computed variance: the mean of 3.67 (11/3) repeated is not
// exactly 11/3 in floating point, and deviations from it are noise.
// Intervals are 95 % (agreement_methods.hpp says how each is made).
struct AgreementStats {
  AgreementMethod method = AgreementMethod::pairs;
  std::size_t n = 0;                 // pairs
  std::size_t dyads = 0;             // distinct dyads among them (n when no dyads are given)
  std::optional<double> mean_first;  // over every pair; the common value itself when every x is equal
  std::optional<double> mean_second;
  std::optional<double> mean_difference;        // mean of every x - y (n >= 1)
  std::optional<double> mean_difference_lower;  // its interval (n >= 2)
  std::optional<double> mean_difference_upper;
  // The SD the limits use: the sample SD (n - 1 denominator) of the
  // differences, or, repeated, sqrt(sd_between^2 + sd_within^2). 0 when
  // every x - y is equal.
  std::optional<double> sd_difference;
  std::optional<double> sd_between;  // repeated only: between dyads and within them
  std::optional<double> sd_within;
  std::optional<double> loa_lower;  // mean_difference -/+ 1.96 sd_difference
  std::optional<double> loa_upper;
  Estimate loa_lower_interval;  // the value is loa_lower; lower and upper its interval
  Estimate loa_upper_interval;
  // Over the units (the pairs, or repeated, each dyad's mean scores):
  std::optional<double> pearson_r;  // two units or more, neither form constant; within [-1, 1]
  // ICC(2,1): two-way random effects, absolute agreement, single rater
  // (Shrout & Fleiss 1979, ICC(2,1); McGraw & Wong 1996, ICC(A,1)); two units
  // or more and a non-zero denominator, i.e. not every score of both forms
  // equal (and, for two units, not x = (a, b), y = (b, a)). Exactly 0 when
  // one form is constant and the other is not (then MS_R = MS_E); never
  // above 1. The same as icc_forms[icc_2_1].value.
  std::optional<double> icc;
  IccSet icc_forms;                  // the six forms with their intervals (intraclass())
  Estimate ccc;                      // Lin's concordance correlation coefficient (concordance())
  std::vector<AgreementNote> notes;  // in the order of AgreementNote
};

// `dyad[i]`, when given, is the dyad of pair i (labels 0 .. dyads - 1, each
// used): with several pairs in some dyad and two dyads or more, the
// repeated method. REQUIRES: x.size() == y.size() (== dyad.size() when given).
AgreementStats agreement(std::span<const double> x, std::span<const double> y,
                         std::span<const std::size_t> dyad = {});

// ---- Every pair of forms ---------------------------------------------------

// The responses of one form, read and scored, in input order: answers[i] is
// null when response i could not be read (its sheet is then invalid_sheet),
// keys[i] says whose response it is.
struct FormResponses {
  const Questionnaire* questionnaire = nullptr;
  std::vector<const Answers*> answers;
  std::vector<ScoreSheet> sheets;
  std::vector<PairKey> keys;
};

struct ComparedPair {
  PairKey key;
  std::size_t first_record = 0;  // index of the response in the first form
  std::size_t second_record = 0;
  PairComparison comparison;
};

// One pair of forms: differences are first - second.
struct Comparison {
  std::size_t first = 0;  // index into the forms given to compare_forms
  std::size_t second = 0;
  FormPairing pairing;
  std::vector<ComparedPair> pairs;  // in key order
  // Per scale (the reference's subscales, then the total when present):
  // statistics over the pairs where both scores exist, and how many pairs
  // were left out.
  std::vector<AgreementStats> stats;
  std::vector<std::size_t> excluded;
};

struct Comparisons {
  std::vector<Comparison> comparisons;  // every pair of forms: (0, 1), (0, 2), (1, 2)
  std::vector<Unpaired> unpaired;       // as match_responses gives them
};

// Matches the responses of every form (match_responses) and compares every
// pair of forms: each matched pair side by side (compare_pair, at most
// `max_items` item differences) and the agreement over the pairs.
// REQUIRES: the forms comparable with each other and with `reference`
// (comparability_problem empty), whose subscale order the scales follow.
Comparisons compare_forms(const std::vector<FormResponses>& forms, const Questionnaire& reference,
                          std::size_t max_items);

}  // namespace alliance::core
