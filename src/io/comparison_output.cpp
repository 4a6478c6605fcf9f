// Output of `alliance compare` (docs/compare.md): the tables of the record
// model (forms, comparisons, pairs, agreement, unpaired) for JSON, NDJSON,
// CSV and TSV, and a view for people.
#include <algorithm>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/comparison_writer.hpp"
#include "alliance/io/text_table.hpp"
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

constexpr const char* kIccName = "ICC(2,1)";

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

std::string role_name(const std::string& role, bool fr) {
  if (!fr || role == "client") return role;
  return role == "therapist" ? "thérapeute" : "observateur";
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
                    field("session", FieldType::integer)};
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
                        field("n", FieldType::integer), field("excluded", FieldType::integer)};
    for (const char* name : {"mean_1", "mean_2", "mean_difference", "sd_difference", "loa_lower", "loa_upper",
                             "pearson_r", "icc_2_1"})
      agreement.fields.push_back(field(name, FieldType::number));
    Field notes = field("notes", FieldType::records);
    notes.fields = {element_field("code", FieldType::text, true),
                    element_field("forms", FieldType::list, false),
                    element_field("message", FieldType::text, false)};
    agreement.fields.push_back(std::move(notes));

    unpaired.name = "unpaired";
    unpaired.fields = {field("form", FieldType::text),       field("respondent", FieldType::text),
                       field("session", FieldType::integer), field("reason", FieldType::text),
                       field("status", FieldType::text),     field("source", FieldType::text)};
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
        values = {Value::text(name), Value::text(r_.scale_ids[s]),
                  Value::integer(static_cast<long long>(a.n)),
                  Value::integer(static_cast<long long>(c.excluded[s]))};
        for (const auto* v : {&a.mean_first, &a.mean_second, &a.mean_difference, &a.sd_difference,
                              &a.loa_lower, &a.loa_upper, &a.pearson_r, &a.icc})
          values.push_back(Value::number(*v));
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
                      Value::integer(record.response.session), Value::text(core::to_string(u.reason)),
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
      : r_(r), o_(o), fr_(o.language == "fr"), decimals_(o.precision < 0 ? 2 : o.precision), out_(out) {}

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

  const char* tr(const char* en, const char* fr) const { return fr_ ? fr : en; }

  std::string role(const std::string& r) const {
    if (r == "client") return "client";
    if (r == "therapist") return tr("therapist", "thérapeute");
    return tr("observer", "observateur");
  }

  std::string upper_role(const std::string& r) const {
    if (r == "client") return "CLIENT";
    if (r == "therapist") return tr("THERAPIST", "THÉRAPEUTE");
    return tr("OBSERVER", "OBSERVATEUR");
  }

  std::string scale_title(std::size_t s) const {
    const std::string title = core::pick_text(r_.scale_titles[s], o_.language);
    return title.empty() ? r_.scale_ids[s] : title;
  }

  std::string fixed(double value) const { return core::format_fixed(value, decimals_); }
  std::string fixed(const std::optional<double>& value) const { return value ? fixed(*value) : kMissingCell; }

  std::string status_word(core::Status s) const {
    return s == core::Status::insufficient ? tr("insufficient", "insuffisant") : tr("invalid", "invalide");
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
    heading(c,
            std::to_string(c.pairs.size()) + (fr_ ? " paire" : " pair") + (c.pairs.size() == 1 ? "" : "s"));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> head = {tr("RESPONDENT", "RÉPONDANT"), tr("SESSION", "SÉANCE")};
    for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) head.push_back(scale_title(s));
    head.emplace_back(tr("MOST APART (ITEM: DIFF.)", "PLUS GRANDS ÉCARTS (ITEM : DIFF.)"));
    rows.push_back(head);
    for (const ComparedPair& p : c.pairs) {
      std::vector<std::string> row = {p.key.respondent,
                                      p.key.session ? std::to_string(*p.key.session) : kMissingCell};
      for (const core::ScaleComparison& s : p.comparison.scales) {
        const std::string a = s.first ? fixed(*s.first) : status_word(s.first_status);
        const std::string b = s.second ? fixed(*s.second) : status_word(s.second_status);
        row.push_back(a + " / " + b + (s.difference ? " (" + signed_fixed(*s.difference) + ")" : ""));
      }
      std::string items;
      for (const core::ItemDifference& d : p.comparison.items)
        items += (items.empty() ? "" : ", ") + item_id(r_, c, d, true) + (fr_ ? " : " : ": ") +
                 signed_number(d.difference);
      row.push_back(items);
      rows.push_back(std::move(row));
    }
    print(rows);
    const std::string a = role(r_.forms[c.first].role);
    const std::string b = role(r_.forms[c.second].role);
    out_.put(fr_ ? "Cellules : " + a + " / " + b + " (différence " + a + " − " + b + ")\n"
                 : "Cells: " + a + " / " + b + " (difference " + a + " − " + b + ")\n");
  }

  std::string signed_fixed(double value) const {
    const std::string text = fixed(value);
    return value > 0 && text.find_first_not_of("0.") != std::string::npos ? "+" + text : text;
  }

  void write_agreement(const Comparison& c) {
    heading(c, tr("Agreement", "Accord"));
    std::vector<std::vector<std::string>> rows;
    rows.push_back({tr("SCALE", "ÉCHELLE"), "N", tr("EXCL.", "EXCL."), upper_role(r_.forms[c.first].role),
                    upper_role(r_.forms[c.second].role), tr("MEAN DIFF.", "DIFF. MOY."), tr("SD", "ÉT"),
                    tr("95% LIMITS", "LIMITES À 95 %"), "r", kIccName});
    for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) {
      const core::AgreementStats& a = c.stats[s];
      const std::string limits =
          a.loa_lower ? fixed(*a.loa_lower) + tr(" to ", " à ") + fixed(*a.loa_upper) : kMissingCell;
      rows.push_back({scale_title(s), std::to_string(a.n), std::to_string(c.excluded[s]), fixed(a.mean_first),
                      fixed(a.mean_second), fixed(a.mean_difference), fixed(a.sd_difference), limits,
                      fixed(a.pearson_r), fixed(a.icc)});
    }
    print(rows);
    const std::string a = role(r_.forms[c.first].role);
    const std::string b = role(r_.forms[c.second].role);
    out_.put(fr_ ? "Moyennes de chaque forme ; différences " + a + " − " + b +
                       " ; limites d'accord = diff. moy. ± 1,96 ÉT\n"
                       "(Bland & Altman 1986) ; ICC(2,1) : effets aléatoires à deux facteurs, accord absolu, "
                       "un seul\n"
                       "juge (Shrout & Fleiss 1979). EXCL. : paires sans les deux scores.\n"
                 : "Means of each form; differences " + a + " − " + b +
                       "; limits of agreement = mean diff. ± 1.96 SD\n"
                       "(Bland & Altman 1986); ICC(2,1): two-way random effects, absolute agreement, single "
                       "rater\n"
                       "(Shrout & Fleiss 1979). EXCL.: pairs without both scores.\n");
    for (const std::string& line : agreement_note_lines(r_, c, o_.language, true))
      out_.put(tr("note: ", "note : ") + line + "\n");
  }

  void write_unpaired() {
    const std::size_t n = r_.unpaired.size();
    out_.put(fr_ ? std::to_string(n) + " réponse" + (n == 1 ? "" : "s") + " sans paire" + (n ? "" : ".") +
                       "\n"
                 : std::to_string(n) + " unpaired response" + (n == 1 ? "" : "s") + (n ? "" : ".") + "\n");
    if (n == 0) return;
    std::vector<std::vector<std::string>> rows;
    rows.push_back({tr("FORM", "FORME"), "QUESTIONNAIRE", tr("RESPONDENT", "RÉPONDANT"),
                    tr("SESSION", "SÉANCE"), tr("REASON", "RAISON"), "SOURCE"});
    for (const core::Unpaired& u : r_.unpaired) {
      const ComparedForm& f = r_.forms[u.form];
      const ResponseRecord& record = f.records[u.index];
      rows.push_back({role(f.role), f.questionnaire->id,
                      record.response.respondent.empty() ? kMissingCell : record.response.respondent,
                      record.response.session ? std::to_string(*record.response.session) : kMissingCell,
                      reason(u.reason), record.location});
    }
    print(rows);
  }

  std::string reason(core::UnpairedReason r) const {
    switch (r) {
      case core::UnpairedReason::no_partner: return tr("no other form", "pas d'autre forme");
      case core::UnpairedReason::duplicate: return tr("duplicate", "doublon");
      case core::UnpairedReason::no_respondent: break;
    }
    return tr("no respondent id", "pas d'identifiant");
  }

  const ComparisonReport& r_;
  const CompareWriterOptions& o_;
  bool fr_;
  int decimals_;
  OutputBuffer out_;
};

}  // namespace

