#include "alliance/core/agreement_methods.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "alliance/core/stats.hpp"

namespace alliance::core {

namespace {

constexpr double kAgreementNaN = std::numeric_limits<double>::quiet_NaN();
// The multiplier of the limits of agreement: Bland & Altman's 1.96.
constexpr double kLimitsZ = 1.96;

// The regularised lower incomplete gamma function P(a, x): its series below
// a + 1, else 1 - Q(a, x) from Q's continued fraction (modified Lentz).
double lower_gamma_ratio(double a, double x) {
  if (x <= 0) return 0;
  const double front = std::exp(-x + a * std::log(x) - std::lgamma(a));
  if (x < a + 1) {
    double term = 1 / a;
    double sum = term;
    for (int n = 1; n < 100000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (std::fabs(term) < std::fabs(sum) * 1e-17) break;
    }
    return sum * front;
  }
  constexpr double tiny = 1e-300;
  double b = x + 1 - a;
  double c = 1 / tiny;
  double d = 1 / b;
  double h = d;
  for (int i = 1; i < 100000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < 1e-17) break;
  }
  return 1 - front * h;
}

bool agreement_all_equal(std::span<const double> v) {
  return std::adjacent_find(v.begin(), v.end(), std::not_equal_to<>()) == v.end();
}

// The mean, or the common value itself when every value is equal.
double method_exact_mean(std::span<const double> v) {
  if (agreement_all_equal(v)) return v.front();
  double sum = 0;
  for (double value : v) sum += value;
  return sum / static_cast<double>(v.size());
}

std::optional<double> finite_or_unset(double value) {
  return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

double chi_square_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kAgreementNaN;
  // Solve P(df / 2, x / 2) = p by Newton's method inside a bisection bracket.
  const double a = df / 2;
  double lo = 0;
  double hi = df + 20 * std::sqrt(2 * df) + 100;
  while (lower_gamma_ratio(a, hi / 2) < p) hi *= 2;
  double x = df;
  for (int iteration = 0; iteration < 400; ++iteration) {
    const double f = lower_gamma_ratio(a, x / 2) - p;
    if (f < 0)
      lo = x;
    else
      hi = x;
    const double density = std::exp((a - 1) * std::log(x / 2) - x / 2 - std::lgamma(a)) / 2;
    double next = density > 0 ? x - f / density : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (std::fabs(next - x) <= 1e-16 * x || hi - lo <= 1e-300) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}

double t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kAgreementNaN;
  if (p == 0.5) return 0;
  // t^2 on df degrees of freedom is F on (1, df): P(|T| <= t) = 2p - 1.
  const double t = std::sqrt(f_quantile(std::fabs(2 * p - 1), 1, df));
  return p > 0.5 ? t : -t;
}

const char* to_string(IccForm form) {
  switch (form) {
    case IccForm::icc_1_1: return "icc_1_1";
    case IccForm::icc_2_1: return "icc_2_1";
    case IccForm::icc_3_1: return "icc_3_1";
    case IccForm::icc_1_k: return "icc_1_k";
    case IccForm::icc_2_k: return "icc_2_k";
    case IccForm::icc_3_k: break;
  }
  return "icc_3_k";
}

const char* display_name(IccForm form) {
  switch (form) {
    case IccForm::icc_1_1: return "ICC(1,1)";
    case IccForm::icc_2_1: return "ICC(2,1)";
    case IccForm::icc_3_1: return "ICC(3,1)";
    case IccForm::icc_1_k: return "ICC(1,k)";
    case IccForm::icc_2_k: return "ICC(2,k)";
    case IccForm::icc_3_k: break;
  }
  return "ICC(3,k)";
}

IccSet intraclass(std::span<const double> x, std::span<const double> y) {
  IccSet out;
  const std::size_t count = std::min(x.size(), y.size());
  if (count < 2) return out;
  x = x.first(count);
  y = y.first(count);
  const double n = static_cast<double>(count);
  const double k = 2;
  const bool x_constant = agreement_all_equal(x);
  const bool y_constant = agreement_all_equal(y);
  const double mx = method_exact_mean(x);
  const double my = method_exact_mean(y);
  const double grand = (mx + my) / 2;
  double srr = 0;  // sum of (row mean - grand mean)^2
  double sdd = 0;  // sum of (d - mean d)^2
  for (std::size_t i = 0; i < count; ++i) {
    const double dr = (x[i] + y[i]) / 2 - grand;
    srr += dr * dr;
    const double dd = (x[i] - y[i]) - (mx - my);
    sdd += dd * dd;
  }
  // Two-way ANOVA, n targets (rows) by k = 2 raters (columns). Each residual
  // is +/-(d - mean d) / 2, so SSE = sum (d - mean d)^2 / 2.
  double msr = k * srr / (n - 1);
  const double msc = n * (mx - my) * (mx - my) / 2;
  const double mse = (sdd / 2) / (n - 1);
  // One rater constant: MSR = MSE exactly, not two sums that should cancel.
  if (x_constant != y_constant) msr = mse;
  const double msw = (msc + sdd / 2) / n;  // (SSC + SSE) / (n (k - 1))
  // psych::ICC's ICC2 bound rests on the unbounded value; the reported one is at most 1.
  const auto set = [&out](IccForm form, double numerator, double denominator) {
    if (denominator > 0) out[static_cast<std::size_t>(form)].value = numerator / denominator;
  };
  set(IccForm::icc_1_1, msr - msw, msr + (k - 1) * msw);
  set(IccForm::icc_3_1, msr - mse, msr + (k - 1) * mse);
  set(IccForm::icc_1_k, msr - msw, msr);
  set(IccForm::icc_3_k, msr - mse, msr);
  // ICC(2,·) is undefined when x = (a, b) and y = (b, a): its denominator is
  // 0 in exact arithmetic.
  const bool crossed = count == 2 && x[0] == y[1] && x[1] == y[0];
  if (!crossed) {
    set(IccForm::icc_2_1, msr - mse, msr + (k - 1) * mse + k * (msc - mse) / n);
    set(IccForm::icc_2_k, msr - mse, msr + (msc - mse) / n);
  }

  // F-based intervals (Shrout & Fleiss 1979; McGraw & Wong 1996), alpha = 0.05.
  const double f11 = msr / msw;
  const double f31 = msr / mse;
  const double f1_lower = f11 / f_quantile(0.975, n - 1, n * (k - 1));
  const double f1_upper = f11 * f_quantile(0.975, n * (k - 1), n - 1);
  const double f3_lower = f31 / f_quantile(0.975, n - 1, (n - 1) * (k - 1));
  const double f3_upper = f31 * f_quantile(0.975, (n - 1) * (k - 1), n - 1);
  const auto bounds = [&out](IccForm form, double lower, double upper) {
    Estimate& e = out[static_cast<std::size_t>(form)];
    if (!e.value) return;
    e.lower = finite_or_unset(lower);
    e.upper = finite_or_unset(upper);
  };
  bounds(IccForm::icc_1_1, (f1_lower - 1) / (f1_lower + (k - 1)), (f1_upper - 1) / (f1_upper + (k - 1)));
  bounds(IccForm::icc_3_1, (f3_lower - 1) / (f3_lower + (k - 1)), (f3_upper - 1) / (f3_upper + (k - 1)));
  bounds(IccForm::icc_1_k, 1 - 1 / f1_lower, 1 - 1 / f1_upper);
  bounds(IccForm::icc_3_k, 1 - 1 / f3_lower, 1 - 1 / f3_upper);
  if (const std::optional<double>& icc2 = out[static_cast<std::size_t>(IccForm::icc_2_1)].value) {
    // Satterthwaite's degrees of freedom for the ICC(A,1) interval (McGraw & Wong 1996, table 7).
    const double r = *icc2;
    const double fj = msc / mse;
    const double a = n * (1 + (k - 1) * r) - k * r;
    const double vn = (k - 1) * (n - 1) * std::pow(k * r * fj + a, 2);
    const double vd = (n - 1) * k * k * r * r * fj * fj + a * a;
    const double v = vn / vd;
    const double fu = f_quantile(0.975, n - 1, v);
    const double fl = f_quantile(0.975, v, n - 1);
    const double spread = k * msc + (k * n - k - n) * mse;
    const double lower = n * (msr - fu * mse) / (fu * spread + n * msr);
    const double upper = n * (fl * msr - mse) / (spread + n * fl * msr);
    bounds(IccForm::icc_2_1, lower, upper);
    // Spearman-Brown, k b / (1 + (k - 1) b), is increasing only above b = -1 / (k - 1):
    // psych::ICC transforms a bound below it too, into a number above the value.
    const auto average = [k](double b) {
      return b > -1 / (k - 1) ? b * k / (1 + b * (k - 1)) : kAgreementNaN;
    };
    bounds(IccForm::icc_2_k, average(lower), average(upper));
  }
  for (Estimate& e : out)
    if (e.value) e.value = std::min(*e.value, 1.0);
  return out;
}

Estimate concordance(std::span<const double> x, std::span<const double> y) {
  Estimate out;
  const std::size_t count = std::min(x.size(), y.size());
  if (count < 2) return out;
  x = x.first(count);
  y = y.first(count);
  const double n = static_cast<double>(count);
  const double mx = method_exact_mean(x);
  const double my = method_exact_mean(y);
  double sxx = 0;
  double syy = 0;
  double sxy = 0;
  for (std::size_t i = 0; i < count; ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const double vx = sxx / n;
  const double vy = syy / n;
  const double denominator = vx + vy + (mx - my) * (mx - my);
  if (!(denominator > 0)) return out;
  const double rho = std::clamp(2 * (sxy / n) / denominator, -1.0, 1.0);
  out.value = rho;
  if (count < 3 || !(sxx > 0) || !(syy > 0) || std::fabs(rho) >= 1) return out;
  const double r = sxy / std::sqrt(sxx * syy);
  if (r == 0) return out;
  // Lin (1989): the variance of z = atanh(rho_c), with u = (mean x - mean y) / (s_x s_y)^(1/2).
  const double u2 = (mx - my) * (mx - my) / std::sqrt(vx * vy);
  const double one = 1 - rho * rho;
  const double variance =
      ((1 - r * r) * rho * rho / (one * r * r) + 2 * rho * rho * rho * (1 - rho) * u2 / (r * one * one) -
       rho * rho * rho * rho * u2 * u2 / (2 * r * r * one * one)) /
      (n - 2);
  if (!(variance >= 0)) return out;
  const double z = std::atanh(rho);
  const double half = kNormalQuantile975 * std::sqrt(variance);
  out.lower = std::tanh(z - half);
  out.upper = std::tanh(z + half);
  return out;
}

LimitsOfAgreement limits_of_agreement(std::span<const double> d, std::span<const std::size_t> group,
                                      std::optional<double> exact) {
  LimitsOfAgreement out;
  const std::size_t count = d.size();
  out.n = count;
  if (count == 0) return out;
  std::size_t labels = 0;
  for (std::size_t g : group) labels = std::max(labels, g + 1);
  out.groups = labels;
  const double n = static_cast<double>(count);
  const bool same = agreement_all_equal(d);
  const double mean = exact ? *exact : method_exact_mean(d);
  out.mean.value = mean;
  if (count < 2) return out;
  out.repeated = labels >= 2 && labels < count;

  // The groups of the ANOVA: the dyads when repeated, else each difference its own.
  const std::size_t g_count = out.repeated ? labels : count;
  std::vector<double> sums(g_count, 0);
  std::vector<double> sizes(g_count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t g = out.repeated ? group[i] : i;
    sums[g] += d[i];
    sizes[g] += 1;
  }
  const double groups = static_cast<double>(g_count);
  double ssb = 0;
  double sum_m2 = 0;  // sum of m_i^2
  for (std::size_t g = 0; g < g_count; ++g) {
    const double m = sums[g] / sizes[g] - mean;
    ssb += sizes[g] * m * m;
    sum_m2 += sizes[g] * sizes[g];
  }
  double ssw = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t g = out.repeated ? group[i] : i;
    const double r = d[i] - sums[g] / sizes[g];
    ssw += r * r;
  }
  if (same) ssb = ssw = 0;
  const double msb = ssb / (groups - 1);

  // The variance of the differences, as a sum of mean squares c * MS on df
  // degrees of freedom (for its MOVER interval).
  struct Part {
    double value;  // c * MS
    double df;
  };
  std::vector<Part> parts;
  double between = msb;  // s_b^2 (every group of one: the sample variance)
  double within = 0;
  if (out.repeated) {
    const double msw = ssw / (n - groups);
    const double lambda = (n * n - sum_m2) / ((groups - 1) * n);
    between = std::max(0.0, (msb - msw) / lambda);
    within = msw;
    if (between > 0)
      parts = {{msb / lambda, groups - 1}, {(1 - 1 / lambda) * msw, n - groups}};
    else
      parts = {{msw, n - groups}};
    out.sd_between = std::sqrt(between);
    out.sd_within = std::sqrt(within);
  } else {
    parts = {{msb, n - 1}};
  }
  const double variance = between + within;
  const double sd = std::sqrt(variance);
  out.sd = sd;
  out.lower.value = mean - kLimitsZ * sd;
  out.upper.value = mean + kLimitsZ * sd;

  // The mean's interval: Var(mean) = (s_b^2 sum m_i^2 / n + s_w^2) / n, t on groups - 1 df.
  const double se = std::sqrt((between * sum_m2 / n + within) / n);
  const double t = t_quantile(0.975, groups - 1);
  const double mean_lower = mean - t * se;
  const double mean_upper = mean + t * se;
  out.mean.lower = mean_lower;
  out.mean.upper = mean_upper;
  // The variance's interval (MOVER over its parts), then the SD's.
  double below = 0;
  double above = 0;
  for (const Part& p : parts) {
    const double l = p.value * (1 - p.df / chi_square_quantile(0.975, p.df));
    const double u = p.value * (p.df / chi_square_quantile(0.025, p.df) - 1);
    below += l * l;
    above += u * u;
  }
  const double sd_lower = std::sqrt(std::max(0.0, variance - std::sqrt(below)));
  const double sd_upper = std::sqrt(variance + std::sqrt(above));
  // MOVER for mean +/- z sd (Zou 2013).
  const double z = kLimitsZ;
  const auto hypot2 = [](double a, double b) { return std::sqrt(a * a + b * b); };
  out.upper.lower = *out.upper.value - hypot2(mean - mean_lower, z * (sd - sd_lower));
  out.upper.upper = *out.upper.value + hypot2(mean_upper - mean, z * (sd_upper - sd));
  out.lower.lower = *out.lower.value - hypot2(mean - mean_lower, z * (sd_upper - sd));
  out.lower.upper = *out.lower.value + hypot2(mean_upper - mean, z * (sd - sd_lower));
  return out;
}

}  // namespace alliance::core
