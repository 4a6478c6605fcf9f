// Output of `alliance compare` (docs/compare.md): the tables of the record
// model (forms, comparisons, pairs, agreement, unpaired) for JSON, NDJSON,
// CSV and TSV, and a view for people.
#include <algorithm>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/comparison_writer.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

CompareSection parse_compare_section(const std::string& name) {
  if (name == "forms") return CompareSection::forms;
  if (name == "comparisons") return CompareSection::comparisons;
  if (name == "pairs") return CompareSection::pairs;
  if (name == "agreement") return CompareSection::agreement;
  if (name == "unpaired") return CompareSection::unpaired;
  throw Error(ExitCode::usage,
              "unknown section '" + name + "' (expected forms, comparisons, pairs, agreement or unpaired)");
}

namespace {

const ResponseRecord& first_record(const ComparisonReport& r, const Comparison& c, const ComparedPair& p) {
  return r.forms[c.first].records[p.first_record];
}
const ResponseRecord& second_record(const ComparisonReport& r, const Comparison& c, const ComparedPair& p) {
  return r.forms[c.second].records[p.second_record];
}

std::string comparison_name(const ComparisonReport& r, const Comparison& c) {
  return r.forms[c.first].role + "-" + r.forms[c.second].role;
}

std::string item_id(const ComparisonReport& r, const Comparison& c, const core::ItemDifference& d,
                    bool first) {
  return first ? r.forms[c.first].questionnaire->items[d.first_item].id
               : r.forms[c.second].questionnaire->items[d.second_item].id;
}

std::string signed_number(double value) {
  return (value > 0 ? "+" : "") + core::format_number(value);
}

// A role ("client", "therapist", "observer") in `lang`.
std::string role_name(const std::string& role, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  if (role == "client") return m.role_client;
  return role == "therapist" ? m.role_therapist : m.role_observer;
}

// ---- Machine formats: the record model ----------------------------------------

Field element_field(std::string name, FieldType type, bool in_cell) {
  Field f = field(std::move(name), type);
  f.in_cell = in_cell;
  return f;
}

// The tables of docs/compare.md, in the order of a JSON document.
struct CompareTables {
  Table forms;
  Table comparisons;
  Table pairs;
  Table agreement;
  Table unpaired;

