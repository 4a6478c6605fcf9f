// The statistics behind `alliance compare`'s agreement table, with their 95 %
// confidence intervals (docs/compare.md, "Statistics"): intraclass
// correlations in the six forms of Shrout & Fleiss (1979) with the F-based
// intervals of McGraw & Wong (1996) as psych::ICC gives them, Lin's (1989)
// concordance correlation coefficient with its Fisher-z interval, and
// Bland-Altman limits of agreement for one or several pairs per dyad
// (Bland & Altman 2007, the true value varying) with MOVER intervals
// (Zou 2013). Plain numbers in and out.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>

namespace alliance::core {

// The 0.975 quantile of the standard normal distribution (R: qnorm(0.975)).
inline constexpr double kNormalQuantile975 = 1.959963984540054;

// Quantiles of the chi-square distribution with `df` degrees of freedom and
// of Student's t (exact to about 1e-13; NaN outside 0 < p < 1 or df <= 0).
double chi_square_quantile(double p, double df);
double t_quantile(double p, double df);

// A value and its 95 % confidence interval; each unset where undefined.
struct Estimate {
  std::optional<double> value;
  std::optional<double> lower;
  std::optional<double> upper;
};

// Shrout & Fleiss's forms, in psych::ICC's order: single rater (one-way
// random, two-way random absolute agreement, two-way mixed consistency),
// then the same for the average of the k raters.
enum class IccForm : unsigned char { icc_1_1, icc_2_1, icc_3_1, icc_1_k, icc_2_k, icc_3_k };
inline constexpr std::size_t kIccForms = 6;
// "icc_1_1", "icc_2_1", "icc_3_1", "icc_1_k", "icc_2_k", "icc_3_k".
const char* to_string(IccForm form);
// "ICC(1,1)" ... "ICC(3,k)": the names of the literature.
const char* display_name(IccForm form);

using IccSet = std::array<Estimate, kIccForms>;

// The six ICCs of n targets rated by two raters (x and y), with 95 %
// intervals. From the two-way ANOVA (MSR rows, MSC raters, MSE residual,
// MSW = within targets); an ICC is unset when its denominator is not
// positive (n < 2, no variance at all), a bound when it is not finite. When
// one rater is constant (tested on the values), MSR = MSE exactly, so
// ICC(2,·) and ICC(3,·) are 0, not rounding noise. Values are at most 1.
// One departure from psych: an ICC(2,k) bound whose ICC(2,1) bound is at or
// below -1 / (k - 1) is unset (the Spearman-Brown step is not monotone there;
// psych prints a "bound" above the value).
// REQUIRES: x.size() == y.size().
IccSet intraclass(std::span<const double> x, std::span<const double> y);

// Lin's concordance correlation coefficient
//   rho_c = 2 s_xy / (s_x^2 + s_y^2 + (mean x - mean y)^2)
// (moments with denominator n) and its 95 % interval from Fisher's z with
// Lin's (1989) standard error. The value needs n >= 2 and a positive
// denominator; the interval n >= 3, r defined and non-zero, |rho_c| < 1.
Estimate concordance(std::span<const double> x, std::span<const double> y);

// Bland-Altman limits of agreement of differences d, where group[i] says
// which dyad d[i] belongs to (labels 0 .. groups - 1). With every group of
// one difference, the classical limits (1986): mean +/- 1.96 SD. With
// several differences in some group (and at least two groups), Bland &
// Altman (2007), true value varying: the SD is sqrt(s_b^2 + s_w^2) from a
// one-way ANOVA of the differences on the dyads (s_b^2 set to 0 when
// negative). Intervals: the mean's with Student's t on groups - 1 degrees
// of freedom; each limit's by MOVER (Zou 2013) from the mean's interval and
// the chi-square intervals of the mean squares. docs/compare.md has every
// formula.
struct LimitsOfAgreement {
  std::size_t n = 0;
  std::size_t groups = 0;
  bool repeated = false;             // some group has several differences (and groups >= 2)
  Estimate mean;                     // mean of every difference
  std::optional<double> sd;          // the SD the limits use (n >= 2)
  std::optional<double> sd_between;  // repeated only: s_b and s_w
  std::optional<double> sd_within;
  Estimate lower;  // mean - 1.96 sd
  Estimate upper;  // mean + 1.96 sd
};

// `exact_mean`, when given, replaces the computed mean (the exact value for
// constant differences, see agreement()); when every difference is equal the
// SDs are exactly 0. REQUIRES: d.size() == group.size(), and the labels are
// 0 .. groups - 1, each used.
LimitsOfAgreement limits_of_agreement(std::span<const double> d, std::span<const std::size_t> group,
                                      std::optional<double> exact_mean = std::nullopt);

}  // namespace alliance::core
