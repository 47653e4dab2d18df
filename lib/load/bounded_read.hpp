#pragma once
// Reading a whole input file with a size cap that holds even where the size is not
// known up front (a device such as /dev/zero, a pipe, a growing file).
#include <cstddef>
#include <istream>
#include <string>

namespace staffplan::load {

enum class BoundedRead { ok, too_large, io_error };

// Appends the rest of `in` to `text`, reading at most one block past `limit` bytes.
BoundedRead read_at_most(std::istream& in, std::size_t limit, std::string& text);

}  // namespace staffplan::load
