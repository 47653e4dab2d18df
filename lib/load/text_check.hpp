#pragma once
// Rules for text that comes from input files and reaches output: names in the plan
// must be valid UTF-8 without control characters (SPEC §6), because they end up on
// terminals (ESC sequences), in CSV cells (CR, NUL) and in JSON strings (which must
// be UTF-8). Foreign text quoted in an error message is cut and escaped, so a
// binary or CR-only file cannot flood or drive the terminal.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace staffplan::load {

// Longest piece of foreign text (a CSV line, a header) quoted in a message.
inline constexpr std::size_t max_quoted_chars = 80;

// nullopt when `text` is valid UTF-8 without control characters (C0, DEL, C1);
// otherwise what is wrong and where, e.g. "contains the control character ESC
// (U+001B) at character 3".
std::optional<std::string> text_problem(std::string_view text);

// `text` made safe to quote: control characters and bytes that are not UTF-8 are
// written as \xNN, and text past `max_chars` characters is cut with "...".
std::string quote_excerpt(std::string_view text, std::size_t max_chars = max_quoted_chars);

}  // namespace staffplan::load
