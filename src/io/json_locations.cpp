#include "alliance/io/json_locations.hpp"

namespace alliance::io {

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

TextPosition JsonLocations::find(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    auto found = values.find(p);
    if (found != values.end()) return found->second;
    if (p.empty()) return {};
    p.erase(p.rfind('/'));
  }
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition pos;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  JsonLocations run() {
    skip_space();
    value("");
    return std::move(out_);
  }

 private:
  void advance() {
    if (text_[i_] == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else {
      ++pos_.column;
    }
    ++i_;
  }
  bool more() const { return i_ < text_.size(); }
  char peek() const { return more() ? text_[i_] : '\0'; }

  void skip_space() {
    while (more() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
  }

  // Returns the raw content of a string (escapes decoded only for \" and \\ and \/,
  // enough for keys; other escapes are kept verbatim).
  std::string string() {
    std::string out;
    advance();  // opening quote
    while (more() && peek() != '"') {
      if (peek() == '\\') {
        advance();
        if (peek() == 'u') {
          out += "\\u";
        } else if (peek() == '"' || peek() == '\\' || peek() == '/') {
          out += peek();
        } else {
          out += '\\';
          out += peek();
        }
        advance();
        continue;
      }
      out += peek();
      advance();
    }
    if (more()) advance();  // closing quote
    return out;
  }

  void value(const std::string& pointer) {
    out_.values.emplace(pointer, pos_);
    switch (peek()) {
      case '{': object(pointer); break;
      case '[': array(pointer); break;
      case '"': string(); break;
      default:
        while (more() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n' &&
               peek() != '\r' && peek() != '\t')
          advance();
    }
  }

  void object(const std::string& pointer) {
    advance();
    std::map<std::string, TextPosition> keys;
    skip_space();
    while (more() && peek() != '}') {
      const TextPosition key_pos = pos_;
      const std::string member = pointer + "/" + pointer_token(string());
      auto [it, inserted] = keys.emplace(member, key_pos);
      if (!inserted) out_.duplicates.push_back({member, it->second, key_pos});
      skip_space();
      advance();  // ':'
      skip_space();
      if (inserted)
        value(member);
      else
        value(member + "#duplicate");
      skip_space();
      if (peek() == ',') advance();
      skip_space();
    }
    if (more()) advance();
  }

  void array(const std::string& pointer) {
    advance();
    skip_space();
    for (std::size_t index = 0; more() && peek() != ']'; ++index) {
      value(pointer + "/" + std::to_string(index));
      skip_space();
      if (peek() == ',') advance();
      skip_space();
    }
    if (more()) advance();
  }

  std::string_view text_;
  std::size_t i_ = 0;
  TextPosition pos_;
  JsonLocations out_;
};

}  // namespace

JsonLocations locate_json_values(std::string_view text) {
  return Scanner(text).run();
}

}  // namespace alliance::io
