#pragma once
// Probable causes for a forecast CSV that does not read, named in the error: a
// spreadsheet with European settings exports `;` as the separator and `,` as the
// decimal point ("10,5"), often with thousands separators ("1.200", "1 200"); an
// old Mac export ends lines with CR only. "expected 2 fields, got 3" alone sends
// the analyst looking in the wrong place.
#include <cstddef>
#include <string>
#include <string_view>

namespace staffplan::load {

// "" or a sentence fragment starting with "; " to append to a header error.
std::string header_hint(std::string_view line);

// "" or a fragment starting with "; " for a row with `got` fields where `expected`
// were wanted.
std::string field_count_hint(std::string_view line, std::size_t expected, std::size_t got);

// "" or a fragment starting with "; " for a number field that did not parse.
std::string number_hint(std::string_view field);

}  // namespace staffplan::load
