// libFuzzer entry for the unit parsers (see targets.hpp).
#include "fuzz/targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  staffplan::fuzz::units({reinterpret_cast<const char*>(data), size});
  return 0;
}
