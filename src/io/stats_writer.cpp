#include "alliance/io/stats_writer.hpp"

#include <algorithm>
#include <cmath>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

namespace {

using core::StatsReport;

std::string scale_id(const core::Questionnaire& q, const core::ScaleStats& s) {
  return s.subscale ? q.subscales[*s.subscale].id : "total";
}

std::string fixed(double value, int decimals) {
  return core::format_fixed(value, decimals);
}

std::string fixed(const std::optional<double>& value, int decimals) {
  return value ? core::format_fixed(*value, decimals) : "–";
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

class MachineWriter {
 public:
  MachineWriter(const core::Questionnaire& q, const Provenance& provenance, const StatsReport& report,
                long invalid, const StatsWriterOptions& options, std::FILE* out)
      : q_(q), provenance_(provenance), report_(report), invalid_(invalid), options_(options), out_(out) {}

  void write_json() {
    out_.put("{\"questionnaire\":");
    out_.put_json_string(provenance_.questionnaire_id);
    out_.put(",\"version\":");
    out_.put_json_string(provenance_.questionnaire_version);
    out_.put(",\"definition_hash\":");
    out_.put_json_string(provenance_.definition_hash);
    out_.put(",\"alliance_version\":");
    out_.put_json_string(provenance_.alliance_version);
    out_.put(",\"missing\":");
    out_.put_json_string(core::to_string(report_.missing));
    out_.put(",\"responses\":");
    out_.put_int(report_.responses);
    out_.put(",\"invalid\":");
    out_.put_int(invalid_);
    out_.put(",\"scales\":[");
    for (std::size_t s = 0; s < report_.scales.size(); ++s) {
      const core::ScaleStats& scale = report_.scales[s];
      if (s > 0) out_.put(',');
      out_.put("{\"scale\":");
      out_.put_json_string(scale_id(q_, scale));
      out_.put(",\"items\":[");
      for (std::size_t i = 0; i < scale.items.size(); ++i) {
        if (i > 0) out_.put(',');
        out_.put_json_string(q_.items[scale.items[i].item].id);
      }
      out_.put("],\"scores\":{");
      key("n", true);
      out_.put_int(scale.scored);
      key("complete");
      out_.put_int(scale.complete);
      key("incomplete");
      out_.put_int(scale.incomplete);
      key("insufficient");
      out_.put_int(scale.insufficient);
      number("mean", scale.mean);
      number("sd", scale.sd);
      number("min", scale.min);
      number("max", scale.max);
      number("floor_pct", scale.floor_pct);
      number("ceiling_pct", scale.ceiling_pct);
      out_.put("},\"reliability\":{");
      integer("n", scale.n_used, true);
      integer("min_pair_n", scale.min_pair_n);
      number("alpha", scale.alpha);
      number("alpha_lower", scale.alpha_lower);
      number("alpha_upper", scale.alpha_upper);
      number("std_alpha", scale.std_alpha);
      number("average_r", scale.average_r);
      out_.put("},\"item_stats\":[");
      for (std::size_t i = 0; i < scale.items.size(); ++i) {
        const core::ItemStats& item = scale.items[i];
        if (i > 0) out_.put(',');
        out_.put("{\"item\":");
        out_.put_json_string(q_.items[item.item].id);
        key("answered");
        out_.put_int(item.answered);
        number("missing_pct", item.missing_pct);
        integer("n", item.n);
        number("mean", item.mean);
        number("sd", item.sd);
        number("r_drop", item.r_drop);
        number("alpha_if_dropped", item.alpha_if_dropped);
        number("std_alpha_if_dropped", item.std_alpha_if_dropped);
        number("average_r_if_dropped", item.average_r_if_dropped);
        out_.put('}');
      }
      out_.put("]}");
    }
    out_.put("],\"correlations\":[");
    for (std::size_t c = 0; c < report_.correlations.size(); ++c) {
      const core::Correlation& r = report_.correlations[c];
      if (c > 0) out_.put(',');
      out_.put("{\"a\":");
      out_.put_json_string(q_.subscales[r.a].id);
      out_.put(",\"b\":");
      out_.put_json_string(q_.subscales[r.b].id);
      integer("n", r.n);
      number("r", r.r);
      out_.put('}');
    }
    out_.put("],\"warnings\":[");
    for (std::size_t w = 0; w < report_.warnings.size(); ++w) {
      const core::StatsWarning& warning = report_.warnings[w];
      if (w > 0) out_.put(',');
      out_.put("{\"code\":");
      out_.put_json_string(core::to_string(warning.kind));
      out_.put(",\"scale\":");
      out_.put_json_string(scale_id(q_, report_.scales[warning.scale]));
      out_.put(",\"item\":");
      out_.put_json_string_or_null(warning.item ? q_.items[*warning.item].id : "");
      if (warning.kind == core::WarningKind::few_complete)
        integer("value", warning.value);
      else
        number("value", warning.value);
      out_.put(",\"message\":");
      out_.put_json_string(describe(q_, report_, warning, "en"));
      out_.put('}');
    }
    out_.put("],\"quality\":{");
    key("run_limit", true);
    out_.put_int(report_.quality.run_limit);
    key("straightline");
    out_.put_int(report_.quality.straightline);
    key("zero_variance");
    out_.put_int(report_.quality.zero_variance);
    key("long_run");
    out_.put_int(report_.quality.long_run);
    key("flagged");
    out_.put_int(report_.quality.flagged);
    out_.put("}}\n");
    out_.flush();
  }

  void write_delimited(char sep) {
    sep_ = sep;
    const char* header[] = {"section", "scale", "part", "statistic", "value"};
    for (std::size_t c = 0; c < 5; ++c) {
      if (c > 0) out_.put(sep_);
      out_.put(header[c]);
    }
    out_.put('\n');
    row("meta", "", "", "questionnaire", provenance_.questionnaire_id);
    row("meta", "", "", "version", provenance_.questionnaire_version);
    row("meta", "", "", "definition_hash", provenance_.definition_hash);
    row("meta", "", "", "alliance_version", provenance_.alliance_version);
    row("meta", "", "", "missing", core::to_string(report_.missing));
    count_row("meta", "", "", "responses", report_.responses);
    count_row("meta", "", "", "invalid", invalid_);
    for (const core::ScaleStats& scale : report_.scales) {
      const std::string id = scale_id(q_, scale);
      count_row("scale", id, "", "items", static_cast<long long>(scale.items.size()));
      count_row("scale", id, "", "n", scale.scored);
      count_row("scale", id, "", "complete", scale.complete);
      count_row("scale", id, "", "incomplete", scale.incomplete);
      count_row("scale", id, "", "insufficient", scale.insufficient);
      row("scale", id, "", "mean", scale.mean);
      row("scale", id, "", "sd", scale.sd);
      row("scale", id, "", "min", scale.min);
      row("scale", id, "", "max", scale.max);
      row("scale", id, "", "floor_pct", scale.floor_pct);
      row("scale", id, "", "ceiling_pct", scale.ceiling_pct);
      count_row("scale", id, "", "alpha_n", whole(scale.n_used));
      count_row("scale", id, "", "min_pair_n", whole(scale.min_pair_n));
      row("scale", id, "", "alpha", scale.alpha);
      row("scale", id, "", "alpha_lower", scale.alpha_lower);
      row("scale", id, "", "alpha_upper", scale.alpha_upper);
      row("scale", id, "", "std_alpha", scale.std_alpha);
      row("scale", id, "", "average_r", scale.average_r);
      for (const core::ItemStats& item : scale.items) {
        const std::string& item_id = q_.items[item.item].id;
        count_row("item", id, item_id, "answered", item.answered);
        row("item", id, item_id, "missing_pct", item.missing_pct);
        count_row("item", id, item_id, "n", whole(item.n));
        row("item", id, item_id, "mean", item.mean);
        row("item", id, item_id, "sd", item.sd);
        row("item", id, item_id, "r_drop", item.r_drop);
        row("item", id, item_id, "alpha_if_dropped", item.alpha_if_dropped);
        row("item", id, item_id, "std_alpha_if_dropped", item.std_alpha_if_dropped);
        row("item", id, item_id, "average_r_if_dropped", item.average_r_if_dropped);
      }
    }
    for (const core::Correlation& r : report_.correlations) {
      count_row("correlation", q_.subscales[r.a].id, q_.subscales[r.b].id, "n", whole(r.n));
      row("correlation", q_.subscales[r.a].id, q_.subscales[r.b].id, "r", r.r);
    }
    for (const core::StatsWarning& w : report_.warnings) {
      const std::string scale = scale_id(q_, report_.scales[w.scale]);
      const std::string item = w.item ? q_.items[*w.item].id : "";
      if (w.kind == core::WarningKind::few_complete)
        count_row("warning", scale, item, core::to_string(w.kind), whole(w.value));
      else
        row("warning", scale, item, core::to_string(w.kind), w.value);
    }
    count_row("quality", "", "", "run_limit", report_.quality.run_limit);
    count_row("quality", "", "", "straightline", report_.quality.straightline);
    count_row("quality", "", "", "zero_variance", report_.quality.zero_variance);
    count_row("quality", "", "", "long_run", report_.quality.long_run);
    count_row("quality", "", "", "flagged", report_.quality.flagged);
    out_.flush();
  }

 private:
  void key(const char* name, bool first = false) {
    if (!first) out_.put(',');
    out_.put('"');
    out_.put(name);
    out_.put("\":");
  }
  void number(const char* name, const std::optional<double>& value, bool first = false) {
    key(name, first);
    out_.put_json_number_or_null(value, options_.precision);
  }
  void integer(const char* name, double value, bool first = false) {
    key(name, first);
    out_.put_int(whole(value));
  }

  void cells(const char* section, const std::string& scale, const std::string& part, const char* statistic) {
    out_.put(section);
    out_.put(sep_);
    out_.put_delimited_cell(scale, sep_);
    out_.put(sep_);
    out_.put_delimited_cell(part, sep_);
    out_.put(sep_);
    out_.put(statistic);
    out_.put(sep_);
  }
  void row(const char* section, const std::string& scale, const std::string& part, const char* statistic,
           const std::optional<double>& value) {
    cells(section, scale, part, statistic);
    if (value)
      out_.put_number(*value, options_.precision);
    else
      out_.put("NA");  // as score's CSV: what R reads as missing
    out_.put('\n');
  }
  // A count: digits whatever --precision says (40, never 40.000 or 1e+05).
  void count_row(const char* section, const std::string& scale, const std::string& part,
                 const char* statistic, long long value) {
    cells(section, scale, part, statistic);
    out_.put_int(value);
    out_.put('\n');
  }
  void row(const char* section, const std::string& scale, const std::string& part, const char* statistic,
           const std::string& value) {
    cells(section, scale, part, statistic);
    out_.put_delimited_cell(value, sep_);
    out_.put('\n');
  }

  const core::Questionnaire& q_;
  const Provenance& provenance_;
  const StatsReport& report_;
  long invalid_;
  StatsWriterOptions options_;
  OutputBuffer out_;
  char sep_ = ',';
};

// ---------------------------------------------------------------- table

using Rows = std::vector<std::vector<std::string>>;

void put_table(OutputBuffer& out, Rows rows) {
  for (auto& row : rows)  // ids from files: shown, never obeyed by the terminal
    for (std::string& cell : row) cell = core::terminal_safe(cell);
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], core::display_width(row[c]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c)
      line += c + 1 == row.size() ? row[c] : core::pad_right(row[c], widths[c]) + "  ";
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.put(line);
    out.put('\n');
  }
}

