// Internal to io: turning raw answer text or numbers into checked answers,
// with the located messages every reader gives.
#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/answer_text.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

// Empty, NA, N/A, "." and null mean "not answered" (what R, SPSS and survey
// tools write for a missing answer).
inline bool is_missing_text(std::string_view text) {
  return text.empty() || text == "NA" || text == "." || text == "N/A" || text == "na" || text == "null";
}

inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A whole-text decimal number, or nullopt.
inline std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.size() <= 15) {  // the common case, a small whole number: exact as a double
    long long whole = 0;
    bool digits = true;
    for (char c : text) {
      digits = digits && c >= '0' && c <= '9';
      whole = whole * 10 + (c - '0');
    }
    if (digits) return static_cast<double>(whole);
  }
  double value = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || begin == end) return std::nullopt;
  return value;
}

// Records `value` for `item`, or a problem "<location>: item <id> = <value> <why>".
void set_answer(const core::Questionnaire& q, std::size_t item, double value, ResponseRecord& record);

// As set_answer, from the text of a CSV cell (missing markers, then a
// number; with `answers`, labels, codes and decimal commas too). `column`
// names the cell's column in the message of an answer that matches nothing.
void set_answer_text(const core::Questionnaire& q, std::size_t item, std::string_view text,
                     ResponseRecord& record, const AnswerText* answers = nullptr,
                     std::string_view column = {});

void add_problem(ResponseRecord& record, const std::string& message);
// A problem that is catalogue message `id` with `args`, at record.location.
void add_problem(ResponseRecord& record, text::Msg id, std::vector<std::string> args);
// A problem that is catalogue message `message`, at `place` (a text problem's
// "<file>:<line>:<column>", a stray quote's "<file>:<line>-<last>").
void add_problem_at(ResponseRecord& record, std::string place, text::Message message);

// Problems that concern the whole response: another questionnaire, another form.
void check_identity(const core::Questionnaire& q, ResponseRecord& record);

// Clears `record` for reuse, answers sized to the questionnaire.
void reset_record(const core::Questionnaire& q, ResponseRecord& record);

// Sets record.location to "<name>:<line>", reusing its storage.
void set_location(ResponseRecord& record, const std::string& name, long line);

}  // namespace alliance::io
