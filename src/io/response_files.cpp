#include "alliance/io/response_files.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "alliance/io/env.hpp"

namespace alliance::io {

namespace fs = std::filesystem;

namespace {

struct CodePoint {
  utf8proc_int32_t value = 0;
  std::string_view bytes;
};

// The code points of valid UTF-8 `text`.
std::vector<CodePoint> code_points(std::string_view text) {
  std::vector<CodePoint> out;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t at = 0;
  while (at < text.size()) {
    CodePoint c;
    const utf8proc_ssize_t n =
        utf8proc_iterate(data + at, static_cast<utf8proc_ssize_t>(text.size() - at), &c.value);
    const std::size_t size = n > 0 ? static_cast<std::size_t>(n) : 1;
    c.bytes = text.substr(at, size);
    out.push_back(c);
    at += size;
  }
  return out;
}

bool is_space(utf8proc_int32_t c) {
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

bool is_control(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return true;
    default: return false;
  }
}

bool kept_in_name(utf8proc_int32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

void escape(std::string& out, std::string_view bytes) {
  constexpr const char* kHex = "0123456789ABCDEF";
  for (const char ch : bytes) {
    const auto byte = static_cast<unsigned char>(ch);
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_date(std::string_view text) {  // YYYY-MM-DD
  if (text.size() != 10) return false;
  for (std::size_t i = 0; i < 10; ++i)
    if ((i == 4 || i == 7) ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  return true;
}

// "[s<session>-]<date>[-<sequence>].json": what follows "<id>-<questionnaire>-".
std::optional<NamedFile> parse_rest(std::string_view rest) {
  if (!rest.ends_with(".json")) return std::nullopt;
  rest.remove_suffix(5);
  NamedFile out;
  if (rest.starts_with("s")) {
    const std::size_t dash = rest.find('-');
    if (dash == std::string_view::npos || !all_digits(rest.substr(1, dash - 1))) return std::nullopt;
    out.session = std::atoi(std::string(rest.substr(1, dash - 1)).c_str());
    rest.remove_prefix(dash + 1);
  }
  if (rest.size() < 10 || !is_date(rest.substr(0, 10))) return std::nullopt;
  out.date = std::string(rest.substr(0, 10));
  rest.remove_prefix(10);
  if (!rest.empty()) {
    if (rest.front() != '-' || !all_digits(rest.substr(1))) return std::nullopt;
    out.sequence = std::atoi(std::string(rest.substr(1)).c_str());
    if (out.sequence < 2) return std::nullopt;
  }
  return out;
}

}  // namespace

RespondentId check_respondent_id(std::string_view text) {
  RespondentId out;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t size = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
      &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (size < 0) {
    out.problem = IdProblem::invalid_utf8;
    return out;
  }
  out.id.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(size));
  const std::vector<CodePoint> points = code_points(out.id);
  out.length = points.size();
  if (std::any_of(points.begin(), points.end(), [](const CodePoint& c) { return is_control(c.value); }))
    out.problem = IdProblem::control_character;
  else if (std::all_of(points.begin(), points.end(), [](const CodePoint& c) { return is_space(c.value); }))
    out.problem = IdProblem::blank;
  else if (is_space(points.front().value) || is_space(points.back().value))
    out.problem = IdProblem::edge_space;
  else if (points.size() > kMaxRespondentLength)
    out.problem = IdProblem::too_long;
  return out;
}

std::string id_in_file_name(std::string_view id) {
  std::string out;
  for (const CodePoint& c : code_points(id)) {
    const bool leading = out.empty() && (c.value == '.' || c.value == '-');
    if (kept_in_name(c.value) && !leading)
      out += c.bytes;
    else
      escape(out, c.bytes);
  }
  return out;
}

std::string legacy_id_in_file_name(std::string_view id) {
  std::string out(id);
  for (char& c : out)
    if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '.' &&
        c != '_' && c != '-')
      c = '_';
  if (!out.empty() && out.front() == '.') out.front() = '_';
  return out;
}

std::string default_file_name(const DefaultName& name) {
  std::string out = id_in_file_name(name.respondent) + "-" + name.questionnaire + "-";
  if (name.session) out += "s" + std::to_string(*name.session) + "-";
  out += name.date;
  if (name.sequence > 1) out += "-" + std::to_string(name.sequence);
  return out + ".json";
}

std::vector<NamedFile> default_named_files(const fs::path& dir, std::string_view respondent,
                                           std::string_view questionnaire) {
  return default_named_files(dir, respondent, questionnaire, real_env());
}

std::vector<NamedFile> default_named_files(const fs::path& dir, std::string_view respondent,
                                           std::string_view questionnaire, Env& env) {
  const std::string prefix = id_in_file_name(respondent) + "-" + std::string(questionnaire) + "-";
  const std::string legacy = legacy_id_in_file_name(respondent) + "-" + std::string(questionnaire) + "-";
  std::vector<NamedFile> out;
  for (const DirectoryEntry& entry : env.list_directory(dir)) {
    const std::string& name = entry.name;
    for (const std::string* start : {&prefix, &legacy}) {
      if (!name.starts_with(*start)) continue;
      if (std::optional<NamedFile> found = parse_rest(std::string_view(name).substr(start->size()))) {
        found->path = dir / name;
        found->legacy = start == &legacy;
        out.push_back(std::move(*found));
        break;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const NamedFile& a, const NamedFile& b) { return a.path < b.path; });
  return out;
}

int next_sequence(const std::vector<NamedFile>& files, std::optional<int> session, std::string_view date) {
  int highest = 0;
  for (const NamedFile& file : files)
    if (!file.legacy && file.session == session && file.date == date)
      highest = std::max(highest, file.sequence);
  return highest + 1;
}

fs::path replaced_name(const fs::path& file, std::string_view stamp) {
  fs::path out = file;
  out += ".replaced-";
  out += std::string(stamp);
  return out;
}

}  // namespace alliance::io