void write_table(const core::Questionnaire& q, const StatsReport& report, long invalid,
                 const StatsWriterOptions& options, std::FILE* file) {
  const std::string& lang = options.language;
  const bool fr = lang == "fr";
  auto tr = [fr](const char* en, const char* french) { return std::string(fr ? french : en); };
  const int d = options.precision < 0 ? 2 : options.precision;   // scores
  const int dc = options.precision < 0 ? 3 : options.precision;  // coefficients
  OutputBuffer out(file);

  const std::string missing =
      fr ? (report.missing == core::MissingHandling::pairwise ? "par paires (pairwise)"
                                                              : "réponses complètes (listwise)")
         : core::to_string(report.missing);
  out.put(q.id + " " + q.version + " — " + std::to_string(report.responses) +
          (fr ? " réponse" : " response") + (report.responses == 1 ? "" : "s") +
          (invalid > 0
               ? tr(" (", " (") + std::to_string(invalid) + tr(" invalid left out)", " invalides écartées)")
               : "") +
          tr("; missing answers: ", " ; réponses manquantes : ") + missing + "\n\n");

  Rows scores = {{tr("SCORES", "SCORES"), "N", tr("COMPLETE", "COMPLETS"), tr("INSUFF.", "INSUFF."),
                  tr("MEAN", "MOYENNE"), tr("SD", "É.-T."), "MIN", "MAX", tr("FLOOR", "PLANCHER"),
                  tr("CEILING", "PLAFOND")}};
  for (const core::ScaleStats& s : report.scales)
    scores.push_back({scale_id(q, s), std::to_string(s.scored), std::to_string(s.complete),
                      std::to_string(s.insufficient), fixed(s.mean, d), fixed(s.sd, d), fixed(s.min, d),
                      fixed(s.max, d), fixed(s.floor_pct, 0) + " %", fixed(s.ceiling_pct, 0) + " %"});
  put_table(out, scores);
  out.put('\n');

  Rows reliability = {{tr("RELIABILITY", "FIDÉLITÉ"), tr("ITEMS", "ITEMS"), "N", "ALPHA",
                       tr("95% CI", "IC 95 %"), tr("STD ALPHA", "ALPHA STD"), tr("MEAN R", "R MOYEN")}};
  for (const core::ScaleStats& s : report.scales) {
    const std::string ci = s.alpha_lower && s.alpha_upper
                               ? "[" + fixed(*s.alpha_lower, dc) + ", " + fixed(*s.alpha_upper, dc) + "]"
                               : "–";  // brackets: a dash between bounds misreads when one is negative
    reliability.push_back({scale_id(q, s), std::to_string(s.items.size()), count(s.n_used),
                           fixed(s.alpha, dc), ci, fixed(s.std_alpha, dc), fixed(s.average_r, dc)});
  }
  put_table(out, reliability);
  out.put('\n');

  Rows items = {{tr("ITEM", "ITEM"), tr("SCALE", "ÉCHELLE"), tr("MISSING", "MANQUANT"), tr("MEAN", "MOYENNE"),
                 tr("SD", "É.-T."), "R.DROP", tr("ALPHA IF DROPPED", "ALPHA SANS L'ITEM")}};
  for (const core::ScaleStats& s : report.scales) {
    if (!s.subscale) continue;  // the total's items are in the machine formats
    for (const core::ItemStats& item : s.items)
      items.push_back({q.items[item.item].id + (q.items[item.item].reverse ? " (R)" : ""), scale_id(q, s),
                       fixed(item.missing_pct, 1) + " %", fixed(item.mean, d), fixed(item.sd, d),
                       fixed(item.r_drop, dc), fixed(item.alpha_if_dropped, dc)});
  }
  if (items.size() > 1) {
    put_table(out, items);
    out.put('\n');
  }

  if (!report.correlations.empty()) {
    Rows correlations = {{tr("CORRELATIONS", "CORRÉLATIONS"), "N", "R"}};
    for (const core::Correlation& r : report.correlations)
      correlations.push_back({q.subscales[r.a].id + " – " + q.subscales[r.b].id, count(r.n), fixed(r.r, dc)});
    put_table(out, correlations);
    out.put('\n');
  }

  for (const core::StatsWarning& w : report.warnings)
    out.put(tr("warning: ", "attention : ") + describe(q, report, w, lang) + "\n");
  const core::QualitySummary& quality = report.quality;
  out.put(tr("Quality flags: ", "Signalements : ") + std::to_string(quality.straightline) +
          tr(" straight-lining, ", " réponses toutes identiques, ") + std::to_string(quality.zero_variance) +
          tr(" no variance, ", " sans variance, ") + std::to_string(quality.long_run) +
          tr(" run of ", " série de ") + std::to_string(quality.run_limit) + "+" +
          (quality.flagged > 0 ? tr(" (see --quality)", " (voir --quality)") : std::string()) + "\n");
  out.flush();
}

