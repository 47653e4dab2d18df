// libFuzzer entry for `--set PATH=VALUE` (see load_targets.hpp): one argument per line.
#include "fuzz/load_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  staffplan::fuzz::set_overrides({reinterpret_cast<const char*>(data), size});
  return 0;
}
