#include "alliance/io/stats_writer.hpp"

#include <algorithm>
#include <cmath>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

namespace {

using core::StatsReport;

std::string scale_id(const core::Questionnaire& q, const core::ScaleStats& s) {
  return s.subscale ? q.subscales[*s.subscale].id : "total";
}

// The scale as a table for people names it: its id in English (the name
// --fail-below and the machine formats use), its title in French.
std::string scale_name(const core::Questionnaire& q, std::optional<std::size_t> subscale,
                       const std::string& lang) {
  if (!text::is_french(lang)) return subscale ? q.subscales[*subscale].id : "total";
  const core::LocalizedText& title = subscale ? q.subscales[*subscale].title : q.total.title;
  const std::string& picked = core::pick_text(title, lang);
  if (!picked.empty()) return picked;
  return subscale ? q.subscales[*subscale].id : std::string(text::messages(lang).total);
}

std::string scale_name(const core::Questionnaire& q, const core::ScaleStats& s, const std::string& lang) {
  return scale_name(q, s.subscale, lang);
}

std::string fixed(double value, int decimals) {
  return core::format_fixed(value, decimals);
}

std::string fixed(const std::optional<double>& value, int decimals) {
  return value ? core::format_fixed(*value, decimals) : kMissingCell;
}

// Counts held as doubles (pairwise n) are whole numbers: written as digits,
// never 1e+05.
long long whole(double n) {
  return std::llround(n);
}

std::string count(double n) {
  return std::to_string(whole(n));
}

// ---------------------------------------------------------------- machine formats

std::vector<Field> fields(std::initializer_list<std::pair<const char*, FieldType>> list) {
  std::vector<Field> out;
  for (const auto& [name, type] : list) out.push_back(field(name, type));
  return out;
}

constexpr FieldType kText = FieldType::text;
constexpr FieldType kInt = FieldType::integer;
constexpr FieldType kNum = FieldType::number;

// The tables of docs/stats.md, in the order of a JSON document.
struct StatsTables {
  Table summary{"summary",
                fields({{"responses", kInt},
                        {"invalid", kInt},
                        {"missing", kText},
                        {"run_limit", kInt},
                        {"straightline", kInt},
                        {"zero_variance", kInt},
                        {"long_run", kInt},
                        {"flagged", kInt}}),
                true};
  Table scales{"scales", fields({{"scale", kText},
                                 {"items", kInt},
                                 {"n", kInt},
                                 {"complete", kInt},
                                 {"incomplete", kInt},
                                 {"insufficient", kInt},
                                 {"mean", kNum},
                                 {"sd", kNum},
                                 {"min", kNum},
                                 {"max", kNum},
                                 {"floor_pct", kNum},
                                 {"ceiling_pct", kNum},
                                 {"alpha_n", kInt},
                                 {"min_pair_n", kInt},
                                 {"alpha", kNum},
                                 {"alpha_lower", kNum},
                                 {"alpha_upper", kNum},
                                 {"std_alpha", kNum},
                                 {"average_r", kNum}})};
  Table items{"items", fields({{"scale", kText},
                               {"item", kText},
                               {"reverse", FieldType::boolean},
                               {"answered", kInt},
                               {"missing_pct", kNum},
                               {"n", kInt},
                               {"mean", kNum},
                               {"sd", kNum},
                               {"r_drop", kNum},
                               {"alpha_if_dropped", kNum},
                               {"std_alpha_if_dropped", kNum},
                               {"average_r_if_dropped", kNum}})};
  Table correlations{"correlations",
                     fields({{"scale_1", kText}, {"scale_2", kText}, {"n", kInt}, {"r", kNum}})};
  // value: a number (the r, the percentage, the score), a count for few_complete.
  Table warnings{
      "warnings",
      fields({{"code", kText}, {"scale", kText}, {"item", kText}, {"value", kNum}, {"message", kText}})};
};

Value whole_value(double n) {
  return Value::integer(whole(n));
}

void write_tables(const core::Questionnaire& q, const Provenance& provenance, const StatsReport& report,
                  long invalid, const StatsWriterOptions& options, std::FILE* out) {
  const StatsTables tables;
  StatsSection section = options.section;
  if (section == StatsSection::all && options.format != OutputFormat::json) section = StatsSection::scales;
  const auto wanted = [&](StatsSection s) { return section == StatsSection::all || section == s; };
  const std::unique_ptr<RecordWriter> writer =
      make_record_writer(options.format, provenance, {options.precision, options.language}, out);

  if (wanted(StatsSection::summary)) {
    const core::QualitySummary& quality = report.quality;
    writer->begin(tables.summary);
    writer->write({Value::integer(static_cast<long long>(report.responses)),
                   Value::integer(static_cast<long long>(invalid)),
                   Value::text(core::to_string(report.missing)),
                   Value::integer(static_cast<long long>(quality.run_limit)),
                   Value::integer(static_cast<long long>(quality.straightline)),
                   Value::integer(static_cast<long long>(quality.zero_variance)),
                   Value::integer(static_cast<long long>(quality.long_run)),
                   Value::integer(static_cast<long long>(quality.flagged))});
    writer->end();
  }
  std::vector<std::string> ids;
  for (const core::ScaleStats& scale : report.scales) ids.push_back(scale_id(q, scale));
  if (wanted(StatsSection::scales)) {
    writer->begin(tables.scales);
    for (std::size_t s = 0; s < report.scales.size(); ++s) {
      const core::ScaleStats& scale = report.scales[s];
      writer->write({Value::text(ids[s]), Value::integer(static_cast<long long>(scale.items.size())),
                     Value::integer(static_cast<long long>(scale.scored)),
                     Value::integer(static_cast<long long>(scale.complete)),
                     Value::integer(static_cast<long long>(scale.incomplete)),
                     Value::integer(static_cast<long long>(scale.insufficient)), Value::number(scale.mean),
                     Value::number(scale.sd), Value::number(scale.min), Value::number(scale.max),
                     Value::number(scale.floor_pct), Value::number(scale.ceiling_pct),
                     whole_value(scale.n_used), whole_value(scale.min_pair_n), Value::number(scale.alpha),
                     Value::number(scale.alpha_lower), Value::number(scale.alpha_upper),
                     Value::number(scale.std_alpha), Value::number(scale.average_r)});
    }
    writer->end();
  }
  if (wanted(StatsSection::items)) {
    writer->begin(tables.items);
    for (std::size_t s = 0; s < report.scales.size(); ++s)
      for (const core::ItemStats& item : report.scales[s].items)
        writer->write({Value::text(ids[s]), Value::text(q.items[item.item].id),
                       Value::boolean(q.items[item.item].reverse),
                       Value::integer(static_cast<long long>(item.answered)), Value::number(item.missing_pct),
                       whole_value(item.n), Value::number(item.mean), Value::number(item.sd),
                       Value::number(item.r_drop), Value::number(item.alpha_if_dropped),
                       Value::number(item.std_alpha_if_dropped), Value::number(item.average_r_if_dropped)});
    writer->end();
  }
  if (wanted(StatsSection::correlations)) {
    writer->begin(tables.correlations);
    for (const core::Correlation& r : report.correlations)
      writer->write({Value::text(q.subscales[r.a].id), Value::text(q.subscales[r.b].id), whole_value(r.n),
                     Value::number(r.r)});
    writer->end();
  }
  if (wanted(StatsSection::warnings)) {
    writer->begin(tables.warnings);
    for (const core::StatsWarning& w : report.warnings) {
      const std::string message = describe(q, report, w, "en");
      writer->write(
          {Value::text(core::to_string(w.kind)), Value::text(ids[w.scale]),
           Value::text(w.item ? std::string_view(q.items[*w.item].id) : std::string_view()),
           w.kind == core::WarningKind::few_complete ? whole_value(w.value) : Value::number(w.value),
           Value::text(message)});
    }
    writer->end();
  }
  writer->finish();
}

// ---------------------------------------------------------------- table

using Rows = std::vector<std::vector<std::string>>;

void put_table(OutputBuffer& out, Rows rows) {
  TextTable table;
  for (std::vector<std::string>& row : rows) table.add(std::move(row));
  out.put(table.render());
}

void write_table(const core::Questionnaire& q, const StatsReport& report, long invalid,
                 const StatsWriterOptions& options, std::FILE* file) {
  const std::string& lang = options.language;
  const text::Messages& m = text::messages(lang);
  const int d = options.precision < 0 ? 2 : options.precision;   // scores
  const int dc = options.precision < 0 ? 3 : options.precision;  // coefficients
  // Numbers for people: a decimal comma in French.
  const auto num = [&lang](const auto& value, int decimals) {
    return text::decimal(lang, fixed(value, decimals));
  };
  const auto name = [&](const core::ScaleStats& s) { return scale_name(q, s, lang); };
  OutputBuffer out(file);

  out.put(text::fill(m.stats_heading,
                     {q.id + " " + q.version, std::to_string(report.responses),
                      invalid > 0 ? text::fill(m.stats_invalid_left_out, {std::to_string(invalid)}) : "",
                      report.missing == core::MissingHandling::pairwise ? m.stats_missing_pairwise
                                                                        : m.stats_missing_listwise}) +
          "\n\n");

  Rows scores = {{m.col_scores, "N", m.col_complete, m.col_insufficient, m.col_mean, m.col_sd, "MIN", "MAX",
                  m.col_floor, m.col_ceiling}};
  for (const core::ScaleStats& s : report.scales)
    scores.push_back({name(s), std::to_string(s.scored), std::to_string(s.complete),
                      std::to_string(s.insufficient), num(s.mean, d), num(s.sd, d), num(s.min, d),
                      num(s.max, d), num(s.floor_pct, 0) + " %", num(s.ceiling_pct, 0) + " %"});
  put_table(out, scores);
  out.put('\n');

  Rows reliability = {
      {m.col_reliability, m.col_items, "N", "ALPHA", m.col_ci95, m.col_std_alpha, m.col_mean_r}};
  const std::string between =
      text::is_french(lang) ? "\u00a0; " : ", ";  // the comma is the French decimal sign
  for (const core::ScaleStats& s : report.scales) {
    const std::string ci =
        s.alpha_lower && s.alpha_upper
            ? "[" + num(*s.alpha_lower, dc) + between + num(*s.alpha_upper, dc) + "]"
            : kMissingCell;  // brackets: a dash between bounds misreads when one is negative
    reliability.push_back({name(s), std::to_string(s.items.size()), count(s.n_used), num(s.alpha, dc), ci,
                           num(s.std_alpha, dc), num(s.average_r, dc)});
  }
  put_table(out, reliability);
  out.put('\n');

  Rows items = {
      {m.col_item, m.col_scale, m.col_missing, m.col_mean, m.col_sd, "R.DROP", m.col_alpha_if_dropped}};
  for (const core::ScaleStats& s : report.scales) {
    if (!s.subscale) continue;  // the total's items are in the machine formats
    for (const core::ItemStats& item : s.items)
      items.push_back({q.items[item.item].id + (q.items[item.item].reverse ? " (R)" : ""), name(s),
                       num(item.missing_pct, 1) + " %", num(item.mean, d), num(item.sd, d),
                       num(item.r_drop, dc), num(item.alpha_if_dropped, dc)});
  }
  if (items.size() > 1) {
    put_table(out, items);
    out.put('\n');
  }

  if (!report.correlations.empty()) {
    Rows correlations = {{m.col_correlations, "N", "R"}};
    for (const core::Correlation& r : report.correlations)
      correlations.push_back(
          {scale_name(q, r.a, lang) + " – " + scale_name(q, r.b, lang), count(r.n), num(r.r, dc)});
    put_table(out, correlations);
    out.put('\n');
  }

  for (const core::StatsWarning& w : report.warnings)
    out.put(m.warning_prefix + describe(q, report, w, lang) + "\n");
  const core::QualitySummary& quality = report.quality;
  out.put(text::fill(m.stats_quality_flags,
                     {std::to_string(quality.straightline), std::to_string(quality.zero_variance),
                      std::to_string(quality.long_run), std::to_string(quality.run_limit),
                      quality.flagged > 0 ? m.stats_see_quality : ""}) +
          "\n");
  out.flush();
}

// ---------------------------------------------------------------- quality listing

// The flagged responses: the record model's writers for the machine
// formats, a table for people.
class QualityListing final : public QualityWriter {
 public:
  QualityListing(int run_limit, const Provenance& provenance, const StatsWriterOptions& o, std::FILE* out)
      : run_limit_(run_limit), options_(o), out_(out) {
    table_.name = "flagged";
    table_.fields = fields({{"respondent", kText},
                            {"session", kInt},
                            {"source", kText},
                            {"answered", kInt},
                            {"straightline", FieldType::boolean},
                            {"zero_variance", FieldType::boolean},
                            {"longest_run", kInt},
                            {"long_run", FieldType::boolean}});
    if (o.format == OutputFormat::table) {
      const text::Messages& m = text::messages(o.language);
      rows_.push_back({m.col_respondent, m.col_session, m.col_answered, m.col_straight, m.col_no_variance,
                       m.col_longest_run, m.col_source});
    } else {
      writer_ = make_record_writer(o.format, provenance, {o.precision, o.language}, out);
      writer_->begin(table_);
    }
  }

