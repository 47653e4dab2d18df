#pragma once
// How many terminal columns a UTF-8 string takes, for aligning table columns:
// combining marks and zero-width characters take none, East Asian wide and
// fullwidth characters (CJK, Hangul, fullwidth forms, most emoji) take two.
// A small wcwidth (after Markus Kuhn's) on code points, so the table needs no
// locale and gives the same bytes on every machine.
#include <cstddef>
#include <string_view>

namespace staffplan::report {

// Columns of one code point: 0, 1 or 2.
int code_point_width(char32_t cp);

// Columns of a UTF-8 string; a byte that is not UTF-8 counts as one column.
std::size_t display_width(std::string_view text);

}  // namespace staffplan::report
