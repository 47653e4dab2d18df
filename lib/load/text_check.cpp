// UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF) and control-character checks for plan text; see text_check.hpp.
#include "load/text_check.hpp"

#include <fmt/format.h>

namespace staffplan::load {
namespace {

// Length of the valid UTF-8 sequence at the start of `s`, and its code point; 0 when
// the bytes there are not valid UTF-8.
std::size_t decode(std::string_view s, char32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t length = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) length = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) length = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) length = 4, cp = b0 & 0x07, min = 0x10000;
  else return 0;
  if (s.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string control_name(char32_t cp) {
  switch (cp) {
    case 0x00: return "NUL";
    case 0x09: return "tab";
    case 0x0A: return "line break";
    case 0x0D: return "carriage return";
    case 0x1B: return "ESC";
    case 0x7F: return "DEL";
    default: return "a control character";
  }
}

}  // namespace

std::optional<std::string> text_problem(std::string_view text) {
  std::size_t character = 0;
  for (std::size_t at = 0; at < text.size();) {
    ++character;
    char32_t cp = 0;
    const std::size_t length = decode(text.substr(at), cp);
    if (length == 0)
      return fmt::format("is not valid UTF-8 (byte 0x{:02X} at character {})",
                         static_cast<unsigned char>(text[at]), character);
    if (is_control(cp))
      return fmt::format("contains {} (U+{:04X}) at character {}", control_name(cp),
                         static_cast<unsigned>(cp), character);
    at += length;
  }
  return std::nullopt;
}

std::string quote_excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size();) {
    if (characters == max_chars) return out + "...";
    ++characters;
    char32_t cp = 0;
    const std::size_t length = decode(text.substr(at), cp);
    if (length == 0 || is_control(cp)) {
      // One escape per byte keeps invalid and control bytes visible but inert.
      const std::size_t bytes = length == 0 ? 1 : length;
      for (std::size_t i = 0; i < bytes; ++i)
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[at + i]));
      at += bytes;
      continue;
    }
    out.append(text.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace staffplan::load