  void write(const ResponseRecord& record, const core::ResponseQuality& quality) override {
    ++flagged_;
    const core::Response& r = record.response;
    if (writer_) {
      writer_->write({Value::text(r.respondent), Value::integer(r.session), Value::text(record.location),
                      Value::integer(static_cast<long long>(quality.answered)),
                      Value::boolean(quality.straightline), Value::boolean(quality.zero_variance),
                      Value::integer(static_cast<long long>(quality.longest_run)),
                      Value::boolean(quality.long_run)});
      return;
    }
    const char* yes = text::messages(options_.language).yes;
    rows_.push_back({r.respondent.empty() ? kMissingCell : r.respondent,
                     r.session ? std::to_string(*r.session) : kMissingCell, std::to_string(quality.answered),
                     quality.straightline ? yes : "", quality.zero_variance ? yes : "",
                     std::to_string(quality.longest_run), record.location});
  }

  void finish(long responses) override {
    if (writer_) {
      writer_->end();
      writer_->finish();
      return;
    }
    if (flagged_ > 0) {
      put_table(out_, rows_);
      out_.put('\n');
    }
    out_.put(text::say(options_.language, text::Msg::quality_summary,
                       {std::to_string(flagged_), std::to_string(responses), std::to_string(run_limit_)}) +
             "\n");
    out_.flush();
  }

