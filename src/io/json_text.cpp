#include "json_text.hpp"

#include <utility>
#include <vector>

#include "alliance/text/messages.hpp"

namespace alliance::io {

using nlohmann::json;

namespace {

// Builds the document from nlohmann's SAX events, as its own DOM parser
// does, but refuses to open a container past the limit and notes repeated keys.
class DomBuilder {
 public:
  explicit DomBuilder(json& root) : root_(root) {}

  bool null() { return place(nullptr); }
  bool boolean(bool value) { return place(value); }
  bool number_integer(json::number_integer_t value) { return place(value); }
  bool number_unsigned(json::number_unsigned_t value) { return place(value); }
  bool number_float(json::number_float_t value, const std::string& /*text*/) { return place(value); }
  bool string(std::string& value) { return place(std::move(value)); }
  bool binary(json::binary_t& value) { return place(json::binary(value)); }  // not in JSON text

  bool start_object(std::size_t /*size*/) { return open(json::value_t::object); }
  bool start_array(std::size_t /*size*/) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& key) {
    auto& object = stack_.back()->get_ref<json::object_t&>();
    auto [member, inserted] = object.try_emplace(std::move(key));
    if (!inserted) duplicates_ = true;
    slot_ = &member->second;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& token, const json::exception& error) {
    error_position_ = position;
    error_token_ = token;
    error_id_ = error.id;
    error_text_ = error.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool duplicates() const { return duplicates_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_token() const { return error_token_; }
  int error_id() const { return error_id_; }
  const std::string& error_text() const { return error_text_; }

 private:
  // Puts a value where the parser is: the root, the next element, or the member just keyed.
  json* slot(json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      auto& array = top.get_ref<json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    *slot_ = std::move(value);
    return slot_;
  }

  template <typename T>
  bool place(T&& value) {
    slot(json(std::forward<T>(value)));
    return true;
  }

  bool open(json::value_t type) {
    if (stack_.size() >= kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    stack_.push_back(slot(json(type)));
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  json& root_;
  std::vector<json*> stack_;  // the open containers; pointers stay valid while a container is open
  json* slot_ = nullptr;
  bool too_deep_ = false;
  bool duplicates_ = false;
  std::size_t error_position_ = 0;
  std::string error_token_;
  int error_id_ = 0;
  std::string error_text_;
};

// "/x-deep/0/0/…/0/0" for a pointer of more than 6 tokens: the path of a
// value nested 129 deep says nothing a reader can use past its first levels.
std::string shortened(const std::string& pointer) {
  std::vector<std::size_t> slashes;
  for (std::size_t i = 0; i < pointer.size(); ++i)
    if (pointer[i] == '/') slashes.push_back(i);
  if (slashes.size() <= 6) return pointer;
  return pointer.substr(0, slashes[3]) + "/…" + pointer.substr(slashes[slashes.size() - 2]);
}

// nlohmann's "syntax error while parsing value - invalid literal; last read: 'tru'; expected …"
// as the arguments of Msg::json_syntax_error (its parts in the catalogue), or nullopt when it
// is not in that shape: then the words are the parser's, after "invalid JSON: ".
std::optional<std::vector<std::string>> syntax_parts(const std::string& message) {
  using text::Msg;
  constexpr std::string_view kStart = "syntax error while parsing ";
  if (!message.starts_with(kStart)) return std::nullopt;
  const std::size_t dash = message.find(" - ", kStart.size());
  if (dash == std::string::npos) return std::nullopt;
  const std::string context = message.substr(kStart.size(), dash - kStart.size());
  std::vector<std::string> parts = {context, "", "", ""};
  for (const auto& [english, id] : {std::pair<const char*, Msg>{"value", Msg::json_in_value},
                                    {"object key", Msg::json_in_object_key},
                                    {"object separator", Msg::json_in_object_separator},
                                    {"object", Msg::json_in_object},
                                    {"array", Msg::json_in_array}})
    if (context == english) parts[0] = text::nested(id);
  std::string rest = message.substr(dash + 3);
  const std::size_t expected = rest.rfind("; expected ");
  if (expected != std::string::npos) {
    const std::string what = rest.substr(expected + 11);
    parts[3] = what == "'[', '{', or a literal" ? text::nested(Msg::json_syntax_expected_value)
               : what == "string literal"       ? text::nested(Msg::json_syntax_expected_key)
                                                : text::nested(Msg::json_syntax_expected, {what});
    rest.resize(expected);
  }
  const std::size_t last = rest.find("; last read: ");
  if (last != std::string::npos) {
    parts[2] = text::nested(Msg::json_last_read, {rest.substr(last + 13)});
    rest.resize(last);
  }
  if (rest == "unexpected end of input")
    parts[1] = text::nested(Msg::json_syntax_end);
  else if (rest == "invalid literal")
    parts[1] = text::nested(Msg::json_syntax_literal);
  else if (rest == "invalid number; expected digit after '-'")
    parts[1] = text::nested(Msg::json_syntax_number);
  else if (rest.starts_with("unexpected "))
    parts[1] = text::nested(Msg::json_syntax_unexpected, {rest.substr(11)});
  else
    parts[1] = rest;
  return parts;
}

// The syntax error's catalogue messages, whose English is the parser's text.
void say_syntax(JsonError& error, const std::string& parser_text) {
  const std::optional<std::vector<std::string>> parts = syntax_parts(parser_text);
  text::Message said{text::Msg::json_invalid, {parser_text}};
  if (parts && text::say("en", text::Message{text::Msg::json_syntax_error, *parts}) == error.message)
    said = text::Message{text::Msg::json_syntax_error, *parts};
  error.said = said;
  if (said.id == text::Msg::json_syntax_error) {
    std::vector<std::string> args = {error.pointer};
    args.insert(args.end(), parts->begin(), parts->end());
    error.said_at_pointer = text::Message{text::Msg::json_syntax_error_at, std::move(args)};
  } else {
    error.said_at_pointer = text::Message{text::Msg::json_invalid_at, {error.pointer, parser_text}};
  }
}

JsonError error_at(JsonError::Kind kind, std::string_view text, std::size_t offset, std::string message) {
  JsonPlace place = place_at(text, offset);
  return {kind, place.position, std::move(place.pointer), std::move(message)};
}

}  // namespace

ParsedJson parse_json_text(std::string_view text) {
  ParsedJson out;
  DomBuilder builder(out.value);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder);
  out.duplicate_keys = builder.duplicates();
  if (ok) return out;
  out.value = nullptr;
  if (builder.too_deep()) {
    JsonPlace place = find_too_deep(text, kMaxJsonDepth).value_or(JsonPlace{});
    out.error = JsonError{JsonError::Kind::too_deep, place.position, shortened(place.pointer),
                          "arrays and objects nested more than " + std::to_string(kMaxJsonDepth) +
                              " deep: alliance reads at most " + std::to_string(kMaxJsonDepth) +
                              " levels (definitions and responses need at most 7)"};
    const std::string depth = std::to_string(kMaxJsonDepth);
    out.error->said = text::Message{text::Msg::json_too_deep, {depth}};
    out.error->said_at_pointer = text::Message{text::Msg::json_too_deep_at, {out.error->pointer, depth}};
    return out;
  }
  const std::size_t position = builder.error_position();
  if (builder.error_id() == 406) {  // a number no double holds: 8e800
    const std::string& token = builder.error_token();
    const std::size_t start = position >= token.size() ? position - token.size() : 0;
    out.error = error_at(JsonError::Kind::number_range, text, start,
                         "number " + token + " is out of range (a number must lie within ±1.8e308)");
    out.error->said = text::Message{text::Msg::json_number_range, {token}};
    out.error->said_at_pointer = text::Message{text::Msg::json_number_range_at, {out.error->pointer, token}};
    return out;
  }
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while …"
  std::string message = builder.error_text();
  if (auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
  out.error =
      error_at(JsonError::Kind::syntax, text, position > 0 ? position - 1 : 0, "invalid JSON: " + message);
  say_syntax(*out.error, message);
  return out;
}

bool blank_json_text(std::string_view text) {
  return text.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

std::string empty_input_message(const std::string& name) {
  return name == "<stdin>" ? "standard input is empty" : "the file is empty";
}

std::string format_json_error(const std::string& file, const JsonError& error) {
  std::string out =
      file + ":" + std::to_string(error.position.line) + ":" + std::to_string(error.position.column) + ": ";
  if (!error.pointer.empty()) out += error.pointer + ": ";
  return out + error.message;
}

}  // namespace alliance::io