std::vector<AgreementNoteText> agreement_notes(const ComparisonReport& report, const Comparison& comparison,
                                               std::size_t scale, const std::string& language) {
  const bool fr = language == "fr";
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
    const std::string x = core::format_readable(*stats.mean_first);
    const std::string y = core::format_readable(*stats.mean_second);
    const std::string fa = role_name(a, fr), fb = role_name(b, fr);
    std::string what;
    if (first && second && x == y && !stats.icc)
      what = fr ? "tous les scores " + fa + " et " + fb + " valent " + x
                : "every " + fa + " and every " + fb + " score is " + x;
    else if (first && second)
      what = fr ? "tous les scores " + fa + " valent " + x + " et tous les scores " + fb + " " + y
                : "every " + fa + " score is " + x + " and every " + fb + " score " + y;
    else
      what = fr ? "tous les scores " + (first ? fa : fb) + " valent " + (first ? x : y)
                : "every " + (first ? fa : fb) + " score is " + (first ? x : y);
    const std::string consequence =
        stats.icc ? (fr ? "r n'est pas défini (l'ICC(2,1) vaut 0)" : "r is undefined (the ICC(2,1) is 0)")
                  : (fr ? "r et l'ICC(2,1) ne sont pas définis" : "r and the ICC(2,1) are undefined");
    note.message = what + (fr ? " : sans variance, " : ": no variance, so ") + consequence;
    out.push_back(std::move(note));
  }
  if (has(core::AgreementNote::two_pairs))
    out.push_back(
        {"two_pairs",
         {},
         fr ? "2 paires seulement : r vaut +1 ou −1 quels que soient les scores, et l'ICC(2,1) ne "
              "repose que sur deux paires ; ni l'un ni l'autre ne dit si les formes s'accordent"
            : "only 2 pairs: r is +1 or −1 whatever the scores, and the ICC(2,1) rests on two pairs; "
              "neither says how well the forms agree"});
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
    out.push_back(scales + (language == "fr" ? " : " : ": ") + message);
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
