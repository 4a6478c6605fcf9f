#include <iterator>

#include "alliance/io/trend_writer.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

namespace {

std::string flags_text(const core::ScalePoint& point, char sep) {
  std::string out;
  for (core::TrendFlag flag : core::all_trend_flags()) {
    if (!point.has(flag)) continue;
    if (!out.empty()) out += sep;
    out += core::to_string(flag);
  }
  return out;
}

class Writer {
 public:
  Writer(const core::Questionnaire& q, int precision, std::FILE* out)
      : q_(q), names_(trend_scale_names(q)), precision_(precision), out_(out) {}

  void number(const std::optional<double>& value, const char* none) {
    if (value)
      out_.put_number(*value, precision_);
    else
      out_.put(none);
  }

  void delimited_header(char sep) {
    static const char* const kSuffixes[] = {
        "", "_change_previous", "_change_first", "_rc_previous", "_rc_first", "_flags"};
    out_.put("respondent");
    for (const char* column : {"session", "date", "position", "source"}) {
      out_.put(sep);
      out_.put(column);
    }
    for (const std::string& name : names_)
      for (const char* suffix : kSuffixes) {
        out_.put(sep);
        out_.put_delimited_cell(name + suffix, sep);
      }
    out_.put(sep);
    out_.put("flags\n");
  }

  void delimited_row(const TrendRecord& r, char sep) {
    out_.put_delimited_cell(r.respondent, sep);
    out_.put(sep);
    if (r.session)
      out_.put_int(*r.session);
    else
      out_.put("NA");
    out_.put(sep);
    if (r.date.empty())
      out_.put("NA");
    else
      out_.put_delimited_cell(r.date, sep);
    out_.put(sep);
    out_.put_int(static_cast<long long>(r.position));
    out_.put(sep);
    out_.put_delimited_cell(r.source, sep);
    for (std::size_t s = 0; s < names_.size(); ++s) {
      const core::ScalePoint& p = r.point.scales[s < q_.subscales.size() ? s : q_.subscales.size()];
      for (const std::optional<double>* value :
           {&p.score, &p.change_previous, &p.change_first, &p.rc_previous, &p.rc_first}) {
        out_.put(sep);
        number(*value, "NA");
      }
      out_.put(sep);
      out_.put(flags_text(p, ';'));
    }
    out_.put(sep);
    std::string all;
    for (const std::string& flag : trend_flag_list(q_, r.point)) {
      if (!all.empty()) all += ';';
      all += flag;
    }
    out_.put(all);
    out_.put('\n');
    out_.maybe_flush();
  }

  void json_record(const TrendRecord& r) {
    out_.put("{\"respondent\":");
    out_.put_json_string(r.respondent);
    out_.put(",\"session\":");
    out_.put_json_int_or_null(r.session);
    out_.put(",\"date\":");
    out_.put_json_string_or_null(r.date);
    out_.put(",\"position\":");
    out_.put_int(static_cast<long long>(r.position));
    out_.put(",\"tied\":");
    out_.put(r.point.tied ? "true" : "false");
    out_.put(",\"source\":");
    out_.put_json_string(r.source);
    out_.put(",\"scales\":{");
    for (std::size_t s = 0; s < names_.size(); ++s) {
      const core::ScalePoint& p = r.point.scales[s < q_.subscales.size() ? s : q_.subscales.size()];
      if (s > 0) out_.put(',');
      out_.put_json_string(names_[s]);
      const char* keys[] = {"score",    "change_previous", "change_first", "rc_previous",
                            "rc_first", "baseline",        "sd",           "repair_level"};
      const std::optional<double>* values[] = {&p.score,       &p.change_previous, &p.change_first,
                                               &p.rc_previous, &p.rc_first,        &p.baseline,
                                               &p.rupture_sd,  &p.repair_level};
      for (std::size_t k = 0; k < std::size(keys); ++k) {
        out_.put(k == 0 ? ":{\"" : ",\"");
        out_.put(keys[k]);
        out_.put("\":");
        number(*values[k], "null");
      }
      out_.put(",\"flags\":[");
      bool first = true;
      for (core::TrendFlag flag : core::all_trend_flags()) {
        if (!p.has(flag)) continue;
        if (!first) out_.put(',');
        first = false;
        out_.put_json_string(core::to_string(flag));
      }
      out_.put("],\"low_items\":[");
      for (std::size_t i = 0; i < p.low_items.size(); ++i) {
        if (i > 0) out_.put(',');
        out_.put_json_string(q_.items[p.low_items[i]].id);
      }
      out_.put("]}");
    }
    out_.put("},\"flags\":[");
    const std::vector<std::string> flags = trend_flag_list(q_, r.point);
    for (std::size_t i = 0; i < flags.size(); ++i) {
      if (i > 0) out_.put(',');
      out_.put_json_string(flags[i]);
    }
    out_.put("],\"questionnaire\":");
    out_.put_json_string(q_.id);
    out_.put(",\"version\":");
    out_.put_json_string(q_.version);
    out_.put('}');
    out_.maybe_flush();
  }

  void flush() { out_.flush(); }
  void put(const char* text) { out_.put(text); }

 private:
  const core::Questionnaire& q_;
  std::vector<std::string> names_;
  int precision_;
  OutputBuffer out_;
};

}  // namespace

std::vector<std::string> trend_scale_names(const core::Questionnaire& q) {
  std::vector<std::string> names;
  for (const core::Subscale& s : q.subscales) names.push_back(s.id);
  if (q.total.present) names.emplace_back("total");
  return names;
}

std::vector<std::string> trend_flag_list(const core::Questionnaire& q, const core::TrendPoint& point) {
  std::vector<std::string> out;
  const std::vector<std::string> names = trend_scale_names(q);
  for (std::size_t s = 0; s < names.size(); ++s) {
    const core::ScalePoint& p = point.scales[s < q.subscales.size() ? s : q.subscales.size()];
    for (core::TrendFlag flag : core::all_trend_flags())
      if (p.has(flag)) out.push_back(names[s] + ":" + core::to_string(flag));
  }
  return out;
}

void write_trend(const core::Questionnaire& q, const std::vector<TrendRecord>& records, OutputFormat format,
                 int precision, std::FILE* out) {
  Writer writer(q, precision, out);
  switch (format) {
    case OutputFormat::csv:
    case OutputFormat::tsv: {
      const char sep = format == OutputFormat::csv ? ',' : '\t';
      writer.delimited_header(sep);
      for (const TrendRecord& r : records) writer.delimited_row(r, sep);
      break;
    }
    case OutputFormat::json:
      writer.put("[");
      for (std::size_t i = 0; i < records.size(); ++i) {
        writer.put(i == 0 ? "\n" : ",\n");
        writer.json_record(records[i]);
      }
      writer.put(records.empty() ? "]\n" : "\n]\n");
      break;
    case OutputFormat::ndjson:
      for (const TrendRecord& r : records) {
        writer.json_record(r);
        writer.put("\n");
      }
      break;
    case OutputFormat::table: break;
  }
  writer.flush();
}

}  // namespace alliance::io
