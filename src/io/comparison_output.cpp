// Output of `alliance compare` (docs/compare.md): table, JSON, CSV, TSV.
#include <algorithm>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/comparison_writer.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

CompareSection parse_compare_section(const std::string& name) {
  if (name == "pairs") return CompareSection::pairs;
  if (name == "agreement") return CompareSection::agreement;
  if (name == "unpaired") return CompareSection::unpaired;
  throw Error(ExitCode::usage, "unknown section '" + name + "' (expected pairs, agreement or unpaired)");
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

// "no_variance;two_pairs": the codes of a scale's notes, for a CSV cell.
std::string note_codes(const ComparisonReport& r, const Comparison& c, std::size_t s) {
  std::string out;
  for (const AgreementNoteText& note : agreement_notes(r, c, s, "en"))
    out += (out.empty() ? "" : ";") + note.code;
  return out;
}

// ---- CSV / TSV -------------------------------------------------------------

class Delimited {
 public:
  Delimited(const ComparisonReport& r, const CompareWriterOptions& o, std::FILE* out)
      : r_(r), o_(o), sep_(o.format == OutputFormat::tsv ? '\t' : ','), out_(out) {}

  void write() {
    switch (o_.section) {
      case CompareSection::all:
      case CompareSection::pairs: write_pairs(); break;
      case CompareSection::agreement: write_agreement(); break;
      case CompareSection::unpaired: write_unpaired(); break;
    }
    out_.flush();
  }

 private:
  void header(const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) out_.put(sep_);
      out_.put(names[i]);
    }
    out_.put('\n');
  }
  void cell(std::string_view text) {
    out_.put_delimited_cell(text, sep_);
    out_.put(sep_);
  }
  void number(const std::optional<double>& value) {
    if (value)
      out_.put_number(*value, o_.precision);
    else
      out_.put("NA");
    out_.put(sep_);
  }
  void session(const std::optional<int>& s) {
    if (s) out_.put_int(*s);
    out_.put(sep_);
  }
  void end_row() {
    out_.put('\n');
    out_.maybe_flush();
  }

  void write_pairs() {
    std::vector<std::string> names = {"comparison", "respondent", "session"};
    for (const std::string& id : r_.scale_ids)
      for (const char* suffix : {"_1", "_2", "_difference", "_status_1", "_status_2"})
        names.push_back(id + suffix);
    for (const char* name : {"items", "source_1", "source_2"}) names.emplace_back(name);
    header(names);
    for (const Comparison& c : r_.comparisons) {
      for (const ComparedPair& p : c.pairs) {
        cell(comparison_name(r_, c));
        cell(p.key.respondent);
        session(p.key.session);
        for (const core::ScaleComparison& s : p.comparison.scales) {
          number(s.first);
          number(s.second);
          number(s.difference);
          out_.put(core::to_string(s.first_status));
          out_.put(sep_);
          out_.put(core::to_string(s.second_status));
          out_.put(sep_);
        }
        std::string items;
        for (const core::ItemDifference& d : p.comparison.items)
          items +=
              (items.empty() ? "" : ";") + item_id(r_, c, d, true) + ":" + core::format_number(d.difference);
        cell(items);
        cell(first_record(r_, c, p).location);
        out_.put_delimited_cell(second_record(r_, c, p).location, sep_);
        end_row();
      }
    }
  }

  void write_agreement() {
    header({"comparison", "scale", "n", "excluded", "mean_1", "mean_2", "mean_difference", "sd_difference",
            "loa_lower", "loa_upper", "pearson_r", "icc_2_1", "notes"});
    for (const Comparison& c : r_.comparisons) {
      for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) {
        const core::AgreementStats& a = c.stats[s];
        cell(comparison_name(r_, c));
        cell(r_.scale_ids[s]);
        out_.put_int(static_cast<long long>(a.n));
        out_.put(sep_);
        out_.put_int(static_cast<long long>(c.excluded[s]));
        out_.put(sep_);
        for (const auto* v : {&a.mean_first, &a.mean_second, &a.mean_difference, &a.sd_difference,
                              &a.loa_lower, &a.loa_upper, &a.pearson_r, &a.icc})
          number(*v);
        out_.put(note_codes(r_, c, s));
        end_row();
      }
    }
  }

  void write_unpaired() {
    header({"form", "questionnaire", "respondent", "session", "reason", "status", "source"});
    for (const core::Unpaired& u : r_.unpaired) {
      const ComparedForm& f = r_.forms[u.form];
      const ResponseRecord& record = f.records[u.index];
      cell(f.role);
      cell(f.questionnaire->id);
      cell(record.response.respondent);
      session(record.response.session);
      out_.put(core::to_string(u.reason));
      out_.put(sep_);
      out_.put(record.valid() ? "valid" : "invalid");
      out_.put(sep_);
      out_.put_delimited_cell(record.location, sep_);
      end_row();
    }
  }

  const ComparisonReport& r_;
  const CompareWriterOptions& o_;
  char sep_;
  OutputBuffer out_;
};

