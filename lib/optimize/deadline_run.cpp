#include "optimize/deadline_run.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "optimize/limits.hpp"

namespace staffplan::optimize {
namespace {

using Clock = std::chrono::steady_clock;

bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// One progress report on the progress pipe: fixed size, far below PIPE_BUF, so each
// write is atomic and the parent reads whole records.
using ProgressRecord = std::array<double, 7>;

ProgressRecord encode(const Progress& p) {
  return {p.elapsed_s,       p.best_cost ? 1.0 : 0.0, p.best_cost.value_or(0), p.lower_bound ? 1.0 : 0.0,
          p.lower_bound.value_or(0), p.gap ? 1.0 : 0.0, p.gap.value_or(0)};
}

Progress decode(const ProgressRecord& r) {
  Progress p;
  p.elapsed_s = r[0];
  if (r[1] != 0) p.best_cost = r[2];
  if (r[3] != 0) p.lower_bound = r[4];
  if (r[5] != 0) p.gap = r[6];
  return p;
}

// The last report passed on and when, for the heartbeat.
struct LastReport {
  std::optional<Progress> progress;
  Clock::time_point at;
};

// Calls `on_progress` for every whole record in `pending` and keeps the rest.
void deliver(std::string& pending, const ProgressCallback& on_progress, LastReport& last) {
  constexpr std::size_t size = sizeof(ProgressRecord);
  std::size_t used = 0;
  for (; pending.size() - used >= size; used += size) {
    ProgressRecord r;
    std::memcpy(r.data(), pending.data() + used, size);
    last.progress = decode(r);
    last.at = Clock::now();
    if (on_progress) on_progress(*last.progress);
  }
  pending.erase(0, used);
}

// The last report again, its clock advanced, once the child has been silent for
// kProgressHeartbeatSeconds (Clp's barrier, CBC's root cuts).
void heartbeat(const ProgressCallback& on_progress, LastReport& last) {
  if (!on_progress || !last.progress) return;
  const Clock::time_point now = Clock::now();
  const double silent = std::chrono::duration<double>(now - last.at).count();
  if (silent < detail::kProgressHeartbeatSeconds) return;
  last.progress->elapsed_s += silent;
  last.at = now;
  on_progress(*last.progress);
}

void reap(pid_t pid, bool kill_it) {
  if (kill_it) kill(pid, SIGKILL);
  while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

std::optional<std::string> run_until(const std::function<std::string(const ProgressCallback&)>& work,
                                     Clock::time_point deadline, const std::atomic<bool>* stop,
                                     const ProgressCallback& on_progress) {
  int fds[2];
  int progress_fds[2];
  if (pipe(fds) != 0) return work(on_progress);
  if (pipe(progress_fds) != 0) {
    close(fds[0]);
    close(fds[1]);
    return work(on_progress);
  }
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {fds[0], fds[1], progress_fds[0], progress_fds[1]}) close(fd);
    return work(on_progress);
  }
  if (pid == 0) {
    close(fds[0]);
    close(progress_fds[0]);
    if (const int quiet = open("/dev/null", O_WRONLY); quiet >= 0) {
      dup2(quiet, STDERR_FILENO);
      close(quiet);
    }
    const int progress_fd = progress_fds[1];
    const ProgressCallback report = [progress_fd](const Progress& p) {
      const ProgressRecord r = encode(p);
      write_all(progress_fd, std::string(reinterpret_cast<const char*>(r.data()), sizeof r));
    };
    int code = 1;
    try {
      const std::string out = work(on_progress ? report : ProgressCallback{});
      code = write_all(fds[1], out) ? 0 : 1;
    } catch (...) {
      code = 1;
    }
    _exit(code);
  }
  close(fds[1]);
  close(progress_fds[1]);
  std::string pending_progress;
  LastReport last;
  bool progress_open = true;
  std::string out;
  bool passed_stop = false;
  std::optional<Clock::time_point> stop_seen;
  char buffer[1 << 16];
  for (;;) {
    // A Ctrl-C at the terminal reaches the child too; a SIGTERM only this process.
    // Pass the stop on when the child has not answered half a second after it.
    if (stop && stop->load() && !stop_seen) stop_seen = Clock::now();
    if (stop_seen && !passed_stop && Clock::now() - *stop_seen > std::chrono::milliseconds(500)) {
      kill(pid, SIGINT);
      passed_stop = true;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      close(fds[0]);
      close(progress_fds[0]);
      reap(pid, true);
      return std::nullopt;
    }
    pollfd p[2] = {{fds[0], POLLIN, 0}, {progress_open ? progress_fds[0] : -1, POLLIN, 0}};
    // Wake at least every 100 ms to pass a stop request on.
    const int ready = poll(p, 2, static_cast<int>(std::min<long long>(left, 100)));
    if (ready < 0 && errno != EINTR) break;
    heartbeat(on_progress, last);
    if (ready <= 0) continue;
    if (p[1].revents != 0) {
      const ssize_t n = read(progress_fds[0], buffer, sizeof buffer);
      if (n > 0) {
        pending_progress.append(buffer, static_cast<std::size_t>(n));
        deliver(pending_progress, on_progress, last);
      } else if (n == 0 || errno != EINTR) {
        progress_open = false;
      }
    }
    if (p[0].revents == 0) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child has answered (or died)
    out.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  close(progress_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

double Bytes::get() {
  double v = 0;
  read(&v, sizeof v);
  return v;
}

std::vector<double> Bytes::get_vector() {
  const auto n = static_cast<std::size_t>(get());
  std::vector<double> v(n);
  read(v.data(), n * sizeof(double));
  return v;
}

void Bytes::read(void* p, std::size_t n) {
  if (pos_ + n > data_.size()) throw std::out_of_range("truncated solver phase result");
  if (n == 0) return;
  std::memcpy(p, data_.data() + pos_, n);
  pos_ += n;
}

}  // namespace staffplan::optimize
