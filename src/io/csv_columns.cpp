#include "csv_columns.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/answer_text.hpp"
#include "alliance/text/messages.hpp"
#include "answer_parsing.hpp"
#include "item_index.hpp"

namespace alliance::io {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Lower case without separators or accents, so "Respondent ID",
// "respondent_id" and "RespondentId" are one name, and "Séance" is "seance".
std::string normalised(std::string_view name) {
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; });
  const std::string folded = ascii ? std::string() : fold_answer_text(name);  // the common case: ASCII
  std::string out;
  for (char c : ascii ? name : std::string_view(folded))
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string lowered(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Identifier columns recognised by name, including the names REDCap,
// Qualtrics and LimeSurvey exports use.
Role identifier_role(std::string_view name) {
  static const std::vector<std::pair<const char*, Role>> kNames = {{"respondent", Role::respondent},
                                                                   {"respondentid", Role::respondent},
                                                                   {"participant", Role::respondent},
                                                                   {"participantid", Role::respondent},
                                                                   {"subject", Role::respondent},
                                                                   {"subjectid", Role::respondent},
                                                                   {"client", Role::respondent},
                                                                   {"clientid", Role::respondent},
                                                                   {"patient", Role::respondent},
                                                                   {"patientid", Role::respondent},
                                                                   {"recordid", Role::respondent},
                                                                   {"responseid", Role::respondent},
                                                                   {"id", Role::respondent},
                                                                   {"session", Role::session},
                                                                   {"sessionnumber", Role::session},
                                                                   {"sessionno", Role::session},
                                                                   {"visit", Role::session},
                                                                   {"redcaprepeatinstance", Role::session},
                                                                   {"seance", Role::session},
                                                                   {"form", Role::form},
                                                                   {"date", Role::date},
                                                                   {"sessiondate", Role::date},
                                                                   {"recordeddate", Role::date},
                                                                   {"submitdate", Role::date},
                                                                   {"language", Role::language},
                                                                   {"lang", Role::language},
                                                                   {"userlanguage", Role::language},
                                                                   {"startlanguage", Role::language},
                                                                   {"questionnaire", Role::questionnaire},
                                                                   {"questionnaireversion", Role::version}};
  const std::string key = normalised(name);
  for (const auto& [known, role] : kNames)
    if (key == known) return role;
  return Role::ignored;
}

// What a column of this role holds, as a warning names it (csv_role_…).
text::Msg role_name(Role role) {
  switch (role) {
    case Role::respondent: return text::Msg::csv_role_respondent;
    case Role::session: return text::Msg::csv_role_session;
    case Role::form: return text::Msg::csv_role_form;
    case Role::date: return text::Msg::csv_role_date;
    case Role::language: return text::Msg::csv_role_language;
    case Role::questionnaire: return text::Msg::csv_role_questionnaire;
    case Role::version:
    case Role::item:
    case Role::ignored: break;
  }
  return text::Msg::csv_role_version;
}

// "a, b, c, … (24 in all)": at most `shown` names, in `lang`.
std::string name_list(const std::vector<std::string>& names, std::size_t shown = 6,
                      std::string_view lang = "en") {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown)
    out += text::say(lang, text::Msg::csv_list_in_all, {std::to_string(names.size())});
  return out;
}

// Throws Error(usage) unless `wanted` is a column of `names`: the same name
// in other case first, then in other spelling, then a close one, else the columns.
void require_column(const std::vector<std::string>& names, const std::string& wanted,
                    const std::string& option, const std::string& where) {
  if (std::find(names.begin(), names.end(), wanted) != names.end()) return;
  std::string hint;
  for (const std::string& name : names)
    if (hint.empty() && lowered(name) == lowered(wanted)) hint = name;
  for (const std::string& name : names)
    if (hint.empty() && !normalised(wanted).empty() && normalised(name) == normalised(wanted)) hint = name;
  if (hint.empty()) hint = core::closest_match(wanted, names).value_or("");
  throw Error(ExitCode::usage, [where, option, wanted, hint, names](std::string_view lang) {
    return text::say(lang, text::Msg::at_where, {where}) +
           (hint.empty()
                ? text::say(lang, text::Msg::csv_no_such_column, {option, wanted, name_list(names, 6, lang)})
                : text::say(lang, text::Msg::csv_no_such_column_near, {option, wanted, hint}));
  });
}