  explicit CompareTables(const std::vector<std::string>& scale_ids) {
    forms.name = "forms";
    forms.fields = {field("form", FieldType::text), field("id", FieldType::text),
                    field("version", FieldType::text), field("hash", FieldType::text),
                    field("responses", FieldType::integer)};
    comparisons.name = "comparisons";
    comparisons.fields = {field("comparison", FieldType::text), field("form_1", FieldType::text),
                          field("form_2", FieldType::text), field("item_pairing", FieldType::text),
                          field("pairs", FieldType::integer)};
    pairs.name = "pairs";
    pairs.fields = {field("comparison", FieldType::text), field("respondent", FieldType::text),
                    field("session", FieldType::integer), field("date", FieldType::text)};
    for (const std::string& id : scale_ids) {
      const std::vector<std::string> group = {"scores", id};
      pairs.fields.push_back(field(id + "_1", FieldType::number, group, "score_1"));
      pairs.fields.push_back(field(id + "_2", FieldType::number, group, "score_2"));
      pairs.fields.push_back(field(id + "_difference", FieldType::number, group, "difference"));
      pairs.fields.push_back(field(id + "_status_1", FieldType::text, group, "status_1"));
      pairs.fields.push_back(field(id + "_status_2", FieldType::text, group, "status_2"));
    }
    Field items = field("items", FieldType::records);
    items.fields = {element_field("item_1", FieldType::text, true),
                    element_field("item_2", FieldType::text, false),
                    element_field("score_1", FieldType::number, false),
                    element_field("score_2", FieldType::number, false),
                    element_field("difference", FieldType::number, true)};
    pairs.fields.push_back(std::move(items));
    pairs.fields.push_back(field("source_1", FieldType::text));
    pairs.fields.push_back(field("source_2", FieldType::text));

    agreement.name = "agreement";
    agreement.fields = {field("comparison", FieldType::text), field("scale", FieldType::text),
                        field("method", FieldType::text),     field("n", FieldType::integer),
                        field("dyads", FieldType::integer),   field("excluded", FieldType::integer)};
    for (const char* name :
         {"mean_1", "mean_2", "mean_difference", "mean_difference_ci_lower", "mean_difference_ci_upper",
          "sd_difference", "sd_between", "sd_within", "loa_lower", "loa_lower_ci_lower", "loa_lower_ci_upper",
          "loa_upper", "loa_upper_ci_lower", "loa_upper_ci_upper", "pearson_r"})
      agreement.fields.push_back(field(name, FieldType::number));
    for (std::size_t f = 0; f < core::kIccForms; ++f) {
      const std::string name = core::to_string(static_cast<core::IccForm>(f));
      agreement.fields.push_back(field(name, FieldType::number));
      agreement.fields.push_back(field(name + "_ci_lower", FieldType::number));
      agreement.fields.push_back(field(name + "_ci_upper", FieldType::number));
    }
    for (const char* name : {"ccc", "ccc_ci_lower", "ccc_ci_upper"})
      agreement.fields.push_back(field(name, FieldType::number));
    Field notes = field("notes", FieldType::records);
    notes.fields = {element_field("code", FieldType::text, true),
                    element_field("forms", FieldType::list, false),
                    element_field("message", FieldType::text, false)};
    agreement.fields.push_back(std::move(notes));

    unpaired.name = "unpaired";
    unpaired.fields = {field("form", FieldType::text),       field("respondent", FieldType::text),
                       field("session", FieldType::integer), field("date", FieldType::text),
                       field("reason", FieldType::text),     field("status", FieldType::text),
                       field("source", FieldType::text)};
  }
};

// The provenance of a comparison: every form's definition, in order.
Provenance joined_provenance(const ComparisonReport& r) {
  Provenance p;
  p.alliance_version = r.alliance_version;
  for (std::size_t f = 0; f < r.forms.size(); ++f) {
    const std::string sep = f ? ";" : "";
    p.questionnaire_id += sep + r.forms[f].questionnaire->id;
    p.questionnaire_version += sep + r.forms[f].questionnaire->version;
    p.definition_hash += sep + r.forms[f].definition_hash;
  }
  return p;
}

class Records {
 public:
  Records(const ComparisonReport& r, const CompareWriterOptions& o, std::FILE* out)
      : r_(r), o_(o), tables_(r.scale_ids) {
    writer_ = make_record_writer(o.format, joined_provenance(r), {o.precision, o.language}, out);
  }

  void write() {
    CompareSection section = o_.section;
    if (section == CompareSection::all && o_.format != OutputFormat::json) section = CompareSection::pairs;
    const auto wanted = [&](CompareSection s) { return section == CompareSection::all || section == s; };
    if (wanted(CompareSection::forms)) write_forms();
    if (wanted(CompareSection::comparisons)) write_comparisons();
    if (wanted(CompareSection::pairs)) write_pairs();
    if (wanted(CompareSection::agreement)) write_agreement();
    if (wanted(CompareSection::unpaired)) write_unpaired();
    writer_->finish();
  }

 private:
  void write_forms() {
    writer_->begin(tables_.forms);
    for (const ComparedForm& f : r_.forms)
      writer_->write({Value::text(f.role), Value::text(f.questionnaire->id),
                      Value::text(f.questionnaire->version), Value::text(f.definition_hash),
                      Value::integer(static_cast<long long>(f.records.size()))});
    writer_->end();
  }

  void write_comparisons() {
    writer_->begin(tables_.comparisons);
    for (const Comparison& c : r_.comparisons) {
      const std::string name = comparison_name(r_, c);
      writer_->write({Value::text(name), Value::text(r_.forms[c.first].role),
                      Value::text(r_.forms[c.second].role), Value::text(core::to_string(c.pairing.items)),
                      Value::integer(static_cast<long long>(c.pairs.size()))});
    }
    writer_->end();
  }

