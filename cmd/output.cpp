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
// target: the file appears complete or not at all.
void write_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw std::runtime_error(
        fmt::format("cannot create a temporary file in {}: {}", folder.string(), std::strerror(errno)));
  try {
    ::fchmod(fd, 0644);
    write_all(fd, text, path);
    if (::fsync(fd) != 0)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    if (::close(fd) != 0)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
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
  command.add_option("-o,--output", options.output, "Write the result to FILE (atomically)");
  command.add_flag("-q,--quiet", options.quiet, "No warnings or progress on stderr");
}

void emit(const CommonOptions& options, const std::string& text) {
  if (options.output.empty() || options.output == "-")
    write_all(STDOUT_FILENO, text, "standard output");
  else
    write_atomically(options.output, text);
}

void warn(const CommonOptions& options, const std::string& message) {
  if (!options.quiet) fmt::print(stderr, "{}\n", message);
}

bool progress_allowed(const CommonOptions& options) {
  return !options.quiet && ::isatty(STDERR_FILENO) == 1;
}

}  // namespace staffplan::cli