// The item a column names under `pattern` ("wai_{id}"), if any. A numeric id
// may carry leading zeros in the column ("SQ001" under "SQ{id}" is item 1)
// when the questionnaire has no item of that exact id.
std::optional<std::size_t> item_for(const ItemIndex& items, std::string_view column,
                                    std::string_view pattern) {
  const std::size_t hole = pattern.find("{id}");
  if (hole == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = pattern.substr(0, hole);
  const std::string_view suffix = pattern.substr(hole + 4);
  if (column.size() <= prefix.size() + suffix.size() || !column.starts_with(prefix) ||
      !column.ends_with(suffix))
    return std::nullopt;
  std::string_view id = column.substr(prefix.size(), column.size() - prefix.size() - suffix.size());
  if (auto item = items.find(id)) return item;
  if (id.size() < 2 || id.front() != '0' || !std::all_of(id.begin(), id.end(), is_digit)) return std::nullopt;
  while (id.size() > 1 && id.front() == '0') id.remove_prefix(1);
  return items.find(id);
}

// The patterns a column name could be an item under: its end is an item id
// ("wai_7" -> "wai_{id}"; not "Q1_17" -> "Q1_1{id}"), or its last run of
// digits is one, perhaps with leading zeros ("WAI[SQ007]" -> "WAI[SQ{id}]").
std::vector<std::string> patterns_of(const ItemIndex& items, const std::string& name) {
  std::vector<std::string> out;
  const auto add = [&out](std::string pattern) {
    if (std::find(out.begin(), out.end(), pattern) == out.end()) out.push_back(std::move(pattern));
  };
  for (std::size_t length = 1; length <= name.size() && length <= items.longest(); ++length) {
    const std::string_view id = std::string_view(name).substr(name.size() - length);
    if (!items.find(id)) continue;
    const std::string prefix = name.substr(0, name.size() - length);
    if (is_digit(id.front()) && !prefix.empty() && is_digit(prefix.back())) continue;
    add(prefix + "{id}");
  }
  std::size_t end = name.size();
  while (end > 0 && !is_digit(name[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && is_digit(name[start - 1])) --start;
  if (start < end && (end < name.size() || (end - start > 1 && name[start] == '0')))
    add(name.substr(0, start) + "{id}" + name.substr(end));
  return out;
}

// The columns named by one pattern.
struct Candidate {
  std::string pattern;
  std::vector<std::string> columns;
  std::vector<bool> items;
  std::size_t count = 0;  // items named
};

// "'WAI_{id}' names 11 of the 12 (WAI_1, WAI_2, WAI_3, …, WAI_12; no column for item 7)"
std::string describe_candidate(const Candidate& c, const core::Questionnaire& q,
                               const std::vector<bool>& mapped, std::size_t wanted, std::string_view lang) {
  std::string columns;
  for (std::size_t i = 0; i < c.columns.size() && i < 3; ++i) columns += (i ? ", " : "") + c.columns[i];
  if (c.columns.size() > 4) columns += ", …";
  if (c.columns.size() > 3) columns += ", " + c.columns.back();
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < q.items.size(); ++i)
    if (!mapped[i] && !c.items[i]) missing.push_back(q.items[i].id);
  if (!missing.empty())
    columns += text::say(lang, text::Msg::csv_pattern_missing,
                         {std::to_string(missing.size()), name_list(missing, 3, lang)});
  return c.count == wanted
             ? text::say(lang, text::Msg::csv_pattern_names_all, {c.pattern, std::to_string(wanted), columns})
             : text::say(lang, text::Msg::csv_pattern_names_some,
                         {c.pattern, std::to_string(c.count), std::to_string(wanted), columns});
}

// Every pattern that names an item not mapped by --map in some column not
// named by an option, most items first.
std::vector<Candidate> candidates_for(const core::Questionnaire& q, const ItemIndex& items,
                                      const std::vector<std::string>& names, const ColumnMapping& mapping,
                                      const std::vector<bool>& mapped) {
  std::map<std::string, Candidate> found;
  for (const std::string& name : names) {
    if (mapping.columns.contains(name) || name == mapping.respondent_column || name == mapping.session_column)
      continue;
    for (const std::string& pattern : patterns_of(items, name)) {
      const std::optional<std::size_t> item = item_for(items, name, pattern);
      if (!item || mapped[*item]) continue;
      Candidate& c = found[pattern];
      if (c.items.empty()) {
        c.pattern = pattern;
        c.items.assign(q.items.size(), false);
      }
      c.columns.push_back(name);
      if (!c.items[*item]) ++c.count;
      c.items[*item] = true;
    }
  }
  std::vector<Candidate> candidates;
  for (auto& [pattern, c] : found) candidates.push_back(std::move(c));
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.count > b.count; });
  return candidates;
}