// ---------------------------------------------------------------- quality listing

class QualityListing final : public QualityWriter {
 public:
  QualityListing(int run_limit, const StatsWriterOptions& o, std::FILE* out)
      : run_limit_(run_limit), options_(o), out_(out) {
    sep_ = o.format == OutputFormat::tsv ? '\t' : ',';
    if (o.format == OutputFormat::csv || o.format == OutputFormat::tsv) {
      const char* header[] = {"respondent",   "session",       "source",      "answered",
                              "straightline", "zero_variance", "longest_run", "long_run"};
      for (std::size_t c = 0; c < 8; ++c) {
        if (c > 0) out_.put(sep_);
        out_.put(header[c]);
      }
      out_.put('\n');
    } else if (o.format == OutputFormat::json) {
      out_.put('[');
    } else {
      const bool fr = o.language == "fr";
      rows_.push_back({fr ? "RÉPONDANT" : "RESPONDENT", fr ? "SÉANCE" : "SESSION",
                       fr ? "RÉPONSES" : "ANSWERED", fr ? "IDENTIQUES" : "STRAIGHT",
                       fr ? "SANS VARIANCE" : "NO VARIANCE", fr ? "PLUS LONGUE SÉRIE" : "LONGEST RUN",
                       fr ? "SOURCE" : "SOURCE"});
    }
  }

