// The catalogue of messages (alliance/text/catalogue.inc): every id has both
// texts, the same placeholders in both, French typography in every French
// text; fill(), say() and the decimal comma.
#include "alliance/text/messages.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace alliance::text {
namespace {

Msg id_at(std::size_t i) {
  return static_cast<Msg>(i);
}

// The placeholders of a template: "{1}", "{2:…}" → {1, 2}.
std::set<int> placeholders(std::string_view templ) {
  std::set<int> out;
  for (std::size_t i = 0; i + 2 < templ.size(); ++i)
    if (templ[i] == '{' && templ[i + 1] >= '1' && templ[i + 1] <= '9' &&
        (templ[i + 2] == '}' || templ[i + 2] == ':'))
      out.insert(templ[i + 1] - '0');
  return out;
}

TEST(Catalogue, EveryIdHasAnEnglishAndAFrenchText) {
  ASSERT_GT(kMessageCount, 150u);
  for (std::size_t i = 0; i < kMessageCount; ++i) {
    SCOPED_TRACE(std::string(name(id_at(i))));
    EXPECT_FALSE(text("en", id_at(i)).empty());
    EXPECT_FALSE(text("fr", id_at(i)).empty());
    EXPECT_FALSE(name(id_at(i)).empty());
  }
}

TEST(Catalogue, BothLanguagesUseTheSamePlaceholders) {
  for (std::size_t i = 0; i < kMessageCount; ++i) {
    SCOPED_TRACE(std::string(name(id_at(i))));
    EXPECT_EQ(placeholders(text("en", id_at(i))), placeholders(text("fr", id_at(i))));
  }
}

TEST(Catalogue, IdsAndFieldsAreTheSameTexts) {
  EXPECT_EQ(text("fr", Msg::saved), messages("fr").saved);
  EXPECT_EQ(text("en", Msg::saved), messages("en").saved);
  EXPECT_EQ(name(Msg::saved), "saved");
  EXPECT_EQ(text("de", Msg::saved), text("en", Msg::saved));  // anything else is English
}

// French typography, checked in every French text: a no-break space
// (U+00A0) before : ; ? ! and inside « », typographic apostrophes, no "(s)".
// The key ? ("? pour l’aide") is a word, set off by ordinary spaces.
TEST(Catalogue, FrenchTypography) {
  constexpr std::string_view kNbsp = "\u00a0";
  for (std::size_t n = 0; n < kMessageCount; ++n) {
    const std::string_view text = alliance::text::text("fr", id_at(n));
    SCOPED_TRACE(std::string(name(id_at(n))) + ": " + std::string(text));
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool at_line_start = i == 0 || text[i - 1] == '\n';
      if (c == '\'') {
        ADD_FAILURE() << "straight apostrophe at " << i;
      } else if ((c == ':' || c == ';' || c == '!' || c == '?') && !at_line_start) {
        const bool nbsp = i >= 2 && text.substr(i - 2, 2) == kNbsp;
        const bool key = c == '?' && text[i - 1] == ' ' && i + 2 < text.size() && text[i + 1] == ' ' &&
                         std::islower(static_cast<unsigned char>(text[i + 2]));
        const bool plural = c == ':' && i >= 2 && text[i - 2] == '{';  // {1:one|other}
        EXPECT_TRUE(nbsp || key || plural) << "'" << c << "' at " << i << " without a no-break space";
      }
    }
    EXPECT_EQ(text.find("« "), std::string_view::npos);
    EXPECT_EQ(text.find(" »"), std::string_view::npos);
    EXPECT_EQ(text.find("(s)"), std::string_view::npos);
  }
  for (std::size_t n = 0; n < kMessageCount; ++n)
    EXPECT_EQ(text("en", id_at(n)).find("(s)"), std::string_view::npos);
}

