#include "flat_response.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "answer_parsing.hpp"

namespace alliance::io {

namespace {

// A cursor over one line that declines (returns false) at the first byte
// outside the flat shape.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool at_end() const { return p_ == end_; }
  bool eat(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool peek(char c) {
    skip_space();
    return p_ < end_ && *p_ == c;
  }

  // A string of printable ASCII without escapes (the rest goes to the full
  // parser, which validates UTF-8 and decodes escapes).
  bool plain_string(std::string_view& out) {
    if (!eat('"')) return false;
    const char* start = p_;
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;
      ++p_;
    }
    return false;
  }

  bool null() {
    skip_space();
    if (end_ - p_ < 4 || std::string_view(p_, 4) != "null") return false;
    p_ += 4;
    return true;
  }

  // A JSON number without exponent, at most 18 digits: -?(0|[1-9][0-9]*)(\.[0-9]+)?
  // Sets `integer` when it has no fraction.
  bool number(std::string_view& out, bool& integer) {
    skip_space();
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    const char* digits = p_;
    if (p_ < end_ && *p_ == '0') {
      ++p_;
    } else {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == digits) return false;
    }
    integer = true;
    if (p_ < end_ && *p_ == '.') {
      integer = false;
      const char* fraction = ++p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == fraction) return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E' || (*p_ >= '0' && *p_ <= '9'))) return false;
    if (p_ - start > 19) return false;
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

enum Key : unsigned {
  kRespondent = 1u << 0,
  kId = 1u << 1,
  kForm = 1u << 2,
  kDate = 1u << 3,
  kLanguage = 1u << 4,
  kQuestionnaire = 1u << 5,
  kSession = 1u << 6,
  kAnswers = 1u << 7,
  kResponses = 1u << 8,
};

unsigned key_of(std::string_view key) {
  if (key == "id") return kId;
  if (key == "responses") return kResponses;
  if (key == "answers") return kAnswers;
  if (key == "respondent") return kRespondent;
  if (key == "session") return kSession;
  if (key == "form") return kForm;
  if (key == "date") return kDate;
  if (key == "language") return kLanguage;
  if (key == "questionnaire") return kQuestionnaire;
  return 0;
}

// A text member as the full reader takes it: a string, null (""), or (except
// for dates) a non-negative integer written as its digits.
bool text_value(Scanner& in, bool allow_integer, std::string_view& out) {
  if (in.peek('"')) return in.plain_string(out);
  if (in.null()) {
    out = {};
    return true;
  }
  bool integer = false;
  if (!allow_integer || !in.number(out, integer)) return false;
  return integer && out[0] != '-';
}

// Items usually come in definition order: try the one after the last first.
// Then a scan for a short questionnaire (cheaper than a search), the index
// for a long one (a scan per answer would be quadratic).
std::size_t item_index(const core::Questionnaire& q, const ItemIndex& items, std::string_view id,
                       std::size_t hint) {
  if (hint < q.items.size() && q.items[hint].id == id) return hint;
  constexpr std::size_t kScanned = 40;
  if (q.items.size() > kScanned) return items.find(id).value_or(q.items.size());
  for (std::size_t i = 0; i < q.items.size(); ++i)
    if (q.items[i].id == id) return i;
  return q.items.size();
}

bool answers_object(const core::Questionnaire& q, const ItemIndex& items, Scanner& in,
                    core::Answers& answers) {
  if (!in.eat('{')) return false;
  if (in.eat('}')) return true;
  std::size_t hint = 0;
  // Items answered null so far: a repeated item is declined whether its
  // first answer was a number (answers[item] is set) or null (listed here).
  constexpr std::size_t kMaxNulls = 8;  // past that, the full reader
  std::size_t nulls[kMaxNulls];
  std::size_t null_count = 0;
  do {
    std::string_view id;
    if (!in.plain_string(id) || !in.eat(':')) return false;
    const std::size_t item = item_index(q, items, id, hint);
    hint = item + 1;
    if (item == q.items.size() || answers[item]) return false;  // unknown or repeated item
    if (null_count != 0 && std::find(nulls, nulls + null_count, item) != nulls + null_count)
      return false;  // repeated after a null
    if (in.null()) {
      if (null_count == kMaxNulls) return false;
      nulls[null_count++] = item;
      continue;
    }
    std::string_view text;
    bool integer = false;
    if (!in.number(text, integer)) return false;
    double value = 0;
    if (integer && text[0] != '-' && text.size() <= 15) {  // exact as a double
      long long whole = 0;
      for (char c : text) whole = whole * 10 + (c - '0');
      value = static_cast<double>(whole);
    } else {
      const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || ptr != text.data() + text.size()) return false;
    }
    if (core::check_answer(q, value) != core::AnswerProblem::none) return false;
    answers[item] = value;
  } while (in.eat(','));
  return in.eat('}');
}

}  // namespace

bool read_flat_response(const core::Questionnaire& q, const ItemIndex& items, std::string_view line,
                        ResponseRecord& record) {
  Scanner in(line);
  core::Response& r = record.response;
  unsigned seen = 0;
  std::string_view respondent;
  std::string_view id;
  if (!in.eat('{')) return false;
  if (in.eat('}')) return false;  // no answers: the full reader says so
  do {
    std::string_view name;
    if (!in.plain_string(name) || !in.eat(':')) return false;
    const unsigned key = key_of(name);
    if (key == 0 || (seen & key)) return false;
    seen |= key;
    std::string_view text;
    switch (key) {
      case kRespondent:
        if (!text_value(in, true, respondent)) return false;
        break;
      case kId:
        if (!text_value(in, true, id)) return false;
        break;
      case kForm:
        if (!text_value(in, true, text)) return false;
        r.form.assign(text);
        break;
      case kDate:
        if (!text_value(in, false, text)) return false;
        r.date.assign(text);
        break;
      case kLanguage:
        if (!text_value(in, true, text)) return false;
        r.language.assign(text);
        break;
      case kQuestionnaire:
        if (!text_value(in, false, text)) return false;
        r.questionnaire_id.assign(text);
        break;
      case kSession: {
        if (in.null()) break;
        bool integer = false;
        if (!in.number(text, integer) || !integer) return false;
        int session = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), session);
        if (ec != std::errc() || ptr != text.data() + text.size()) return false;
        r.session = session;
        break;
      }
      default:
        if (!answers_object(q, items, in, r.answers)) return false;
    }
  } while (in.eat(','));
  if (!in.eat('}')) return false;
  in.skip_space();
  if (!in.at_end()) return false;
  const unsigned answer_keys = seen & (kAnswers | kResponses);
  if (answer_keys != kAnswers && answer_keys != kResponses) return false;  // none, or both
  if ((seen & (kRespondent | kId)) == (kRespondent | kId)) return false;   // both: refused by the full reader
  r.respondent.assign((seen & kRespondent) ? respondent : id);
  check_identity(q, record);
  return true;
}

}  // namespace alliance::io
