#include "alliance/text/messages.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

namespace alliance::text {

namespace {

constexpr const char* kEnglishTexts[] = {
#define ALLIANCE_MSG(id, en, fr) en,
#include "alliance/text/catalogue.inc"
#undef ALLIANCE_MSG
};

constexpr const char* kFrenchTexts[] = {
#define ALLIANCE_MSG(id, en, fr) fr,
#include "alliance/text/catalogue.inc"
#undef ALLIANCE_MSG
};

constexpr const char* kNames[] = {
#define ALLIANCE_MSG(id, en, fr) #id,
#include "alliance/text/catalogue.inc"
#undef ALLIANCE_MSG
};

const Messages kEnglish = {
#define ALLIANCE_MSG(id, en, fr) en,
#include "alliance/text/catalogue.inc"
#undef ALLIANCE_MSG
};

const Messages kFrench = {
#define ALLIANCE_MSG(id, en, fr) fr,
#include "alliance/text/catalogue.inc"
#undef ALLIANCE_MSG
};

static_assert(sizeof(kEnglishTexts) / sizeof(kEnglishTexts[0]) == kMessageCount);

// The ids messages.hpp was compiled with (message_ids.inc) are the catalogue's, in its order.
constexpr const char* kIdNames[] = {
#define ALLIANCE_MSG_ID(id) #id,
#include "alliance/text/message_ids.inc"
#undef ALLIANCE_MSG_ID
};

constexpr bool same_text(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

constexpr bool ids_match_catalogue() {
  for (std::size_t i = 0; i < kMessageCount; ++i)
    if (!same_text(kNames[i], kIdNames[i])) return false;
  return true;
}
static_assert(sizeof(kIdNames) / sizeof(kIdNames[0]) == kMessageCount && ids_match_catalogue(),
              "message_ids.inc is not the catalogue's list of ids: rebuild (cmake/message_ids.cmake)");
static_assert(sizeof(Messages) == kMessageCount * sizeof(const char*));

// {N:one|other} or {N:zero|one|other} (the part after ':' in `forms`) for the number `arg`.
std::string_view plural(std::string_view forms, std::string_view arg) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t bar = forms.find('|', start);
    parts.push_back(forms.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  long n = -1;
  const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
  const bool number = ec == std::errc() && end == arg.data() + arg.size();
  if (parts.size() == 3 && number && n == 0) return parts[0];
  if (number && n == 1) return parts[parts.size() == 3 ? 1 : 0];
  return parts.back();
}

// nested(): kNestMark, the id's number, then each argument after kNestSeparator.
constexpr std::string_view kNestMark = "\x1b\x1d";
constexpr char kNestSeparator = '\x1f';

template <typename Args>
std::string fill_from(std::string_view templ, const Args& args, std::string_view lang = "en");

// An argument as it is shown: a nested message rendered in `lang`, else itself.
std::string shown_argument(std::string_view arg, std::string_view lang) {
  if (!arg.starts_with(kNestMark)) return std::string(arg);
  arg.remove_prefix(kNestMark.size());
  std::size_t number = 0;
  const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), number);
  if (ec != std::errc() || number >= kMessageCount) return std::string(arg);
  std::vector<std::string> args;
  for (std::string_view rest(end, static_cast<std::size_t>(arg.data() + arg.size() - end)); !rest.empty();) {
    rest.remove_prefix(1);  // the separator
    const std::size_t next = rest.find(kNestSeparator);
    args.emplace_back(rest.substr(0, next));
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
  }
  return fill_from(text(lang, static_cast<Msg>(number)), args, lang);
}

template <typename Args>
std::string fill_from(std::string_view templ, const Args& args, std::string_view lang) {
  std::string out;
  out.reserve(templ.size() + 32);
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9' &&
        (templ[i + 2] == '}' || templ[i + 2] == ':')) {
      const auto index = static_cast<std::size_t>(templ[i + 1] - '1');
      const std::size_t close = templ.find('}', i + 2);
      if (index < args.size() && close != std::string_view::npos) {
        const std::string arg = shown_argument(*(args.begin() + static_cast<std::ptrdiff_t>(index)), lang);
        out += templ[i + 2] == '}' ? std::string_view(arg) : plural(templ.substr(i + 3, close - i - 3), arg);
        i = close;
        continue;
      }
    }
    out += templ[i];
  }
  return out;
}

