#include "json_text.hpp"

#include <vector>

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
    return out;
  }
  const std::size_t position = builder.error_position();
  if (builder.error_id() == 406) {  // a number no double holds: 8e800
    const std::string& token = builder.error_token();
    const std::size_t start = position >= token.size() ? position - token.size() : 0;
    out.error = error_at(JsonError::Kind::number_range, text, start,
                         "number " + token + " is out of range (a number must lie within ±1.8e308)");
    return out;
  }
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while …"
  std::string message = builder.error_text();
  if (auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
  out.error =
      error_at(JsonError::Kind::syntax, text, position > 0 ? position - 1 : 0, "invalid JSON: " + message);
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
