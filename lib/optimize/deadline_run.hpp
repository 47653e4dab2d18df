#pragma once
// Runs one solver phase (Clp's LP, a CBC search) in a forked child process, so
// that `--time-limit` holds in every phase (issue 10): CBC checks its clock only
// between some of its steps, and on a loaded machine its root cuts and heuristics
// ran many seconds past the limit. The parent waits for the child's answer until
// the deadline and then kills it; the phase's result is then lost, never the
// incumbent the caller already has. A crash inside COIN-OR (a signal in the
// child) ends only that phase too.
//
// The child shares the parent's memory copy-on-write; it writes its result as
// bytes on a pipe and leaves with _exit (no atexit handlers, no stdio flush). A
// stop request (SIGINT, SIGTERM) seen by the parent is passed on as SIGINT.
// When fork is impossible, the phase runs in this process.
//
// The child says nothing itself: its stderr goes to /dev/null, because what COIN-OR
// writes there is noise to a user (Clp 1.17's assertion messages from a dying CBC
// heuristic reached the terminal under --quiet). Its progress goes to the parent on
// a second pipe, and the parent calls the caller's progress callback.
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "optimize/optimize.hpp"

namespace staffplan::optimize {

using ProgressCallback = std::function<void(const Progress&)>;

// Result bytes of `work` run in a child, or nothing when it did not answer before
// `deadline` (killed), died, or failed. `work` gets the callback to report progress
// through: it reaches `on_progress` in this process (none when `on_progress` is empty).
std::optional<std::string> run_until(const std::function<std::string(const ProgressCallback&)>& work,
                                     std::chrono::steady_clock::time_point deadline,
                                     const std::atomic<bool>* stop, const ProgressCallback& on_progress);

// Plain serialisation of the values the phases return.
class Bytes {
 public:
  void put(double v) { append(&v, sizeof v); }
  void put(const std::vector<double>& v) {
    put(static_cast<double>(v.size()));
    append(v.data(), v.size() * sizeof(double));
  }
  std::string take() { return std::move(data_); }
  explicit Bytes(std::string data = {}) : data_(std::move(data)) {}
  double get();
  std::vector<double> get_vector();

 private:
  // An empty vector's data() may be null, which memcpy and append must not see.
  void append(const void* p, std::size_t n) {
    if (n > 0) data_.append(static_cast<const char*>(p), n);
  }
  void read(void* p, std::size_t n);
  std::string data_;
  std::size_t pos_ = 0;
};

}  // namespace staffplan::optimize
