#include "support/run_cli.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace staffplan::testing {
namespace {

std::string slurp_fd(int fd) {
  std::string text;
  char buffer[65536];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  return text;
}

// Spawns argv with stdin from a temp file and stdout/stderr into temp files
// (files, not pipes, so large outputs can never deadlock).
CliRun spawn(const std::vector<std::string>& argv, const std::string& stdin_text) {
  char in_name[] = "/tmp/staffplan-in-XXXXXX";
  char out_name[] = "/tmp/staffplan-out-XXXXXX";
  char err_name[] = "/tmp/staffplan-err-XXXXXX";
  const int in_fd = ::mkstemp(in_name), out_fd = ::mkstemp(out_name), err_fd = ::mkstemp(err_name);
  if (in_fd < 0 || out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  if (::write(in_fd, stdin_text.data(), stdin_text.size()) != static_cast<ssize_t>(stdin_text.size()))
    throw std::runtime_error("write failed");
  ::lseek(in_fd, 0, SEEK_SET);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("posix_spawn failed for " + argv[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);

  CliRun run;
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  ::lseek(out_fd, 0, SEEK_SET);
  ::lseek(err_fd, 0, SEEK_SET);
  run.out = slurp_fd(out_fd);
  run.err = slurp_fd(err_fd);
  for (int fd : {in_fd, out_fd, err_fd}) ::close(fd);
  for (const char* name : {in_name, out_name, err_name}) ::unlink(name);
  return run;
}

}  // namespace

CliRun run_staffplan(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::vector<std::string> argv{STAFFPLAN_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn(argv, stdin_text);
}

CliRun run_shell(const std::string& command) { return spawn({"/bin/sh", "-c", command}, ""); }

std::string source_path(const std::string& relative) {
  return std::string(STAFFPLAN_SOURCE_DIR) + "/" + relative;
}

std::string make_temp_dir() {
  char name[] = "/tmp/staffplan-test-XXXXXX";
  if (::mkdtemp(name) == nullptr) throw std::runtime_error("mkdtemp failed");
  return name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace staffplan::testing
