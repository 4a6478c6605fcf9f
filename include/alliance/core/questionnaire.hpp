// The questionnaire model: what one definition file says, as plain values.
//
// A Questionnaire is built by io::read_definition (from JSON) and checked by
// core::check_questionnaire; every other layer reads it and never changes it.
// Indices (Subscale::items, Item::subscale) refer to positions in the
// Questionnaire's own vectors, so scoring never looks anything up by name.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace alliance::core {

// Text per language code ("fr", "en").
using LocalizedText = std::map<std::string, std::string>;

// Picks text in `lang`, else English, else French, else any; "" when empty.
const std::string& pick_text(const LocalizedText& text, const std::string& lang);

enum class Form { client, therapist, observer };
enum class Method { sum, mean };
enum class ScaleKind { integer, continuous };
enum class Rounding { up, down, nearest };
enum class TotalOf { items, subscales };

const char* to_string(Form form);
const char* to_string(Method method);
const char* to_string(Rounding rounding);
const char* to_string(TotalOf of);

struct Source {
  std::string citation;
  std::string licence;
  bool validated = false;
  std::string url;
  // Per language; a definition giving one string (in whatever language) has
  // it under the key "" (pick_text falls back to it).
  LocalizedText notes;
};

struct Scale {
  ScaleKind kind = ScaleKind::integer;
  double min = 1;
  double max = 5;
  // Continuous scales: the resolution answers are recorded at (0.1 for a
  // 0.0-10.0 line). Integer scales: 1.
  double precision = 1;
  // Integer scales: one label per point, min..max, per language.
  // Continuous scales: two anchors, for min and max, per language.
  std::map<std::string, std::vector<std::string>> labels;
  // Integer scales only, optional: the score of each point when it differs
  // from the answer code (point min+k scores scores[k]).
  std::vector<double> scores;

  int points() const { return static_cast<int>(max - min) + 1; }
};

struct Item {
  std::string id;
  LocalizedText text;  // empty in a key-only definition
  std::size_t subscale = 0;
  bool reverse = false;
  double weight = 1;
};

// How many parts (items, or subscales for a total of subscales) may be
// missing before a score is insufficient.
struct MissingRule {
  // Either a count ...
  std::optional<int> max_missing;
  // ... or a minimum answered fraction; the required count is
  // fraction * parts rounded as stated.
  std::optional<double> min_answered;
  Rounding rounding = Rounding::up;

  // Fewest parts that must be answered out of `parts`.
  int required(int parts) const;
};

// One interpretation range. Edges absent mean unbounded on that side.
struct Band {
  std::optional<double> min;
  std::optional<double> max;
  bool min_inclusive = true;
  bool max_inclusive = false;
  LocalizedText label;
  bool concern = false;  // a range that calls for clinical attention

  bool contains(double score) const;
};

struct Bands {
  std::vector<Band> ranges;
  std::string citation;
};

struct Norm {
  std::string population;
  double mean = 0;
  double sd = 1;
  int n = 0;
  std::optional<double> reliability;  // test-retest r, for the reliable change index
  std::string citation;
};

struct Subscale {
  std::string id;
  LocalizedText title;
  Method method = Method::mean;
  MissingRule missing;
  bool prorate = false;  // a sum with missing items scaled up to all items
  std::vector<std::size_t> items;
  std::optional<Bands> bands;
  std::vector<Norm> norms;
};

struct Total {
  bool present = true;
  LocalizedText title;
  Method method = Method::mean;
  TotalOf of = TotalOf::items;
  MissingRule missing;
  bool prorate = false;
  // For a total of items: also insufficient whenever a subscale is.
  bool requires_all_subscales = true;
  std::optional<Bands> bands;
  std::vector<Norm> norms;
};

// A test vector carried by the definition: answers and the scores they give.
struct Example {
  std::string name;
  std::map<std::string, std::optional<double>> answers;  // by item id
  // By subscale id or "total"; nullopt = expected insufficient.
  std::map<std::string, std::optional<double>> expect;
};

struct Questionnaire {
  std::string format = "alliance/1";
  std::string id;
  std::string version;
  std::string family;
  Form form = Form::client;
  std::vector<std::string> languages;
  LocalizedText title;
  LocalizedText description;
  LocalizedText instructions;
  Source source;
  Scale scale;
  std::vector<Subscale> subscales;
  std::vector<Item> items;
  Total total;
  std::vector<Example> examples;

  // True when every item has text in at least one language.
  bool administrable() const;
  std::optional<std::size_t> find_item(const std::string& item_id) const;
  std::optional<std::size_t> find_subscale(const std::string& subscale_id) const;
};

// A scale as every output lists them: each subscale in definition order, then
// the total when the questionnaire has one. Its position in that list is also
// its place in a ScoreSheet (subscales[i], then the total) and in a trend or
// compare row. The pointers are into the questionnaire, which must outlive it.
struct ScaleRef {
  std::string id;                        // the subscale's id, or "total"
  std::optional<std::size_t> subscale;   // index into subscales; nullopt for the total
  const LocalizedText* title = nullptr;  // the total's, or "Total" when it has none
  const std::optional<Bands>* bands = nullptr;
  const std::vector<Norm>* norms = nullptr;
};
std::vector<ScaleRef> scale_list(const Questionnaire& questionnaire);

}  // namespace alliance::core
