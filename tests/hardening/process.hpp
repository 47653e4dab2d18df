#pragma once
// A staffplan child process the test can signal while it runs (run_cli.hpp only runs
// to completion). stdout and stderr go to files, read after the child ended.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/run_cli.hpp"

namespace staffplan::testing {

class Process {
 public:
  Process(const std::vector<std::string>& args, const std::string& folder)
      : out_path_(folder + "/stdout"), err_path_(folder + "/stderr") {
    std::vector<std::string> argv{STAFFPLAN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      const int out = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(err, 2);
      std::vector<char*> c_args;
      for (auto& a : argv) c_args.push_back(a.data());
      c_args.push_back(nullptr);
      ::execv(c_args[0], c_args.data());
      ::_exit(127);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process() {
    if (running()) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  void signal(int sig) const { ::kill(pid_, sig); }

  // Waits up to `limit` for the child to end; false when it is still running.
  bool wait_for(std::chrono::duration<double> limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (running()) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        finished_ = true;
        if (WIFEXITED(status)) exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) signal_number = WTERMSIG(status);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }

  bool running() const { return pid_ > 0 && !finished_; }
  pid_t pid() const { return pid_; }
  std::string out() const { return read_file(out_path_); }
  std::string err() const { return read_file(err_path_); }

  int exit_code = -1;
  int signal_number = 0;

 private:
  std::string out_path_, err_path_;
  pid_t pid_ = -1;
  bool finished_ = false;
};

}  // namespace staffplan::testing