  void write_pairs() {
    writer_->begin(tables_.pairs);
    Record values;
    std::vector<Record> items;
    std::vector<std::string> ids;  // the items' ids, kept while their records point to them
    for (const Comparison& c : r_.comparisons) {
      const std::string name = comparison_name(r_, c);
      for (const ComparedPair& p : c.pairs) {
        values.clear();
        values.push_back(Value::text(name));
        values.push_back(Value::text(p.key.respondent));
        values.push_back(Value::integer(p.key.session));
        values.push_back(Value::text(p.key.date));
        for (const core::ScaleComparison& s : p.comparison.scales) {
          values.push_back(Value::number(s.first));
          values.push_back(Value::number(s.second));
          values.push_back(Value::number(s.difference));
          values.push_back(Value::text(core::to_string(s.first_status)));
          values.push_back(Value::text(core::to_string(s.second_status)));
        }
        items.clear();
        ids.clear();
        ids.reserve(p.comparison.items.size() * 2);
        for (const core::ItemDifference& d : p.comparison.items) {
          ids.push_back(item_id(r_, c, d, true));
          ids.push_back(item_id(r_, c, d, false));
        }
        for (std::size_t i = 0; i < p.comparison.items.size(); ++i) {
          const core::ItemDifference& d = p.comparison.items[i];
          items.push_back({Value::text(ids[2 * i]), Value::text(ids[2 * i + 1]), Value::number(d.first),
                           Value::number(d.second), Value::number(d.difference)});
        }
        values.push_back(Value::records(items));
        values.push_back(Value::text(first_record(r_, c, p).location));
        values.push_back(Value::text(second_record(r_, c, p).location));
        writer_->write(values);
      }
    }
    writer_->end();
  }

  void write_agreement() {
    writer_->begin(tables_.agreement);
    Record values;
    std::vector<Record> notes;
    for (const Comparison& c : r_.comparisons) {
      const std::string name = comparison_name(r_, c);
      for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) {
        const core::AgreementStats& a = c.stats[s];
        values = {Value::text(name),
                  Value::text(r_.scale_ids[s]),
                  Value::text(core::to_string(a.method)),
                  Value::integer(static_cast<long long>(a.n)),
                  Value::integer(static_cast<long long>(a.dyads)),
                  Value::integer(static_cast<long long>(c.excluded[s]))};
        for (const auto* v :
             {&a.mean_first, &a.mean_second, &a.mean_difference, &a.mean_difference_lower,
              &a.mean_difference_upper, &a.sd_difference, &a.sd_between, &a.sd_within, &a.loa_lower,
              &a.loa_lower_interval.lower, &a.loa_lower_interval.upper, &a.loa_upper,
              &a.loa_upper_interval.lower, &a.loa_upper_interval.upper, &a.pearson_r})
          values.push_back(Value::number(*v));
        for (const core::Estimate& e : a.icc_forms)
          for (const auto* v : {&e.value, &e.lower, &e.upper}) values.push_back(Value::number(*v));
        for (const auto* v : {&a.ccc.value, &a.ccc.lower, &a.ccc.upper}) values.push_back(Value::number(*v));
        const std::vector<AgreementNoteText> texts = agreement_notes(r_, c, s, "en");
        notes.clear();
        for (const AgreementNoteText& note : texts)
          notes.push_back({Value::text(note.code), Value::list(note.forms), Value::text(note.message)});
        values.push_back(Value::records(notes));
        writer_->write(values);
      }
    }
    writer_->end();
  }

  void write_unpaired() {
    writer_->begin(tables_.unpaired);
    for (const core::Unpaired& u : r_.unpaired) {
      const ComparedForm& f = r_.forms[u.form];
      const ResponseRecord& record = f.records[u.index];
      writer_->write({Value::text(f.role), Value::text(record.response.respondent),
                      Value::integer(record.response.session), Value::text(record.response.date),
                      Value::text(core::to_string(u.reason)),
                      Value::text(record.valid() ? "valid" : "invalid"), Value::text(record.location)});
    }
    writer_->end();
  }

