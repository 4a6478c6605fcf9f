#include "alliance/core/questionnaire.hpp"

#include <algorithm>
#include <cmath>

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
  // The tolerance keeps 0.7 * 10 (7.000000000000001 in binary) from
  // rounding up to 8: fractions are meant as exact decimals.
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

}  // namespace alliance::core
