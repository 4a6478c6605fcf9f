// Alliance over sessions: per respondent, each scale's score per session, the
// change from the previous and the first session, the reliable change index
// (Jacobson & Truax, 1991) and the flags documented in docs/trend.md. Pure
// functions of scored sessions; no I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::core {

// Scales are indexed 0..n-1 for the subscales in definition order and n for
// the total, in every vector below.

enum class TrendFlag : unsigned {
  below_band = 1u << 0,     // the score falls in a band marked "concern"
  reliable_drop = 1u << 1,  // RC < -z, from the session(s) TrendSettings::reliable_from names
  rupture = 1u << 2,        // a drop of at least k SD from the previous session or the baseline
  repair = 1u << 3,         // back to the pre-drop level within K sessions of a rupture
  ceiling = 1u << 4,        // every answer of the scale at the top of the scale
  low_item = 1u << 5,       // an answer at or below the low-item value, the total not in a concern band
};

// Every flag, in the order outputs list them.
const std::vector<TrendFlag>& all_trend_flags();
// "below-band", "reliable-drop", "rupture", "repair", "ceiling", "low-item".
const char* to_string(TrendFlag flag);
std::optional<TrendFlag> parse_trend_flag(std::string_view name);

// Which change the reliable-drop flag tests: one test per session by default
// (docs/trend.md: each extra test adds false alarms).
enum class ReliableFrom { previous, first, both };
const char* to_string(ReliableFrom from);  // "previous", "first", "both"

struct TrendSettings {
  std::vector<std::optional<double>> reference_sd;  // per scale; none = no reference SD
  std::vector<std::optional<double>> retest_r;      // per scale; none = no test-retest r
  double rupture_sds = 1;                           // 1 lenient, 2 strict
  int baseline = 3;                                 // earlier sessions in the rolling baseline
  int repair_within = 3;                            // sessions after a rupture
  double reliable_z = 1.96;
  ReliableFrom reliable_from = ReliableFrom::previous;
  std::optional<double> low_item;  // keyed answer at or below it; none = the scale's minimum
};

// Settings whose reference SD and r come from each scale's first norm.
TrendSettings settings_from_norms(const Questionnaire& questionnaire);

// One scored response of a respondent.
struct SessionScores {
  std::optional<int> session;
  std::string date;  // ISO 8601, compared as text; "" = none
  ScoreSheet sheet;
  Answers answers;
};

struct ScalePoint {
  std::optional<double> score;
  std::optional<double> change_previous;  // from the previous session with a score
  std::optional<double> change_first;     // from the first session with a score
  std::optional<double> rc_previous;      // reliable change index from the previous session
  std::optional<double> rc_first;
  std::optional<double> baseline;      // mean of the rolling baseline, when long enough
  std::optional<double> rupture_sd;    // the SD a drop is measured in, when there is one
  bool own_sd = false;                 // rupture_sd is the respondent's own spread, not the reference SD
  std::optional<double> repair_level;  // the rupture's pre-drop level (rupture sessions)
  unsigned flags = 0;
  std::vector<std::size_t> low_items;  // the items behind low_item: empty exactly when it is not raised

  bool has(TrendFlag flag) const { return (flags & static_cast<unsigned>(flag)) != 0; }
};

struct TrendPoint {
  std::size_t input = 0;  // index into the sessions given
  bool tied = false;      // same session number (or date) as the point before
  std::vector<ScalePoint> scales;
};

// The order of one respondent's sessions: by session number when every
// session has one, else by date when every session has one, else as given;
// ties keep the order given. Returns indices into `sessions`.
std::vector<std::size_t> session_order(const std::vector<SessionScores>& sessions);

// The trend of one respondent's sessions, in session_order.
std::vector<TrendPoint> analyse_trend(const Questionnaire& questionnaire,
                                      const std::vector<SessionScores>& sessions,
                                      const TrendSettings& settings);

// The smallest change of a scale's score: one answer moved by one step of the
// answer scale (its precision), on the scale's metric — a step itself for a
// sum, a step over the number of items (weighted) for a mean. scale: 0..n-1
// the subscales, n the total.
double score_step(const Questionnaire& questionnaire, std::size_t scale);

// Why a reference SD cannot be right for a scale's metric: smaller than one
// step of the score (every one-step wobble would be a rupture), or larger
// than half the scale's range (no scores within the range spread that much:
// the largest possible SD is half the range). None when plausible.
enum class SdProblem { below_step, above_half_range };
std::optional<SdProblem> implausible_sd(const Questionnaire& questionnaire, std::size_t scale, double sd);

// Jacobson & Truax (1991): RC = (x2 - x1) / (SD * sqrt(2) * sqrt(1 - r)).
// REQUIRES: sd > 0, r < 1 (analyse_trend gives no RC otherwise).
double reliable_change(double x1, double x2, double sd, double r);

}  // namespace alliance::core