// A plural choice ends at its first '}': a placeholder inside one ("{2:…|les {2} lignes}") would
// cut it short, and the reader would see the rest of the braces.
TEST(Catalogue, PluralChoicesHoldNoPlaceholder) {
  for (std::size_t n = 0; n < kMessageCount; ++n)
    for (const char* lang : kLanguages) {
      const std::string_view templ = text(lang, id_at(n));
      SCOPED_TRACE(std::string(name(id_at(n))) + " (" + lang + "): " + std::string(templ));
      for (std::size_t i = 0; i + 2 < templ.size(); ++i) {
        if (templ[i] != '{' || templ[i + 1] < '1' || templ[i + 1] > '9' || templ[i + 2] != ':') continue;
        const std::size_t close = templ.find('}', i);
        ASSERT_NE(close, std::string_view::npos);
        EXPECT_EQ(templ.substr(i + 3, close - i - 3).find('{'), std::string_view::npos);
      }
    }
}

TEST(Catalogue, FillAndSay) {
  EXPECT_EQ(fill("{2} then {1}, {3}", {"a", "b"}), "b then a, {3}");
  EXPECT_EQ(fill("{1} {1:item|items}", {"1"}), "1 item");
  EXPECT_EQ(fill("{1} {1:item|items}", {"2"}), "2 items");
  EXPECT_EQ(fill("{1} {1:question|question|questions}", {"0"}), "0 question");
  EXPECT_EQ(say("fr", Msg::saved, {"r.json"}), "Réponses enregistrées dans r.json");
  EXPECT_EQ(say("en", Message{Msg::saved, {"r.json"}}), "Answers saved in r.json");
}

TEST(Catalogue, DecimalCommaInFrenchOnly) {
  EXPECT_EQ(decimal("fr", "3.25"), "3,25");
  EXPECT_EQ(decimal("fr", "-0.5"), "-0,5");
  EXPECT_EQ(decimal("fr", "1..5"), "1..5");
  EXPECT_EQ(decimal("fr", "12"), "12");
  EXPECT_EQ(decimal("fr", ".5"), ".5");  // not written so by the program; left alone
  EXPECT_EQ(decimal("en", "3.25"), "3.25");
}

// The system's reasons: in English strerror's own words (so that English
// output is what it was before they went through the catalogue), in French
// the catalogue's; an error number without an entry is strerror's text.
TEST(Catalogue, SystemReasonsAreStrerrorsInEnglish) {
  const int common[] = {ENOENT, EACCES,       EPERM, EISDIR, ENOTDIR, ENOSPC, EDQUOT, EROFS,
                        EEXIST, ENAMETOOLONG, ELOOP, EMFILE, ENFILE,  EIO,    EFBIG};
  for (const int e : common) {
    SCOPED_TRACE(std::strerror(e));
    const std::optional<Msg> id = system_reason_id(e);
    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(text("en", *id), std::string_view(std::strerror(e)));
    EXPECT_EQ(shown("en", system_reason(e)), std::strerror(e));
    EXPECT_NE(shown("fr", system_reason(e)), std::strerror(e));
  }
  for (std::size_t i = 0; i < kMessageCount; ++i)  // every sys_ entry is an error number's
    if (name(id_at(i)).starts_with("sys_e")) {
      bool found = false;
      for (int e = 1; e < 200 && !found; ++e) found = system_reason_id(e) == id_at(i);
      EXPECT_TRUE(found) << name(id_at(i));
    }
  EXPECT_EQ(shown("fr", system_reason(ENOSPC)), "plus de place sur le disque");
  EXPECT_EQ(say("fr", Message{Msg::read_failed, {"r.csv", system_reason(EIO)}}),
            "r.csv\u00a0: lecture impossible\u00a0: erreur d’entrée-sortie");
  EXPECT_EQ(say("en", Message{Msg::read_failed, {"r.csv", system_reason(EIO)}}),
            "r.csv: cannot read: Input/output error");
  EXPECT_FALSE(system_reason_id(EHOSTDOWN).has_value());
  EXPECT_EQ(system_reason(EHOSTDOWN), std::strerror(EHOSTDOWN));
  EXPECT_EQ(shown("fr", system_reason(EHOSTDOWN)), std::strerror(EHOSTDOWN));
}

}  // namespace
}  // namespace alliance::text
