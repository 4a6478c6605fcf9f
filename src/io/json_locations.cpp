#include "alliance/io/json_locations.hpp"

#include "alliance/core/utf8.hpp"

namespace alliance::io {

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
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

namespace {

// "a~1b" -> "a/b", "~0" -> "~".
std::string unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

void step(TextPosition& pos, char c) {
  constexpr int kMax = std::numeric_limits<int>::max();
  if (c == '\n') {
    if (pos.line < kMax) ++pos.line;
    pos.column = 1;
  } else if (pos.column < kMax) {
    ++pos.column;
  }
}

}  // namespace

TextPosition JsonLocations::find(const std::string& pointer) const {
  if (positions_.empty()) return {};
  std::uint32_t node = 0;
  std::size_t start = 0;
  while (start < pointer.size() && pointer[start] == '/') {
    const std::size_t end = std::min(pointer.find('/', start + 1), pointer.size());
    auto child =
        children_.find({node, unescape_token(std::string_view(pointer).substr(start + 1, end - start - 1))});
    if (child == children_.end()) break;
    node = child->second;
    start = end;
  }
  return positions_[node];
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition pos;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) step(pos, text[i]);
  return pos;
}

// One pass over JSON text with an explicit stack. Trusts the text to be valid
// JSON up to where it is asked to stop, but never reads out of bounds on any text.
class JsonScanner {
 public:
  struct Limits {
    std::size_t stop = std::numeric_limits<std::size_t>::max();       // byte offset to stop at
    std::size_t max_depth = std::numeric_limits<std::size_t>::max();  // stop before opening deeper
    bool record = false;                                              // fill locations()
  };

  JsonScanner(std::string_view text, Limits limits, LocateOptions options)
      : text_(text), limits_(limits), options_(options) {}

  void run() {
    if (text_.starts_with("\xEF\xBB\xBF") && limits_.stop >= 3)
      i_ = 3;  // a byte-order mark, as nlohmann skips it
    Expect expect = Expect::value;
    while (true) {
      skip_space();
      if (stopped()) break;
      Expect next = Expect::done;
      switch (expect) {
        case Expect::value: next = value(); break;
        case Expect::key_or_end:
          if (peek() == '}') {
            close();
            next = Expect::after;
          } else {
            next = key();
          }
          break;
        case Expect::key: next = key(); break;
        case Expect::element_or_end:
          if (peek() == ']') {
            close();
            next = Expect::after;
          } else {
            enter_element();
            next = Expect::value;
          }
          break;
        case Expect::after: next = after(); break;
        case Expect::done: break;
      }
      if (next == Expect::done) break;
      expect = next;
    }
    // Stopped between members (or at a byte that is not JSON there): the
    // place is the container. At or in a value, or too deep: that value.
    if (expect != Expect::value && !stack_.empty()) pointer_.resize(stack_.back().pointer_length);
  }

  bool too_deep() const { return too_deep_; }
  // The pointer where the scan stopped, and the position it had reached.
  JsonPlace place() const { return {pos_, pointer_}; }
  JsonLocations take_locations() { return std::move(out_); }

 private:
  enum class Expect { value, key_or_end, key, element_or_end, after, done };

  struct Frame {
    bool array = false;
    std::uint32_t node = JsonLocations::kNone;
    std::size_t pointer_length = 0;                     // of the container's own pointer
    std::size_t index = 0;                              // arrays: the next element's index
    std::string token;                                  // the current member's token (decoded key, or index)
    std::uint32_t child_parent = JsonLocations::kNone;  // node the current member is recorded under
    std::map<std::string, TextPosition> keys;           // objects: keys so far
  };

