#include "report_text.hpp"

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"

namespace alliance::io::report {

namespace {

bool replaced(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0) || c == 0x061C || c == 0x200E ||
         c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

const char* word(Word w, const std::string& lang) {
  return text::text(lang, w).data();  // a string literal of the catalogue: terminated
}

std::string fill(std::string_view templ, std::initializer_list<std::string_view> values) {
  return text::fill(templ, values);
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const unsigned char byte = static_cast<unsigned char>(text.front());
    if (byte < 0x80 && byte >= 0x20 && byte != 0x7F) {
      switch (byte) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += static_cast<char>(byte);
      }
      text.remove_prefix(1);
      continue;
    }
    const core::Utf8Char c = core::decode_utf8(text);
    if (!c.valid || replaced(c.code))
      out += "\uFFFD";
    else
      out.append(text.substr(0, c.length));
    text.remove_prefix(c.length);
  }
  return out;
}

std::string number(double value, int decimals, const std::string& lang, bool signed_) {
  std::string text = core::format_fixed(value, decimals);
  const bool negative = text.front() == '-';
  if (negative) text.erase(0, 1);
  if (lang == "fr")
    for (char& c : text)
      if (c == '.') c = ',';
  if (negative) return "\u2212" + text;
  return signed_ && value > 0 ? "+" + text : text;
}

std::string coordinate(double value) {
  return core::format_fixed(value, 1);
}

}  // namespace alliance::io::report
