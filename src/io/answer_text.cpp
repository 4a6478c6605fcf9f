// Answers written as text (alliance/io/answer_text.hpp).
#include "alliance/io/answer_text.hpp"

#include <utf8proc.h>

#include <cstdlib>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/text/messages.hpp"
#include "answer_parsing.hpp"

namespace alliance::io {

namespace {

bool answer_text_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The value of a --recode pair: a number, or nullopt for a missing answer.
std::optional<std::optional<double>> recode_value(std::string_view text) {
  text = trim(text);
  if (is_missing_text(text)) return std::optional<double>{};
  if (auto number = parse_number(text)) return std::optional<double>{*number};
  return std::nullopt;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_recode(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::string code;
    std::size_t end = at;
    while (end < text.size() && answer_text_space(static_cast<unsigned char>(text[end]))) ++end;
    if (end < text.size() && text[end] == '"') {  // a quoted code: may hold ',' and '='
      std::size_t close = text.find('"', end + 1);
      if (close == std::string::npos)
        throw Error(ExitCode::usage, text::Message{text::Msg::recode_syntax, {text.substr(at)}});
      code = text.substr(end + 1, close - end - 1);
      end = close + 1;
    }
    const std::size_t comma = text.find(',', end);
    const std::string pair = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    const std::size_t eq = pair.find('=', end - at);
    if (eq == std::string::npos)
      throw Error(ExitCode::usage, text::Message{text::Msg::recode_syntax, {pair}});
    if (code.empty()) code = std::string(trim(pair.substr(0, eq)));
    if (code.empty()) throw Error(ExitCode::usage, text::Message{text::Msg::recode_syntax, {pair}});
    out.emplace_back(code, std::string(trim(pair.substr(eq + 1))));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

std::string fold_answer_text(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  std::string folded = n >= 0 ? std::string(reinterpret_cast<char*>(mapped), static_cast<std::size_t>(n))
                              : std::string(text);  // not UTF-8: compared as written
  std::free(mapped);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (answer_text_space(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

AnswerText::AnswerText(const core::Questionnaire& q, AnswerTextOptions options)
    : q_(&q), options_(std::move(options)) {
  const auto add = [this](const std::string& shown, std::optional<double> value, bool replace) {
    const std::string folded = fold_answer_text(shown);
    if (folded.empty()) return;
    if (replace)
      keys_[folded] = value;
    else if (!keys_.emplace(folded, value).second)
      return;  // a label spelt alike in two languages ("Parfois" twice): one entry
    shown_.push_back(shown);
    folded_shown_.push_back(folded);
  };
  if (q.scale.kind == core::ScaleKind::integer) {
    for (const auto& [lang, labels] : q.scale.labels) {
      std::string list;
      for (std::size_t k = 0; k < labels.size(); ++k) {
        add(labels[k], q.scale.min + static_cast<double>(k), false);
        list += (k ? ", " : "") + labels[k];
      }
      if (!list.empty()) label_list_.push_back(list);
    }
  }
  std::map<std::string, std::string> code_of_key;  // folded → the code as written, for conflicts
  for (const auto& [code, value_text] : options_.recode) {
    const std::optional<std::optional<double>> value = recode_value(value_text);
    if (!value) throw Error(ExitCode::usage, text::Message{text::Msg::recode_value, {code, value_text}});
    const std::string folded = fold_answer_text(code);
    if (auto [it, added] = code_of_key.emplace(folded, code); !added && keys_[folded] != *value)
      throw Error(ExitCode::usage, text::Message{text::Msg::recode_conflict, {it->second, code}});
    add(code, *value, true);
    codes_.push_back(code);
    if (parse_number(trim(code))) recodes_numbers_ = true;
  }
}

std::optional<double> AnswerText::numbered(std::string_view folded) const {
  const std::string prefix = fold_answer_text(options_.numbered_codes);
  if (prefix.empty() || !folded.starts_with(prefix) || folded.size() == prefix.size()) return std::nullopt;
  std::string_view digits = folded.substr(prefix.size());
  long k = 0;
  for (char c : digits) {
    if (c < '0' || c > '9' || k > 1000) return std::nullopt;
    k = k * 10 + (c - '0');
  }
  if (k < 1 || k > q_->scale.points()) return std::nullopt;  // "A9" on 5 points: no code of the scale
  return q_->scale.min + static_cast<double>(k - 1);
}

AnswerText::Result AnswerText::read(std::string_view cell) const {
  Result out;
  if (!keys_.empty() || !options_.numbered_codes.empty()) {
    const std::string folded = fold_answer_text(cell);
    if (auto it = keys_.find(folded); it != keys_.end()) {
      if (!it->second) {
        out.kind = Result::Kind::missing;
      } else {
        out.kind = Result::Kind::number;
        out.value = *it->second;
      }
      return out;
    }
    if (is_missing_text(cell)) {
      out.kind = Result::Kind::missing;
      return out;
    }
    if (auto number = parse_number(cell)) {
      out.kind = Result::Kind::number;
      out.value = *number;
      return out;
    }
    if (auto point = numbered(folded)) {
      out.kind = Result::Kind::number;
      out.value = *point;
      return out;
    }
    if (auto close = core::closest_match(folded, folded_shown_)) {
      for (std::size_t i = 0; i < folded_shown_.size(); ++i)
        if (folded_shown_[i] == *close) out.suggestion = shown_[i];
    }
  } else if (is_missing_text(cell)) {
    out.kind = Result::Kind::missing;
    return out;
  } else if (auto number = parse_number(cell)) {
    out.kind = Result::Kind::number;
    out.value = *number;
    return out;
  }
  if (options_.decimal_comma) {
    const std::size_t comma = cell.find(',');
    if (comma != std::string_view::npos && cell.find(',', comma + 1) == std::string_view::npos) {
      std::string point(cell);
      point[comma] = '.';
      if (auto number = parse_number(point)) {
        out.kind = Result::Kind::number;
        out.value = *number;
        out.suggestion.clear();
      }
    }
  }
  return out;
}

std::string AnswerText::words() const {
  std::string out;
  for (const std::string& list : label_list_) out += (out.empty() ? "" : "; ") + list;
  std::string codes;
  for (std::size_t i = 0; i < codes_.size() && i < 8; ++i) codes += (i ? ", " : "") + codes_[i];
  if (codes_.size() > 8) codes += ", …";
  if (!codes.empty()) out += (out.empty() ? "" : "; ") + codes;
  if (!options_.numbered_codes.empty())
    out += (out.empty() ? "" : "; ") + options_.numbered_codes + "1…" + options_.numbered_codes +
           std::to_string(q_->scale.points());
  return out;
}

}  // namespace alliance::io