// The pattern that names every item not mapped by --map, when exactly one
// does; "" when --map maps every item; "{id}" when no column names an item
// (check_items then says so). Throws Error(invalid_input) otherwise.
std::string detect_pattern(const core::Questionnaire& q, const ItemIndex& items,
                           const std::vector<std::string>& names, const ColumnMapping& mapping,
                           const std::vector<bool>& mapped, const std::string& where) {
  const auto unmapped = static_cast<std::size_t>(std::count(mapped.begin(), mapped.end(), false));
  if (unmapped == 0) return "";
  const std::vector<Candidate> candidates = candidates_for(q, items, names, mapping, mapped);
  if (candidates.empty()) return "{id}";
  std::vector<const Candidate*> complete;
  for (const Candidate& c : candidates)
    if (c.count == unmapped) complete.push_back(&c);
  if (complete.size() == 1) return complete.front()->pattern;
  const auto listed = [&](std::string_view lang) {
    std::string out;
    std::size_t n = 0;
    for (const Candidate& c : candidates) {
      if (!complete.empty() && c.count != unmapped) continue;
      const std::string_view separator = text::text(lang, text::Msg::csv_list_separator);
      if (n == 3) {
        out += std::string(separator) + "…";
        break;
      }
      out += (n++ ? std::string(separator) : "") + describe_candidate(c, q, mapped, unmapped, lang);
    }
    return out;
  };
  const bool all = unmapped == q.items.size();
  std::string en = listed("en"), fr = listed("fr");
  if (complete.empty()) {
    const std::string try_pattern = candidates.size() == 1 ? candidates[0].pattern : "";
    throw Error(ExitCode::invalid_input, [=, id = q.id](std::string_view lang) {
      return text::say(lang, text::Msg::at_where, {where}) +
             text::say(lang, all ? text::Msg::csv_no_pattern : text::Msg::csv_no_pattern_unmapped,
                       {id, text::is_french(lang) ? fr : en,
                        try_pattern.empty() ? text::say(lang, text::Msg::csv_pattern_word) : try_pattern});
    });
  }
  throw Error(ExitCode::invalid_input, [=, id = q.id,
                                        count = std::to_string(complete.size())](std::string_view lang) {
    return text::say(lang, text::Msg::at_where, {where}) +
           text::say(lang, all ? text::Msg::csv_many_patterns : text::Msg::csv_many_patterns_unmapped,
                     {count, id, text::is_french(lang) ? fr : en});
  });
}

// "\"a\", \"b\"": the names but the last, quoted (csv_warn_identifiers_more adds "and" and the last).
std::string quoted_but_last(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i + 1 < names.size(); ++i) out += (i == 0 ? "\"" : ", \"") + names[i] + "\"";
  return out;
}

// One column per identifier: the column an option names; else the first
// recognised by name, with a warning naming the others; else, for the
// respondent, an unnamed first column (R's write.csv and pandas' to_csv
// write their row names there). No respondent column with columns left
// unread is a warning too: the id may be among them.
void settle_identifiers(const std::vector<std::string>& names, const ColumnMapping& mapping,
                        const std::string& where, HeaderMapping& out) {
  std::vector<Column>& columns = out.columns;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    Role& role = columns[c].role;
    if ((role == Role::respondent && !mapping.respondent_column.empty() &&
         names[c] != mapping.respondent_column) ||
        (role == Role::session && !mapping.session_column.empty() && names[c] != mapping.session_column))
      role = Role::ignored;
  }
  for (Role role : {Role::respondent, Role::session, Role::form, Role::date, Role::language,
                    Role::questionnaire, Role::version}) {
    std::vector<std::string> holding;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].role != role) continue;
      if (!holding.empty()) columns[c].role = Role::ignored;
      holding.push_back(names[c]);
    }
    if (holding.size() < 2) continue;
    const std::string option = role == Role::respondent ? text::nested(text::Msg::csv_choose_id_column)
                               : role == Role::session  ? text::nested(text::Msg::csv_choose_session_column)
                                                        : "";
    // The role and the option: messages without arguments, so they can be arguments of this one.
    out.warnings.push_back(
        holding.size() == 2
            ? text::nested(text::Msg::csv_warn_identifiers,
                           {where, holding[0], holding[1], text::nested(role_name(role)), option})
            : text::nested(text::Msg::csv_warn_identifiers_more,
                           {where, quoted_but_last(holding), holding.back(), text::nested(role_name(role)),
                            holding.front(), option}));
  }
  const auto has = [&columns](Role role) {
    return std::any_of(columns.begin(), columns.end(), [role](const Column& c) { return c.role == role; });
  };
  if (!has(Role::respondent) && !names.empty() && names[0].empty() && columns[0].role == Role::ignored)
    columns[0].role = Role::respondent;
  if (has(Role::respondent)) return;
  std::vector<std::string> unread;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].role == Role::ignored) unread.push_back(names[c].empty() ? "\"\"" : names[c]);
  if (!unread.empty())
    out.warnings.push_back(text::nested(text::Msg::csv_warn_no_id_column, {where, name_list(unread)}));
}