// ---- JSON ------------------------------------------------------------------

class Json {
 public:
  Json(const ComparisonReport& r, const CompareWriterOptions& o, std::FILE* out) : r_(r), o_(o), out_(out) {}

  void write() {
    const bool all = o_.section == CompareSection::all;
    out_.put('{');
    key("forms");
    out_.put('[');
    for (std::size_t f = 0; f < r_.forms.size(); ++f) {
      const ComparedForm& form = r_.forms[f];
      if (f) out_.put(',');
      out_.put("{\"role\":");
      out_.put_json_string(form.role);
      out_.put(",\"questionnaire\":{\"id\":");
      out_.put_json_string(form.questionnaire->id);
      out_.put(",\"version\":");
      out_.put_json_string(form.questionnaire->version);
      out_.put(",\"hash\":");
      out_.put_json_string(form.definition_hash);
      out_.put("},\"responses\":");
      out_.put_int(static_cast<long long>(form.records.size()));
      out_.put('}');
    }
    out_.put("],");
    if (all || o_.section != CompareSection::unpaired) {
      key("comparisons");
      out_.put('[');
      for (std::size_t c = 0; c < r_.comparisons.size(); ++c) {
        if (c) out_.put(',');
        write_comparison(r_.comparisons[c], all || o_.section == CompareSection::pairs,
                         all || o_.section == CompareSection::agreement);
      }
      out_.put("],");
    }
    if (all || o_.section == CompareSection::unpaired) {
      key("unpaired");
      write_unpaired();
      out_.put(',');
    }
    key("alliance_version");
    out_.put_json_string(r_.alliance_version);
    out_.put("}\n");
    out_.flush();
  }

 private:
  void key(std::string_view k) {
    out_.put_json_string(k);
    out_.put(':');
  }
  void number(const std::optional<double>& value) { out_.put_json_number_or_null(value, o_.precision); }
  void session(const std::optional<int>& s) { out_.put_json_int_or_null(s); }

  void write_comparison(const Comparison& c, bool pairs, bool agreement) {
    const std::string& a = r_.forms[c.first].role;
    const std::string& b = r_.forms[c.second].role;
    out_.put("{\"name\":");
    out_.put_json_string(comparison_name(r_, c));
    out_.put(",\"first\":");
    out_.put_json_string(a);
    out_.put(",\"second\":");
    out_.put_json_string(b);
    out_.put(",\"difference\":");
    out_.put_json_string(a + " - " + b);
    out_.put(",\"item_pairing\":");
    out_.put_json_string(core::to_string(c.pairing.items));
    out_.put(",\"icc\":");
    out_.put_json_string(std::string(kIccName) +
                         ": two-way random effects, absolute agreement, single rater");
    if (pairs) {
      out_.put(",\"pairs\":[");
      for (std::size_t i = 0; i < c.pairs.size(); ++i) {
        if (i) out_.put(',');
        write_pair(c, c.pairs[i]);
      }
      out_.put(']');
    }
    if (agreement) {
      out_.put(",\"agreement\":{");
      for (std::size_t s = 0; s < r_.scale_ids.size(); ++s) {
        if (s) out_.put(',');
        key(r_.scale_ids[s]);
        const core::AgreementStats& st = c.stats[s];
        out_.put("{\"n\":");
        out_.put_int(static_cast<long long>(st.n));
        out_.put(",\"excluded\":");
        out_.put_int(static_cast<long long>(c.excluded[s]));
        out_.put(",\"mean_");
        out_.put(a);
        out_.put("\":");
        number(st.mean_first);
        out_.put(",\"mean_");
        out_.put(b);
        out_.put("\":");
        number(st.mean_second);
        const std::pair<const char*, const std::optional<double>*> rest[] = {
            {"mean_difference", &st.mean_difference},
            {"sd_difference", &st.sd_difference},
            {"loa_lower", &st.loa_lower},
            {"loa_upper", &st.loa_upper},
            {"pearson_r", &st.pearson_r},
            {"icc", &st.icc}};
        for (const auto& [name, value] : rest) {
          out_.put(',');
          key(name);
          number(*value);
        }
        out_.put(",\"notes\":[");
        const std::vector<AgreementNoteText> notes = agreement_notes(r_, c, s, "en");
        for (std::size_t n = 0; n < notes.size(); ++n) {
          if (n) out_.put(',');
          out_.put("{\"code\":");
          out_.put_json_string(notes[n].code);
          if (!notes[n].forms.empty()) {
            out_.put(",\"forms\":[");
            for (std::size_t f = 0; f < notes[n].forms.size(); ++f) {
              if (f) out_.put(',');
              out_.put_json_string(notes[n].forms[f]);
            }
            out_.put(']');
          }
          out_.put(",\"message\":");
          out_.put_json_string(notes[n].message);
          out_.put('}');
        }
        out_.put("]}");
      }
      out_.put('}');
    }
    out_.put('}');
    out_.maybe_flush();
  }

