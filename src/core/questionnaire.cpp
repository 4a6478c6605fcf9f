#include "alliance/core/questionnaire.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "alliance/core/exact.hpp"

namespace alliance::core {

const std::string& pick_text(const LocalizedText& text, const std::string& lang) {
  static const std::string kEmpty;
  for (const std::string& candidate : {lang, std::string("en"), std::string("fr")}) {
    auto found = text.find(candidate);
    if (found != text.end()) return found->second;
  }
  return text.empty() ? kEmpty : text.begin()->second;
}

const char* to_string(Form form) {
  switch (form) {
    case Form::client: return "client";
    case Form::therapist: return "therapist";
    case Form::observer: return "observer";
  }
  return "?";
}

const char* to_string(Method method) {
  return method == Method::sum ? "sum" : "mean";
}

const char* to_string(Rounding rounding) {
  switch (rounding) {
    case Rounding::up: return "up";
    case Rounding::down: return "down";
    case Rounding::nearest: return "nearest";
  }
  return "?";
}

const char* to_string(TotalOf of) {
  return of == TotalOf::items ? "items" : "subscales";
}

int MissingRule::required(int parts) const {
  if (max_missing) return std::max(0, parts - *max_missing);
  if (!min_answered) return 0;
  // The fraction is the decimal written (0.7), and the product is computed in
  // whole numbers: 0.7 * 10 is 7, not the 7.000000000000001 of binary.
  const std::optional<Fraction> fraction = decimal_of(*min_answered, kValuePlaces);
  if (fraction && fraction->num >= 0 && fraction->num <= fraction->den && parts >= 0) {
    const std::int64_t num = fraction->num * parts;  // at most 10^9 * 2^31
    const std::int64_t den = fraction->den;
    std::int64_t count = 0;
    switch (rounding) {
      case Rounding::up: count = (num + den - 1) / den; break;
      case Rounding::down: count = num / den; break;
      case Rounding::nearest: count = (2 * num + den) / (2 * den); break;
    }
    return std::clamp(static_cast<int>(count), 0, parts);
  }
  // Not a decimal of at most kValuePlaces places: the tolerance keeps binary
  // noise from deciding.
  const double exact = *min_answered * parts;
  constexpr double kTolerance = 1e-9;
  double count = 0;
  switch (rounding) {
    case Rounding::up: count = std::ceil(exact - kTolerance); break;
    case Rounding::down: count = std::floor(exact + kTolerance); break;
    case Rounding::nearest: count = std::floor(exact + 0.5 + kTolerance); break;
  }
  return static_cast<int>(
      std::clamp(count, 0.0, static_cast<double>(parts)));  // clamped first: 1e300 * parts fits no int
}

bool Band::contains(double score) const {
  const bool above_min = !min || score > *min || (min_inclusive && score == *min);
  const bool below_max = !max || score < *max || (max_inclusive && score == *max);
  return above_min && below_max;
}

bool Questionnaire::administrable() const {
  return !items.empty() &&
         std::all_of(items.begin(), items.end(), [](const Item& item) { return !item.text.empty(); });
}

std::optional<std::size_t> Questionnaire::find_item(const std::string& item_id) const {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == item_id) return i;
  return std::nullopt;
}

std::optional<std::size_t> Questionnaire::find_subscale(const std::string& subscale_id) const {
  for (std::size_t i = 0; i < subscales.size(); ++i)
    if (subscales[i].id == subscale_id) return i;
  return std::nullopt;
}

std::vector<ScaleRef> scale_list(const Questionnaire& q) {
  static const LocalizedText kTotal = {{"en", "Total"}, {"fr", "Total"}};
  std::vector<ScaleRef> out;
  out.reserve(q.subscales.size() + 1);
  for (std::size_t s = 0; s < q.subscales.size(); ++s) {
    const Subscale& sub = q.subscales[s];
    out.push_back({sub.id, s, &sub.title, &sub.bands, &sub.norms});
  }
  if (q.total.present)
    out.push_back({"total", std::nullopt, q.total.title.empty() ? &kTotal : &q.total.title, &q.total.bands,
                   &q.total.norms});
  return out;
}

}  // namespace alliance::core