 private:
  int run_limit_;
  StatsWriterOptions options_;
  Table table_;
  std::unique_ptr<RecordWriter> writer_;  // machine formats
  OutputBuffer out_;                      // the table
  long flagged_ = 0;
  Rows rows_;
};

}  // namespace

std::string describe(const core::Questionnaire& q, const StatsReport& report, const core::StatsWarning& w,
                     const std::string& language) {
  const text::Messages& m = text::messages(language);
  const auto num = [&language](double value, int decimals) {
    return text::decimal(language, fixed(value, decimals));
  };
  const std::string scale = scale_name(q, report.scales[w.scale], language);
  const std::string item = w.item ? q.items[*w.item].id : "";
  const std::string threshold =
      text::decimal(language, core::format_number(report.options.floor_ceiling_pct));
  switch (w.kind) {
    case core::WarningKind::negative_item_rest:
      return text::fill(m.warn_negative_item_rest, {scale, item, num(w.value, 3)});
    case core::WarningKind::few_complete:
      return text::fill(m.warn_few_complete,
                        {scale, count(w.value), std::to_string(report.options.min_complete)});
    case core::WarningKind::floor: return text::fill(m.warn_floor, {scale, num(w.value, 1), threshold});
    case core::WarningKind::ceiling: return text::fill(m.warn_ceiling, {scale, num(w.value, 1), threshold});
    case core::WarningKind::no_variance: return text::fill(m.warn_no_variance, {scale, item});
    case core::WarningKind::score_no_variance: {
      const core::ScaleStats& stats = report.scales[w.scale];
      const bool correlations = stats.subscale.has_value() && q.subscales.size() > 1;
      const bool alpha = !stats.alpha && stats.items.size() >= 2;
      return text::fill(m.warn_score_no_variance,
                        {scale, text::decimal(language, core::format_readable(w.value)),
                         alpha && correlations ? m.warn_score_alpha_correlations
                         : alpha               ? m.warn_score_alpha
                         : correlations        ? m.warn_score_correlations
                                               : ""});
    }
  }
  return "";
}