  void write_pair(const Comparison& c, const ComparedPair& p) {
    const std::string& a = r_.forms[c.first].role;
    const std::string& b = r_.forms[c.second].role;
    out_.put("\n{\"respondent\":");
    out_.put_json_string(p.key.respondent);
    out_.put(",\"session\":");
    session(p.key.session);
    out_.put(",\"sources\":{");
    key(a);
    out_.put_json_string(first_record(r_, c, p).location);
    out_.put(',');
    key(b);
    out_.put_json_string(second_record(r_, c, p).location);
    out_.put("},\"scores\":{");
    for (std::size_t s = 0; s < p.comparison.scales.size(); ++s) {
      const core::ScaleComparison& sc = p.comparison.scales[s];
      if (s) out_.put(',');
      key(r_.scale_ids[s]);
      out_.put('{');
      key(a);
      number(sc.first);
      out_.put(',');
      key(b);
      number(sc.second);
      out_.put(",\"difference\":");
      number(sc.difference);
      out_.put(',');
      key(a + "_status");
      out_.put_json_string(core::to_string(sc.first_status));
      out_.put(',');
      key(b + "_status");
      out_.put_json_string(core::to_string(sc.second_status));
      out_.put('}');
    }
    out_.put("},\"items\":[");
    for (std::size_t i = 0; i < p.comparison.items.size(); ++i) {
      const core::ItemDifference& d = p.comparison.items[i];
      if (i) out_.put(',');
      out_.put("{\"item\":");
      out_.put_json_string(item_id(r_, c, d, true));
      out_.put(",\"second_item\":");
      out_.put_json_string(item_id(r_, c, d, false));
      out_.put(',');
      key(a);
      out_.put_number(d.first, -1);
      out_.put(',');
      key(b);
      out_.put_number(d.second, -1);
      out_.put(",\"difference\":");
      out_.put_number(d.difference, -1);
      out_.put('}');
    }
    out_.put("]}");
  }

  void write_unpaired() {
    out_.put('[');
    for (std::size_t i = 0; i < r_.unpaired.size(); ++i) {
      const core::Unpaired& u = r_.unpaired[i];
      const ComparedForm& f = r_.forms[u.form];
      const ResponseRecord& record = f.records[u.index];
      if (i) out_.put(',');
      out_.put("\n{\"form\":");
      out_.put_json_string(f.role);
      out_.put(",\"questionnaire\":");
      out_.put_json_string(f.questionnaire->id);
      out_.put(",\"respondent\":");
      out_.put_json_string(record.response.respondent);
      out_.put(",\"session\":");
      session(record.response.session);
      out_.put(",\"reason\":");
      out_.put_json_string(core::to_string(u.reason));
      out_.put(",\"status\":");
      out_.put_json_string(record.valid() ? "valid" : "invalid");
      out_.put(",\"source\":");
      out_.put_json_string(record.location);
      out_.put('}');
    }
    out_.put(']');
  }

  const ComparisonReport& r_;
  const CompareWriterOptions& o_;
  OutputBuffer out_;
};

// ---- Table -----------------------------------------------------------------

class Table {
 public:
  Table(const ComparisonReport& r, const CompareWriterOptions& o, std::FILE* out)
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
  std::string fixed(const std::optional<double>& value) const { return value ? fixed(*value) : "-"; }

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
    for (auto& row : rows)  // ids from files: shown, never obeyed by the terminal
      for (std::string& cell : row) cell = core::terminal_safe(cell);
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
      widths.resize(std::max(widths.size(), row.size()), 0);
      for (std::size_t i = 0; i < row.size(); ++i)
        widths[i] = std::max(widths[i], core::display_width(row[i]));
    }
    for (const auto& row : rows) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += i + 1 == row.size() ? row[i] : core::pad_right(row[i], widths[i]);
        if (i + 1 < row.size()) line += "  ";
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_.put(line);
      out_.put('\n');
    }
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
      std::vector<std::string> row = {p.key.respondent, p.key.session ? std::to_string(*p.key.session) : "-"};
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
          a.loa_lower ? fixed(*a.loa_lower) + tr(" to ", " à ") + fixed(*a.loa_upper) : "-";
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
                      record.response.respondent.empty() ? "-" : record.response.respondent,
                      record.response.session ? std::to_string(*record.response.session) : "-",
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
  switch (options.format) {
    case OutputFormat::table: Table(report, options, out).write(); return;
    case OutputFormat::json:
    case OutputFormat::ndjson: Json(report, options, out).write(); return;
    case OutputFormat::csv:
    case OutputFormat::tsv: break;
  }
  Delimited(report, options, out).write();
}

}  // namespace alliance::io
