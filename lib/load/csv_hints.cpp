// See csv_hints.hpp: pattern checks on the text of a CSV line or field.
#include "load/csv_hints.hpp"

#include <algorithm>

namespace staffplan::load {
namespace {

constexpr const char* kEuropean =
    "this looks like a spreadsheet export with European settings; export with ',' between fields, '.' as the "
    "decimal point and no thousands separators";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A digit, then `sep`, then a digit somewhere in `text` ("10,5", "1.200").
bool digit_sep_digit(std::string_view text, char sep) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i)
    if (text[i] == sep && is_digit(text[i - 1]) && is_digit(text[i + 1])) return true;
  return false;
}

}  // namespace

std::string header_hint(std::string_view line) {
  if (line.find('\r') != std::string_view::npos)
    return "; the lines end with a carriage return only (classic Mac OS line ends): save the file with "
           "Windows (CR LF) or Unix (LF) line ends";
  if (line.find(';') != std::string_view::npos && line.find(',') == std::string_view::npos)
    return std::string("; the fields are separated by ';': ") + kEuropean;
  if (line.find('\t') != std::string_view::npos && line.find(',') == std::string_view::npos)
    return "; the fields are separated by tabs: export as comma-separated values";
  return "";
}

// The last `count` comma-separated pieces are digits, maybe quoted or padded: a
// number like "10,5" or 1,200 split at its comma looks like this.
static bool numeric_tail(std::string_view line, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t comma = line.rfind(',');
    std::string_view piece = comma == std::string_view::npos ? line : line.substr(comma + 1);
    while (!piece.empty() && (piece.front() == ' ' || piece.front() == '"')) piece.remove_prefix(1);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '"')) piece.remove_suffix(1);
    if (piece.empty() || !std::all_of(piece.begin(), piece.end(), [](char c) { return is_digit(c) || c == '.'; }))
      return false;
    if (comma == std::string_view::npos) return k + 1 == count;
    line = line.substr(0, comma);
  }
  return true;
}

std::string field_count_hint(std::string_view line, std::size_t expected, std::size_t got) {
  if (got == 1 && line.find(';') != std::string_view::npos)
    return std::string("; the fields are separated by ';': ") + kEuropean;
  if (got > expected && numeric_tail(line, got - expected + 1))
    return std::string("; a number with ',' as the decimal point or thousands separator (\"10,5\", "
                       "\"1,200\") splits into two fields: ") +
           kEuropean;
  return "";
}

std::string number_hint(std::string_view field) {
  if (digit_sep_digit(field, ','))
    return std::string("; ',' as the decimal point or thousands separator: ") + kEuropean;
  const bool spaced = digit_sep_digit(field, ' ') || field.find("\xC2\xA0") != std::string_view::npos ||
                      field.find("\xE2\x80\xAF") != std::string_view::npos;
  if (spaced) return std::string("; a space as the thousands separator: ") + kEuropean;
  if (std::count(field.begin(), field.end(), '.') > 1)
    return std::string("; '.' as the thousands separator: ") + kEuropean;
  return "";
}

}  // namespace staffplan::load