StatsSection parse_stats_section(const std::string& name) {
  if (name == "summary") return StatsSection::summary;
  if (name == "scales") return StatsSection::scales;
  if (name == "items") return StatsSection::items;
  if (name == "correlations") return StatsSection::correlations;
  if (name == "warnings") return StatsSection::warnings;
  throw Error(ExitCode::usage, text::Message{text::Msg::stats_unknown_section, {name}});
}

void write_stats(const core::Questionnaire& questionnaire, const Provenance& provenance,
                 const StatsReport& report, long invalid, const StatsWriterOptions& options, std::FILE* out) {
  if (options.format == OutputFormat::table)
    write_table(questionnaire, report, invalid, options, out);
  else
    write_tables(questionnaire, provenance, report, invalid, options, out);
}

bool stats_output_has_warnings(const StatsWriterOptions& options) {
  return options.format == OutputFormat::table ||
         (options.format == OutputFormat::json && options.section == StatsSection::all) ||
         options.section == StatsSection::warnings;
}

std::unique_ptr<QualityWriter> make_quality_writer(int run_limit, const Provenance& provenance,
                                                   const StatsWriterOptions& options, std::FILE* out) {
  return std::make_unique<QualityListing>(run_limit, provenance, options, out);
}

}  // namespace alliance::io