  void write(const ResponseRecord& record, const core::ResponseQuality& quality) override {
    ++flagged_;
    const core::Response& r = record.response;
    const std::string session = r.session ? std::to_string(*r.session) : "";
    switch (options_.format) {
      case OutputFormat::csv:
      case OutputFormat::tsv:
        out_.put_delimited_cell(r.respondent, sep_);
        out_.put(sep_);
        out_.put(session);
        out_.put(sep_);
        out_.put_delimited_cell(record.location, sep_);
        out_.put(sep_);
        out_.put_int(quality.answered);
        out_.put(sep_);
        // TRUE/FALSE: what both R's read.csv and pandas read as logical (R
        // reads true/false as text).
        out_.put(quality.straightline ? "TRUE" : "FALSE");
        out_.put(sep_);
        out_.put(quality.zero_variance ? "TRUE" : "FALSE");
        out_.put(sep_);
        out_.put_int(quality.longest_run);
        out_.put(sep_);
        out_.put(quality.long_run ? "TRUE" : "FALSE");
        out_.put('\n');
        break;
      case OutputFormat::json:
      case OutputFormat::ndjson:
        out_.put(flagged_ > 1 ? ",\n{\"respondent\":" : "\n{\"respondent\":");
        out_.put_json_string(r.respondent);
        out_.put(",\"session\":");
        out_.put(session.empty() ? "null" : session);
        out_.put(",\"source\":");
        out_.put_json_string(record.location);
        out_.put(",\"answered\":");
        out_.put_int(quality.answered);
        out_.put(",\"straightline\":");
        out_.put(quality.straightline ? "true" : "false");
        out_.put(",\"zero_variance\":");
        out_.put(quality.zero_variance ? "true" : "false");
        out_.put(",\"longest_run\":");
        out_.put_int(quality.longest_run);
        out_.put(",\"long_run\":");
        out_.put(quality.long_run ? "true" : "false");
        out_.put('}');
        break;
      case OutputFormat::table: {
        const bool fr = options_.language == "fr";
        const char* yes = fr ? "oui" : "yes";
        rows_.push_back({r.respondent.empty() ? "–" : r.respondent, session, std::to_string(quality.answered),
                         quality.straightline ? yes : "", quality.zero_variance ? yes : "",
                         std::to_string(quality.longest_run), record.location});
        break;
      }
    }
    out_.maybe_flush();
  }

