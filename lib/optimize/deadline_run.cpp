#include "optimize/deadline_run.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

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

void reap(pid_t pid, bool kill_it) {
  if (kill_it) kill(pid, SIGKILL);
  while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

std::optional<std::string> run_until(const std::function<std::string()>& work,
                                     Clock::time_point deadline, const std::atomic<bool>* stop) {
  int fds[2];
  if (pipe(fds) != 0) return work();
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return work();
  }
  if (pid == 0) {
    close(fds[0]);
    int code = 1;
    try {
      const std::string out = work();
      code = write_all(fds[1], out) ? 0 : 1;
    } catch (...) {
      code = 1;
    }
    std::fflush(stderr);  // progress lines written by the phase
    _exit(code);
  }
  close(fds[1]);
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
      reap(pid, true);
      return std::nullopt;
    }
    pollfd p{fds[0], POLLIN, 0};
    // Wake at least every 100 ms to pass a stop request on.
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child has answered (or died)
    out.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

}  // namespace staffplan::optimize