bool digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool is_french(std::string_view lang) {
  return lang == "fr";
}

const Messages& messages(std::string_view lang) {
  return is_french(lang) ? kFrench : kEnglish;
}

std::string_view text(std::string_view lang, Msg id) {
  const auto i = static_cast<std::size_t>(id);
  return is_french(lang) ? kFrenchTexts[i] : kEnglishTexts[i];
}

std::string_view name(Msg id) {
  return kNames[static_cast<std::size_t>(id)];
}

std::string fill(std::string_view templ, std::initializer_list<std::string_view> args) {
  return fill_from(templ, args);
}

std::string say(std::string_view lang, Msg id, std::initializer_list<std::string_view> args) {
  return fill_from(text(lang, id), args, lang);
}

std::string say(std::string_view lang, const Message& message) {
  return fill_from(text(lang, message.id), message.args, lang);
}

std::string shown(std::string_view lang, std::string_view text) {
  return shown_argument(text, lang);
}

std::string nested(Msg id, std::vector<std::string> args) {
  std::string out(kNestMark);
  out += std::to_string(static_cast<std::size_t>(id));
  for (const std::string& arg : args) out += kNestSeparator + arg;
  return out;
}

std::string decimal(std::string_view lang, std::string_view number) {
  std::string out(number);
  if (!is_french(lang)) return out;
  for (std::size_t i = 1; i + 1 < out.size(); ++i)
    if (out[i] == '.' && digit(out[i - 1]) && digit(out[i + 1])) out[i] = ',';
  return out;
}

std::optional<Msg> system_reason_id(int error_number) {
  switch (error_number) {
    case ENOENT: return Msg::sys_enoent;
    case EACCES: return Msg::sys_eacces;
    case EPERM: return Msg::sys_eperm;
    case EISDIR: return Msg::sys_eisdir;
    case ENOTDIR: return Msg::sys_enotdir;
    case ENOSPC: return Msg::sys_enospc;
    case EDQUOT: return Msg::sys_edquot;
    case EROFS: return Msg::sys_erofs;
    case EEXIST: return Msg::sys_eexist;
    case ENAMETOOLONG: return Msg::sys_enametoolong;
    case ELOOP: return Msg::sys_eloop;
    case EMFILE: return Msg::sys_emfile;
    case ENFILE: return Msg::sys_enfile;
    case EIO: return Msg::sys_eio;
    case EFBIG: return Msg::sys_efbig;
    case EPIPE: return Msg::sys_epipe;
    case ENXIO: return Msg::sys_enxio;
    case ENODEV: return Msg::sys_enodev;
    case EBUSY: return Msg::sys_ebusy;
    case ETXTBSY: return Msg::sys_etxtbsy;
    case ESTALE: return Msg::sys_estale;
    case ENOMEM: return Msg::sys_enomem;
    case EAGAIN: return Msg::sys_eagain;
    case EINVAL: return Msg::sys_einval;
    case EINTR: return Msg::sys_eintr;
    case ESPIPE: return Msg::sys_espipe;
    case EBADF: return Msg::sys_ebadf;
    case EXDEV: return Msg::sys_exdev;
    case EOVERFLOW: return Msg::sys_eoverflow;
    case ENOLCK: return Msg::sys_enolck;
    case ETIMEDOUT: return Msg::sys_etimedout;
    default: return std::nullopt;
  }
}

std::string system_reason(int error_number) {
  if (const std::optional<Msg> id = system_reason_id(error_number)) return nested(*id);
  return std::strerror(error_number);
}

}  // namespace alliance::text
