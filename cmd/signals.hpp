#pragma once
// Signals (SPEC §6): a run ends with an exit code, never by a signal, and never
// leaves a temporary output file behind. SIGTERM (cron and systemd time-outs) is
// treated like Ctrl-C.
#include <atomic>
#include <string>

namespace staffplan::cli {

// While alive, the first SIGINT or SIGTERM sets `flag()` (the solver or the
// simulation polls it and stops with what it has); a second one ends the process
// at once with exit 130 (SIGINT) or 143 (SIGTERM). The handlers stay installed
// after a stop was requested, so a second signal while the result is being
// written still ends with an exit code instead of killing the process. A signal
// the caller ignores (nohup, `trap '' TERM`) stays ignored.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  static const std::atomic<bool>& flag();
  static bool requested() { return flag().load(); }
  // The name of the signal that asked to stop ("SIGINT" or "SIGTERM"), for messages.
  static const char* signal_name();
};

// A temporary output file that no signal leaves behind. While alive, SIGINT,
// SIGTERM and SIGHUP remove the file (if created) and end the process with exit
// 128 + signal number and a line on stderr; ignored signals stay ignored. Only one
// may exist at a time (the file name lives in a static buffer the handler reads).
class TempFile {
 public:
  // `pattern` ends in "XXXXXX" (mkstemp); throws std::runtime_error when too long.
  explicit TempFile(const std::string& pattern);
  ~TempFile();  // restores the previous handlers; does not remove the file
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int create();              // mkstemp: the open descriptor, or -1 with errno set
  std::string path() const;  // the name mkstemp chose
  void remove();             // unlink now (a failed write)
  void release();            // renamed into place: nothing left to remove
};

}  // namespace staffplan::cli