  const ComparisonReport& r_;
  const CompareWriterOptions& o_;
  CompareTables tables_;
  std::unique_ptr<RecordWriter> writer_;
};

// ---- Table -----------------------------------------------------------------

class PeopleView {
 public:
  PeopleView(const ComparisonReport& r, const CompareWriterOptions& o, std::FILE* out)
      : r_(r),
        o_(o),
        m_(text::messages(o.language)),
        decimals_(o.precision < 0 ? 2 : o.precision),
        out_(out) {}

  void write() {
    const bool all = o_.section == CompareSection::all;
    bool first_block = true;
    for (const Comparison& c : r_.comparisons) {
      if (all || o_.section == CompareSection::pairs) {
        separate(first_block);
        write_pairs(c);
      }
      if (all || o_.section == CompareSection::agreement) {
        separate(first_block);
        write_agreement(c);
      }
    }
    if (all || o_.section == CompareSection::unpaired) {
      separate(first_block);
      write_unpaired();
    }
    out_.flush();
  }

 private:
  void separate(bool& first_block) {
    if (!first_block) out_.put('\n');
    first_block = false;
  }

  std::string role(const std::string& r) const { return role_name(r, o_.language); }

  std::string upper_role(const std::string& r) const {
    if (r == "client") return m_.col_role_client;
    if (r == "therapist") return m_.col_role_therapist;
    return m_.col_role_observer;
  }

  std::string scale_title(std::size_t s) const {
    const std::string title = core::pick_text(r_.scale_titles[s], o_.language);
    return title.empty() ? r_.scale_ids[s] : title;
  }

  // Numbers for people: a decimal comma in French.
  std::string fixed(double value) const {
    return text::decimal(o_.language, core::format_fixed(value, decimals_));
  }
  std::string fixed(const std::optional<double>& value) const { return value ? fixed(*value) : kMissingCell; }

  std::string status_word(core::Status s) const {
    return s == core::Status::insufficient ? m_.status_insufficient : m_.status_invalid;
  }

  void heading(const Comparison& c, const std::string& what) {
    const ComparedForm& a = r_.forms[c.first];
    const ComparedForm& b = r_.forms[c.second];
    std::string text = what + " — " + role(a.role) + " (" + a.questionnaire->id + ") − " + role(b.role) +
                       " (" + b.questionnaire->id + ")";
    out_.put(text);
    out_.put('\n');
  }

  void print(std::vector<std::vector<std::string>> rows) {
    TextTable table;
    for (std::vector<std::string>& row : rows) table.add(std::move(row));
    out_.put(table.render());
  }