// Errors and warnings about the items: none held by a column is an error,
// some is a warning for each.
void check_items(const core::Questionnaire& q, const std::vector<bool>& held, const std::string& pattern,
                 const std::string& where, HeaderMapping& out) {
  if (std::none_of(held.begin(), held.end(), [](bool h) { return h; }))
    throw Error(ExitCode::invalid_input, [where, id = q.id, pattern](std::string_view lang) {
      return text::say(lang, text::Msg::at_where, {where}) +
             text::say(lang,
                       pattern.empty() ? text::Msg::csv_no_item_column_by_id : text::Msg::csv_no_item_column,
                       {id, pattern});
    });
  for (std::size_t i = 0; i < held.size(); ++i)
    if (!held[i])
      out.warnings.push_back(text::nested(text::Msg::csv_warn_no_item_column, {where, q.items[i].id}));
}

// Throws Error(usage) when an option names a column `names` lacks, an item
// `q` lacks, or a pattern without {id}. The items --map maps.
std::vector<bool> check_options(const core::Questionnaire& q, const ItemIndex& items,
                                const std::vector<std::string>& names, const ColumnMapping& mapping,
                                const std::string& where) {
  if (!mapping.respondent_column.empty())
    require_column(names, mapping.respondent_column, "--id-column", where);
  if (!mapping.session_column.empty())
    require_column(names, mapping.session_column, "--session-column", where);
  std::vector<bool> mapped(q.items.size(), false);
  for (const auto& [column, item_id] : mapping.columns) {
    require_column(names, column, "--map " + column + "=" + item_id, where);
    const std::optional<std::size_t> item = items.find(item_id);
    if (!item) {
      std::vector<std::string> ids;
      for (const core::Item& i : q.items) ids.push_back(i.id);
      // Copies by name: a structured binding cannot be captured as such before C++20's
      // P1091 (clang, which builds the fuzz targets, refuses it).
      throw Error(ExitCode::usage, [column = column, item_id = item_id, id = q.id,
                                    close = core::closest_match(item_id, ids)](std::string_view lang) {
        return text::say(
            lang, text::Msg::map_no_such_item,
            {column, item_id, id, close ? text::say(lang, text::Msg::did_you_mean, {*close}) : ""});
      });
    }
    mapped[*item] = true;
  }
  if (!mapping.pattern.empty() && mapping.pattern.find("{id}") == std::string::npos)
    throw Error(ExitCode::usage, text::Message{text::Msg::columns_without_id, {mapping.pattern}});
  return mapped;
}

}  // namespace

HeaderMapping map_header(const core::Questionnaire& q, const std::vector<std::string>& header,
                         const ColumnMapping& mapping, const std::string& where) {
  const ItemIndex items(q);
  std::vector<std::string> names;
  for (const std::string& field : header) names.emplace_back(trim(field));
  const std::vector<bool> mapped = check_options(q, items, names, mapping, where);
  const std::string pattern =
      mapping.pattern.empty() ? detect_pattern(q, items, names, mapping, mapped, where) : mapping.pattern;
  HeaderMapping out;
  out.columns.assign(names.size(), Column{});
  std::vector<bool> held(q.items.size(), false);
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string& name = names[c];
    Column& column = out.columns[c];
    if (auto explicit_item = mapping.columns.find(name); explicit_item != mapping.columns.end())
      column = {Role::item, *items.find(explicit_item->second)};
    else if (name == mapping.respondent_column && !name.empty())
      column.role = Role::respondent;
    else if (name == mapping.session_column && !name.empty())
      column.role = Role::session;
    else if (auto item = pattern.empty() ? std::nullopt : item_for(items, name, pattern))
      column = {Role::item, *item};
    else
      column.role = identifier_role(name);
    if (column.role != Role::item) continue;
    if (held[column.item])
      throw Error(ExitCode::invalid_input,
                  [where, id = q.items[column.item].id, name = name](std::string_view lang) {
                    return text::say(lang, text::Msg::at_where, {where}) +
                           text::say(lang, text::Msg::csv_two_columns, {id, name});
                  });
    held[column.item] = true;
  }
  settle_identifiers(names, mapping, where, out);
  check_items(q, held, pattern, where, out);
  return out;
}

}  // namespace alliance::io
