#include "load/bounded_read.hpp"

namespace staffplan::load {

BoundedRead read_at_most(std::istream& in, std::size_t limit, std::string& text) {
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > limit) return BoundedRead::too_large;
  }
  return in.bad() ? BoundedRead::io_error : BoundedRead::ok;
}

}  // namespace staffplan::load