  void write_pairs(const Comparison& c) {
    heading(c, text::fill(m_.compare_pairs, {std::to_string(c.pairs.size())}));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> head = {m_.col_respondent, m_.col_session};
    for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) head.push_back(scale_title(s));
    head.emplace_back(m_.col_most_apart);
    rows.push_back(head);
    for (const ComparedPair& p : c.pairs) {
      std::vector<std::string> row = {p.key.respondent, session_cell(p.key.session, p.key.date)};
      for (const core::ScaleComparison& s : p.comparison.scales) {
        const std::string a = s.first ? fixed(*s.first) : status_word(s.first_status);
        const std::string b = s.second ? fixed(*s.second) : status_word(s.second_status);
        row.push_back(a + " / " + b + (s.difference ? " (" + signed_fixed(*s.difference) + ")" : ""));
      }
      std::string items;
      for (const core::ItemDifference& d : p.comparison.items)
        items +=
            (items.empty() ? "" : ", ") +
            text::fill(m_.compare_item_difference,
                       {item_id(r_, c, d, true), text::decimal(o_.language, signed_number(d.difference))});
      row.push_back(items);
      rows.push_back(std::move(row));
    }
    print(rows);
    const std::string a = role(r_.forms[c.first].role);
    const std::string b = role(r_.forms[c.second].role);
    out_.put(text::fill(m_.compare_cells, {a, b}) + "\n");
  }

  // The session number; without one, the date (what pairs such responses); else a dash.
  static std::string session_cell(const std::optional<int>& session, const std::string& date) {
    if (session) return std::to_string(*session);
    return date.empty() ? kMissingCell : date;
  }

  std::string signed_fixed(double value) const {
    const std::string text = fixed(value);
    return value > 0 && text.find_first_not_of("0.,") != std::string::npos ? "+" + text : text;
  }

  void write_agreement(const Comparison& c) {
    heading(c, m_.compare_agreement);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({m_.col_scale, "N", m_.col_dyads, m_.col_excluded, upper_role(r_.forms[c.first].role),
                    upper_role(r_.forms[c.second].role), m_.col_mean_difference_ci, m_.col_sd_difference,
                    m_.col_loa_lower, m_.col_loa_upper, "r", m_.col_ccc});
    bool repeated = false;
    for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) {
      const core::AgreementStats& a = c.stats[s];
      repeated = repeated || a.method == core::AgreementMethod::repeated;
      rows.push_back({scale_title(s), std::to_string(a.n), std::to_string(a.dyads),
                      std::to_string(c.excluded[s]), fixed(a.mean_first), fixed(a.mean_second),
                      estimate({a.mean_difference, a.mean_difference_lower, a.mean_difference_upper}),
                      fixed(a.sd_difference), estimate(a.loa_lower_interval), estimate(a.loa_upper_interval),
                      fixed(a.pearson_r), estimate(a.ccc)});
    }
    print(rows);
    const std::string a = role(r_.forms[c.first].role);
    const std::string b = role(r_.forms[c.second].role);
    out_.put(text::fill(m_.compare_agreement_legend, {a, b}) + "\n");
    if (repeated) out_.put(std::string(m_.compare_repeated_legend) + "\n");
    out_.put('\n');
    write_icc(c);
    for (const std::string& line : agreement_note_lines(r_, c, o_.language, true))
      out_.put(m_.note_prefix + line + "\n");
  }

  void write_icc(const Comparison& c) {
    heading(c, m_.compare_icc_title);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> head = {m_.col_scale};
    for (std::size_t f = 0; f < core::kIccForms; ++f)
      head.emplace_back(core::display_name(static_cast<core::IccForm>(f)));
    rows.push_back(std::move(head));
    for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) {
      std::vector<std::string> row = {scale_title(s)};
      for (const core::Estimate& e : c.stats[s].icc_forms) row.push_back(estimate(e));
      rows.push_back(std::move(row));
    }
    print(rows);
    out_.put(std::string(m_.compare_icc_legend) + "\n");
  }

  // "0.74 [0.60, 0.84]"; the value alone when there is no interval, a dash for a missing bound.
  std::string estimate(const core::Estimate& e) const {
    if (!e.value) return kMissingCell;
    if (!e.lower && !e.upper) return fixed(*e.value);
    return text::fill(m_.compare_estimate, {fixed(*e.value), fixed(e.lower), fixed(e.upper)});
  }

  void write_unpaired() {
    const std::size_t n = r_.unpaired.size();
    out_.put(text::fill(m_.compare_unpaired, {std::to_string(n), n ? "" : "."}) + "\n");
    if (n == 0) return;
    std::vector<std::vector<std::string>> rows;
    rows.push_back(
        {m_.col_form, "QUESTIONNAIRE", m_.col_respondent, m_.col_session, m_.col_reason, m_.col_source});
    for (const core::Unpaired& u : r_.unpaired) {
      const ComparedForm& f = r_.forms[u.form];
      const ResponseRecord& record = f.records[u.index];
      rows.push_back({role(f.role), f.questionnaire->id,
                      record.response.respondent.empty() ? kMissingCell : record.response.respondent,
                      session_cell(record.response.session, record.response.date), reason(u.reason),
                      record.location});
    }
    print(rows);
  }

  std::string reason(core::UnpairedReason r) const {
    switch (r) {
      case core::UnpairedReason::no_partner: return m_.unpaired_no_partner;
      case core::UnpairedReason::duplicate: return m_.unpaired_duplicate;
      case core::UnpairedReason::no_respondent: break;
    }
    return m_.unpaired_no_respondent;
  }

  const ComparisonReport& r_;
  const CompareWriterOptions& o_;
  const text::Messages& m_;
  int decimals_;
  OutputBuffer out_;
};

}  // namespace

