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
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace staffplan::optimize {

// Result bytes of `work` run in a child, or nothing when it did not answer before
// `deadline` (killed), died, or failed.
std::optional<std::string> run_until(const std::function<std::string()>& work,
                                     std::chrono::steady_clock::time_point deadline,
                                     const std::atomic<bool>* stop);

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
  double get() {
    double v = 0;
    read(&v, sizeof v);
    return v;
  }
  std::vector<double> get_vector() {
    const auto n = static_cast<std::size_t>(get());
    std::vector<double> v(n);
    read(v.data(), n * sizeof(double));
    return v;
  }

 private:
  // An empty vector's data() may be null, which memcpy and append must not see.
  void append(const void* p, std::size_t n) {
    if (n > 0) data_.append(static_cast<const char*>(p), n);
  }
  void read(void* p, std::size_t n) {
    if (pos_ + n > data_.size()) throw std::out_of_range("truncated solver phase result");
    if (n == 0) return;
    std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
  }
  std::string data_;
  std::size_t pos_ = 0;
};

}  // namespace staffplan::optimize