  bool stopped() const { return i_ >= text_.size() || i_ >= limits_.stop; }
  char peek() const { return stopped() ? '\0' : text_[i_]; }
  void advance() {
    step(pos_, text_[i_]);
    ++i_;
  }
  void skip_space() {
    while (i_ < text_.size() && i_ < limits_.stop &&
           (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n' || text_[i_] == '\r'))
      advance();
  }

  std::size_t part() const {
    if (stack_.empty() || !stack_.front().array || stack_.front().index == 0) return 0;
    return stack_.front().index - 1;
  }

  // At a value's first byte: records its position, then reads a scalar or opens a container.
  Expect value() {
    const std::size_t depth = stack_.size();
    std::uint32_t node = JsonLocations::kNone;
    if (limits_.record && depth <= options_.record_depth) {
      const std::uint32_t parent = depth == 0 ? JsonLocations::kNone : stack_.back().child_parent;
      if (depth == 0 || parent != JsonLocations::kNone) {
        node = static_cast<std::uint32_t>(out_.positions_.size());
        out_.positions_.push_back(pos_);
        if (depth > 0) out_.children_.emplace(std::make_pair(parent, stack_.back().token), node);
      }
    }
    const char c = peek();
    if (c == '{' || c == '[') {
      if (depth + 1 > limits_.max_depth) {
        too_deep_ = true;
        return Expect::done;
      }
      Frame frame;
      frame.array = c == '[';
      frame.node = node;
      frame.pointer_length = pointer_.size();
      stack_.push_back(std::move(frame));
      advance();
      return c == '[' ? Expect::element_or_end : Expect::key_or_end;
    }
    if (c == '"') {
      skip_string();
    } else {
      while (!stopped() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' &&
             peek() != '\n' && peek() != '\r' && peek() != '\t' && peek() != '"' && peek() != '{' &&
             peek() != '[')
        advance();
    }
    return stopped() ? Expect::done : Expect::after;  // stopped in it: the place is this value
  }

  void enter_element() {
    Frame& top = stack_.back();
    top.token = std::to_string(top.index++);
    top.child_parent = top.node;
    pointer_.resize(top.pointer_length);
    pointer_ += '/';
    pointer_ += top.token;
  }

  Expect key() {
    if (peek() != '"') return Expect::done;
    Frame& top = stack_.back();
    const TextPosition key_pos = pos_;
    top.token = read_string();
    pointer_.resize(top.pointer_length);
    if (stopped()) return Expect::done;  // in the key: the place is the object
    pointer_ += '/';
    pointer_ += pointer_token(top.token);
    if (limits_.record) {
      auto [seen, inserted] = top.keys.emplace(top.token, key_pos);
      top.child_parent = inserted ? top.node : JsonLocations::kNone;  // a duplicate's values are not located
      if (!inserted) duplicate(seen->second, key_pos);
    }
    skip_space();
    if (peek() != ':') return Expect::done;
    advance();
    return Expect::value;
  }

  void duplicate(TextPosition first, TextPosition second) {
    const std::size_t p = part();
    std::size_t& listed = listed_[p];
    if (listed < options_.duplicates_per_part) {
      ++listed;
      out_.duplicates.push_back({pointer_, first, second, p});
    } else {
      ++out_.more_duplicates[p];
    }
  }

  Expect after() {
    if (stack_.empty()) return Expect::done;  // anything after the root is not ours to read
    Frame& top = stack_.back();
    const char c = peek();
    if (c == ',') {
      advance();
      pointer_.resize(top.pointer_length);
      if (!top.array) return Expect::key;
      skip_space();
      if (stopped()) return Expect::element_or_end;
      enter_element();
      return Expect::value;
    }
    if (c == (top.array ? ']' : '}')) {
      close();
      return Expect::after;
    }
    return Expect::done;
  }

  void close() {
    pointer_.resize(stack_.back().pointer_length);
    stack_.pop_back();
    advance();
  }

  void skip_string() {
    advance();  // opening quote
    while (!stopped() && peek() != '"') {
      if (peek() == '\\') {
        advance();
        if (stopped()) return;
      }
      advance();
    }
    if (!stopped()) advance();  // closing quote
  }

  unsigned hex4() {
    unsigned code = 0;
    for (int k = 0; k < 4; ++k) {
      if (stopped()) return 0xFFFD;
      const char c = peek();
      unsigned digit = 0;
      if (c >= '0' && c <= '9')
        digit = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        digit = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        digit = static_cast<unsigned>(c - 'A' + 10);
      else
        return 0xFFFD;
      code = code * 16 + digit;
      advance();
    }
    return code;
  }

  // A string's content with its escapes decoded, as nlohmann decodes keys.
  std::string read_string() {
    std::string out;
    advance();  // opening quote
    while (!stopped() && peek() != '"') {
      if (peek() != '\\') {
        out += peek();
        advance();
        continue;
      }
      advance();
      if (stopped()) break;
      const char c = peek();
      advance();
      switch (c) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned code = hex4();
          if (code >= 0xD800 && code < 0xDC00 && i_ + 1 < text_.size() && text_[i_] == '\\' &&
              text_[i_ + 1] == 'u') {
            advance();
            advance();
            const unsigned low = hex4();
            code =
                low >= 0xDC00 && low < 0xE000 ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD;
          } else if (code >= 0xD800 && code < 0xE000) {
            code = 0xFFFD;
          }
          char bytes[4];
          out.append(bytes, core::encode_utf8(code, bytes));
          break;
        }
        default: out += c;  // \" \\ \/
      }
    }
    if (!stopped()) advance();  // closing quote
    return out;
  }

  std::string_view text_;
  Limits limits_;
  LocateOptions options_;
  std::size_t i_ = 0;
  TextPosition pos_;
  std::vector<Frame> stack_;
  std::string pointer_;                        // of the value being read
  std::map<std::size_t, std::size_t> listed_;  // part -> duplicates listed
  bool too_deep_ = false;
  JsonLocations out_;
};

JsonLocations locate_json_values(std::string_view text, const LocateOptions& options) {
  JsonScanner::Limits limits;
  limits.record = true;
  JsonScanner scanner(text, limits, options);
  scanner.run();
  return scanner.take_locations();
}

JsonPlace place_at(std::string_view text, std::size_t offset) {
  JsonScanner::Limits limits;
  limits.stop = offset;
  LocateOptions options;
  options.duplicates_per_part = 0;
  JsonScanner scanner(text, limits, options);
  scanner.run();
  return {position_of(text, offset), scanner.place().pointer};
}

std::optional<JsonPlace> find_too_deep(std::string_view text, std::size_t limit) {
  JsonScanner::Limits limits;
  limits.max_depth = limit;
  LocateOptions options;
  options.duplicates_per_part = 0;
  JsonScanner scanner(text, limits, options);
  scanner.run();
  if (!scanner.too_deep()) return std::nullopt;
  return scanner.place();
}

}  // namespace alliance::io