std::vector<AgreementNoteText> agreement_notes(const ComparisonReport& report, const Comparison& comparison,
                                               std::size_t scale, const std::string& language) {
  const text::Messages& m = text::messages(language);
  const core::AgreementStats& stats = comparison.stats[scale];
  const std::string a = report.forms[comparison.first].role;
  const std::string b = report.forms[comparison.second].role;
  const auto has = [&stats](core::AgreementNote note) {
    return std::find(stats.notes.begin(), stats.notes.end(), note) != stats.notes.end();
  };
  std::vector<AgreementNoteText> out;
  const bool first = has(core::AgreementNote::no_variance_first);
  const bool second = has(core::AgreementNote::no_variance_second);
  if (first || second) {
    AgreementNoteText note{"no_variance", {}, ""};
    if (first) note.forms.push_back(a);
    if (second) note.forms.push_back(b);
    const std::string x = text::decimal(language, core::format_readable(*stats.mean_first));
    const std::string y = text::decimal(language, core::format_readable(*stats.mean_second));
    const std::string fa = role_name(a, language), fb = role_name(b, language);
    std::string what;
    if (first && second && x == y && !stats.icc)
      what = text::fill(m.note_both_same, {fa, fb, x});
    else if (first && second)
      what = text::fill(m.note_both, {fa, fb, x, y});
    else
      what = text::fill(m.note_one, {first ? fa : fb, first ? x : y});
    note.message =
        text::fill(m.note_no_variance, {what, stats.icc ? m.note_r_undefined : m.note_r_icc_undefined});
    out.push_back(std::move(note));
  }
  if (has(core::AgreementNote::two_pairs)) out.push_back({"two_pairs", {}, m.note_two_pairs});
  if (has(core::AgreementNote::two_dyads)) out.push_back({"two_dyads", {}, m.note_two_dyads});
  if (has(core::AgreementNote::negative_icc)) {
    std::string which;
    int count = 0;
    for (std::size_t f = 0; f < core::kIccForms; ++f)
      if (stats.icc_forms[f].value && *stats.icc_forms[f].value < 0) {
        which += (which.empty() ? "" : ", ") + std::string(core::display_name(static_cast<core::IccForm>(f)));
        ++count;
      }
    out.push_back({"negative_icc", {}, text::fill(m.note_negative_icc, {which, std::to_string(count)})});
  }
  return out;
}

std::vector<std::string> agreement_note_lines(const ComparisonReport& report, const Comparison& comparison,
                                              const std::string& language, bool titles) {
  std::vector<std::pair<std::string, std::string>> grouped;  // (message, scales), in order of first use
  for (std::size_t s = 0; s < report.scale_ids.size(); ++s) {
    std::string label = report.scale_ids[s];
    if (titles) {
      const std::string title = core::pick_text(report.scale_titles[s], language);
      if (!title.empty()) label = title;
    }
    for (const AgreementNoteText& note : agreement_notes(report, comparison, s, language)) {
      auto it = std::find_if(grouped.begin(), grouped.end(),
                             [&](const auto& g) { return g.first == note.message; });
      if (it == grouped.end())
        grouped.emplace_back(note.message, label);
      else
        it->second += ", " + label;
    }
  }
  std::vector<std::string> out;
  for (const auto& [message, scales] : grouped)
    out.push_back(text::say(language, text::Msg::note_scales, {scales, message}));
  return out;
}

void write_comparison(const ComparisonReport& report, const CompareWriterOptions& options, std::FILE* out) {
  // The sections of the view for people; forms and comparisons are shown as their tables.
  const bool viewed = options.section == CompareSection::all || options.section == CompareSection::pairs ||
                      options.section == CompareSection::agreement ||
                      options.section == CompareSection::unpaired;
  if (options.format == OutputFormat::table && viewed)
    PeopleView(report, options, out).write();
  else
    Records(report, options, out).write();
}

}  // namespace alliance::io