  void finish(long responses) override {
    if (options_.format == OutputFormat::json || options_.format == OutputFormat::ndjson) {
      out_.put(flagged_ > 0 ? "\n]\n" : "]\n");
    } else if (options_.format == OutputFormat::table) {
      const bool fr = options_.language == "fr";
      if (flagged_ > 0) {
        put_table(out_, rows_);
        out_.put('\n');
      }
      out_.put(std::to_string(flagged_) + (fr ? " réponse" : " response") + (flagged_ == 1 ? "" : "s") +
               (fr ? (flagged_ == 1 ? " signalée sur " : " signalées sur ") : " flagged of ") +
               std::to_string(responses) +
               (fr ? " (réponses identiques partout, sans variance, ou série de "
                   : " (straight-lining, no variance, or a run of ") +
               std::to_string(run_limit_) + (fr ? "+ réponses identiques)\n" : "+ identical answers)\n"));
    }
    out_.flush();
  }

 private:
  int run_limit_;
  StatsWriterOptions options_;
  OutputBuffer out_;
  char sep_ = ',';
  long flagged_ = 0;
  Rows rows_;
};

}  // namespace

std::string describe(const core::Questionnaire& q, const StatsReport& report, const core::StatsWarning& w,
                     const std::string& language) {
  const bool fr = language == "fr";
  const std::string scale = scale_id(q, report.scales[w.scale]);
  const std::string item = w.item ? q.items[*w.item].id : "";
  switch (w.kind) {
    case core::WarningKind::negative_item_rest:
      return fr ? scale + " : l'item " + item + " a une corrélation item–reste négative (" +
                      fixed(w.value, 3) + ") : sa clé est peut-être inversée"
                : scale + ": item " + item + " has a negative item–rest correlation (" + fixed(w.value, 3) +
                      "): possibly not reverse-keyed";
    case core::WarningKind::few_complete:
      return fr ? scale + " : alpha ne repose que sur " + count(w.value) + " réponses (moins de " +
                      std::to_string(report.options.min_complete) + ") : estimation imprécise"
                : scale + ": alpha rests on as few as " + count(w.value) + " responses (fewer than " +
                      std::to_string(report.options.min_complete) + "): an imprecise estimate";
    case core::WarningKind::floor:
      return fr ? scale + " : " + fixed(w.value, 1) + " % des scores au minimum (effet plancher, seuil " +
                      core::format_number(report.options.floor_ceiling_pct) + " %)"
                : scale + ": " + fixed(w.value, 1) + " % of scores at the minimum (floor effect, threshold " +
                      core::format_number(report.options.floor_ceiling_pct) + " %)";
    case core::WarningKind::ceiling:
      return fr ? scale + " : " + fixed(w.value, 1) + " % des scores au maximum (effet plafond, seuil " +
                      core::format_number(report.options.floor_ceiling_pct) + " %)"
                : scale + ": " + fixed(w.value, 1) +
                      " % of scores at the maximum (ceiling effect, threshold " +
                      core::format_number(report.options.floor_ceiling_pct) + " %)";
    case core::WarningKind::no_variance:
      return fr ? scale + " : l'item " + item + " n'a aucune variance : alpha n'est pas calculé"
                : scale + ": item " + item + " has no variance: alpha is not computed";
    case core::WarningKind::score_no_variance: {
      const core::ScaleStats& stats = report.scales[w.scale];
      const bool correlations = stats.subscale.has_value() && q.subscales.size() > 1;
      const bool alpha = !stats.alpha && stats.items.size() >= 2;
      const std::string value = core::format_readable(w.value);
      if (fr)
        return scale + " : tous les scores valent " + value + " : aucune variance" +
               (alpha && correlations ? ", ni alpha ni ses corrélations ne sont calculés"
                : alpha               ? ", alpha n'est pas calculé"
                : correlations        ? ", ses corrélations ne sont pas calculées"
                                      : "");
      return scale + ": every score is " + value + ": no variance" +
             (alpha && correlations ? ", so alpha and its correlations are not computed"
              : alpha               ? ", so alpha is not computed"
              : correlations        ? ", so its correlations are not computed"
                                    : "");
    }
  }
  return "";
}

void write_stats(const core::Questionnaire& questionnaire, const Provenance& provenance,
                 const StatsReport& report, long invalid, const StatsWriterOptions& options, std::FILE* out) {
  switch (options.format) {
    case OutputFormat::table: write_table(questionnaire, report, invalid, options, out); return;
    case OutputFormat::json:
    case OutputFormat::ndjson:
      MachineWriter(questionnaire, provenance, report, invalid, options, out).write_json();
      return;
    case OutputFormat::csv:
      MachineWriter(questionnaire, provenance, report, invalid, options, out).write_delimited(',');
      return;
    case OutputFormat::tsv:
      MachineWriter(questionnaire, provenance, report, invalid, options, out).write_delimited('\t');
      return;
  }
}

std::unique_ptr<QualityWriter> make_quality_writer(int run_limit, const StatsWriterOptions& options,
                                                   std::FILE* out) {
  return std::make_unique<QualityListing>(run_limit, options, out);
}

}  // namespace alliance::io
