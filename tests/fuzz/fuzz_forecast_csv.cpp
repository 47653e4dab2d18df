// libFuzzer entry for the loader (see load_targets.hpp).
#include "fuzz/load_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  staffplan::fuzz::forecast_csv({reinterpret_cast<const char*>(data), size});
  return 0;
}
