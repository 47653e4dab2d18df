#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "cli.hpp"

namespace staffplan::cli {
namespace {

void write_all(int fd, const std::string& text, const std::string& what) {
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe{};
      throw std::runtime_error(fmt::format("cannot write {}: {}", what, std::strerror(errno)));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

// Write a temporary file in the target's folder, fsync it, then rename over the
// target: the file appears complete or not at all. A symlink is followed so that
// the file it points to is replaced, not the link itself.
void write_atomically(const std::string& path, const std::string& text, mode_t mode) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw std::runtime_error(
        fmt::format("cannot create a temporary file in {}: {}", folder.string(), std::strerror(errno)));
  try {
    ::fchmod(fd, mode);
    write_all(fd, text, path);
    if (::fsync(fd) != 0)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
}

// A device or FIFO (/dev/null, /dev/full, /dev/stdout, a named pipe) cannot be
// replaced by rename: it is written in place, and a failed write is still an error.
void write_in_place(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  try {
    write_all(fd, text, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0)
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
}

// Regular files (and new paths) get temp + rename; anything else is written in place.
void write_output_file(const std::string& path, const std::string& text) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    const mode_t mask = ::umask(0);  // new file: 0666 minus the umask, like any other tool
    ::umask(mask);
    write_atomically(path, text, 0666 & ~mask);
    return;
  }
  if (S_ISDIR(info.st_mode))
    throw std::runtime_error(fmt::format("cannot write {}: it is a directory", path));
  if (!S_ISREG(info.st_mode)) {
    write_in_place(path, text);
    return;
  }
  struct stat link {};
  const bool is_link = ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  const std::string target = is_link ? std::filesystem::canonical(path).string() : path;
  write_atomically(target, text, info.st_mode & 07777);  // keep the existing file's permissions
}

}  // namespace

report::Format CommonOptions::parsed_format() const {
  if (format == "csv") return report::Format::csv;
  if (format == "json") return report::Format::json;
  return report::Format::table;
}

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("-f,--format", options.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  command.add_option("-o,--output", options.output, "Write the result to FILE (atomically)")->type_name("FILE");
  command.add_flag("-q,--quiet", options.quiet, "No warnings or progress on stderr");
}

void emit(const CommonOptions& options, const std::string& text) {
  if (options.output.empty() || options.output == "-")
    write_all(STDOUT_FILENO, text, "standard output");
  else
    write_output_file(options.output, text);
}

void warn(const CommonOptions& options, const std::string& message) {
  if (!options.quiet) fmt::print(stderr, "{}\n", message);
}

bool progress_allowed(const CommonOptions& options) {
  return !options.quiet && ::isatty(STDERR_FILENO) == 1;
}

}  // namespace staffplan::cli
