// Signal handling of the CLI (SPEC §6). Handlers only touch lock-free atomics and
// call async-signal-safe functions (write, unlink, _exit).
#include "signals.hpp"

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace staffplan::cli {
namespace {

void say(const char* text) {
  const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

// Installs `handler` for every signal in `signals` whose current action is not
// "ignore", saving the previous actions in `saved` (same order).
template <std::size_t N>
void install(void (*handler)(int), const std::array<int, N>& signals, std::array<struct sigaction, N>& saved,
             std::array<bool, N>& installed) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  for (int sig : signals) sigaddset(&action.sa_mask, sig);  // one handler at a time
  for (std::size_t k = 0; k < N; ++k) {
    installed[k] = false;
    if (::sigaction(signals[k], nullptr, &saved[k]) != 0) continue;
    if (saved[k].sa_handler == SIG_IGN) continue;  // nohup / trap '' : keep ignoring
    installed[k] = ::sigaction(signals[k], &action, nullptr) == 0;
  }
}

template <std::size_t N>
void restore(const std::array<int, N>& signals, const std::array<struct sigaction, N>& saved,
             const std::array<bool, N>& installed) {
  for (std::size_t k = 0; k < N; ++k)
    if (installed[k]) ::sigaction(signals[k], &saved[k], nullptr);
}

// ---- StopOnSignal -------------------------------------------------------------

std::atomic<bool> stop_requested{false};
volatile sig_atomic_t stop_signal = 0;
static_assert(std::atomic<bool>::is_always_lock_free);

const std::array<int, 2> stop_signals{SIGINT, SIGTERM};
std::array<struct sigaction, 2> stop_saved{};
std::array<bool, 2> stop_installed{};

extern "C" void on_stop_signal(int sig) {
  if (stop_requested.exchange(true)) {
    say("staffplan: stopped at once by a second signal\n");
    _exit(128 + sig);
  }
  stop_signal = sig;
}

// ---- TempFile -----------------------------------------------------------------

std::array<char, PATH_MAX + 1> temp_name{};
volatile sig_atomic_t temp_armed = 0;  // temp_name may exist and must go on a signal
bool temp_in_use = false;

const std::array<int, 3> write_signals{SIGINT, SIGTERM, SIGHUP};
std::array<struct sigaction, 3> write_saved{};
std::array<bool, 3> write_installed{};

extern "C" void on_signal_while_writing(int sig) {
  if (temp_armed) {
    ::unlink(temp_name.data());
    say("staffplan: interrupted while writing the output; nothing was written\n");
  } else {
    say("staffplan: interrupted\n");
  }
  _exit(128 + sig);
}

}  // namespace

StopOnSignal::StopOnSignal() {
  stop_requested = false;
  stop_signal = 0;
  install(on_stop_signal, stop_signals, stop_saved, stop_installed);
}

StopOnSignal::~StopOnSignal() {
  if (!stop_requested) restore(stop_signals, stop_saved, stop_installed);
}

const std::atomic<bool>& StopOnSignal::flag() { return stop_requested; }

const char* StopOnSignal::signal_name() { return stop_signal == SIGTERM ? "SIGTERM" : "SIGINT"; }

TempFile::TempFile(const std::string& pattern) {
  if (temp_in_use) throw std::logic_error("TempFile: only one at a time");
  if (pattern.size() >= temp_name.size())
    throw std::runtime_error(fmt::format("cannot write into {}: the path is too long", pattern));
  std::memcpy(temp_name.data(), pattern.c_str(), pattern.size() + 1);
  temp_in_use = true;
  install(on_signal_while_writing, write_signals, write_saved, write_installed);
}

TempFile::~TempFile() {
  restore(write_signals, write_saved, write_installed);
  temp_armed = 0;
  temp_in_use = false;
}

int TempFile::create() {
  // Armed before the file exists: a signal between mkstemp's open and its return
  // must still find the name (unlinking a name not yet created is harmless).
  temp_armed = 1;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  const int fd = ::mkstemp(temp_name.data());
  if (fd < 0) {
    const int err = errno;
    temp_armed = 0;
    errno = err;
  }
  return fd;
}

std::string TempFile::path() const { return temp_name.data(); }

void TempFile::remove() {
  ::unlink(temp_name.data());  // then disarm: a signal in between unlinks a missing name
  std::atomic_signal_fence(std::memory_order_seq_cst);
  temp_armed = 0;
}

void TempFile::release() {
  temp_armed = 0;
  std::atomic_signal_fence(std::memory_order_seq_cst);
}

}  // namespace staffplan::cli
